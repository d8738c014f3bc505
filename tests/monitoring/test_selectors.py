"""Each dataset's next due date and state, and the dashboard's figures per owner and overall,
from the registry and the workflow as the services leave them."""

from __future__ import annotations

import datetime as dt

import pytest

from radadata.core.calendar import WorkingCalendar
from radadata.monitoring import selectors
from radadata.registry.services import datasets as dataset_services
from radadata.registry.services import lists as list_services
from radadata.registry.vocabularies import Periodicity
from radadata.workflow import services as workflow_services
from radadata.workflow.states import State
from tests.factories import DatasetFactory, OwnerFactory, UserFactory, add_file
from tests.monitoring.steps import at, publish, put_on_list, submission_in, upload

pytestmark = pytest.mark.django_db

D = dt.date.fromisoformat
MARTIAL = WorkingCalendar(holidays_are_days_off=False)


def rows_by_title(**kwargs) -> dict[str, selectors.DatasetStatus]:
    rows = selectors.dataset_status_rows(calendar=MARTIAL, **kwargs)
    return {row.dataset.title: row for row in rows}


def test_a_monthly_dataset_is_due_a_calendar_month_after_its_last_publication():
    dataset = DatasetFactory(title="Бюджет", periodicity=Periodicity.MONTHLY)
    publish(dataset, "2026-01-31")
    row = rows_by_title(today=D("2026-02-10"))["Бюджет"]
    assert row.last_update == D("2026-01-31")
    assert row.next_due == D("2026-03-02")  # 28 Feb is a Saturday
    assert row.due_reason == "schedule"
    assert (row.overdue, row.due_soon, row.published) == (False, False, True)
    assert rows_by_title(today=D("2026-02-20"))["Бюджет"].due_soon  # 7 working days ahead
    late = rows_by_title(today=D("2026-03-03"))["Бюджет"]
    assert (late.overdue, late.due_soon) == (True, False)


def test_the_last_update_is_the_newest_publication_fact():
    dataset = DatasetFactory(title="Тарифи", periodicity=Periodicity.MONTHLY)
    publish(dataset, "2026-01-10")
    # The office uploads a file straight to the published dataset: public at once.
    add_file(dataset, at=at("2026-02-03"))
    assert rows_by_title(today=D("2026-02-10"))["Тарифи"].last_update == D("2026-02-03")
    publish(dataset, "2026-02-16")
    assert rows_by_title(today=D("2026-02-20"))["Тарифи"].next_due == D("2026-03-16")


def test_a_changed_periodicity_recomputes_the_due_date():
    dataset = DatasetFactory(title="Зупинки", periodicity=Periodicity.YEARLY)
    publish(dataset, "2026-01-15")
    assert rows_by_title(today=D("2026-02-01"))["Зупинки"].next_due == D("2027-01-15")
    dataset_services.dataset_update(dataset=dataset, by=None, at=at("2026-02-01"),
                                    periodicity=Periodicity.WEEKLY)
    row = rows_by_title(today=D("2026-02-01"))["Зупинки"]
    assert row.next_due == D("2026-01-22")
    assert row.overdue


def test_a_dataset_no_longer_updated_is_never_overdue():
    dataset = DatasetFactory(title="Архів", periodicity=Periodicity.MONTHLY)
    publish(dataset, "2020-01-10")
    put_on_list(dataset)
    dataset_services.dataset_archive(dataset=dataset, by=None, at=at("2020-06-01"),
                                     reason="Відділ ліквідовано.")
    row = rows_by_title(today=D("2026-03-02"))["Архів"]
    assert (row.next_due, row.overdue, row.due_soon) == (None, False, False)
    assert row.published  # its data stay public


def test_an_unpublished_dataset_is_due_only_when_the_approved_list_requires_it():
    DatasetFactory(title="Чернетка", created_on=D("2026-01-05"))
    on_list = DatasetFactory(title="Обов'язковий", created_on=D("2025-06-01"))
    put_on_list(on_list, "2026-02-02")  # counted from the later of creation and listing
    rows = rows_by_title(today=D("2026-02-10"))
    assert rows["Чернетка"].next_due is None
    assert rows["Обов'язковий"].next_due == D("2026-02-12")
    assert rows["Обов'язковий"].due_reason == "first_publication"
    assert rows["Обов'язковий"].in_approved_list


