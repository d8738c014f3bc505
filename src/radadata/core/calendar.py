"""Working days by the Ukrainian calendar, for the legal deadlines of the regulation.

The `holidays` library already models martial law: for Ukraine from 2022 its "public"
category is empty (holidays are working days) and the holidays sit in the "workday" category,
while 2021 still has days off and the Saturdays worked in their place. The setting
RADADATA_HOLIDAYS_ARE_DAYS_OFF=true makes the "workday" holidays days off as well, for when
martial law ends before the library learns of it.

Terms are counted as the Civil Code counts them (ст. 253–254 ЦКУ): from the day after the
event; a term whose last day is a day off ends on the next working day.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    import holidays


class WorkingCalendar:
    def __init__(self, *, holidays_are_days_off: bool):
        self.holidays_are_days_off = holidays_are_days_off

    @staticmethod
    @lru_cache(maxsize=64)
    def _year(year: int, categories: tuple[str, ...]) -> holidays.HolidayBase:
        # Imported on first use: its calendars take half a second to import, which every
        # command and web process would pay at start-up (the workflow imports this module).
        import holidays

        return holidays.Ukraine(years=year, categories=categories)

    @classmethod
    @lru_cache(maxsize=16)
    def _suspended(cls, year: int) -> dict[dt.date, str]:
        """The holidays martial law made working days, with the days off that stand in for
        those falling on a weekend (ст. 67 КЗпП), as the library had them before 2022."""
        days: dict[dt.date, str] = {}
        for day, name in sorted(cls._year(year, ("workday",)).items()):
            days.setdefault(day, name)
            if day.weekday() >= 5:
                observed = day + dt.timedelta(days=7 - day.weekday())
                while observed in days or observed.weekday() >= 5:
                    observed += dt.timedelta(days=1)
                days[observed] = f"{name} (observed)"
        return days

    def holiday_name(self, day: dt.date) -> str | None:
        name = self._year(day.year, ("public",)).get(day)
        if name is None and self.holidays_are_days_off:
            name = self._suspended(day.year).get(day)
        return name

    def is_working_day(self, day: dt.date) -> bool:
        public = self._year(day.year, ("public",))
        if day.weekday() >= 5 and day not in public.weekend_workdays:
            return False
        return self.holiday_name(day) is None

    def next_working_day(self, day: dt.date) -> dt.date:
        """`day` itself if it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The last day of a term of `count` working days that begins after `start`."""
        day = start
        remaining = count
        while remaining > 0:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def add_calendar_days(self, start: dt.date, count: int) -> dt.date:
        """The last day of a term of `count` calendar days, moved off a day off."""
        return self.next_working_day(start + dt.timedelta(days=count))

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (negative if end < start)."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(
            1 for n in range(1, (end - start).days + 1)
            if self.is_working_day(start + dt.timedelta(days=n))
        )


def default_calendar() -> WorkingCalendar:
    return WorkingCalendar(holidays_are_days_off=settings.HOLIDAYS_ARE_DAYS_OFF)
