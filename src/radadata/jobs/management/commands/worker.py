"""`radadata worker`: runs background jobs and the periodic schedule.

`radadata serve` starts RADADATA_WORKERS of these beside the web server and restarts one that
dies (RADADATA_WORKER_WITH_SERVER); on a bigger installation run several as their own service.
Each worker serves the "default" queue (checks, reminders) and the "long" one (pushes, imports)
in two threads, writes its heartbeat every 10 seconds and takes over the jobs of dead workers."""

from __future__ import annotations

import logging
import os
import threading

from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker

from radadata.jobs import heartbeat, schedule

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
        parser.add_argument("--run-job", type=int, default=None, help=(
            "Internal: run this one job in a child process of a worker."))

    def handle(self, *args, interval: float, batch: bool, no_schedule: bool,
               run_job: int | None, **options) -> None:
        if run_job is not None:
            from radadata.jobs.child import child_main

            child_main(run_job)
            return
        worker_id = heartbeat.become_worker()
        heartbeat.beat(at=timezone.now())
        taken = heartbeat.take_over(at=timezone.now())
        if taken:
            log.warning("took over jobs %s of a dead worker", taken)
        if not no_schedule:
            schedule.tick(at=timezone.now())
        lanes = [Worker(queue_names=[queue], interval=interval, batch=batch,
                        backend_name="default", startup_delay=not batch, max_tasks=None,
                        worker_id=f"{worker_id}-{queue}"[:64], excluded_queue_names=[])
                 for queue in heartbeat.QUEUES]
        if batch:
            try:
                for lane in lanes:
                    lane.run()
            finally:
                heartbeat.leave_worker()
            return
        _background(_beating, "heartbeat")
        if not no_schedule:
            _background(_scheduler, "schedule")
        threads = [_background(_lane(lane), f"queue-{queue}")
                   for lane, queue in zip(lanes, heartbeat.QUEUES, strict=True)]
        for thread in threads:
            thread.join()


def _lane(lane: Worker):
    def run() -> None:
        try:
            lane.run()
        except BaseException:
            # A lane that cannot go on takes the process with it: `radadata serve` (or the
            # service manager) starts a fresh worker, which takes over what was running.
            log.exception("worker queue %s stopped", ",".join(lane.queue_names))
            os._exit(1)
    return run


def _background(target, name: str) -> threading.Thread:
    thread = threading.Thread(target=target, daemon=True, name=name)
    thread.start()
    return thread


def _every(seconds: float, step, what: str) -> None:
    stop = threading.Event()
    while not stop.wait(seconds):
        try:
            close_old_connections()
            step(at=timezone.now())
        except Exception:  # the loop must outlive a database hiccup
            log.exception("%s failed", what)
        finally:
            connection.close()


def _beating() -> None:
    def step(*, at) -> None:
        heartbeat.beat(at=at)
        heartbeat.take_over(at=at)

    _every(heartbeat.BEAT_SECONDS, step, "worker heartbeat")


def _scheduler() -> None:
    _every(TICK_SECONDS, schedule.tick, "periodic schedule tick")
