"""The job base (udata's harvest backends): the base owns status, progress and the per-item
log and always finishes; a subclass writes only `items()` and `process()`.

`process()` runs outside any transaction: it calls services (each atomic), so a remote step
that succeeded stays recorded even when a later step of the same item fails."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from django.utils.functional import Promise

if TYPE_CHECKING:
    from radadata.jobs.models import Job


@dataclass(frozen=True)
class Item:
    key: str  # stable across runs: a resumed job skips keys already done
    label: str = ""
    payload: Any = None


class JobRunner:
    kind: ClassVar[str]
    title: ClassVar[str | Promise]
    #: "long" for jobs that may take many minutes (pushes, imports): they run beside, never
    #: in front of, the short ones (jobs/heartbeat.py QUEUES).
    queue: ClassVar[str] = "default"
    #: Run in a child process of the worker, which gives its memory back when the job ends.
    child_process: ClassVar[bool] = False

    def __init__(self, job: Job, *, at: dt.datetime, progress=None) -> None:
        self.job = job
        self.params: dict[str, Any] = job.params
        self.at = at
        self._progress = progress

    def items(self) -> Iterable[Item]:
        raise NotImplementedError

    def process(self, item: Item) -> str:
        """Do one item; raise to fail this item only. Returns the line for the log."""
        raise NotImplementedError

    def finish(self) -> dict[str, Any] | None:
        """After all items: the job's result (shown on its page), if any."""
        return None

    def report_progress(self, fraction: float) -> None:
        """Progress inside the current item, 0..1 (for one long item such as a big file)."""
        if self._progress is not None:
            self._progress(fraction)


RUNNERS: dict[str, type[JobRunner]] = {}


def register(cls: type[JobRunner]) -> type[JobRunner]:
    if cls.kind in RUNNERS and RUNNERS[cls.kind] is not cls:
        raise ValueError(f"job kind {cls.kind!r} registered twice")
    RUNNERS[cls.kind] = cls
    return cls


def runner_for(kind: str) -> type[JobRunner]:
    return RUNNERS[kind]
