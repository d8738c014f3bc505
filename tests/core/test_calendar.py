"""Real dates around Ukrainian holidays and weekends, in both eras and both settings."""

import datetime as dt

import pytest

from radadata.core.calendar import WorkingCalendar, default_calendar

D = dt.date
MARTIAL = WorkingCalendar(holidays_are_days_off=False)
PEACE = WorkingCalendar(holidays_are_days_off=True)


def test_2021_had_days_off_and_a_worked_saturday():
    # 7 Jan 2021 (Thursday) Christmas, 8 Jan a day off moved from Saturday 16 Jan.
    for calendar in (MARTIAL, PEACE):
        assert not calendar.is_working_day(D(2021, 1, 7))
        assert not calendar.is_working_day(D(2021, 1, 8))
        assert calendar.is_working_day(D(2021, 1, 16))  # a Saturday worked instead
        assert calendar.add_working_days(D(2021, 1, 6), 1) == D(2021, 1, 11)


def test_under_martial_law_holidays_are_working_days():
    # Independence Day 2025 was Sunday 24 August; Labour Day Thursday 1 May 2025.
    assert MARTIAL.is_working_day(D(2025, 5, 1))
    assert MARTIAL.add_working_days(D(2025, 4, 30), 1) == D(2025, 5, 1)
    assert MARTIAL.holiday_name(D(2025, 5, 1)) is None


def test_with_the_setting_on_holidays_are_days_off_again():
    assert not PEACE.is_working_day(D(2025, 5, 1))
    assert PEACE.add_working_days(D(2025, 4, 30), 1) == D(2025, 5, 2)
    assert PEACE.holiday_name(D(2025, 5, 1))


def test_weekends_are_skipped_and_terms_start_the_next_day():
    friday = D(2026, 11, 20)
    assert MARTIAL.add_working_days(friday, 1) == D(2026, 11, 23)
    assert MARTIAL.add_working_days(friday, 3) == D(2026, 11, 25)
    assert MARTIAL.working_days_between(friday, D(2026, 11, 25)) == 3
    assert MARTIAL.working_days_between(D(2026, 11, 25), friday) == -3


def test_calendar_day_terms_move_off_a_day_off():
    # 10 calendar days from Wednesday 11 Nov 2026 end on Saturday 21 Nov → Monday 23 Nov.
    assert MARTIAL.add_calendar_days(D(2026, 11, 11), 10) == D(2026, 11, 23)
    # Christmas 2021 fell on Saturday, observed Monday 27 Dec: a day off before the war.
    assert MARTIAL.add_calendar_days(D(2021, 12, 17), 10) == D(2021, 12, 28)


@pytest.mark.parametrize("flag", [True, False])
def test_default_calendar_follows_the_setting(settings, flag):
    settings.HOLIDAYS_ARE_DAYS_OFF = flag
    assert default_calendar().holidays_are_days_off is flag


def test_after_martial_law_a_holiday_on_a_weekend_gives_the_next_monday_off():
    # ст. 67 КЗпП: Independence Day 2025 is a Sunday, so Monday 25.08 is the day off.
    peace = WorkingCalendar(holidays_are_days_off=True)
    war = WorkingCalendar(holidays_are_days_off=False)
    monday = dt.date(2025, 8, 25)
    assert not peace.is_working_day(monday)
    assert war.is_working_day(monday)
    assert peace.add_working_days(dt.date(2025, 8, 22), 1) == dt.date(2025, 8, 26)
    assert war.add_working_days(dt.date(2025, 8, 22), 1) == monday
