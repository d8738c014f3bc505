"""`radadata worker`: runs background jobs and the periodic schedule.

`radadata serve` starts one beside the web server (RADADATA_WORKER_WITH_SERVER); on a bigger
installation run several of these as their own service."""

from __future__ import annotations

import logging
import os
import socket
import threading

from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker

from radadata.jobs import schedule

log = logging.getLogger(__name__)

TICK_SECONDS = 30.0


class Command(BaseCommand):
    help = "Run background jobs (checks, portal sync, imports) and periodic tasks (reminders)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--interval", type=float, default=1.0,
                            help="Seconds between looks at the queue when it is empty.")
        parser.add_argument("--batch", action="store_true",
                            help="Run what is queued now, then exit (for cron or tests).")
        parser.add_argument("--no-schedule", action="store_true",
                            help="Do not start periodic tasks from this worker.")

    def handle(self, *args, interval: float, batch: bool, no_schedule: bool, **options) -> None:
        if not no_schedule:
            schedule.tick(at=timezone.now())
            if not batch:
                threading.Thread(target=_scheduler, daemon=True, name="schedule").start()
        worker = Worker(queue_names=["*"], interval=interval, batch=batch,
                        backend_name="default", startup_delay=not batch, max_tasks=None,
                        worker_id=f"{socket.gethostname()[:40]}-{os.getpid()}",
                        excluded_queue_names=[])
        worker.run()


def _scheduler() -> None:
    stop = threading.Event()
    while not stop.wait(TICK_SECONDS):
        try:
            close_old_connections()
            schedule.tick(at=timezone.now())
        except Exception:  # the schedule must outlive a database hiccup
            log.exception("periodic schedule tick failed")
        finally:
            connection.close()
