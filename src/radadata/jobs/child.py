"""A job whose runner asks for it (`child_process = True`, the file check) runs in a child
process of the worker: whatever memory a big file took is given back when the child ends, and a
crash of the child (out of memory) fails the job with a reason instead of killing the worker.

The worker keeps the job's heartbeat while the child runs; the child dies with the worker
(PR_SET_PDEATHSIG), so a job taken over from a dead worker never runs twice."""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import logging
import os
import signal
import subprocess
import sys

from django.utils import timezone
from django.utils.translation import gettext as _

from radadata.jobs import heartbeat
from radadata.jobs.base import RUNNERS
from radadata.jobs.models import Job, Status

log = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1


def run_job_here_or_in_child(job_id: int) -> None:
    from radadata.jobs.services import job_run

    kind = Job.objects.filter(pk=job_id).values_list("kind", flat=True).first()
    runner = RUNNERS.get(kind or "")
    if runner is None or not runner.child_process or not heartbeat.this_worker():
        job_run(job_id)
        return
    run_in_child(job_id)


def run_in_child(job_id: int) -> int:
    # The child knows the same job kinds as its worker, wherever they were registered.
    modules = ",".join(sorted({runner.__module__ for runner in RUNNERS.values()}))
    env = dict(os.environ, RADADATA_WORKER_ID=heartbeat.this_worker(),
               RADADATA_WORKER_PID=str(os.getpid()), RADADATA_JOB_MODULES=modules)
    heartbeat.running_here.add(job_id)
    try:
        code = subprocess.call([sys.executable, "-m", "radadata.cli", "worker",
                                "--run-job", str(job_id)], env=env)
    finally:
        heartbeat.running_here.discard(job_id)
    if code != 0:
        reason = (signal.Signals(-code).name if code < 0 and -code in signal.valid_signals()
                  else str(code))
        log.error("job %s: its child process ended with %s", job_id, reason)
        now = timezone.now()
        Job.objects.filter(pk=job_id, status=Status.RUNNING).update(
            status=Status.FAILED, finished_at=now, heartbeat_at=now, message=_(
                "The process running this job stopped unexpectedly (%(reason)s), perhaps for "
                "lack of memory. Resume it; if it stops again, tell the administrator.")
            % {"reason": reason})
    return code


def child_main(job_id: int) -> None:
    """In the child: die with the worker, then run the job as the worker's."""
    # Not Linux: no prctl; the parent check below still helps.
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    parent = os.environ.get("RADADATA_WORKER_PID", "")
    if parent.isdigit() and os.getppid() != int(parent):
        return  # the worker died before we started
    heartbeat.become_worker(os.environ.get("RADADATA_WORKER_ID"))
    for module in filter(None, os.environ.get("RADADATA_JOB_MODULES", "").split(",")):
        with contextlib.suppress(ImportError):
            importlib.import_module(module)
    from radadata.jobs.services import job_run

    job_run(job_id)
