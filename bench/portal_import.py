"""Benchmark: importing a council's packages from a CKAN portal (the tests' fake data.gov.ua).

    .venv/bin/python bench/portal_import.py [--packages 500] [--latency-ms 0]

Fills the fake portal, served on 127.0.0.1 in a thread, with N packages of the council's
organisation (10 owners named as publishers, half of them with an ЄДРПОУ code, a contact person
each, keywords, and one CSV file per package), connects a throw-away SQLite database (WAL, as a
council runs it) to that portal, and times: the dry run of every package, the import job (the
same job the office's button starts, one item per package: plan, download, write through the
registry's services), and a second import with nothing changed. `--latency-ms` adds that much
to every API answer of the portal. Prints packages per second.
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
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _catalog_data import SUBJECTS  # noqa: E402
from portal_push import setup_django  # noqa: E402

AT = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)
FREQUENCIES = ["once a month", "once a quarter", "once a year", "once a day",
               "immediately after making changes"]


def fill_portal(fake, count: int) -> None:
    """The packages, made through the fake portal's own actions (its validation included)."""
    from stdnum.ua import edrpou

    owners = []
    for n in range(10):
        body = f"{4_100_000 + n:07d}"
        code = body + edrpou.calc_check_digit(body) if n % 2 == 0 else ""
        owners.append((f"Управління номер {n} міської ради", code))
    for n in range(count):
        title, _theme, words = SUBJECTS[n % len(SUBJECTS)]
        owner, code = owners[n % len(owners)]
        package = fake.action_package_create({
            "name": f"nabir-{n:04d}", "title": f"{title} ({n})", "owner_org": "miska-rada",
            "notes": f"{title}: дані громади за 2026 рік.", "tag_string": ",".join(words),
            "purpose_of_collecting_information": "Закон України «Про доступ до публічної "
                                                 "інформації», постанова КМУ №835.",
            "update_frequency": FREQUENCIES[n % len(FREQUENCIES)], "language": "uk",
            "publisherName": owner, "publisherIdentifier": code,
            "maintainer": f"Коваленко Ірина{n % 10} Петрівна",
            "maintainer_email": f"person{n % 10}@rada.example.ua"})
        content = "код,назва,кількість\n" + "".join(
            f'{row},"{title} {row}",{row * 7}\n' for row in range(1, 21))
        fake.action_resource_create({"package_id": package["id"], "name": "Дані",
                                     "format": "CSV"}, ("data.csv", content.encode()))
        fake.moderate(package["id"], "published")


def timed_import(source, label: str) -> tuple[str, int, float, dict]:
    from django.utils import timezone

    from radadata.jobs.models import Status
    from radadata.jobs.services import job_run
    from radadata.portal_sync.importing import import_start

    started = time.perf_counter()
    job = job_run(import_start(source=source, by=None, at=timezone.now()).pk)
    seconds = time.perf_counter() - started
    assert job.status == Status.DONE, (job.status, job.message, list(
        job.items.exclude(status="ok").values_list("message", flat=True))[:3])
    return label, job.total, seconds, job.result.get("counts", {})


def run(options: argparse.Namespace) -> None:
    from tests.portal_sync.fake_ckan import FakeCKAN, serve

    from radadata.portal_sync import services
    from radadata.portal_sync.importing import dry_run, make_source
    from radadata.registry import hooks
    from radadata.registry.models import Council, Dataset, ResourceVersion

    Council.objects.update_or_create(pk=1, defaults={"name": "Світлогірська міська рада"})
    fake = FakeCKAN()
    with serve(fake):
        started = time.perf_counter()
        fill_portal(fake, options.packages)
        print(f"Filled the fake portal with {options.packages} packages in "
              f"{time.perf_counter() - started:.1f} s.")
        fake.latency = options.latency_ms / 1000
        services.connection_save(base_url=fake.base_url, organization="miska-rada",
                                 api_key=fake.api_key, by=None, at=AT)
        source = make_source(base_url=fake.base_url, organization="miska-rada")
        started = time.perf_counter()
        report = dry_run(source, at=AT)
        results = [("dry run (nothing written)", len(report.plans),
                    time.perf_counter() - started, report.counts)]
        with hooks.work_inline():  # each file is checked at once, as the worker would
            results.append(timed_import(source, "import (create + 1 download each)"))
            results.append(timed_import(source, "import again (nothing changed)"))
        assert Dataset.objects.count() == options.packages
        assert ResourceVersion.objects.count() == options.packages
    print(f"Fake portal latency: {options.latency_ms:g} ms per call.\n")
    print(f"{'what':36} {'packages':>8} {'seconds':>8} {'packages/s':>10}  outcome")
    for label, count, seconds, counts in results:
        outcome = ", ".join(f"{key} {n}" for key, n in sorted(counts.items()) if n)
        print(f"{label:36} {count:8d} {seconds:8.2f} {count / seconds:10.1f}  {outcome}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packages", type=int, default=500)
    parser.add_argument("--latency-ms", type=float, default=0.0,
                        help="Added to every API answer of the fake portal.")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="radadata-bench-") as folder:
        setup_django(Path(folder))
        run(options)


if __name__ == "__main__":
    main()
