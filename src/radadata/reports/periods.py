"""Reporting periods: quarters (§8.2: monitoring at least once a quarter) and years (§8.5).

A period's figures are the registry "as of" its last day: everything that happened before the
next day began in Kyiv time. `moment_after()` is that bound; selectors compare with `< moment`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from radadata.core.errors import ValidationFailed

_QUARTER = re.compile(r"^\s*(\d{4})\s*-?\s*[QqКк]\s*([1-4])\s*$")
ROMAN = ("I", "II", "III", "IV")
MONTHS_SHORT = ("січ", "лют", "бер", "квіт", "трав", "черв", "лип", "серп", "вер", "жовт",
                "лист", "груд")
FIRST_YEAR = 2015  # КМУ 835 (21.10.2015): no council published open data before it


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """ "2026Q3", "2026-Q3", "2026 q3" (a Cyrillic К is accepted as well)."""
        match = _QUARTER.match(text or "")
        if not match:
            raise ValidationFailed({"quarter": [
                _("Write the quarter as year and number, for example 2026Q3.")]})
        quarter = cls(int(match.group(1)), int(match.group(2)))
        if quarter.year < FIRST_YEAR:
            raise ValidationFailed({"quarter": [
                _("There is no open data before %(year)d; choose a later quarter.")
                % {"year": FIRST_YEAR}]})
        return quarter

    @classmethod
    def containing(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self) -> dt.date:
        return self.next().first_day - dt.timedelta(days=1)

    @property
    def title_uk(self) -> str:
        """ "III квартал 2026 року" (data text of the documents)."""
        return f"{ROMAN[self.number - 1]} квартал {self.year} року"

    @property
    def in_title_uk(self) -> str:
        """ "за III квартал 2026 року"."""
        return f"за {self.title_uk}"

    @property
    def during_uk(self) -> str:
        """ "у III кварталі 2026 року"."""
        return f"у {ROMAN[self.number - 1]} кварталі {self.year} року"

    def has_ended(self, today: dt.date) -> bool:
        return today > self.last_day

    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year,
                                                                           self.number + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year,
                                                                           self.number - 1)


def moment_after(day: dt.date) -> dt.datetime:
    """The first instant after `day` ends in the council's time zone."""
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))


def local_date(value: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(value).date() if value else None


def year_as_of(year: int, today: dt.date) -> dt.date:
    """The day a yearly report describes: 31 December, or today while the year runs."""
    return min(dt.date(year, 12, 31), today)


def format_date(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")
