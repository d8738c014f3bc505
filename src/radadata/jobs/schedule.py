"""Periodic work (reminders, portal polling): registered with `@periodic`, started by the worker.

Each function must be idempotent (it may run again after a restart); PeriodicRun keeps when
each last started, so a restart neither repeats a run early nor forgets one."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from radadata.jobs.models import PeriodicRun

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Periodic:
    name: str
    every: dt.timedelta
    func: Callable[..., object]


PERIODIC: dict[str, Periodic] = {}


def periodic(name: str, *, every: dt.timedelta):
    def decorate(func: Callable[..., object]) -> Callable[..., object]:
        PERIODIC[name] = Periodic(name, every, func)
        return func
    return decorate


def due(*, at: dt.datetime) -> list[str]:
    """Claim the periodic tasks due at `at`: each name is returned once per period, also with
    several workers (the row is locked while it is claimed)."""
    claimed = []
    for entry in PERIODIC.values():
        with transaction.atomic():
            run, created = PeriodicRun.objects.select_for_update().get_or_create(
                name=entry.name, defaults={"last_run_at": at})
            if created or at - run.last_run_at >= entry.every:
                run.last_run_at = at
                run.save(update_fields=["last_run_at"])
                claimed.append(entry.name)
    return claimed


def run_one(name: str, *, at: dt.datetime | None = None) -> None:
    entry = PERIODIC.get(name)
    if entry is None:
        log.warning("periodic task %s is not registered", name)
        return
    entry.func(at=at or timezone.now())


def tick(*, at: dt.datetime) -> list[str]:
    """The worker's scheduler step: enqueue what is due."""
    from radadata.jobs.tasks import run_periodic

    names = due(at=at)
    for name in names:
        run_periodic.enqueue(name)
    return names
