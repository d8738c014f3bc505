"""Whole API answers remembered per catalogue version (api/responses.py): the same bytes as
without the cache, one query when remembered, and never an answer older than the last change
of anything the answer shows."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from radadata.accounts import services as account_services
from radadata.api import responses
from radadata.registry.models import Theme
from radadata.registry.services import datasets as dataset_services
from radadata.registry.services import owners as owner_services
from radadata.registry.services import themes as theme_services
from radadata.registry.vocabularies import MembershipRole, Periodicity
from tests.catalog.search_fixtures import catalogue_fixture  # noqa: F401
from tests.factories import AT, UserFactory, add_file, valid_edrpou

pytestmark = pytest.mark.django_db

CKAN_SEARCH = "/api/3/action/package_search?q=школа&facet.field=groups&facet.field=tags"
V1_SEARCH = "/api/v1/search?q=школа&facets=theme,keyword,format,owner"
ANSWERS = [CKAN_SEARCH, V1_SEARCH, "/api/3/action/package_show?id=kharchuvannia",
           "/api/v1/datasets/kharchuvannia"]


def queries_of(client, url: str) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response.content


def ckan(client, url: str = CKAN_SEARCH) -> dict:
    return json.loads(client.get(url).content)["result"]


def by_name(client, name: str) -> dict:
    return {d["name"]: d for d in ckan(client)["results"]}[name]


@pytest.mark.parametrize("url", ANSWERS)
def test_the_first_and_the_remembered_answer_are_the_bytes_of_an_uncached_one(
        client, catalogue, monkeypatch, url):
    with monkeypatch.context() as patched:
        patched.setattr(responses, "_cacheable", lambda request: False)
        uncached = client.get(url)
        assert queries_of(client, url)[0] > 1  # really built each time
    first, again = client.get(url), client.get(url)
    assert first.content == again.content == uncached.content
    assert again["Content-Type"] == uncached["Content-Type"]
    assert "kharchuvannia" in first.content.decode()


@pytest.mark.parametrize("url", ANSWERS)
def test_a_remembered_answer_costs_one_query(client, catalogue, url):
    assert queries_of(client, url)[0] > 1
    assert queries_of(client, url)[0] == 1  # the catalogue's version token


def test_signed_in_token_and_clock_dependent_answers_are_built_each_time(
        client, catalogue, officer_client):
    for url in (V1_SEARCH, CKAN_SEARCH):
        queries_of(officer_client, url)
        assert queries_of(officer_client, url)[0] > 1
    client.get(V1_SEARCH, HTTP_AUTHORIZATION="Bearer nonsense")  # 401, never remembered
    assert client.get(V1_SEARCH, HTTP_AUTHORIZATION="Bearer nonsense").status_code == 401
    recent = "/api/3/action/package_search?fq=metadata_modified:[NOW-1DAY TO NOW]"
    queries_of(client, recent)
    assert queries_of(client, recent)[0] > 1


def test_a_missing_dataset_is_not_remembered(client, catalogue):
    url = "/api/v1/datasets/proiekt"  # a draft: not public
    assert client.get(url).status_code == 404
    dataset_services.dataset_mark_published(dataset=catalogue.draft, by=None, at=AT)
    assert client.get(url).status_code == 200


# -- Each kind of change shows in the very next answer. --

def test_owner_details_show_at_once(client, catalogue):
    assert by_name(client, "kharchuvannia")["author_email"] != "osvita@rada.example.ua"
    v1 = json.loads(client.get(V1_SEARCH).content)
    code = valid_edrpou()
    owner_services.owner_update(owner=catalogue.education, by=None, at=AT,
                                email="osvita@rada.example.ua", edrpou=code)
    meals = by_name(client, "kharchuvannia")
    assert meals["author_email"] == "osvita@rada.example.ua"
    assert meals["organization"]["extras"] == [{"key": "edrpou", "value": code}]
    v1_after = json.loads(client.get(V1_SEARCH).content)
    assert v1_after != v1
    assert {item["owner"]["edrpou"] for item in v1_after["items"]} == {code}


def test_contact_person_changes_show_at_once(client, catalogue):
    assert by_name(client, "kharchuvannia")["maintainer_email"] is None
    person = UserFactory(email="kontakt@rada.example.ua", first_name="Ганна")
    membership = owner_services.membership_add(owner=catalogue.education, user=person,
                                               role=MembershipRole.RESPONSIBLE, by=None, at=AT)
    assert by_name(client, "kharchuvannia")["maintainer_email"] == "kontakt@rada.example.ua"

    account_services.user_update(user=person, by=None, at=AT, email="hanna@rada.example.ua")
    assert by_name(client, "kharchuvannia")["maintainer_email"] == "hanna@rada.example.ua"
    detail = json.loads(client.get("/api/v1/datasets/kharchuvannia").content)
    assert detail["contact"]["email"] == "hanna@rada.example.ua"

    account_services.user_deactivate(user=person, by=None, at=AT)
    assert by_name(client, "kharchuvannia")["maintainer_email"] is None
    account_services.user_reactivate(user=person, by=None, at=AT)
    assert by_name(client, "kharchuvannia")["maintainer_email"] == "hanna@rada.example.ua"

    owner_services.membership_remove(membership=membership, by=None, at=AT)
    assert by_name(client, "kharchuvannia")["maintainer_email"] is None


def test_new_files_and_versions_show_at_once(client, catalogue):
    show = "/api/3/action/package_show?id=kharchuvannia"
    before = ckan(client, show)
    assert before["num_resources"] == 1
    add_file(catalogue.meals, content=b"id,price\n1,45\n", filename="prices.csv")
    after = ckan(client, show)
    assert after["resources"][0]["size"] != before["resources"][0]["size"]
    assert after["metadata_modified"] != before["metadata_modified"] or after != before

    assert by_name(client, "avtobusy")["num_resources"] == 0
    add_file(catalogue.buses, filename="routes.csv", title="Маршрути")
    buses = by_name(client, "avtobusy")
    assert [r["name"] for r in buses["resources"]] == ["Маршрути"]


def test_publication_archive_and_passport_changes_show_at_once(client, catalogue):
    assert "proiekt" not in {d["name"] for d in ckan(client)["results"]}
    dataset_services.dataset_mark_published(dataset=catalogue.draft, by=None, at=AT)
    assert "proiekt" in {d["name"] for d in ckan(client)["results"]}

    dataset_services.dataset_update(dataset=catalogue.meals, by=None, at=AT,
                                    keywords=["харчування", "їдальні"], themes=["transport"])
    meals = by_name(client, "kharchuvannia")
    assert {t["name"] for t in meals["tags"]} == {"харчування", "їдальні"}
    assert [g["name"] for g in meals["groups"]] == ["transport"]

    theme_services.theme_rename(theme=Theme.objects.get(code="transport"), name="Дороги",
                                by=None, at=AT)
    assert [g["title"] for g in by_name(client, "kharchuvannia")["groups"]] == ["Дороги"]

    detail = json.loads(client.get("/api/v1/datasets/kharchuvannia").content)
    dataset_services.dataset_archive(dataset=catalogue.meals, by=None, at=AT,
                                     reason="Замінено новим набором.")
    # It stays public, no longer updated.
    assert by_name(client, "kharchuvannia")["update_frequency"] == Periodicity.NO_LONGER
    archived = json.loads(client.get("/api/v1/datasets/kharchuvannia").content)
    assert archived["status"] != detail["status"]

