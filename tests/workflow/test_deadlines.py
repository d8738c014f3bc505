"""The legal terms of the workflow on real dates around Ukrainian holidays and weekends, with
holidays as working days (martial law, the default) and as days off, and in 2021, before
martial law, when the calendar still had days off and Saturdays worked in their place."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest

from radadata.core.calendar import WorkingCalendar
from radadata.registry.services import resources as resource_services
from radadata.workflow import services
from radadata.workflow.deadlines import Deadline, Facts, deadlines, next_deadline
from radadata.workflow.states import Action, State
from tests.factories import DatasetFactory, OwnerFactory, UserFactory

D = dt.date
MARTIAL = WorkingCalendar(holidays_are_days_off=False)
PEACE = WorkingCalendar(holidays_are_days_off=True)
BOTH = pytest.mark.parametrize("calendar", [MARTIAL, PEACE], ids=["martial-law", "days-off"])

UPDATE = Facts(is_new=False, dataset_created_on=D(2020, 1, 15), change_occurred_on=None,
               first_submitted_on=None, first_received_on=None, received_on=None,
               accepted_on=None, uploaded_on=None, published_on=None)


def facts(**changes) -> Facts:
    return dataclasses.replace(UPDATE, **changes)


def due(rule: str, items: list[Deadline]) -> dt.date:
    return next(d.due for d in items if d.rule == rule)


# §6.13: uploaded within one working day of receipt.


@BOTH
def test_received_on_friday_upload_is_due_on_monday(calendar):
    items = deadlines(facts(received_on=D(2026, 11, 20)), calendar)
    assert due("upload", items) == D(2026, 11, 23)


@pytest.mark.parametrize(("received", "martial", "days_off"), [
    # The day before Christmas, Thursday 25.12.2025.
    (D(2025, 12, 24), D(2025, 12, 25), D(2025, 12, 26)),
    # The day before Independence Day, Thursday 24.08.2023.
    (D(2023, 8, 23), D(2023, 8, 24), D(2023, 8, 25)),
    # Friday before Independence Day, Monday 24.08.2026: a weekend, then the holiday.
    (D(2026, 8, 21), D(2026, 8, 24), D(2026, 8, 25)),
    # The day before Constitution Day, Friday 28.06.2024: the next working day is Monday.
    (D(2024, 6, 27), D(2024, 6, 28), D(2024, 7, 1)),
    # Friday before Constitution Day, Monday 28.06.2027.
    (D(2027, 6, 25), D(2027, 6, 28), D(2027, 6, 29)),
])
def test_upload_around_a_holiday_depends_on_the_setting(received, martial, days_off):
    assert due("upload", deadlines(facts(received_on=received), MARTIAL)) == martial
    assert due("upload", deadlines(facts(received_on=received), PEACE)) == days_off


@BOTH
@pytest.mark.parametrize(("received", "expected"), [
    # New Year's Day, Friday 1.1.2021, was a day off: then the weekend.
    (D(2020, 12, 31), D(2021, 1, 4)),
    # 8 March 2021 was a Monday and a day off.
    (D(2021, 3, 5), D(2021, 3, 9)),
    # Christmas, Thursday 7.1.2021, and Friday 8.1 given in exchange for Saturday 16.1.
    (D(2021, 1, 6), D(2021, 1, 11)),
    # ... so Saturday 16 January 2021 was a working day.
    (D(2021, 1, 15), D(2021, 1, 16)),
])
def test_before_martial_law_holidays_were_days_off_whatever_the_setting(
        calendar, received, expected):
    assert due("upload", deadlines(facts(received_on=received), calendar)) == expected


# §6.18: a new dataset published within 10 calendar days of its first receipt.


@BOTH
def test_ten_calendar_days_ending_on_a_sunday_end_on_monday(calendar):
    items = deadlines(facts(is_new=True, first_received_on=D(2026, 3, 5),
                            received_on=D(2026, 3, 5)), calendar)
    assert due("new_published", items) == D(2026, 3, 16)


def test_ten_calendar_days_ending_on_christmas():
    new = facts(is_new=True, first_received_on=D(2025, 12, 15), received_on=D(2025, 12, 15))
    assert due("new_published", deadlines(new, MARTIAL)) == D(2025, 12, 25)
    assert due("new_published", deadlines(new, PEACE)) == D(2025, 12, 26)


def test_ten_days_count_from_the_first_receipt_not_a_later_one():
    again = facts(is_new=True, first_received_on=D(2026, 3, 5), received_on=D(2026, 3, 12))
    items = deadlines(again, MARTIAL)
    assert due("new_published", items) == D(2026, 3, 16)
    assert due("upload", items) == D(2026, 3, 13)


# §6.12: an unscheduled change submitted within 3 working days.


@BOTH
def test_an_unscheduled_change_has_three_working_days_across_a_weekend(calendar):
    items = deadlines(facts(change_occurred_on=D(2026, 11, 12)), calendar)  # Thursday
    assert [d.rule for d in items] == ["unscheduled"]
    assert due("unscheduled", items) == D(2026, 11, 17)


def test_an_unscheduled_change_before_christmas_2026():
    change = facts(change_occurred_on=D(2026, 12, 23))  # Wednesday; Christmas is Friday
    assert due("unscheduled", deadlines(change, MARTIAL)) == D(2026, 12, 28)
    assert due("unscheduled", deadlines(change, PEACE)) == D(2026, 12, 29)


# §4.5: the owner notifies a new dataset within 5 working days; §4.6: the registry in 3 days.


@BOTH
def test_the_owner_has_five_working_days_for_a_new_dataset(calendar):
    new = facts(is_new=True, dataset_created_on=D(2026, 11, 4))  # Wednesday
    assert [(d.rule, d.due) for d in deadlines(new, calendar)] == [
        ("owner_notice", D(2026, 11, 11))]


def test_the_owner_notice_around_labour_day_2025():
    new = facts(is_new=True, dataset_created_on=D(2025, 4, 28))  # Monday; 1 May is Thursday
    assert due("owner_notice", deadlines(new, MARTIAL)) == D(2025, 5, 5)
    assert due("owner_notice", deadlines(new, PEACE)) == D(2025, 5, 6)


@BOTH
def test_the_registry_is_due_three_days_after_receipt_off_a_weekend(calendar):
    items = deadlines(facts(received_on=D(2026, 11, 18)), calendar)  # Wednesday → Saturday
    assert due("registry", items) == D(2026, 11, 23)


def test_the_registry_is_met_by_acceptance_or_upload_whichever_came_first():
    received = facts(received_on=D(2026, 11, 18))
    accepted = deadlines(dataclasses.replace(received, accepted_on=D(2026, 11, 19),
                                             uploaded_on=D(2026, 11, 24)), MARTIAL)
    assert next(d for d in accepted if d.rule == "registry").met_on == D(2026, 11, 19)
    uploaded = deadlines(dataclasses.replace(received, uploaded_on=D(2026, 11, 18)), MARTIAL)
    assert next(d for d in uploaded if d.rule == "registry").met_on == D(2026, 11, 18)


def test_which_terms_apply_to_what():
    assert deadlines(facts(), MARTIAL) == []  # a scheduled update not yet received
    received = [d.rule for d in deadlines(facts(received_on=D(2026, 11, 18)), MARTIAL)]
    assert received == ["registry", "upload"]
    new = facts(is_new=True, dataset_created_on=D(2026, 11, 2), first_submitted_on=D(2026, 11, 3),
                first_received_on=D(2026, 11, 3), received_on=D(2026, 11, 3))
    assert [d.rule for d in deadlines(new, MARTIAL)] == [
        "owner_notice", "registry", "upload", "new_published"]
    labels = [d.label for d in deadlines(new, MARTIAL)]
    assert all(clause in label for clause, label in zip(
        ["§4.5", "§4.6", "§6.13", "§6.18"], labels, strict=True))


# The nearest deadline and lateness.


def test_next_deadline_is_the_earliest_not_met():
    items = [Deadline("owner_notice", D(2026, 11, 9), met_on=D(2026, 11, 3)),
             Deadline("registry", D(2026, 11, 23), met_on=None),
             Deadline("upload", D(2026, 11, 19), met_on=None),
             Deadline("new_published", D(2026, 11, 30), met_on=None)]
    assert next_deadline(items).rule == "upload"
    met = [dataclasses.replace(d, met_on=D(2026, 11, 19)) for d in items]
    assert next_deadline(met) is None
    assert next_deadline([]) is None


def test_late_is_after_the_day_unmet_or_met_after_it():
    term = Deadline("upload", D(2026, 11, 23), met_on=None)
    assert not term.late(D(2026, 11, 23))  # the last day itself is in time
    assert term.late(D(2026, 11, 24))
    on_time = dataclasses.replace(term, met_on=D(2026, 11, 23))
    assert not on_time.late(D(2027, 1, 1)) and not on_time.met_late
    after = dataclasses.replace(term, met_on=D(2026, 11, 24))
    assert after.met_late and after.late(D(2026, 11, 24)) and after.late(D(2026, 11, 20))


# Through the service: the setting decides the date the queue sorts by.


@pytest.mark.django_db
@pytest.mark.parametrize(("days_off", "expected"), [(False, D(2025, 12, 25)),
                                                    (True, D(2025, 12, 26))])
def test_the_queue_date_follows_the_setting(settings, days_off, expected):
    settings.HOLIDAYS_ARE_DAYS_OFF = days_off
    owner = OwnerFactory()
    clerk = UserFactory(owner=owner)
    dataset = DatasetFactory(owner=owner, created_on=D(2025, 12, 22))
    received = dt.datetime(2025, 12, 24, 16, 30, tzinfo=dt.UTC)  # 18:30 in Kyiv
    resource = resource_services.resource_create(dataset=dataset, title="Дані", by=clerk,
                                                 at=received)
    resource_services.version_add(resource=resource, stream=io.BytesIO(b"id,name\n1,A\n"),
                                  filename="data.csv", by=clerk, at=received)
    submission = services.submission_open(dataset=dataset, by=clerk, at=received)
    submission = services.submission_transition(submission=submission, action=Action.SUBMIT,
                                                by=clerk, at=received)
    assert submission.state == State.RECEIVED
    assert (submission.due_rule, submission.due_on) == ("upload", expected)
    # Uploaded: the next term is the publication of the new dataset, 10 days after receipt
    # (Saturday 3 January 2026 → Monday 5 January).
    submission = services.submission_transition(submission=submission, action=Action.UPLOAD,
                                                by=None, at=received + dt.timedelta(hours=20))
    assert (submission.due_rule, submission.due_on) == ("new_published", D(2026, 1, 5))
