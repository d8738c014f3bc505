"""`radadata portal push`: the sync with data.gov.ua on the command line.

    radadata portal push --all --dry-run          # what a push would change, dataset by dataset
    radadata portal push --dataset shkoly         # push one dataset (number, name or identifier)
    radadata portal push --all                    # push every dataset ready for the portal
    radadata portal push --dataset shkoly --force # overwrite changes made on the portal by hand
    radadata portal import --url URL --org ID --dry-run | --apply   # see importing/cli.py

A push runs as a background job (the same one the office pages start) in this process, with a
progress bar, and prints the job's log; the exit status is non-zero if a dataset failed.
Each action is a subcommand (argparse subparsers): add one with a `add_<name>_arguments`
method and a `handle_<name>` method, and list its name in ACTIONS.
"""

from __future__ import annotations

import contextlib
import threading
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils import timezone

from radadata.core.errors import DomainError
from radadata.jobs.models import Job, JobItem, Status
from radadata.jobs.services import job_run
from radadata.portal_sync import diff, selectors, services
from radadata.portal_sync.importing import cli as import_cli
from radadata.registry.models import Dataset

BAR = 30


class Command(BaseCommand):
    help = "Sync with data.gov.ua (or any CKAN): push datasets, or show what a push would do."

    ACTIONS = ("push", "import")

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True,
                                        metavar="{" + ",".join(self.ACTIONS) + "}")
        for name in self.ACTIONS:
            getattr(self, f"add_{name}_arguments")(actions)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"handle_{options['action']}")(**options)
        except DomainError as error:
            raise CommandError(error.message) from error

    # push ---------------------------------------------------------------------------------------
    def add_push_arguments(self, actions: Any) -> None:
        push = actions.add_parser("push", help="Push datasets to the portal.")
        which = push.add_mutually_exclusive_group(required=True)
        which.add_argument("--all", action="store_true",
                           help="Every dataset ready for the portal (published, or with an "
                                "accepted submission).")
        which.add_argument("--dataset", action="append", metavar="ID",
                           help="A dataset by number, address name or identifier; may be "
                                "repeated.")
        push.add_argument("--dry-run", action="store_true",
                          help="Only show what a push would change; send nothing.")
        push.add_argument("--force", action="store_true",
                          help="Overwrite changes made on the portal by hand.")

    def handle_push(self, *, dataset: list[str] | None, dry_run: bool, force: bool,
                    **_options: Any) -> None:
        chosen = ([selectors.dataset_by_reference(ref) for ref in dataset] if dataset
                  else None)
        if dry_run:
            self._dry_run(chosen)
            return
        job = services.push_start(datasets=chosen, force=force, by=None, at=timezone.now())
        job = self._run_with_progress(job)
        for item in JobItem.objects.filter(job=job).order_by("id"):
            mark = "✓" if item.status == "ok" else "✗"
            self.stdout.write(f"{mark} {item.label}: {item.message}")
        self.stdout.write(f"{job.get_status_display()}: {job.done}/{job.total}")
        if job.status != Status.DONE:
            raise CommandError(job.message or "Some datasets were not pushed; see above.")

    # import (the code is in importing/cli.py) -----------------------------------------------------
    def add_import_arguments(self, actions: Any) -> None:
        import_cli.add_arguments(actions)

    def handle_import(self, **options: Any) -> None:
        import_cli.handle(self, **options)

    def _dry_run(self, chosen: list[Dataset] | None) -> None:
        conn = selectors.usable_connection()
        datasets = chosen if chosen is not None else list(selectors.pushable_datasets())
        with selectors.client_for(conn) as client:
            for result in diff.dry_run_many(datasets, conn=conn, client=client):
                for line in result.lines():
                    self.stdout.write(line)

    def _run_with_progress(self, job: Job) -> Job:
        """Run the job here and draw its progress, read from the database by a second thread
        (what the office page shows too). If a worker took the job first, follow it instead."""
        stop = threading.Event()

        def follow() -> None:
            try:
                while not stop.wait(0.5):
                    # The bar is a courtesy: a read that fails now is tried again later.
                    with contextlib.suppress(Exception):
                        self._bar(Job.objects.get(pk=job.pk))
            finally:
                connection.close()

        drawer = threading.Thread(target=follow, daemon=True)
        drawer.start()
        try:
            job = job_run(job.pk)
        finally:
            stop.set()
            drawer.join()
        while not job.finished and job.status != Status.PENDING:
            time.sleep(0.5)
            job.refresh_from_db()
            self._bar(job)
        self._bar(job)
        self.stderr.write("")
        return job

    def _bar(self, job: Job) -> None:
        filled = BAR * job.percent // 100
        self.stderr.write(f"\r[{'#' * filled}{'.' * (BAR - filled)}] {job.percent:3d}% "
                          f"{job.done}/{job.total}", ending="")
        self.stderr.flush()
