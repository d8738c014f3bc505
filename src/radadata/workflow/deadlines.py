"""The legal terms of the workflow, as pure functions of dates and the working calendar.

| rule | clause | term | counted from | met when |
|---|---|---|---|---|
| owner_notice | §4.5 | 5 working days | the dataset's creation (a new dataset) | first submitted |
| unscheduled | §6.12 | 3 working days | the change of the data | submitted |
| registry | §4.6 | 3 days | receipt by the officer | accepted or uploaded |
| upload | §6.13 | 1 working day | (latest) receipt by the officer | uploaded to the portal |
| new_published | §6.18 | 10 calendar days | first receipt of a new dataset | published |

Terms are counted as core.calendar counts them (from the day after the event; a term whose last
day is a day off ends on the next working day).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from radadata.core.calendar import WorkingCalendar

LABELS = {
    "owner_notice": _("the owner submits a new dataset within 5 working days of its creation "
                      "(§4.5)"),
    "unscheduled": _("an unscheduled change is submitted within 3 working days (§6.12)"),
    "registry": _("the officer enters the change in the registry within 3 days (§4.6)"),
    "upload": _("the officer uploads to the portal within 1 working day of receipt (§6.13)"),
    "new_published": _("a new dataset is published within 10 calendar days (§6.18)"),
}


@dataclass(frozen=True)
class Deadline:
    rule: str
    due: dt.date
    met_on: dt.date | None

    @property
    def label(self) -> str:
        return str(LABELS[self.rule])

    @property
    def met_late(self) -> bool:
        return self.met_on is not None and self.met_on > self.due

    def late(self, today: dt.date) -> bool:
        """Missed: not met by its day, or met after it."""
        return self.met_late or (self.met_on is None and today > self.due)


@dataclass(frozen=True)
class Facts:
    """The dates a submission's deadlines depend on (dates in the council's time zone)."""

    is_new: bool
    dataset_created_on: dt.date
    change_occurred_on: dt.date | None
    first_submitted_on: dt.date | None
    first_received_on: dt.date | None
    received_on: dt.date | None
    accepted_on: dt.date | None
    uploaded_on: dt.date | None
    published_on: dt.date | None


def deadlines(facts: Facts, calendar: WorkingCalendar) -> list[Deadline]:
    """Every deadline that applies to the submission so far, in the order of the process."""
    result = []
    if facts.is_new:
        result.append(Deadline("owner_notice",
                               calendar.add_working_days(facts.dataset_created_on, 5),
                               facts.first_submitted_on))
    if facts.change_occurred_on is not None:
        result.append(Deadline("unscheduled",
                               calendar.add_working_days(facts.change_occurred_on, 3),
                               facts.first_submitted_on))
    if facts.received_on is not None:
        entered = min(d for d in (facts.accepted_on, facts.uploaded_on, dt.date.max) if d)
        result.append(Deadline("registry", calendar.add_calendar_days(facts.received_on, 3),
                               None if entered == dt.date.max else entered))
        result.append(Deadline("upload", calendar.add_working_days(facts.received_on, 1),
                               facts.uploaded_on))
    if facts.is_new and facts.first_received_on is not None:
        result.append(Deadline("new_published",
                               calendar.add_calendar_days(facts.first_received_on, 10),
                               facts.published_on))
    return result


def next_deadline(items: list[Deadline]) -> Deadline | None:
    """The earliest deadline not met yet: what the queue sorts by."""
    pending = [d for d in items if d.met_on is None]
    return min(pending, key=lambda d: d.due) if pending else None
