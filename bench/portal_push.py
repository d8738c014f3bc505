"""Benchmark: pushing a council's datasets to a CKAN portal (the tests' fake data.gov.ua).

    .venv/bin/python bench/portal_push.py [--datasets 500] [--latency-ms 0]

Builds a throw-away SQLite database in a temporary folder and fills it through the real services
(owners with a responsible person, N published datasets with keywords and one CSV file each,
every file checked as an upload is), connects the council to the fake portal served on
127.0.0.1 in a thread, and times the push job (the same job the office's button starts, one
item per dataset) three times: the first push (create the package, upload the file and the
structure), a second push with nothing changed, and a push after every passport changed (one
package_patch each). `--latency-ms` adds that much to every answer of the portal, to see how
a real network would slow it. Prints datasets per second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _catalog_data import SUBJECTS  # noqa: E402

AT = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)


def setup_django(folder: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "radadata.config.settings.test"
    import django
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        # A file in WAL mode, as a council runs it (the test settings leave the pragmas out).
        database["NAME"] = str(folder / "bench.sqlite3")
        database["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20,
                               "init_command": "PRAGMA journal_mode=WAL; "
                                               "PRAGMA synchronous=NORMAL;"}
    settings.MEDIA_ROOT = folder / "media"
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def fill(count: int) -> None:
    """Owners, people and published datasets with a file each, all through the services."""
    from radadata.accounts import services as accounts
    from radadata.registry import hooks
    from radadata.registry.models import Council
    from radadata.registry.services import datasets, owners, resources
    from radadata.registry.vocabularies import MembershipRole, OwnerKind, Periodicity

    Council.objects.update_or_create(pk=1, defaults={"name": "Світлогірська міська рада"})
    periodicities = list(Periodicity.values)
    with hooks.work_inline():  # each file is checked at once, not by a worker
        departments = []
        for n in range(10):
            owner = owners.owner_create(name=f"Управління номер {n} міської ради",
                                        kind=OwnerKind.DEPARTMENT, by=None, at=AT)
            person = accounts.user_create(email=f"person{n}@rada.example.ua",
                                          last_name="Коваленко", first_name=f"Ірина{n}",
                                          by=None, at=AT)
            owners.membership_add(owner=owner, user=person, role=MembershipRole.RESPONSIBLE,
                                  by=None, at=AT)
            departments.append(owner)
        for n in range(count):
            title, _theme, words = SUBJECTS[n % len(SUBJECTS)]
            dataset = datasets.dataset_register(
                owner=departments[n % len(departments)], title=f"{title} ({n})",
                description=f"{title}: дані громади за 2026 рік.",
                purpose="Закон України «Про доступ до публічної інформації», постанова КМУ №835.",
                periodicity=periodicities[n % len(periodicities)], keywords=list(words),
                by=None, at=AT)
            resource = resources.resource_create(dataset=dataset, title="Дані", by=None, at=AT)
            content = "код,назва,кількість\n" + "".join(
                f'{row},"{title} {row}",{row * 7}\n' for row in range(1, 21))
            resources.version_add(resource=resource, stream=io.BytesIO(content.encode()),
                                  filename="data.csv", by=None, at=AT)
            datasets.dataset_mark_published(dataset=dataset, by=None, at=AT)


def push_all(label: str) -> tuple[str, int, float]:
    from django.utils import timezone

    from radadata.jobs.models import Status
    from radadata.jobs.services import job_run
    from radadata.portal_sync import services

    started = time.perf_counter()
    # With the test settings' immediate task backend the job runs as it is started; with a
    # queue, job_run runs it here. Either way it is timed from start to finish.
    job = services.push_start(datasets=None, by=None, at=timezone.now())
    job = job_run(job.pk)
    seconds = time.perf_counter() - started
    assert job.status == Status.DONE, (job.status, job.message,
                                       list(job.items.exclude(status="ok")
                                            .values_list("message", flat=True))[:3])
    return label, job.total, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=int, default=500)
    parser.add_argument("--latency-ms", type=float, default=0.0,
                        help="Added to every answer of the fake portal.")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="radadata-bench-") as folder:
        setup_django(Path(folder))
        started = time.perf_counter()
        fill(options.datasets)
        print(f"Filled {options.datasets} published datasets through the services in "
              f"{time.perf_counter() - started:.1f} s.")
        run(options)


def run(options: argparse.Namespace) -> None:
    from django.db import transaction
    from tests.portal_sync.fake_ckan import FakeCKAN, serve

    from radadata.portal_sync import services
    from radadata.registry.models import Dataset
    from radadata.registry.services import datasets

    fake = FakeCKAN()
    fake.latency = options.latency_ms / 1000
    with serve(fake):
        services.connection_save(base_url=fake.base_url, organization="miska-rada",
                                 api_key=fake.api_key, by=None, at=AT)
        results = [push_all("first push (create + 2 uploads each)")]
        assert len(fake.live_packages()) == options.datasets
        results.append(push_all("second push (nothing changed)"))
        with transaction.atomic():
            for dataset in Dataset.objects.all():
                datasets.dataset_update(dataset=dataset, by=None, at=AT,
                                        description=dataset.description + " Оновлено.")
        results.append(push_all("push after passports changed"))
        calls = Counter(call.action for call in fake.calls)
    print(f"Fake portal latency: {options.latency_ms:g} ms per call; calls: "
          + ", ".join(f"{action} {n}" for action, n in sorted(calls.items())) + ".\n")
    print(f"{'what':40} {'datasets':>8} {'seconds':>8} {'datasets/s':>10}")
    for label, count, seconds in results:
        print(f"{label:40} {count:8d} {seconds:8.2f} {count / seconds:10.1f}")


if __name__ == "__main__":
    main()
