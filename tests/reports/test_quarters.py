"""Quarterly monitoring (§8.2–8.5): a quarter closes only after it ends, its figures are the
registry's as of its last day and stay frozen, the drafted conclusions are edited and stored."""

from __future__ import annotations

import io

import pytest
from docx import Document as read_docx

from radadata.core.errors import Conflict, NotAllowed, ValidationFailed
from radadata.core.models import AuditEntry
from radadata.registry.services import datasets as dataset_services
from radadata.registry.services import lists as list_services
from radadata.registry.vocabularies import Periodicity
from radadata.reports import services
from radadata.reports.builders.figures import figures
from radadata.reports.documents.build import quarter_document
from radadata.reports.models import QuarterClose, QuarterNote
from radadata.reports.periods import Quarter
from radadata.reports.renderers import render
from radadata.reports.snapshot import take_snapshot
from radadata.workflow.states import State
from tests.factories import OwnerFactory, UserFactory

from .steps import at, publish, register, submission_in

pytestmark = pytest.mark.django_db

Q1 = Quarter(2026, 1)


@pytest.fixture
def school(officer):
    """One owner's datasets in every situation a quarter can end in, and one without any."""
    owner = OwnerFactory(name="Управління освіти міської ради", short_name="Управління освіти")
    clerk = UserFactory(owner=owner, email="clerk@rada.example.ua")
    network = register(owner, "Мережа закладів освіти", listed=True)
    publish(network, "2025-11-03")  # quarterly: due 03.02.2026, never updated → overdue
    pupils = register(owner, "Контингент учнів", listed=True, periodicity=Periodicity.MONTHLY)
    publish(pupils, "2026-01-12")
    publish(pupils, "2026-03-16")  # updated in the quarter: next due 16.04 → on time
    meals = register(owner, "Харчування учнів", listed=True)  # on the list, never published
    clubs = register(owner, "Гуртки та секції", day="2026-03-05")
    submission_in(clubs, State.UPLOADED, clerk=clerk, officer=officer, day="2026-03-20")
    late = register(owner, "Розклад уроків", day="2026-02-01")
    publish(late, "2026-04-03")  # after the quarter: not counted in it
    OwnerFactory(name="Відділ культури міської ради", short_name="Відділ культури")
    return {"owner": owner, "clerk": clerk, "network": network, "pupils": pupils,
            "meals": meals, "clubs": clubs, "late": late}


def _owner(close: QuarterClose, name: str) -> dict:
    return next(o for o in close.figures["owners"] if o["name"] == name)


def test_a_quarter_cannot_be_closed_before_it_ends(officer, school):
    with pytest.raises(Conflict) as error:
        services.quarter_close(quarter=Q1, by=officer, at=at("2026-03-31", 23))
    assert "31.03.2026" in error.value.message
    assert error.value.code == "quarter_not_ended"
    assert not QuarterClose.objects.exists()


def test_closing_freezes_the_figures_as_of_the_last_day(officer, school):
    close = services.quarter_close(quarter=Q1, by=officer, at=at("2026-04-10"))

    education = _owner(close, "Управління освіти міської ради")
    assert {key: education[key] for key in (
        "datasets", "approved", "approved_published", "published", "published_in_period",
        "updated_in_period", "scheduled", "overdue", "overdue_updates", "on_time",
        "on_moderation", "new_on_moderation", "returned", "rejected")} == {
        "datasets": 5, "approved": 3, "approved_published": 2, "published": 2,
        "published_in_period": 1, "updated_in_period": 1, "scheduled": 3, "overdue": 2,
        "overdue_updates": 1, "on_time": 1, "on_moderation": 1, "new_on_moderation": 1,
        "returned": 0, "rejected": 0}
    assert education["overdue_titles"] == ["Мережа закладів освіти", "Харчування учнів"]
    assert education["unpublished_items"] == ["Харчування учнів"]
    assert education["moderation_titles"] == ["Гуртки та секції"]
    culture = _owner(close, "Відділ культури міської ради")
    assert culture["datasets"] == culture["approved"] == culture["overdue"] == 0
    assert close.figures["totals"]["published"] == 2
    assert close.as_of.isoformat() == "2026-03-31" == close.figures["as_of"]

    entry = AuditEntry.objects.get(action="quarter.closed")
    assert entry.actor == officer and entry.object_id == str(close.pk)
    with pytest.raises(Conflict):
        services.quarter_close(quarter=Q1, by=officer, at=at("2026-04-11"))


def test_later_changes_to_the_registry_do_not_change_a_closed_quarter(officer, school):
    close = services.quarter_close(quarter=Q1, by=officer, at=at("2026-04-10"))
    frozen = QuarterClose.objects.get(pk=close.pk).figures
    document = quarter_document(close, "summary")

    publish(school["meals"], "2026-04-15")
    publish(school["network"], "2026-04-16")
    dataset_services.dataset_update(dataset=school["pupils"], periodicity=Periodicity.YEARLY,
                                    by=None, at=at("2026-04-17"))
    dataset_services.dataset_archive(dataset=school["late"], by=officer, at=at("2026-04-18"),
                                     reason="Більше не ведеться.")
    list_services.approved_item_add(title="Гуртки", dataset=school["clubs"], by=None,
                                    at=at("2026-04-20"))

    close.refresh_from_db()
    assert close.figures == frozen
    assert quarter_document(close, "summary") == document
    # What changed is visible only in the registry as it is now.
    now = figures(take_snapshot(as_of=Q1.next().last_day), period_start=Q1.next().first_day)
    assert now["totals"]["published"] == 4 != frozen["totals"]["published"]


