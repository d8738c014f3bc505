"""Next-due dates: calendar months (not 31 days) across month, quarter and year ends and leap
years, moved off days off under both holiday settings; no calendar term for "no longer
updated" and "immediately after making changes"."""

from __future__ import annotations

import datetime as dt

import pytest

from radadata.core.calendar import WorkingCalendar
from radadata.monitoring.schedule import add_months, change_due, next_due, scheduled_due
from radadata.registry.vocabularies import Periodicity as P

MARTIAL = WorkingCalendar(holidays_are_days_off=False)  # holidays are working days
PEACE = WorkingCalendar(holidays_are_days_off=True)
D = dt.date.fromisoformat


@pytest.mark.parametrize(("day", "months", "expected"), [
    ("2026-01-31", 1, "2026-02-28"),   # 31 Jan + 1 month: the end of February
    ("2024-01-31", 1, "2024-02-29"),   # ... in a leap year
    ("2024-02-29", 12, "2025-02-28"),  # 29 Feb + a year
    ("2028-02-29", 12, "2029-02-28"),
    ("2026-04-30", 1, "2026-05-30"),   # the 30th stays the 30th, not the month's end
    ("2026-03-31", 1, "2026-04-30"),
    ("2025-11-30", 3, "2026-02-28"),   # a quarter across the year end
    ("2026-12-31", 3, "2027-03-31"),
    ("2026-08-31", 6, "2027-02-28"),
    ("2026-03-15", 12, "2027-03-15"),
])
def test_calendar_months_clamp_to_the_end_of_a_shorter_month(day, months, expected):
    assert add_months(D(day), months) == D(expected)


@pytest.mark.parametrize(("periodicity", "last", "expected"), [
    (P.MORE_THAN_DAILY, "2026-03-03", "2026-03-04"),
    (P.DAILY, "2026-03-03", "2026-03-04"),
    (P.WEEKLY, "2026-03-03", "2026-03-10"),
    (P.MONTHLY, "2026-01-31", "2026-02-28"),
    (P.QUARTERLY, "2026-01-31", "2026-04-30"),  # three calendar months, not 92 days
    (P.QUARTERLY, "2026-03-31", "2026-06-30"),  # a quarter end to the next quarter end
    (P.HALF_YEARLY, "2026-06-30", "2026-12-30"),
    (P.YEARLY, "2024-02-29", "2025-02-28"),
])
def test_the_rule_of_each_periodicity(periodicity, last, expected):
    assert scheduled_due(D(last), periodicity) == D(expected)


@pytest.mark.parametrize("periodicity", [P.ON_CHANGE, P.NO_LONGER])
def test_no_calendar_term_for_changes_and_datasets_no_longer_updated(periodicity):
    assert next_due(last_update=D("2026-03-02"), periodicity=periodicity,
                    calendar=MARTIAL) is None


def test_a_dataset_no_longer_updated_is_never_due_not_even_for_a_first_publication():
    assert next_due(last_update=None, periodicity=P.NO_LONGER, calendar=MARTIAL,
                    created_on=D("2026-03-02")) is None


def test_a_due_date_on_a_weekend_moves_to_monday_under_both_settings():
    # 31 Jan 2026 + 1 month = Saturday 28 Feb.
    for calendar in (MARTIAL, PEACE):
        assert next_due(last_update=D("2026-01-31"), periodicity=P.MONTHLY,
                        calendar=calendar) == D("2026-03-02")


@pytest.mark.parametrize(("periodicity", "last", "martial", "peace"), [
    # Independence Day, Monday 24 Aug 2026: a working day under martial law.
    (P.YEARLY, "2025-08-24", "2026-08-24", "2026-08-25"),
    # Friday 6 Mar → Saturday → Monday 9 Mar, the day off for 8 March (a Sunday) in peace.
    (P.DAILY, "2026-03-06", "2026-03-09", "2026-03-10"),
    # Christmas, Friday 25 Dec 2026 → Monday 28 Dec in peace.
    (P.MONTHLY, "2026-11-25", "2026-12-25", "2026-12-28"),
    # New Year's Day 2027 is a Friday.
    (P.QUARTERLY, "2026-10-01", "2027-01-01", "2027-01-04"),
])
def test_holidays_are_days_off_only_when_the_setting_says_so(periodicity, last, martial, peace):
    assert next_due(last_update=D(last), periodicity=periodicity,
                    calendar=MARTIAL) == D(martial)
    assert next_due(last_update=D(last), periodicity=periodicity, calendar=PEACE) == D(peace)


def test_2021_still_had_days_off_whatever_the_setting():
    # 3 May 2021 (Labour Day observed) and 4 May (Easter observed) were days off.
    for calendar in (MARTIAL, PEACE):
        assert next_due(last_update=D("2021-04-03"), periodicity=P.MONTHLY,
                        calendar=calendar) == D("2021-05-05")


def test_a_dataset_never_published_is_due_ten_calendar_days_after_it_is_counted_from():
    assert next_due(last_update=None, periodicity=P.QUARTERLY, calendar=MARTIAL,
                    created_on=D("2026-03-02")) == D("2026-03-12")
    # ... moved off a weekend: 21 Feb 2026 + 10 days = Tuesday 3 Mar; 20 Feb + 10 = Mon 2 Mar;
    # 19 Feb + 10 = Sunday 1 Mar → Monday 2 Mar.
    assert next_due(last_update=None, periodicity=P.MONTHLY, calendar=MARTIAL,
                    created_on=D("2026-02-19")) == D("2026-03-02")


def test_a_dataset_never_published_that_need_not_be_has_no_due_date():
    assert next_due(last_update=None, periodicity=P.MONTHLY, calendar=MARTIAL) is None


def test_an_unscheduled_change_is_due_three_working_days_after_it():
    # Thursday 5 Mar 2026 → Fri 6, Mon 9, Tue 10 (Mon 9 is a day off in peace: Wed 11).
    assert change_due(change_occurred_on=D("2026-03-05"), calendar=MARTIAL) == D("2026-03-10")
    assert change_due(change_occurred_on=D("2026-03-05"), calendar=PEACE) == D("2026-03-11")


def test_an_unknown_periodicity_is_refused():
    with pytest.raises(ValueError, match="unknown periodicity"):
        next_due(last_update=D("2026-03-02"), periodicity="fortnightly", calendar=MARTIAL)
