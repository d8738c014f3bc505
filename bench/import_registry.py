"""Benchmark: applying a council's registry import of 10,000 new datasets.

    .venv/bin/python bench/import_registry.py [--rows 10000] [--per-row-rows 1000]

Builds a throw-away SQLite database in a temporary folder and a workbook in the shape of a
council's own list with the history columns and keywords (40 owners, created by the import;
every tenth dataset on moderation, half of them on the approved list). Prints, side by side,
rows per second (wall and CPU) and database queries of:

- reading the workbook (read_table) and the dry run (plan_import);
- the apply as RadaData does it (registry_import: the plan again, then the bulk writes and one
  search reindex, all in one transaction);
- the office's background job (reading the workbook, then the apply);
- the same apply through the per-row services (registry_import(bulk=False)), on
  --per-row-rows rows (at 10,000 it takes minutes);
- the alternative a developer would write by hand: the workbook read with openpyxl and the
  datasets inserted with Django's bulk_create (no validation, no history, no audit, no search).

Each apply is rolled back afterwards, so each starts from the same registry.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from _history_list import setup_django, workbook  # noqa: E402


class _Undo(Exception):
    pass


def measure(label: str, rows: int, work: Callable[[], object], results: list) -> None:
    """Run `work` in a transaction that is rolled back; note wall, CPU and queries."""
    from django.db import connection, transaction

    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            with transaction.atomic():
                work()
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                raise _Undo
        except _Undo:
            pass
    results.append((label, rows, wall, cpu, queries))
    print(f"  {label}: {rows} rows, {wall:.2f} s wall, {cpu:.2f} s CPU, {queries} queries",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--per-row-rows", type=int, default=1000,
                        help="Rows for the per-row services (0 to skip).")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="radadata-bench-") as folder:
        setup_django(Path(folder))
        from django.utils import timezone
        from openpyxl import load_workbook

        from radadata.catalog.models import SearchEntry
        from radadata.registry import imports
        from radadata.registry.models import Dataset, Owner

        body = workbook(options.rows, keywords=True)
        small = workbook(options.per_row_rows, keywords=True) if options.per_row_rows else b""
        table = imports.read_table(body, "registry.xlsx")
        mapping = imports.recognise(table.header)
        now = timezone.now()
        imports.plan_import(table, mapping, at=now)  # warm up: imports, dictionaries
        results: list = []
        print(f"Registry import of {options.rows} new datasets (history columns, keywords):")
        measure("read the workbook (read_table)", options.rows,
                lambda: imports.read_table(body, "registry.xlsx"), results)
        measure("dry run (plan_import)", options.rows,
                lambda: imports.plan_import(table, mapping, at=now), results)

        def apply_bulk() -> None:
            imports.registry_import(table=table, mapping=mapping, by=None, at=now, bulk=True)
            assert Dataset.objects.count() == options.rows
            assert SearchEntry.objects.count() == Dataset.objects.published().count() > 0

        measure("apply, RadaData (bulk)", options.rows, apply_bulk, results)
        def in_background() -> None:
            from django.core.files.base import ContentFile
            from django.core.files.storage import default_storage

            from radadata.jobs.services import job_run, job_start
            from radadata.registry.imports import job

            path = default_storage.save("imports/bench.xlsx", ContentFile(body))
            started = job_start(kind=job.KIND, by=None, at=now, params={
                "path": path, "filename": "registry.xlsx", "mapping": mapping})
            finished = job_run(started.pk)
            assert finished.status == "done", finished.message
            assert Dataset.objects.count() == options.rows

        measure("the office's background job (read + apply)", options.rows, in_background,
                results)
        if small:
            small_table = imports.read_table(small, "registry.xlsx")
            measure("apply, per-row services", options.per_row_rows,
                    lambda: imports.registry_import(table=small_table, mapping=mapping,
                                                    by=None, at=now, bulk=False), results)

        def by_hand() -> None:
            sheet = load_workbook(io.BytesIO(body), read_only=True).active
            owners: dict[str, Owner] = {}
            datasets = []
            for n, values in enumerate(sheet.iter_rows(min_row=2, values_only=True)):
                name = values[1]
                if name not in owners:
                    owners[name] = Owner.objects.create(
                        name=name, slug=f"bench-{len(owners)}", kind=values[2][:20],
                        edrpou=values[4] or "", created_at=now, updated_at=now)
                datasets.append(Dataset(
                    owner=owners[name], identifier=f"bench-{n}", name=f"bench-{n}",
                    title=values[5], description=values[6], purpose=values[7],
                    periodicity="annually", created_on=now.date(), registered_at=now,
                    updated_at=now))
            Dataset.objects.bulk_create(datasets, batch_size=500)

        measure("alternative: openpyxl + ORM bulk_create", options.rows, by_hand, results)
        print()
        print(f"{'work':42} {'rows/s wall':>12} {'rows/s CPU':>11} {'queries':>8} "
              f"{'queries/row':>12}")
        for label, rows, wall, cpu, queries in results:
            print(f"{label:42} {rows / wall:12.0f} {rows / cpu:11.0f} {queries:8d} "
                  f"{queries / rows:12.3f}")
        bulk_wall = results[2][2]
        print(f"\napply of {options.rows} rows: {bulk_wall:.1f} s wall (target ≤ 10 s)")
        print(f"background job of {options.rows} rows: {results[3][2]:.1f} s wall")
        if small:
            per_row = results[4][1] / results[4][2]
            print(f"bulk vs per-row services: {options.rows / bulk_wall / per_row:.1f}× "
                  f"the rows per second")
        print(f"bulk vs openpyxl + bulk_create: "
              f"{(options.rows / bulk_wall) / (results[-1][1] / results[-1][2]):.2f}× "
              f"the rows per second")


if __name__ == "__main__":
    main()
