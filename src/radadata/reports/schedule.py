"""The one call into the monitoring app's schedules, so that reports count a dataset overdue
exactly when the dashboard does (same periodicity rules, same working calendar)."""

from __future__ import annotations

import datetime as dt

from radadata.core.calendar import WorkingCalendar
from radadata.monitoring import schedule


def next_due(*, last_update: dt.date | None, periodicity: str, calendar: WorkingCalendar,
             created_on: dt.date | None = None) -> dt.date | None:
    """The day the next update (or the first publication) is due, or None."""
    return schedule.next_due(last_update=last_update, periodicity=periodicity,
                             calendar=calendar, created_on=created_on)


def change_due(*, change_occurred_on: dt.date, calendar: WorkingCalendar) -> dt.date:
    """The term of an unscheduled change (§6.12)."""
    return schedule.change_due(change_occurred_on=change_occurred_on, calendar=calendar)
