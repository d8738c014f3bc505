"""Benchmark: every office page of the demo council, its server time and its number of queries.

    .venv/bin/python bench/office_pages.py [--repeat 5] [--data-dir DIR]

Builds a throw-away embedded installation (SQLite in a temporary RADADATA_DATA_DIR, settings
as `make run`), loads the demo council (`radadata load_demo`) and signs in as its open-data
officer. Each page is asked once to warm up, then `--repeat` times: the median time the
application took to answer (Django's test client, in this process: no network, no server
queueing) and the queries of the last answer. A page over the target (150 ms warm) is marked
OVER. `--data-dir` reuses a folder where the demo is already loaded (much quicker).
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

TARGET_MS = 150.0
OFFICER = "opendata@svitlohirsk-rada.example.ua"


def prepare(folder: Path) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    from radadata.registry.models import Owner

    call_command("migrate", verbosity=0)
    # DEBUG is off as in `make run`: the pages need the collected, hashed static files.
    call_command("collectstatic", interactive=False, verbosity=0)
    if not Owner.objects.exists():
        call_command("load_demo", stdout=io.StringIO())


def pages() -> list[tuple[str, str]]:
    """(label, path) of every office page a GET shows, with the demo's objects as arguments."""
    from django.urls import reverse

    from radadata.accounts.models import User
    from radadata.audit.models import Audit
    from radadata.checks.models import CheckRun
    from radadata.jobs.models import Job
    from radadata.registry.models import Dataset, Owner
    from radadata.workflow.models import Submission

    found: list[tuple[str, str]] = []

    def add(name: str, *args) -> None:
        found.append((name, reverse(name, args=args)))

    for name in ["registry:office", "registry:council", "registry:owner-list",
                 "registry:owner-create", "registry:people", "registry:person-create",
                 "registry:dataset-list", "registry:dataset-create", "registry:approved-list",
                 "registry:national-list", "registry:audit-log", "registry:import",
                 "workflow:queue", "workflow:my-submissions", "workflow:notices",
                 "jobs:list", "monitoring:dashboard", "monitoring:datasets", "reports:index",
                 "reports:indicators", "portal_sync:connection", "portal_sync:list",
                 "portal_sync:import", "catalog:feedback-office", "catalog:request-office",
                 "audit:list", "accounts:tokens", "accounts:password-change"]:
        add(name)
    owner = Owner.objects.order_by("id").first()
    add("registry:owner-detail", owner.slug)
    add("registry:owner-edit", owner.slug)
    person = User.objects.get(email=OFFICER)
    add("registry:person-detail", person.pk)
    dataset = (Dataset.objects.filter(resources__versions__isnull=False)
               .order_by("id").first())
    add("registry:dataset-office", dataset.name)
    add("registry:dataset-edit", dataset.name)
    add("checks:structure", dataset.name)
    run = CheckRun.objects.filter(version__resource__dataset=dataset).order_by("-id").first()
    if run:
        add("checks:report", dataset.name, run.version_id)
    submission = Submission.objects.order_by("-id").first()
    if submission:
        add("workflow:submission-detail", submission.pk)
    job = Job.objects.order_by("-id").first()
    if job:
        add("jobs:detail", job.pk)
    add("portal_sync:detail", dataset.name)
    audit = Audit.objects.order_by("-year").first()
    if audit:
        add("audit:detail", audit.year)
    add("reports:owner-indicators", owner.slug)
    return found


def measure(repeat: int) -> list[tuple[str, str, int, float, int]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from radadata.accounts.models import User

    client = Client(HTTP_ACCEPT_LANGUAGE="uk")
    client.force_login(User.objects.get(email=OFFICER))
    results = []
    for label, path in pages():
        status = client.get(path).status_code  # warm-up
        times = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                client.get(path)
                times.append(time.perf_counter() - started)
        results.append((label, path, status, statistics.median(times) * 1000,
                        len(queries.captured_queries)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--data-dir", type=Path, default=None)
    options = parser.parse_args()
    folder = options.data_dir or Path(tempfile.mkdtemp(prefix="radadata-bench-office-"))
    os.environ.update({"RADADATA_DATA_DIR": str(folder), "RADADATA_DEBUG": "false",
                       "DJANGO_SETTINGS_MODULE": "radadata.config.settings.dev",
                       "RADADATA_ALLOWED_HOSTS": "testserver"})
    os.environ.pop("RADADATA_DATABASE_URL", None)
    try:
        started = time.perf_counter()
        prepare(folder)
        print(f"demo council ready in {time.perf_counter() - started:.1f} s; "
              f"median of {options.repeat} warm answers per page\n")
        results = measure(options.repeat)
    finally:
        if options.data_dir is None:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"{'page':34} {'status':>6} {'ms':>8} {'queries':>8}  target")
    for label, _path, status, ms, queries in sorted(results, key=lambda r: -r[3]):
        verdict = "ok" if ms <= TARGET_MS else "OVER"
        print(f"{label:34} {status:6d} {ms:8.1f} {queries:8d}  {verdict} {TARGET_MS:.0f}")
    over = [r for r in results if r[3] > TARGET_MS]
    print(f"\n{len(results)} pages, {len(over)} over {TARGET_MS:.0f} ms; "
          f"slowest {max(r[3] for r in results):.0f} ms")


if __name__ == "__main__":
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", line_buffering=True)
    main()
