"""The priority score's arithmetic, source by source (§2.13, §2.18, §3.7), and what the
public side of the demand loop keeps: no personal data, a limit all processes share."""

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from radadata.audit.models import EmptySearch, SurveyAnswerState
from radadata.audit.priorities import candidates
from radadata.audit.services import audits as services
from radadata.audit.services import demand
from radadata.catalog import services as catalog_services
from radadata.catalog.models import DailyCount
from radadata.core.errors import Conflict, ValidationFailed
from radadata.registry.services import lists as list_services
from tests.factories import DatasetFactory

from .conftest import AT
from .test_lifecycle import ITEM

pytestmark = pytest.mark.django_db
TODAY = AT.date()


@pytest.fixture
def item(running, officer):
    return services.inventory_record(body=running.bodies.get(), by=officer, at=AT, **ITEM)


def _parts(key: str) -> dict[str, int]:
    found = next(c for c in candidates(today=TODAY) if c.key == key)
    totals: dict[str, int] = {}
    for part in found.parts:
        totals[part.source] = totals.get(part.source, 0) + part.points
    return totals


def test_the_audit_gives_ten_per_level_of_value_and_ten_for_a_recommendation(item):
    assert _parts(f"inventory:{item.pk}") == {"audit": 30 + 10}


def test_requests_and_their_votes_on_the_same_subject(item):
    request = catalog_services.request_send(title="Дані про заклади освіти", by=None, at=AT)
    catalog_services.request_send(title="Розклад автобусів", by=None, at=AT)  # another subject
    demand.request_vote(data_request=request, at=AT)
    demand.request_vote(data_request=request, at=AT)
    assert _parts(f"inventory:{item.pk}")["requests"] == 10 + 2 * 3
    assert _parts(f"request:{request.pk}") == {"requests": 10 + 2 * 3}


def test_searches_that_found_nothing_two_each_at_most_twenty(item):
    for _n in range(3):
        demand.search_note(text="заклади  освіти", found=0, at=AT)
    demand.search_note(text="заклади освіти", found=4, at=AT)  # found something: not kept
    assert EmptySearch.objects.get().count == 3
    assert _parts(f"inventory:{item.pk}")["searches"] == 6
    for _n in range(20):
        demand.search_note(text="освіта", found=0, at=AT)
    assert _parts(f"inventory:{item.pk}")["searches"] == 20


def test_a_search_with_personal_data_is_not_kept():
    demand.search_note(text="Коваль Олена Петрівна", found=0, at=AT)
    demand.search_note(text="+380501234567", found=0, at=AT)
    assert not EmptySearch.objects.exists()


def test_shown_survey_answers_count_five_each_held_ones_do_not(item, officer):
    survey = demand.survey_open(title="Які дані вам потрібні?", question="?", by=officer,
                                at=AT)
    demand.answer_send(survey=survey, wanted="Список закладів освіти з адресами", at=AT)
    held = demand.answer_send(survey=survey, wanted="Заклади освіти, пишіть на "
                              "olena.koval@gmail.com", at=AT)
    assert held.state == SurveyAnswerState.HELD and "pd_email" in held.found
    assert _parts(f"inventory:{item.pk}")["survey"] == 5
    with pytest.raises(Conflict):
        demand.answer_moderate(answer=held, show=True, by=officer, at=AT)


def test_use_of_related_datasets_one_per_hundred_views_and_ten_downloads(item):
    dataset = DatasetFactory(title="Мережа закладів освіти громади", published=True)
    DailyCount.objects.create(dataset=dataset, day=TODAY - dt.timedelta(days=3), views=250,
                              downloads=35)
    DailyCount.objects.create(dataset=dataset, day=TODAY - dt.timedelta(days=400),
                              views=9000, downloads=900)  # older than a year: not counted
    assert _parts(f"inventory:{item.pk}")["use"] == 2 + 3


def test_the_officers_adjustment_needs_a_reason_and_is_shown(item, officer):
    key = f"inventory:{item.pk}"
    with pytest.raises(ValidationFailed):
        demand.priority_adjust(candidate=key, points=5, reason=" ", by=officer, at=AT)
    demand.priority_adjust(candidate=key, points=-15, reason="дані вже у МОН", by=officer,
                           at=AT)
    found = next(c for c in candidates(today=TODAY) if c.key == key)
    assert found.total == 40 - 15
    assert any("дані вже у МОН" in p.label for p in found.parts)


