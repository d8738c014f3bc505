"""Benchmark: exporting and re-importing a large registry.

    .venv/bin/python bench/export_registry.py [--rows 10000] [--apply-rows 1000]

Builds a throw-away SQLite database in a temporary folder, fills it with N published datasets
across 15 owners (with keywords and a file each), then times what the public and the officer
do with it: the /registry.csv, .json and .xlsx downloads (through the real views), the dry run
of importing the exported CSV back, and applying an import of new datasets. Prints seconds,
rows, queries and peak memory (Python allocations, by tracemalloc, in a second pass).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from _catalog_data import bulk_owners  # noqa: E402


def setup_django(folder: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "radadata.config.settings.test"
    import django
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        # A file, not the test settings' in-memory database: what a council runs.
        database["NAME"] = str(folder / "bench.sqlite3")
    settings.MEDIA_ROOT = folder / "media"
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def fill(rows: int, owners_count: int = 15) -> None:

    from radadata.registry.models import (
        Dataset,
        Keyword,
        Resource,
        ResourceVersion,
    )
    from radadata.registry.vocabularies import (
        DatasetStatus,
        Periodicity,
    )

    rng = random.Random(835)
    at = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)
    owners = bulk_owners([f"Управління номер {n} Світлогірської міської ради"
                          for n in range(owners_count)], at=at)
    keywords = Keyword.objects.bulk_create([Keyword(name=f"тема {n}") for n in range(60)])
    periodicities = list(Periodicity.values)
    datasets = []
    for n in range(rows):
        published = at - dt.timedelta(days=rng.randint(0, 2000))
        datasets.append(Dataset(
            identifier=f"svit-{n:05d}", name=f"svit-{n:05d}",
            title=f"Набір даних номер {n}: перелік об'єктів, договорів і рішень",
            description=("Опис набору даних. " * rng.randint(3, 30)).strip(),
            purpose="Закон України «Про доступ до публічної інформації», постанова КМУ №835",
            declared_formats="CSV, XLSX" if n % 2 else "",
            periodicity=rng.choice(periodicities), owner=owners[n % owners_count],
            created_on=published.date(), status=DatasetStatus.PUBLISHED,
            first_published_at=published, last_modified_at=published,
            registered_at=published, updated_at=published))
    Dataset.objects.bulk_create(datasets, batch_size=2000)
    datasets = list(Dataset.objects.order_by("id"))
    through = Dataset.keywords.through
    through.objects.bulk_create(
        [through(dataset=d, keyword=k) for d in datasets for k in rng.sample(keywords, 3)],
        batch_size=5000)
    resources = Resource.objects.bulk_create(
        [Resource(dataset=d, title="Дані", created_at=at) for d in datasets], batch_size=2000)
    ResourceVersion.objects.bulk_create([
        ResourceVersion(resource=r, number=1, file=f"datasets/{r.dataset_id}/data.csv",
                        original_name="data.csv", sha256="0" * 64, size=1000,
                        format=rng.choice(["CSV", "JSON", "XLSX"]), uploaded_at=at)
        for r in resources], batch_size=2000)


def measure(label: str, work: Callable[[], tuple[int, int]], results: list) -> None:
    """Time `work` (which returns rows and bytes); then run it again under tracemalloc."""
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        # Not CaptureQueriesContext: each request through the test client clears that log.
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        started = time.perf_counter()
        rows, size = work()
        seconds = time.perf_counter() - started
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    results.append((label, seconds, rows, len(queries), size, peak))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--apply-rows", type=int, default=1_000,
                        help="New datasets in the applied import (0 to skip).")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="radadata-bench-") as folder:
        setup_django(Path(folder))
        started = time.perf_counter()
        fill(options.rows)
        print(f"Filled {options.rows} published datasets across 15 owners in "
              f"{time.perf_counter() - started:.1f} s.\n")
        run(options)


def run(options: argparse.Namespace) -> None:
    from django.test import Client
    from django.utils import timezone

    from radadata.registry import imports
    from radadata.registry.models import Dataset

    client = Client()
    results: list = []
    exported: dict[str, bytes] = {}

    def download(path: str) -> Callable[[], tuple[int, int]]:
        def work() -> tuple[int, int]:
            response = client.get(path)
            assert response.status_code == 200, response.status_code
            body = (b"".join(response.streaming_content) if response.streaming
                    else response.content)
            exported[path] = body
            return options.rows, len(body)
        return work

    download("/registry/")()  # warm up: imports, URL resolving, templates
    for path in ("/registry.csv", "/registry.json", "/registry.xlsx",
                 "/registry.csv?structure=2019"):
        measure(f"GET {path}", download(path), results)

    def dry_run() -> tuple[int, int]:
        body = exported["/registry.csv"]
        table = imports.read_table(body, "registry.csv")
        plan = imports.plan_import(table, imports.recognise(table.header), at=timezone.now())
        assert plan.counts["unchanged"] == options.rows, plan.counts
        return len(plan.rows), len(body)

    measure("import dry run of registry.csv", dry_run, results)

    if options.apply_rows:
        # New datasets: the 2019 export (it has the purpose column) with fresh identifiers.
        lines = exported["/registry.csv?structure=2019"].decode().splitlines()
        renamed = [lines[0]] + [line.replace("svit-", "new-", 1)
                                for line in lines[1:options.apply_rows + 1]]
        body = "\n".join(renamed).encode()
        before = Dataset.objects.count()

        def apply() -> tuple[int, int]:
            table = imports.read_table(body, "new.csv")
            plan = imports.registry_import(table=table, mapping=imports.recognise(table.header),
                                           by=None, at=timezone.now())
            assert plan.counts["create"] == options.apply_rows, plan.counts
            Dataset.objects.filter(identifier__startswith="new-").delete()
            return len(plan.rows), len(body)

        measure("import apply (new datasets)", apply, results)
        assert Dataset.objects.count() == before

    print(f"{'what':36} {'seconds':>8} {'rows':>7} {'rows/s':>8} {'queries':>8} "
          f"{'size':>9} {'peak MiB':>9}")
    for label, seconds, rows, queries, size, peak in results:
        print(f"{label:36} {seconds:8.2f} {rows:7d} {rows / seconds:8.0f} {queries:8d} "
              f"{size / 1024:8.0f}K {peak / 2**20:9.1f}")
    print(f"\nprocess peak RSS: {_max_rss_mib():.0f} MiB")


def _max_rss_mib() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", line_buffering=True)
    main()
