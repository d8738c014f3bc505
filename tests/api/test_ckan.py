"""The CKAN-compatible Action API.

The contract tests drive it with the real `ckanapi` client over HTTP against the live server,
as a CKAN client or harvester would; the error shapes and edge cases use Django's test client.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import uuid
from dataclasses import dataclass

import ckanapi
import pytest
import requests

from radadata.registry.models import Dataset, Owner, Theme
from radadata.registry.services import datasets as dataset_services
from radadata.registry.services import resources as resource_services
from radadata.registry.vocabularies import Periodicity
from tests.factories import AT, DatasetFactory, OwnerFactory, UserFactory, add_file

URL = "/api/3/action/"


@dataclass
class Catalogue:
    osvita: Owner
    finansy: Owner
    schools: Dataset  # published on day 1 with a CSV; a second file waits for publication
    budget: Dataset  # published on day 5
    draft: Dataset  # never published


def _make_catalogue() -> Catalogue:
    # Themes come from a data migration, which a live-server test's flush may have emptied.
    for code, name in (("osvita", "Освіта"), ("biudzhet-i-finansy", "Бюджет і фінанси")):
        Theme.objects.get_or_create(code=code, defaults={"name": name})
    osvita = OwnerFactory(name="Управління освіти", slug="osvita")
    finansy = OwnerFactory(name="Фінансове управління", slug="finansy")
    UserFactory(owner=osvita, email="kovalenko@rada.example.ua", last_name="Коваленко",
                first_name="Ірина", patronymic="Петрівна")
    schools = DatasetFactory(
        owner=osvita, title="Мережа шкіл громади", name="merezha-shkil",
        description="Адреси та контакти закладів загальної середньої освіти.",
        purpose="Закон України «Про освіту»; облік закладів освіти громади.",
        keywords=["заклади освіти", "учні"], themes=["osvita"],
        periodicity=Periodicity.YEARLY)
    add_file(schools, b"id,name\n1,School\n", "schools.csv", title="Перелік шкіл")
    dataset_services.dataset_mark_published(dataset=schools, by=None,
                                            at=AT + dt.timedelta(days=1))
    # A new file the workflow has not published yet: the public must keep getting v1.
    resource_services.version_add(resource=schools.resources.get(),
                                  stream=io.BytesIO(b"id,name\n1,School\n2,New\n"),
                                  filename="schools.csv", by=None, at=AT + dt.timedelta(days=2),
                                  publish=False)
    budget = DatasetFactory(
        owner=finansy, title="Бюджет громади", name="biudzhet",
        description="Доходи й видатки бюджету громади за кварталами.",
        keywords=["бюджет"], themes=["biudzhet-i-finansy"],
        periodicity=Periodicity.QUARTERLY, declared_formats="XLSX")
    dataset_services.dataset_mark_published(dataset=budget, by=None,
                                            at=AT + dt.timedelta(days=5))
    draft = DatasetFactory(owner=osvita, title="Школи: проєкт переліку", name="proiekt")
    return Catalogue(osvita=osvita, finansy=finansy, schools=schools, budget=budget,
                     draft=draft)


@pytest.fixture
def catalogue(db) -> Catalogue:
    return _make_catalogue()


@pytest.fixture
def remote(transactional_db, live_server, settings) -> tuple[ckanapi.RemoteCKAN, Catalogue]:
    # transactional_db first: the test database must exist before the live server reads it.
    settings.SITE_URL = live_server.url
    catalogue = _make_catalogue()
    with ckanapi.RemoteCKAN(live_server.url) as ckan:
        yield ckan, catalogue


def call(client, action: str, **params):
    response = client.get(URL + action, params)
    return response.status_code, response.json()


# Contract: the real ckanapi client -----------------------------------------------------------

def test_package_search_with_q_fq_facets_and_paging(remote):
    ckan, _catalogue = remote
    # Any Ukrainian form finds the title's "шкіл"; the draft about schools never shows.
    found = ckan.action.package_search(q="школа")
    assert found["count"] == 1
    assert [p["name"] for p in found["results"]] == ["merezha-shkil"]

    by_owner = ckan.action.package_search(fq="organization:finansy")
    assert [p["name"] for p in by_owner["results"]] == ["biudzhet"]

    # As ckanext-harvest asks for changes since its last run.
    since = ckan.action.package_search(fq="(metadata_modified:[2026-03-04T00:00:00Z TO *])")
    assert [p["name"] for p in since["results"]] == ["biudzhet"]
    window = ckan.action.package_search(
        fq="metadata_modified:[2026-03-01T00:00:00Z TO 2026-03-04T00:00:00Z]")
    assert [p["name"] for p in window["results"]] == ["merezha-shkil"]

    faceted = ckan.action.package_search(**{"facet.field": ["organization", "tags",
                                                            "res_format"], "rows": 0})
    assert faceted["count"] == 2 and faceted["results"] == []
    assert faceted["facets"]["organization"] == {"osvita": 1, "finansy": 1}
    assert faceted["facets"]["tags"] == {"заклади освіти": 1, "учні": 1, "бюджет": 1}
    assert faceted["facets"]["res_format"] == {"CSV": 1, "XLSX": 1}
    items = faceted["search_facets"]["organization"]["items"]
    assert {"name": "osvita", "display_name": "Управління освіти", "count": 1} in items

    pages = [ckan.action.package_search(rows=1, start=start, sort="metadata_modified desc")
             for start in (0, 1, 2)]
    assert [p["count"] for p in pages] == [2, 2, 2]
    assert [[d["name"] for d in p["results"]] for p in pages] == [
        ["biudzhet"], ["merezha-shkil"], []]
    assert pages[0]["sort"] == "metadata_modified desc"


def test_package_show_by_name_and_by_id_with_extras_and_the_published_file(remote):
    ckan, catalogue = remote
    by_name = ckan.action.package_show(id="merezha-shkil")
    by_id = ckan.action.package_show(id=catalogue.schools.identifier)
    assert by_name == by_id
    assert by_name["id"] == catalogue.schools.identifier
    assert by_name["title"] == "Мережа шкіл громади"
    assert (by_name["state"], by_name["private"], by_name["license_id"]) == (
        "active", False, "cc-by")
    assert by_name["organization"]["name"] == "osvita"
    assert by_name["organization"]["title"] == "Управління освіти"
    assert by_name["maintainer"] == "Коваленко Ірина Петрівна"
    assert by_name["maintainer_email"] == "kovalenko@rada.example.ua"
    assert by_name["metadata_modified"] == "2026-03-03T10:00:00"
    assert sorted(t["name"] for t in by_name["tags"]) == ["заклади освіти", "учні"]
    # The theme's code is also an owner's name: CKAN needs group and organisation names apart.
    assert [g["name"] for g in by_name["groups"]] == ["osvita-tema"]
    # The data.gov.ua fields at the top; `extras` repeats none of them (CKAN refuses an extra
    # that repeats a field, so a harvester copying the package would fail).
    assert by_name["update_frequency"] == "once a year"
    assert by_name["language"] == "uk"
    assert by_name["purpose_of_collecting_information"] == catalogue.schools.purpose
    extras = {e["key"]: e["value"] for e in by_name["extras"]}
    assert not set(extras) & set(by_name)
    assert extras["identifier"] == catalogue.schools.identifier
    assert extras["publisher_name"] == "Управління освіти"
    # Ids are UUIDs, as CKAN's own tools expect; the organisation's name is its slug.
    assert str(uuid.UUID(by_name["owner_org"])) == by_name["organization"]["id"]
    # One resource; its URL downloads the published v1, not the waiting v2.
    assert by_name["num_resources"] == 1
    resource = by_name["resources"][0]
    assert (resource["name"], resource["format"], resource["size"]) == ("Перелік шкіл", "CSV", 17)
    assert "/v1/" in resource["url"]
    download = requests.get(resource["url"], timeout=10)
    assert download.status_code == 200 and download.content == b"id,name\n1,School\n"
    assert ckan.action.resource_show(id=resource["id"]) == resource


def test_site_organizations_groups_tags_and_licences(remote):
    ckan, _catalogue = remote
    assert ckan.action.status_show()["ckan_version"].startswith("2.")
    assert ckan.action.site_read() is True
    assert ckan.action.package_list() == ["biudzhet", "merezha-shkil"]
    assert ckan.action.organization_list() == ["finansy", "osvita"]
    owners = ckan.action.organization_list(all_fields=True, sort="title asc")
    assert [(o["name"], o["title"], o["package_count"]) for o in owners] == [
        ("osvita", "Управління освіти", 1), ("finansy", "Фінансове управління", 1)]
    shown = ckan.action.organization_show(id="osvita", include_datasets=True)
    assert [p["name"] for p in shown["packages"]] == ["merezha-shkil"]
    groups = ckan.action.group_list(all_fields=True)
    assert {g["name"]: g["package_count"] for g in groups}["osvita-tema"] == 1
    shown_group = ckan.action.group_show(id="osvita-tema", include_datasets=True)
    assert [p["name"] for p in shown_group["packages"]] == ["merezha-shkil"]
    assert ckan.action.group_show(id=shown_group["id"])["name"] == "osvita-tema"
    assert ckan.action.tag_list() == ["бюджет", "заклади освіти", "учні"]
    assert [lic["id"] for lic in ckan.action.license_list()] == ["cc-by"]


def test_errors_raise_the_ckanapi_exceptions(remote):
    ckan, catalogue = remote
    with pytest.raises(ckanapi.NotFound):
        ckan.action.package_show(id="no-such-dataset")
    with pytest.raises(ckanapi.NotFound):
        ckan.action.package_show(id=catalogue.draft.name)  # not published: not disclosed
    with pytest.raises(ckanapi.ValidationError) as error:
        ckan.action.package_search(fq="-organization:osvita")
    assert "-organization:osvita" in error.value.error_dict["fq"][0]
    with pytest.raises(ckanapi.NotAuthorized):
        ckan.action.package_create(name="new", title="Новий")


# Error shapes and edge cases -----------------------------------------------------------------

def test_envelope_and_both_addresses(client, catalogue):
    for prefix in ("/api/3/action/", "/api/action/"):
        response = client.get(prefix + "package_list")
        assert response.status_code == 200
        body = response.json()
        assert body["success"] is True and body["result"] == ["biudzhet", "merezha-shkil"]
        assert body["help"].endswith("/api/3/action/help_show?name=package_list")
    assert client.get("/api/3").json() == {"version": 3}
    status, body = call(client, "help_show", name="package_search")
    assert status == 200 and ":param fq:" in body["result"]


def test_unknown_action_is_a_bad_request(client, catalogue):
    status, body = call(client, "package_frobnicate")
    assert status == 400
    assert body["success"] is False
    assert body["error"]["__type"] == "Bad Request"
    assert "package_frobnicate" in body["error"]["message"]


@pytest.mark.parametrize(("action", "params", "field"), [
    ("package_show", {}, "id"),
    ("package_search", {"rows": "abc"}, "rows"),
    ("package_search", {"start": "-1"}, "start"),
    ("package_search", {"fq": "name:biudzhet"}, "fq"),
    ("package_search", {"fq": "organization:osvita OR tags:бюджет"}, "fq"),
    ("package_search", {"fq": "tags:бюджет tags:учні"}, "fq"),
    ("package_search", {"fq": "metadata_modified:[yesterday TO *]"}, "fq"),
    ("package_search", {"sort": "popularity"}, "sort"),
    ("package_search", {"facet.field": '["author"]'}, "facet.field"),
    ("package_search", {"facet.field": "[not json"}, "facet.field"),
    ("package_search", {"frobnicate": "1"}, "frobnicate"),
    ("organization_list", {"all_fields": "perhaps"}, "all_fields"),
])
def test_bad_parameters_are_validation_errors(client, catalogue, action, params, field):
    status, body = call(client, action, **params)
    assert status == 409
    assert body["success"] is False
    assert body["error"]["__type"] == "Validation Error"
    assert body["error"][field] and body["error"]["message"] == body["error"][field][0]


def test_what_is_not_published_is_not_found(client, catalogue):
    waiting_only = resource_services.resource_create(dataset=catalogue.budget, title="Новий",
                                                     by=None, at=AT)
    resource_services.version_add(resource=waiting_only, stream=io.BytesIO(b"a\n1\n"),
                                  filename="new.csv", by=None, at=AT, publish=False)
    for action, value in (("package_show", catalogue.draft.identifier),
                          ("resource_show", str(waiting_only.pk)),
                          ("resource_show", "abc"),
                          ("organization_show", "nobody")):
        status, body = call(client, action, id=value)
        assert status == 404, (action, value)
        assert body["error"]["__type"] == "Not Found Error"
    _status, budget = call(client, "package_show", id="biudzhet")
    assert budget["result"]["resources"] == []  # the waiting file is not listed


def test_write_actions_are_refused(client, catalogue):
    response = client.post(URL + "package_update", json.dumps({"id": "biudzhet"}),
                           content_type="application/json")
    assert response.status_code == 403
    assert response.json()["error"]["__type"] == "Authorization Error"
    assert Dataset.objects.get(name="biudzhet").title == "Бюджет громади"


def test_post_json_and_harvester_style_paging(client, catalogue):
    response = client.post(URL + "package_search", json.dumps(
        {"fq": "organization:(osvita OR finansy)", "rows": 1, "start": 1, "sort": "id asc",
         "facet.field": ["groups", "license_id"], "facet.limit": 1}),
        content_type="application/json")
    body = response.json()["result"]
    assert response.status_code == 200
    # "id asc" pages steadily: the oldest publication first.
    assert body["count"] == 2 and [p["name"] for p in body["results"]] == ["biudzhet"]
    assert body["facets"]["license_id"] == {"cc-by": 2}
    assert len(body["facets"]["groups"]) == 1
    assert client.post(URL + "package_search", "{not json",
                       content_type="application/json").status_code == 400


def test_search_survives_hostile_text_and_constant_filters(client, catalogue):
    for q in ('"школа" AND (OR* NEAR', "COVID: школа", "x" * 10_000,
              "'; DROP TABLE registry_dataset; --"):
        status, body = call(client, "package_search", q=q)
        assert status == 200 and body["success"] is True
    status, body = call(client, "package_search", fq="+dataset_type:dataset +state:active",
                        rows="5000")
    assert status == 200 and body["result"]["count"] == 2
    status, body = call(client, "package_search", start="100000000")
    assert status == 200 and body["result"]["results"] == []
    for sort in ("score desc", "metadata_modified desc"):  # beyond any database integer
        status, body = call(client, "package_search", q="школа", start=str(10**30), sort=sort)
        assert status == 200 and body["result"]["results"] == []
    status, body = call(client, "package_search", fq="license_id:odc-by")
    assert status == 200 and body["result"]["count"] == 0
    status, body = call(client, "package_search", q="organization:osvita")
    assert [p["name"] for p in body["result"]["results"]] == ["merezha-shkil"]
    # PostgreSQL refuses NUL in any query: refused before the database is asked.
    for action, params in (("package_search", {"fq": "organization:osv\x00ita"}),
                           ("package_show", {"id": "biudzhet\x00"}),
                           ("organization_show", {"id": "\x00"})):
        status, body = call(client, action, **params)
        assert status == 400 and "NUL" in body["error"]["message"], action
