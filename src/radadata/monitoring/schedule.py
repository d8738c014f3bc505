"""When a dataset's next update is due (§6.17): pure functions of dates and the working calendar.

| periodicity | next due after an update on day U |
|---|---|
| more than once a day, daily | U + 1 day |
| weekly | U + 7 days |
| monthly | U + 1 calendar month |
| quarterly | U + 3 calendar months |
| every half year | U + 6 calendar months |
| yearly | U + 12 calendar months |
| immediately after making changes | none: change notices set the term (§6.12, see change_due) |
| no longer updated | none, ever |

Months are calendar months counted from the day of the update, not 30 or 31 days: 15 Mar → 15
Apr; a day the target month lacks becomes its last day (31 Jan → 28 Feb, or 29 Feb in a leap
year; 29 Feb + 12 months → 28 Feb). Quarterly is "three calendar months after the last update"
rather than "by the end of the next calendar quarter": §6.17 sets the interval between updates,
and the state's yearly assessment (КМУ 409) judges timeliness the same way (last change plus
the period), so the dashboard never shows on time what the state counts as late. A due date on
a day off moves to the next working day (core.calendar, both holiday settings).

A dataset never published has no update to count from: `created_on` is the day its first
publication is counted from (§6.18: a new dataset is published within 10 calendar days); the
caller passes it only for datasets that must be published (those on the approved list).
"""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt

from radadata.core.calendar import WorkingCalendar
from radadata.registry.vocabularies import Periodicity

#: Days after the last update, for the periodicities counted in days.
DAY_STEPS: dict[str, int] = {
    Periodicity.MORE_THAN_DAILY: 1,  # dates have no hours: "again by the next day"
    Periodicity.DAILY: 1,
    Periodicity.WEEKLY: 7,
}
#: Calendar months after the last update.
MONTH_STEPS: dict[str, int] = {
    Periodicity.MONTHLY: 1,
    Periodicity.QUARTERLY: 3,
    Periodicity.HALF_YEARLY: 6,
    Periodicity.YEARLY: 12,
}
#: No calendar term at all.
UNSCHEDULED = frozenset({Periodicity.ON_CHANGE, Periodicity.NO_LONGER})

#: §6.18: a new dataset is published within 10 calendar days.
FIRST_PUBLICATION_DAYS = 10
#: §6.12, §6.17: an unscheduled change is submitted within 3 working days.
CHANGE_WORKING_DAYS = 3


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months later, clamped to the end of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = month_calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def scheduled_due(last_update: dt.date, periodicity: str) -> dt.date | None:
    """The due date by the calendar alone, before moving it off a day off."""
    if periodicity in DAY_STEPS:
        return last_update + dt.timedelta(days=DAY_STEPS[periodicity])
    if periodicity in MONTH_STEPS:
        return add_months(last_update, MONTH_STEPS[periodicity])
    if periodicity in UNSCHEDULED:
        return None
    raise ValueError(f"unknown periodicity: {periodicity!r}")


def next_due(*, last_update: dt.date | None, periodicity: str, calendar: WorkingCalendar,
             created_on: dt.date | None = None) -> dt.date | None:
    """The day by which the dataset must next be updated (or first published), or None when no
    calendar term applies ("no longer updated", "immediately after making changes", or a dataset
    never published that need not be)."""
    if periodicity == Periodicity.NO_LONGER:
        return None
    if last_update is None:
        if created_on is None:
            return None
        return calendar.add_calendar_days(created_on, FIRST_PUBLICATION_DAYS)
    due = scheduled_due(last_update, periodicity)
    return None if due is None else calendar.next_working_day(due)


def change_due(*, change_occurred_on: dt.date, calendar: WorkingCalendar) -> dt.date:
    """The term of an unscheduled change (§6.12): 3 working days after the change."""
    return calendar.add_working_days(change_occurred_on, CHANGE_WORKING_DAYS)
