"""Benchmark: the scorecard, the priorities and the audit's documents on the demo council.

    .venv/bin/python bench/audit_scorecard.py [--repeat 3] [--searches 2000]

Builds a throw-away SQLite database in a temporary folder, loads the demo council (its 2026
audit, survey, requests and searches included), adds --searches distinct searches that found
nothing (a year of a busy catalogue), then times, best of --repeat runs, with the database
queries each makes: the scorecard (every criterion and every dataset's quality score), the
ranked priorities, their CSV, and the audit report as DOCX and PDF.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def setup_django(folder: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "radadata.config.settings.test"
    import django
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database["NAME"] = str(folder / "bench.sqlite3")
    settings.MEDIA_ROOT = folder / "media"
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def timed(label: str, action: Callable[[], object], repeat: int) -> None:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    best, queries = float("inf"), 0
    for _n in range(repeat):
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            action()
            best = min(best, time.perf_counter() - start)
        queries = len(captured)
    print(f"{label:<38} {best * 1000:8.0f} ms  {queries:5d} queries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--searches", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="radadata-bench-audit-") as folder:
        setup_django(Path(folder))
        from django.utils import timezone

        from radadata.audit.documents import audit_report
        from radadata.audit.exports import as_csv, rows
        from radadata.audit.models import Audit, EmptySearch
        from radadata.audit.priorities import candidates
        from radadata.audit.scorecard import scorecard
        from radadata.registry.demo import load_demo
        from radadata.reports.renderers import render

        start = time.perf_counter()
        load_demo()
        print(f"demo council loaded in {time.perf_counter() - start:.1f} s")
        today = timezone.localdate()
        words = ("графік", "ремонт", "вода", "школа", "тариф", "бюджет", "укриття", "земля")
        EmptySearch.objects.bulk_create(
            EmptySearch(text=f"{words[n % len(words)]} {n}", count=1 + n % 5,
                        day=today - dt.timedelta(days=n % 365)) for n in range(args.searches))
        audit = Audit.objects.get()
        card = scorecard(today=today)
        ranked = candidates(today=today)
        print(f"{len(card.criteria)} criteria ({card.met} met), {len(card.quality)} datasets "
              f"scored (average {card.quality_average}), {len(ranked)} candidates, "
              f"{EmptySearch.objects.count()} empty searches")
        for criterion in card.criteria:
            print(f"  {criterion.code:<22} {criterion.numerator:4d} / {criterion.denominator}")
        timed("scorecard", lambda: scorecard(today=today), args.repeat)
        timed("priorities (ranked, with parts)", lambda: candidates(today=today), args.repeat)
        timed("priorities CSV", lambda: as_csv(rows(today=today)), args.repeat)
        timed("audit report DOCX", lambda: render(audit_report(audit), "docx"), args.repeat)
        timed("audit report PDF", lambda: render(audit_report(audit), "pdf"), args.repeat)


if __name__ == "__main__":
    main()
