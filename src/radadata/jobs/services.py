"""The one door for jobs: start, run (the worker's call), cancel, resume."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.core import audit
from radadata.core.errors import Conflict, DomainError, NotAllowed
from radadata.jobs import heartbeat
from radadata.jobs.base import Item, runner_for
from radadata.jobs.models import FINISHED, ItemStatus, Job, JobItem, Status

log = logging.getLogger(__name__)

#: At most one progress write per this many seconds: a big file must not hammer the database.
PROGRESS_EVERY = 0.5


@transaction.atomic
def job_start(*, kind: str, params: dict[str, Any] | None = None, by: User | None,
              at: dt.datetime, subject: str = "") -> Job:
    runner_for(kind)  # an unknown kind fails here, not later in the worker
    job = Job.objects.create(kind=kind, params=params or {}, subject=subject,
                             created_by=by if getattr(by, "pk", None) else None,
                             created_at=at)
    audit.record(actor=by, action="job.start", obj=job, at=at, note=kind)
    _enqueue_on_commit(job)
    return job


def enqueue(job: Job) -> None:
    """Queue the job on its runner's queue ("long" for pushes and imports)."""
    from radadata.jobs.tasks import run_job

    run_job.using(queue_name=runner_for(job.kind).queue).enqueue(job.pk)


def _enqueue_on_commit(job: Job) -> None:
    transaction.on_commit(lambda: enqueue(job))


def job_run(job_id: int, *, clock: Callable[[], dt.datetime] = timezone.now) -> Job:
    """Run a pending job to its end. Always finishes: every error ends up on the job."""
    claimed = Job.objects.filter(pk=job_id, status=Status.PENDING).update(
        status=Status.RUNNING, started_at=clock(), heartbeat_at=clock(), fraction=0.0,
        attempts=F("attempts") + 1, worker=heartbeat.this_worker())
    job = Job.objects.get(pk=job_id)
    if not claimed:
        return job  # already taken by another worker, finished or cancelled
    token = heartbeat.current_job.set(job.pk)
    heartbeat.running_here.add(job.pk)
    try:
        _run(job, clock)
    except Exception as exc:  # the base must always finish the job
        log.exception("job %s failed", job.pk)
        _finish(job, Status.FAILED, clock(), message=_error_text(exc))
    finally:
        heartbeat.running_here.discard(job.pk)
        heartbeat.current_job.reset(token)
    return Job.objects.get(pk=job_id)


def _run(job: Job, clock: Callable[[], dt.datetime]) -> None:
    last_write = [0.0]

    def progress(fraction: float) -> None:
        now = time.monotonic()
        if now - last_write[0] >= PROGRESS_EVERY:
            last_write[0] = now
            Job.objects.filter(pk=job.pk).update(fraction=max(0.0, min(1.0, fraction)),
                                                 heartbeat_at=clock())

    runner = runner_for(job.kind)(job, at=clock(), progress=progress)
    items = list(runner.items())
    done_keys = set(job.items.filter(status=ItemStatus.OK).values_list("key", flat=True))
    Job.objects.filter(pk=job.pk).update(total=len(items), done=0)
    failed = 0
    for done, item in enumerate(items, start=1):
        if _cancelled(job):
            return
        if item.key not in done_keys:
            failed += not _process(job, runner, item, clock)
        Job.objects.filter(pk=job.pk).update(done=done, fraction=0.0, heartbeat_at=clock())
    result = runner.finish() or {}
    status = Status.DONE_WITH_ERRORS if failed else Status.DONE
    _finish(job, status, clock(), result=result)


def _process(job: Job, runner, item: Item, clock: Callable[[], dt.datetime]) -> bool:
    try:
        line = runner.process(item) or ""
        status = ItemStatus.OK
    except Exception as exc:
        if not isinstance(exc, DomainError):
            log.exception("job %s item %s failed", job.pk, item.key)
        line, status = _error_text(exc), ItemStatus.FAILED
    JobItem.objects.update_or_create(
        job=job, key=item.key,
        defaults={"label": item.label[:500], "status": status, "message": line, "at": clock()})
    return status == ItemStatus.OK


def _error_text(exc: Exception) -> str:
    if isinstance(exc, DomainError):
        return exc.message
    return _("Unexpected error (%(error)s). The item was not finished; try again later or "
             "tell the administrator.") % {"error": type(exc).__name__}


def _cancelled(job: Job) -> bool:
    return Job.objects.filter(pk=job.pk, status=Status.CANCELLED).exists()


def _finish(job: Job, status: Status, at: dt.datetime, *, message: str = "",
            result: dict | None = None) -> None:
    values: dict[str, Any] = {"status": status, "finished_at": at, "heartbeat_at": at}
    if message:
        values["message"] = message
    if result is not None:
        values["result"] = result
    # A job cancelled meanwhile stays cancelled.
    Job.objects.filter(pk=job.pk).exclude(status=Status.CANCELLED).update(**values)


def is_stuck(job: Job, *, at: dt.datetime) -> bool:
    """Running, but its worker has not been heard of for WORKER_DEAD_AFTER_SECONDS: the
    worker died (another worker takes the job over by itself; resuming is allowed too)."""
    return job.status == Status.RUNNING and not heartbeat.job_alive(job.pk, at=at)


def _require_may_manage(job: Job, by: User | None) -> None:
    from radadata.registry.access import is_office

    if not (is_office(by) or (by is not None and job.created_by_id == by.pk)):
        raise NotAllowed(_("Only the person who started this job or the open-data office may "
                           "manage it."))


@transaction.atomic
def job_cancel(*, job: Job, by: User | None, at: dt.datetime) -> Job:
    _require_may_manage(job, by)
    job = Job.objects.select_for_update().get(pk=job.pk)
    if job.finished:
        raise Conflict(_("This job has already finished."), code="job_finished")
    job.status, job.finished_at = Status.CANCELLED, at
    job.save(update_fields=["status", "finished_at"])
    audit.record(actor=by, action="job.cancel", obj=job, at=at, note=job.kind)
    return job


@transaction.atomic
def job_resume(*, job: Job, by: User | None, at: dt.datetime) -> Job:
    """Run again what is not done yet: a failed, cancelled or stuck job. Items already done are
    skipped, so resuming never repeats finished work."""
    _require_may_manage(job, by)
    job = Job.objects.select_for_update().get(pk=job.pk)
    if not (job.status in FINISHED - {Status.DONE} or is_stuck(job, at=at)):
        raise Conflict(_("Only a failed, cancelled or stuck job can be resumed."),
                       code="job_not_resumable")
    job.status, job.finished_at, job.message, job.worker = Status.PENDING, None, "", ""
    job.save(update_fields=["status", "finished_at", "message", "worker"])
    audit.record(actor=by, action="job.resume", obj=job, at=at, note=job.kind)
    _enqueue_on_commit(job)
    return job