def test_an_unscheduled_change_is_due_within_three_working_days_until_submitted(officer):
    owner = OwnerFactory()
    clerk = UserFactory(owner=owner)
    dataset = DatasetFactory(owner=owner, title="Депутати", periodicity=Periodicity.ON_CHANGE)
    publish(dataset, "2026-01-10")
    assert rows_by_title(today=D("2026-03-02"))["Депутати"].next_due is None
    submission = workflow_services.submission_open(
        dataset=dataset, by=clerk, at=at("2026-03-05"), unscheduled=True,
        change_occurred_on=D("2026-03-05"))
    row = rows_by_title(today=D("2026-03-11"))["Депутати"]
    assert (row.next_due, row.due_reason, row.overdue) == (D("2026-03-10"), "change", True)
    assert row.submission_state == State.DRAFT
    upload(dataset, by=clerk, day="2026-03-11")
    workflow_services.submission_transition(submission=submission, action="submit", by=clerk,
                                            at=at("2026-03-11"))
    assert rows_by_title(today=D("2026-03-12"))["Депутати"].next_due is None


def test_the_figures_per_owner_and_overall(officer):
    education = OwnerFactory(name="Управління освіти")
    finance = OwnerFactory(name="Фінансове управління")
    OwnerFactory(name="Відділ без наборів")
    clerk = UserFactory(owner=education)
    schools = DatasetFactory(owner=education, title="Школи", periodicity=Periodicity.MONTHLY)
    kindergartens = DatasetFactory(owner=education, title="Садки",
                                   periodicity=Periodicity.YEARLY)
    budget = DatasetFactory(owner=finance, title="Бюджет", periodicity=Periodicity.QUARTERLY)
    for dataset in (schools, kindergartens, budget):
        publish(dataset, "2026-01-05")
        put_on_list(dataset)
    list_services.approved_item_add(title="Реєстр боргів", owner=finance, by=None,
                                    at=at("2026-01-05"))
    submission_in(kindergartens, State.UPLOADED, by=clerk, officer=officer)
    submission_in(schools, State.RETURNED, by=clerk, officer=officer)

    figures = selectors.figures(today=D("2026-03-02"), calendar=MARTIAL)
    empty, education_figures, finance_figures = figures.by_owner  # by name
    assert empty.owner.name == "Відділ без наборів"
    assert (empty.datasets, empty.approved, empty.share, empty.overdue) == (0, 0, None, 0)
    assert (education_figures.approved, education_figures.approved_published) == (2, 2)
    assert education_figures.percent == 100
    assert education_figures.overdue == 1  # Школи: due 5 Feb
    assert (education_figures.on_moderation, education_figures.returned) == (1, 1)
    assert (finance_figures.approved, finance_figures.approved_published) == (2, 1)
    assert finance_figures.approved_without_dataset == 1
    assert finance_figures.percent == 50
    assert finance_figures.overdue == 0
    total = figures.total
    assert (total.datasets, total.published, total.approved, total.approved_published) == (
        3, 3, 4, 3)
    assert (total.overdue, total.on_moderation, total.returned, total.rejected) == (1, 1, 1, 0)
    assert total.percent == 75
    assert not figures.shows_blocking  # until the checks app supplies the figure


def test_the_figures_of_one_owner():
    owner = OwnerFactory()
    DatasetFactory(owner=owner, published=True)
    DatasetFactory(published=True)  # another owner's
    figures = selectors.figures(owner=owner, today=D("2026-03-02"), calendar=MARTIAL)
    assert [f.owner for f in figures.by_owner] == [owner]
    assert figures.total.datasets == 1


def test_the_holiday_setting_comes_from_the_settings(settings):
    dataset = DatasetFactory(title="Свята", periodicity=Periodicity.YEARLY)
    publish(dataset, "2025-08-24")
    settings.HOLIDAYS_ARE_DAYS_OFF = False
    row = selectors.dataset_status_rows(today=D("2026-08-01"))[0]
    assert row.next_due == D("2026-08-24")
    settings.HOLIDAYS_ARE_DAYS_OFF = True
    assert selectors.dataset_status_rows(today=D("2026-08-01"))[0].next_due == D("2026-08-25")
