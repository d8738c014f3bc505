"""Benchmark: a council moving in with its history, then the report of a past year.

    .venv/bin/python bench/import_history.py [--rows 2000]

Builds a throw-away SQLite database in a temporary folder and a workbook in the shape of a
council's own list with the history columns (40 owners, 10 of them structural units under the
executive committee; every tenth dataset on moderation, half of them on the approved list), then
times the dry run (with its database queries), the import, and the 2020 yearly report: the
figures from the registry and the PDF.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from _history_list import setup_django, workbook  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="radadata-bench-") as folder:
        setup_django(Path(folder))
        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        from django.utils import timezone

        from radadata.registry import imports
        from radadata.reports.builders.yearly import yearly_report
        from radadata.reports.documents.build import year_document
        from radadata.reports.renderers import render
        from radadata.reports.selectors import yearly_texts

        table = imports.read_table(workbook(options.rows), "history.xlsx")
        mapping = imports.recognise(table.header)
        now = timezone.now()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            plan = imports.plan_import(table, mapping, at=now)
        print(f"dry run, {options.rows} rows: {time.perf_counter() - started:.2f} s, "
              f"{len(queries)} queries, {len(plan.rejected)} rejected")
        started = time.perf_counter()
        imports.registry_import(table=table, mapping=mapping, by=None, at=now)
        spent = time.perf_counter() - started
        print(f"import: {spent:.1f} s ({spent / options.rows * 1000:.0f} ms a row)")
        today = dt.date.today()
        started = time.perf_counter()
        report = yearly_report(2020, today=today, texts=yearly_texts(2020).values)
        print(f"2020 report figures: {time.perf_counter() - started:.2f} s "
              f"({report.total_published} datasets, {report.on_moderation} on moderation)")
        started = time.perf_counter()
        render(year_document(2020, today=today), "pdf")
        print(f"2020 report PDF: {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