def test_an_approved_list_entry_not_published_gets_twenty(officer):
    entry = list_services.approved_item_add(title="Перелік укриттів", by=officer, at=AT)
    assert _parts(f"list:{entry.pk}") == {"listed": 20}


def test_the_ranking_the_command_and_the_api_agree(item, officer, officer_client):
    entry = list_services.approved_item_add(title="Перелік укриттів", by=officer, at=AT)
    ranked = [c.key for c in candidates(today=TODAY)]
    assert ranked == [f"inventory:{item.pk}", f"list:{entry.pk}"]
    api = officer_client.get("/api/v1/priorities").json()
    assert [row["key"] for row in api] == ranked
    assert api[0]["score"] == 40 and api[0]["audit"] == 40
    # The public does not see the inventory of an audit whose report is not published.
    public = Client().get("/api/v1/priorities").json()
    assert [row["key"] for row in public] == [ranked[1]]


def test_the_priorities_command_writes_csv(item, tmp_path):
    out = tmp_path / "p.csv"
    call_command("priorities", "--format", "csv", "--out", str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("rank,key,kind,title,owner,score,audit,listed,requests")
    assert lines[1].startswith(f"1,inventory:{item.pk},inventory,Реєстр закладів освіти,")
    path = tmp_path / "p.json"
    call_command("priorities", "--format", "json", "--out", str(path))
    assert json.loads(path.read_text(encoding="utf-8"))[0]["score"] == 40


def test_the_survey_page_screens_limits_and_links_the_published(client, officer, settings):
    survey = demand.survey_open(title="Які дані вам потрібні?", question="Напишіть",
                                by=officer, at=AT)
    url = reverse("audit:survey-public")
    response = client.post(url, {"wanted": "Телефон 050 123 45 67 Коваль Олена"}, follow=True)
    page = response.content.decode()
    assert "персональні дані" in page
    assert "Коваль" not in page  # held: not shown
    client.post(url, {"wanted": "бюджет", "website": "http://spam"})  # the honeypot
    assert survey.answers.count() == 1
    for n in range(4):
        assert client.post(url, {"wanted": f"Дані про дороги {n}"}).status_code == 302
    assert client.post(url, {"wanted": "Ще"}).status_code == 429
    assert survey.answers.count() == 5


def test_the_catalogue_logs_a_search_that_found_nothing(client):
    client.get("/datasets/", {"q": "графік вивезення сміття"})
    client.get("/datasets/", {"q": "графік вивезення сміття", "page": 2})  # counted once
    client.get("/datasets/", {"q": "Коваль Олена Петрівна"})  # a person: never kept
    assert list(EmptySearch.objects.values_list("text", "count")) == [
        ("графік вивезення сміття", 1)]


def test_a_busy_database_loses_the_count_not_the_search_page(client, monkeypatch):
    from django.db import OperationalError

    def locked(**kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(demand, "search_note", locked)
    assert client.get("/datasets/", {"q": "графік вивезення сміття"}).status_code == 200


def test_a_request_for_data_already_published_links_it(officer_client):
    dataset = DatasetFactory(title="Графік вивезення твердих побутових відходів",
                             published=True)
    request = catalog_services.request_send(title="графік вивезення відходів", by=None, at=AT)
    found = next(c for c in candidates(today=TODAY) if c.key == f"request:{request.pk}")
    assert found.similar == [dataset]
    page = officer_client.get(reverse("audit:priorities")).content.decode()
    assert reverse("registry:dataset-detail", args=[dataset.name]) in page


def test_the_public_votes_for_a_request_and_sees_the_count(client):
    request = catalog_services.request_send(title="Розклад автобусів", by=None, at=AT)
    for _n in range(2):
        assert client.post(reverse("audit:vote", args=[request.pk])).status_code == 302
    assert "(2 голоси)" in client.get(reverse("audit:survey-public")).content.decode()


def test_the_officer_reads_what_personal_data_held_an_answer(officer_client, officer):
    survey = demand.survey_open(title="Які дані вам потрібні?", question="?", by=officer,
                                at=AT)
    demand.answer_send(survey=survey, wanted="Пишіть olena.koval@gmail.com або 0501234567",
                       at=AT)
    page = officer_client.get(reverse("audit:surveys")).content.decode()
    assert "pd_" not in page
    assert "Адреси електронної пошти" in page or "електронн" in page