def test_a_periodicity_changed_mid_quarter_counts_as_it_stood_at_the_end():
    owner = OwnerFactory(name="Фінансове управління")
    budget = register(owner, "Виконання бюджету", periodicity=Periodicity.MONTHLY)
    publish(budget, "2026-01-15")  # monthly: due 16.02 (15.02 is a Sunday)
    dataset_services.dataset_update(dataset=budget, periodicity=Periodicity.YEARLY, by=None,
                                    at=at("2026-03-10"))
    dataset_services.dataset_update(dataset=budget, periodicity=Periodicity.MONTHLY, by=None,
                                    at=at("2026-04-05"))

    end_of_q1 = take_snapshot(as_of=Q1.last_day).datasets[budget.pk]
    assert end_of_q1.periodicity == Periodicity.YEARLY
    assert (end_of_q1.due.isoformat(), end_of_q1.overdue) == ("2027-01-15", False)
    february = take_snapshot(as_of=Q1.first_day.replace(month=2, day=28)).datasets[budget.pk]
    assert (february.periodicity, february.overdue) == (Periodicity.MONTHLY, True)
    assert take_snapshot(as_of=Q1.next().last_day).datasets[budget.pk].overdue


def test_the_system_drafts_conclusions_that_the_officer_edits(officer, school):
    close = services.quarter_close(quarter=Q1, by=officer, at=at("2026-04-10"))
    notes = {n.owner_name: n for n in QuarterNote.objects.filter(close=close)}
    education = notes["Управління освіти міської ради"]
    assert "«Мережа закладів освіти»" in education.conclusions
    assert "оприлюднено 2 (66,7%)" in education.conclusions
    assert "«Харчування учнів»" in education.recommendations
    assert "не має наборів даних" in notes["Відділ культури міської ради"].conclusions
    assert "Порушено строк оновлення або оприлюднення 2 наборів" in close.summary

    services.quarter_note_update(note=education, by=officer, at=at("2026-04-12"),
                                 conclusions="Робота незадовільна.",
                                 recommendations="Оприлюднити «Харчування учнів» до 30.04.")
    education.refresh_from_db()
    assert education.conclusions == "Робота незадовільна." and education.updated_by == officer
    assert AuditEntry.objects.filter(action="quarter.note_edited",
                                     object_id=str(education.pk)).count() == 1
    with pytest.raises(ValidationFailed):
        services.quarter_note_update(note=education, by=officer, at=at("2026-04-12"),
                                     conclusions="  ", recommendations="")

    texts = [p.text for p in read_docx(io.BytesIO(render(quarter_document(close, "summary"),
                                                          "docx"))).paragraphs]
    assert "Висновки: Робота незадовільна." in texts
    assert "– Оприлюднити «Харчування учнів» до 30.04." in texts


def test_only_the_officer_closes_a_quarter_and_edits_its_texts(officer, school):
    with pytest.raises(NotAllowed):
        services.quarter_close(quarter=Q1, by=school["clerk"], at=at("2026-04-10"))
    close = services.quarter_close(quarter=Q1, by=officer, at=at("2026-04-10"))
    with pytest.raises(NotAllowed):
        services.quarter_summary_update(close=close, summary="Ні.", by=school["clerk"],
                                        at=at("2026-04-11"))


def test_the_quarter_documents_carry_the_frozen_tables(officer, school):
    close = services.quarter_close(quarter=Q1, by=officer, at=at("2026-04-10"))
    summary = read_docx(io.BytesIO(render(quarter_document(close, "summary"), "docx")))
    publication, updates = summary.tables[0], summary.tables[1]
    rows = [[cell.text for cell in row.cells] for row in publication.rows]
    assert rows[0][:3] == ["№ з/п", "Розпорядник", "Затверджено в переліку"]
    assert rows[1] == ["1", "Відділ культури міської ради", "0", "0", "—", "0", "0"]
    assert rows[2] == ["2", "Управління освіти міської ради", "3", "2", "66,7%", "2", "1"]
    assert rows[-1] == ["", "Разом", "3", "2", "66,7%", "2", "1"]
    assert [cell.text for cell in updates.rows[2].cells][2:] == ["1", "2", "0", "1", "0", "0"]

    mayor = quarter_document(close, "mayor")
    assert render(mayor, "pdf").startswith(b"%PDF")
    html = render(mayor, "html").decode()
    assert "Міському голові" in html and "I квартал 2026 року" in html
    assert "Управління освіти:" in html  # its recommendations, by short name
