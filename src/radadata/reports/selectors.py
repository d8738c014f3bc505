"""Reads for the report pages: who may read what, closed quarters, the year's texts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.core.errors import NotAllowed, NotFound
from radadata.registry import access
from radadata.registry.models import Council, Owner
from radadata.reports.builders.yearly import first_year
from radadata.reports.defaults import TEXT_FIELDS, yearly_defaults
from radadata.reports.models import QuarterClose, QuarterNote, YearlyText
from radadata.reports.periods import Quarter

#: How many ended quarters the reports page offers to close.
CLOSABLE_QUARTERS = 4


def require_council_reports(user: User | None) -> None:
    """The council's reports are read by the office, the working group and the auditor."""
    if not access.reads_all(user):
        raise NotAllowed(_("Only the open-data officer and the working group read the council's "
                           "reports. Your owner's indicators are under Reports."))


def closed_quarters() -> QuerySet[QuarterClose]:
    return QuarterClose.objects.select_related("closed_by")


def quarter_close_for(quarter: Quarter) -> QuarterClose:
    close = (QuarterClose.objects.select_related("closed_by")
             .filter(year=quarter.year, quarter=quarter.number).first())
    if close is None:
        raise NotFound(_("Quarter %(quarter)s is not closed yet. Close it on the reports page "
                         "once it has ended.") % {"quarter": quarter})
    return close


def quarter_notes(close: QuarterClose) -> list[QuarterNote]:
    return list(close.notes.select_related("updated_by").order_by("position", "id"))


def quarter_note(close: QuarterClose, pk: int) -> QuarterNote:
    note = close.notes.filter(pk=pk).first()
    if note is None:
        raise NotFound(_("No such owner in this quarter."))
    return note


def closable_quarters(today: dt.date) -> list[Quarter]:
    """The latest ended quarters that are not closed yet, newest first (none before the
    registry's first dataset)."""
    first = first_year()
    if first is None:
        return []
    closed = set(QuarterClose.objects.values_list("year", "quarter"))
    result = []
    quarter = Quarter.containing(today).previous()
    while len(result) < CLOSABLE_QUARTERS and quarter.year >= first:
        if (quarter.year, quarter.number) not in closed:
            result.append(quarter)
        quarter = quarter.previous()
    return result


def report_years(today: dt.date) -> list[int]:
    """The years a yearly report can be built for, newest first."""
    first = first_year()
    return list(range(today.year, first - 1, -1)) if first else []


@dataclass(frozen=True)
class YearTexts:
    year: int
    values: dict[str, str]
    stored: YearlyText | None  # None while the defaults are shown


def yearly_texts(year: int) -> YearTexts:
    stored = YearlyText.objects.select_related("updated_by").filter(year=year).first()
    if stored is not None:
        return YearTexts(year, {name: getattr(stored, name) for name in TEXT_FIELDS}, stored)
    return YearTexts(year, yearly_defaults(Council.current(), year), None)


def owners_for_indicators(user: User | None) -> QuerySet[Owner]:
    """The owners whose indicators a person sees: all for council-wide roles, else their own
    and the enterprises they manage (§6.9)."""
    return access.owners_readable_by(user).order_by("name")


def owner_for_indicators(user: User | None, slug: str) -> Owner:
    owner = owners_for_indicators(user).filter(slug=slug).first()
    if owner is None:
        raise NotFound(_("No such owner."))
    return owner
