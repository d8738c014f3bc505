"""Worker heartbeats and the takeover of a dead worker's jobs.

Every worker process writes its `WorkerBeat` and the heartbeat of the jobs it runs every
`BEAT_SECONDS`. A running job whose heartbeat is older than `WORKER_DEAD_AFTER_SECONDS` (or
whose worker on this machine no longer exists) belongs to a dead worker: the next worker's
`take_over()` puts it back in the queue, and the job's dataset claims become free with it
(`job_alive`, asked by portal_sync). No fixed 15- or 30-minute guesses."""

from __future__ import annotations

import contextvars
import datetime as dt
import logging
import os
import socket

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from radadata.jobs.models import Job, Status, WorkerBeat

log = logging.getLogger(__name__)

BEAT_SECONDS = 10.0
#: "default": checks, reminders, anything short; "long": portal pushes and imports. Each
#: worker process serves both side by side, so a long push never holds a check.
QUEUES = ("default", "long")
#: A job whose worker died this many times is failed instead of taken over once more.
MAX_ATTEMPTS = 3

#: The job the current thread (or child process) is running, for claims made inside it.
current_job: contextvars.ContextVar[int | None] = contextvars.ContextVar("current_job",
                                                                          default=None)
#: Job ids this process is running now (its heartbeat keeps them alive).
running_here: set[int] = set()
_worker_id = ""


def this_worker() -> str:
    """The id of this worker process ("host-pid"); empty outside a worker."""
    return _worker_id


def become_worker(worker_id: str | None = None) -> str:
    global _worker_id
    _worker_id = worker_id or f"{socket.gethostname()[:40]}-{os.getpid()}"
    return _worker_id


def leave_worker() -> None:
    global _worker_id
    _worker_id = ""


def dead_after() -> dt.timedelta:
    return dt.timedelta(seconds=settings.WORKER_DEAD_AFTER_SECONDS)


def beat(*, at: dt.datetime, worker: str | None = None) -> None:
    """The worker is alive, and so are the jobs it runs."""
    worker = worker or this_worker()
    host, _sep, pid = worker.rpartition("-")
    updated = WorkerBeat.objects.filter(worker=worker).update(seen_at=at)
    if not updated:
        WorkerBeat.objects.create(worker=worker, host=host, pid=int(pid or 0), started_at=at,
                                  seen_at=at)
    if running_here:
        Job.objects.filter(pk__in=list(running_here), status=Status.RUNNING).update(
            heartbeat_at=at)


def worker_seen(*, at: dt.datetime) -> bool:
    """Has any worker been alive lately? (The office's warning banner.)"""
    return WorkerBeat.objects.filter(seen_at__gte=at - dead_after()).exists()


def _process_gone(worker: str) -> bool:
    """A worker of this machine whose process no longer exists is dead at once."""
    host, _sep, pid = worker.rpartition("-")
    if host != socket.gethostname()[:40] or not pid.isdigit():
        return False
    if int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def job_alive(job_id: int, *, at: dt.datetime) -> bool:
    """Is the job running in a live worker? Used by claims (portal_sync) held by a job."""
    job = Job.objects.filter(pk=job_id).only("status", "heartbeat_at", "worker").first()
    if job is None or job.status != Status.RUNNING:
        return False
    if job.heartbeat_at is None or job.heartbeat_at < at - dead_after():
        return False
    return not (job.worker and _process_gone(job.worker))


def dead_jobs(*, at: dt.datetime) -> list[Job]:
    running = Job.objects.filter(status=Status.RUNNING)
    stale = Q(heartbeat_at__lt=at - dead_after()) | Q(heartbeat_at__isnull=True)
    found = {job.pk: job for job in running.filter(stale)}
    for job in running.exclude(pk__in=list(found)).exclude(worker=""):
        if job.pk not in running_here and _process_gone(job.worker):
            found[job.pk] = job
    return sorted(found.values(), key=lambda job: job.pk)


def take_over(*, at: dt.datetime) -> list[int]:
    """Queue again the jobs of dead workers (items done stay done). Returns their ids."""
    from radadata.jobs.services import enqueue

    taken = []
    for job in dead_jobs(at=at):
        if job.pk in running_here:
            continue
        same = Job.objects.filter(pk=job.pk, status=Status.RUNNING, worker=job.worker,
                                  heartbeat_at=job.heartbeat_at)
        if job.attempts >= MAX_ATTEMPTS:
            same.update(status=Status.FAILED, finished_at=at, heartbeat_at=at, message=_(
                "The background worker stopped %(n)d times while running this job; it was not "
                "started again. Resume it when the cause is found, or tell the administrator.")
                % {"n": job.attempts})
            log.error("job %s failed: its worker died %s times", job.pk, job.attempts)
            continue
        if same.update(status=Status.PENDING, worker="", heartbeat_at=at):
            log.warning("job %s of dead worker %s taken over", job.pk, job.worker or "?")
            enqueue(job)
            taken.append(job.pk)
    WorkerBeat.objects.filter(seen_at__lt=at - dt.timedelta(days=1)).delete()
    return taken
