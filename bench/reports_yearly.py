"""Benchmark: the yearly report to the council for a council of N datasets.

    .venv/bin/python bench/reports_yearly.py [--datasets 500] [--repeat 3]

Builds a throw-away SQLite database in a temporary folder with 20 owners (departments and
communal enterprises), N datasets registered and published over two years with one to three
published file versions each, an approved list, a few submissions on moderation and a year of
daily view and download counts; then times the yearly report of the first year: the figures
from the registry (the builder), the layout, and each format (DOCX, PDF, HTML, XLSX), best of
--repeat runs, with the database queries each step makes. Also times closing a quarter and the
КМУ 409 indicators of every owner.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from _catalog_data import bulk_owners  # noqa: E402

YEAR = 2025


def setup_django(folder: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "radadata.config.settings.test"
    import django
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database["NAME"] = str(folder / "bench.sqlite3")  # a file, as a council runs it
    settings.MEDIA_ROOT = folder / "media"
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def fill(count: int) -> None:
    from django.utils import timezone

    from radadata.catalog.models import DailyCount
    from radadata.registry.models import (
        ApprovedListItem,
        Council,
        Dataset,
        Owner,
        Resource,
        ResourceVersion,
    )
    from radadata.registry.vocabularies import DatasetStatus, OwnerKind, Periodicity
    from radadata.workflow.models import Kind, Submission, SubmissionEvent
    from radadata.workflow.states import Action, State

    rng = random.Random(409)
    start = timezone.make_aware(dt.datetime(YEAR - 1, 1, 10, 9))
    Council.objects.update_or_create(pk=1, defaults={"name": "Світлогірська міська рада",
                                                     "city": "Світлогірськ"})
    owners = bulk_owners([f"Управління номер {n} Світлогірської міської ради"
                          for n in range(15)], at=start)
    enterprises = [Owner(name=f"Комунальне підприємство «Служба {n}» Світлогірської міської ради",
                         slug=f"kp-{n}", kind=OwnerKind.ENTERPRISE, managing_owner=owners[n],
                         edrpou="", created_at=start, updated_at=start,
                         registered_on_portal=n % 2 == 0) for n in range(5)]
    Owner.objects.bulk_create(enterprises)
    Owner.objects.filter(pk__in=[o.pk for o in owners[::3]]).update(registered_on_portal=True)
    owners = list(Owner.objects.order_by("id"))
    periodicities = [p for p in Periodicity.values if p != Periodicity.NO_LONGER]
    datasets = []
    for n in range(count):
        registered = start + dt.timedelta(days=rng.randint(0, 500))
        published = registered + dt.timedelta(days=rng.randint(3, 60))
        if rng.random() < 0.15:
            published = None
        datasets.append(Dataset(
            identifier=f"svit-{n:05d}", name=f"svit-{n:05d}", owner=owners[n % len(owners)],
            title=f"Набір даних номер {n}: перелік об'єктів, договорів і рішень",
            description="Опис набору даних.", purpose="Закон України «Про доступ до публічної "
            "інформації»", periodicity=rng.choice(periodicities), created_on=registered.date(),
            status=DatasetStatus.PUBLISHED if published else DatasetStatus.REGISTERED,
            first_published_at=published, last_modified_at=published, registered_at=registered,
            updated_at=published or registered))
    Dataset.objects.bulk_create(datasets, batch_size=1000)
    datasets = list(Dataset.objects.order_by("id"))
    resources = Resource.objects.bulk_create(
        [Resource(dataset=d, title="Дані", created_at=d.registered_at) for d in datasets])
    versions = []
    for resource, dataset in zip(resources, datasets, strict=True):
        moment = dataset.first_published_at
        for number in range(1, rng.randint(1, 3) + 1):
            versions.append(ResourceVersion(
                resource=resource, number=number, file=f"datasets/{dataset.pk}/v{number}.csv",
                original_name="data.csv", sha256="0" * 64, size=1000,
                format=rng.choice(["CSV", "CSV", "XLSX", "JSON", "PDF"]),
                uploaded_at=moment or dataset.registered_at, published_at=moment))
            if moment is not None:
                moment += dt.timedelta(days=rng.randint(20, 120))
    ResourceVersion.objects.bulk_create(versions, batch_size=2000)
    ApprovedListItem.objects.bulk_create([
        ApprovedListItem(title=d.title, dataset=d, owner=d.owner, position=n,
                         added_at=d.registered_at)
        for n, d in enumerate(datasets, start=1) if n % 5])
    waiting = [d for d in datasets if d.first_published_at is None][:20]
    moment = timezone.make_aware(dt.datetime(YEAR, 12, 20, 11))
    submissions = Submission.objects.bulk_create([
        Submission(dataset=d, kind=Kind.NEW, state=State.UPLOADED, created_at=moment,
                   updated_at=moment, submitted_at=moment) for d in waiting])
    SubmissionEvent.objects.bulk_create([
        SubmissionEvent(submission=s, action=action, from_state=source, to_state=target,
                        at=moment)
        for s in submissions for action, source, target in (
            (Action.SUBMIT, State.DRAFT, State.CHECKING),
            (Action.CHECKS_PASS, State.CHECKING, State.RECEIVED),
            (Action.UPLOAD, State.RECEIVED, State.UPLOADED))])
    days = [dt.date(YEAR, 1, 1) + dt.timedelta(days=n) for n in range(0, 365, 7)]
    DailyCount.objects.bulk_create([
        DailyCount(dataset=d, day=day, views=rng.randint(0, 30), downloads=rng.randint(0, 8))
        for d in datasets if d.first_published_at for day in days], batch_size=5000)


def measure(label: str, work: Callable[[], object], repeat: int, results: list) -> object:
    from django.db import connection

    queries: list[str] = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    best, value = float("inf"), None
    for run in range(repeat):
        queries.clear()
        with connection.execute_wrapper(count):
            started = time.perf_counter()
            value = work()
            best = min(best, time.perf_counter() - started)
        if run == 0:
            first_queries = len(queries)
    size = len(value) if isinstance(value, bytes) else 0
    results.append((label, best, first_queries, size))
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="radadata-bench-") as folder:
        setup_django(Path(folder))
        started = time.perf_counter()
        fill(options.datasets)
        print(f"Filled {options.datasets} datasets across 20 owners in "
              f"{time.perf_counter() - started:.1f} s.\n")
        run(options)


def run(options: argparse.Namespace) -> None:
    from radadata.registry.models import Owner
    from radadata.reports import services
    from radadata.reports.builders.yearly import yearly_report
    from radadata.reports.documents.yearly import yearly_document
    from radadata.reports.indicators import evaluate
    from radadata.reports.models import QuarterClose
    from radadata.reports.periods import Quarter
    from radadata.reports.renderers import FORMATS, render
    from radadata.reports.selectors import yearly_texts

    today = dt.date(YEAR + 1, 2, 1)
    results: list = []
    render(yearly_document(yearly_report(YEAR, today=today, texts=yearly_texts(YEAR).values)),
           "docx")  # warm up: imports of python-docx, fpdf2, matplotlib and the templates

    def build():
        return yearly_report(YEAR, today=today, texts=yearly_texts(YEAR).values)

    report = measure("figures from the registry", build, options.repeat, results)
    measure("layout (blocks)", lambda: yearly_document(report), options.repeat, results)
    for fmt in FORMATS:
        # A fresh layout each time: a document keeps the SVG of its charts once drawn.
        measure(f"render {fmt.upper()}",
                lambda fmt=fmt: render(yearly_document(report), fmt), options.repeat, results)
    for fmt in FORMATS:
        measure(f"whole report as {fmt.upper()}",
                lambda fmt=fmt: render(yearly_document(build()), fmt), options.repeat, results)

    def close_quarter():
        QuarterClose.objects.all().delete()
        return services.quarter_close(quarter=Quarter(YEAR, 4), by=None,
                                      at=dt.datetime(YEAR + 1, 1, 5, 10, tzinfo=dt.UTC))

    measure("close a quarter (freeze + drafts)", close_quarter, options.repeat, results)
    owners = list(Owner.objects.all())
    measure(f"КМУ 409 indicators of {len(owners)} owners",
            lambda: evaluate(owners, YEAR, today=today), options.repeat, results)

    print(f"Yearly report {YEAR}: {report.published} datasets published by "
          f"{len(report.rows)} owners, {report.approved} entries on the approved list.\n")
    print(f"{'what':40} {'seconds':>8} {'queries':>8} {'size':>9}")
    for label, seconds, queries, size in results:
        shown = f"{size / 1024:8.0f}K" if size else f"{'':9}"
        print(f"{label:40} {seconds:8.3f} {queries:8d} {shown}")


if __name__ == "__main__":
    main()
