"""КМУ 409 indicators on tiny registries: each value with its numerator, denominator and what
lowers it; an owner with nothing to measure gets no number; the same overdue datasets as the
dashboard."""

from __future__ import annotations

import datetime as dt

import pytest

from radadata.checks.services.structure import Column, structure_save
from radadata.monitoring.selectors import figures as dashboard_figures
from radadata.registry.services import datasets as dataset_services
from radadata.registry.vocabularies import DataType, Periodicity
from radadata.reports.builders.figures import figures
from radadata.reports.indicators import INDICATORS, evaluate
from radadata.reports.snapshot import take_snapshot
from radadata.workflow.states import State
from tests.factories import UserFactory

from .steps import add_file, at, owner, publish, register, submission_in

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 31)


def _values(the_owner, year: int = 2026, today: dt.date = TODAY) -> dict:
    return {indicator.code: value
            for indicator, value in evaluate([the_owner], year, today=today)[the_owner.pk]}


def test_the_indicators_are_listed_once_each_with_advice():
    codes = [indicator.code for indicator in INDICATORS]
    assert codes == ["published_share", "timeliness", "passports", "structures",
                     "machine_readable", "national_structures"]
    assert all(str(i.title) and str(i.how_to_improve) and str(i.not_applicable)
               for i in INDICATORS)


def test_indicators_on_a_tiny_registry():
    finance = owner("Фінансове управління")
    UserFactory(owner=finance, email="finance@rada.example.ua")  # its contact point
    budget = register(finance, "Бюджет громади", listed=True, periodicity=Periodicity.MONTHLY)
    publish(budget, "2026-03-02")  # due 02.04: on time
    structure_save(dataset=budget, columns=[Column(name="code"), Column(name="amount")],
                   by=None, at=at("2026-03-03"))
    debts = register(finance, "Боргові зобов'язання", listed=True,
                     periodicity=Periodicity.MONTHLY)
    add_file(debts, day="2026-01-05", content=b"%PDF-1.4 scan", filename="borhy.pdf")
    dataset_services.dataset_mark_published(dataset=debts, by=None, at=at("2026-01-05", 12))
    register(finance, "Паспорти бюджетних програм", listed=True)  # never published
    contracts = register(finance, "Договори", keywords=[])
    publish(contracts, "2026-02-10")  # quarterly: due 11.05; no keywords in its passport

    values = _values(finance)
    share = values["published_share"]
    assert (share.numerator, share.denominator, share.percent) == (2, 3, 67)
    assert share.lacking == ("Паспорти бюджетних програм",)
    timely = values["timeliness"]
    assert (timely.numerator, timely.denominator) == (2, 3)
    assert timely.lacking == ("Боргові зобов'язання",)  # monthly, last file 05.01
    passports = values["passports"]
    assert (passports.numerator, passports.denominator) == (2, 3)
    assert passports.lacking == ("Договори (ключові слова)",)
    structures = values["structures"]
    assert (structures.numerator, structures.denominator) == (1, 3)
    assert structures.lacking == ("Боргові зобов'язання", "Договори")
    formats = values["machine_readable"]
    assert (formats.numerator, formats.denominator) == (2, 3)
    assert formats.lacking == ("Боргові зобов'язання",)


def test_an_owner_with_no_datasets_has_nothing_to_measure():
    empty = owner("Відділ культури")
    for indicator, value in evaluate([empty], 2026, today=TODAY)[empty.pk]:
        assert value.denominator == 0 and value.share is None and value.percent is None, indicator


def test_text_datasets_are_not_judged_on_machine_readable_formats():
    council = owner("Організаційний відділ")
    decisions = register(council, "Рішення сесій", data_type=DataType.TEXT)
    add_file(decisions, day="2026-02-02", content=b"%PDF-1.4", filename="rishennia.pdf")
    dataset_services.dataset_mark_published(dataset=decisions, by=None, at=at("2026-02-02", 12))
    values = _values(council)
    assert values["machine_readable"].denominator == 0
    assert values["structures"].denominator == 0


def test_a_past_year_is_measured_as_it_stood_on_31_december():
    water = owner("КП «Водоканал»", kind="enterprise", managing_owner=owner("Управління ЖКГ"))
    tariffs = register(water, "Тарифи", listed=True, periodicity=Periodicity.YEARLY)
    publish(tariffs, "2026-01-20")
    assert _values(water, 2025)["published_share"].numerator == 0
    assert _values(water, 2026)["published_share"].numerator == 1


def test_the_snapshot_of_today_agrees_with_the_dashboard(officer):
    education = owner("Управління освіти")
    clerk = UserFactory(owner=education)
    publish(register(education, "Мережа шкіл", listed=True), "2025-11-03")  # overdue
    register(education, "Харчування", listed=True)  # first publication overdue
    moderation = register(education, "Гуртки", listed=True)
    submission_in(moderation, State.UPLOADED, clerk=clerk, officer=officer, day="2026-03-20")
    returned = register(education, "Секції")
    submission_in(returned, State.RETURNED, clerk=clerk, officer=officer, day="2026-03-21")
    publish(register(education, "Бюджет", periodicity=Periodicity.YEARLY), "2026-02-02")

    ours = figures(take_snapshot(as_of=TODAY), period_start=dt.date(2026, 1, 1))["totals"]
    theirs = dashboard_figures(today=TODAY).total
    for key in ("datasets", "published", "approved", "approved_published", "scheduled",
                "overdue", "on_moderation", "returned", "rejected"):
        assert ours[key] == getattr(theirs, key), key
    assert ours["overdue"] == 3  # Мережа шкіл, Харчування, Гуртки (listed, unpublished)
