"""The APIs' search pages are put together from outputs written when a dataset is indexed
(api/rendered.py): each item must be what the dataset's own endpoint says of it, after every
kind of change, and a dataset without a kept output is still answered."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache

from radadata.accounts import services as account_services
from radadata.catalog.models import SearchEntry
from radadata.registry.services import owners as owner_services
from radadata.registry.vocabularies import MembershipRole
from tests.catalog.search_fixtures import catalogue_fixture  # noqa: F401
from tests.factories import AT, UserFactory, add_file

pytestmark = pytest.mark.django_db


def ckan_results(client, **params) -> dict[str, dict]:
    response = client.get("/api/3/action/package_search", {"rows": 50, **params})
    assert response.status_code == 200
    return {d["name"]: d for d in response.json()["result"]["results"]}


def ckan_show(client, name: str) -> dict:
    return client.get("/api/3/action/package_show", {"id": name}).json()["result"]


def v1_items(client, **params) -> dict[str, dict]:
    response = client.get("/api/v1/search", {"limit": 50, **params})
    assert response.status_code == 200
    return {d["name"]: d for d in response.json()["items"]}


def v1_show(client, name: str) -> dict:
    return client.get(f"/api/v1/datasets/{name}").json()


def same_as_shown(client) -> None:
    """Every search item of both APIs equals the dataset's own endpoint."""
    found = ckan_results(client)
    assert len(found) == 4
    for name, item in found.items():
        assert item == ckan_show(client, name), name
    items = v1_items(client)
    assert items.keys() == found.keys()
    for name, item in items.items():
        assert item == v1_show(client, name), name


def test_search_items_are_what_each_dataset_endpoint_says(client, catalogue):
    assert SearchEntry.objects.exclude(ckan=None).exclude(v1=None).count() == 4
    same_as_shown(client)
    assert ckan_results(client, q="школа")["merezha-shkil"]["organization"]["name"] == "osvita"


def test_after_changes_outside_the_dataset_the_items_follow(client, catalogue):
    # A contact person of the owner, then renamed; a new file version not yet public; an
    # owner's new e-mail and ЄДРПОУ: none of them reindexes the dataset.
    person = UserFactory(first_name="Олена", last_name="Коваль", email="koval@example.org")
    owner_services.membership_add(owner=catalogue.education, user=person,
                                  role=MembershipRole.RESPONSIBLE, by=None, at=AT)
    assert ckan_results(client)["merezha-shkil"]["maintainer_email"] == "koval@example.org"
    account_services.user_update(user=person, by=None, at=AT, last_name="Коваленко")
    assert "Коваленко" in v1_items(client)["merezha-shkil"]["contact"]["name"]
    add_file(catalogue.schools, content=b"id,name\n2,Gymnasium\n", filename="more.csv",
             at=AT + dt.timedelta(days=30))
    owner_services.owner_update(owner=catalogue.finance, by=None, at=AT,
                                email="finance@example.org")
    assert ckan_results(client)["biudzhet"]["author_email"] == "finance@example.org"
    same_as_shown(client)


def test_an_entry_without_outputs_or_written_for_another_site_is_answered(client, catalogue,
                                                                          settings):
    before = ckan_results(client)
    SearchEntry.objects.filter(dataset=catalogue.meals).update(ckan=None, v1=None)
    assert ckan_results(client) == before
    # A public dataset without any entry: listed all the same when no word is asked.
    cache.clear()
    SearchEntry.objects.filter(dataset=catalogue.meals).delete()
    assert ckan_results(client) == before
    assert "kharchuvannia" in v1_items(client)
    settings.SITE_URL = "https://dani.example.gov.ua"
    cache.clear()  # a new address comes with a restart, which empties what processes hold
    found = ckan_results(client)
    assert v1_items(client)["biudzhet"]["urls"]["api"].startswith("https://dani.example.gov.ua/")
    resources = found["kharchuvannia"]["resources"]
    assert resources and resources[0]["url"].startswith("https://dani.example.gov.ua/")
    same_as_shown(client)


@pytest.mark.parametrize("filename", ["data.csv", "Дані 2026 (ост).csv", "a+b&c=d,e'f!.xlsx",
                                      "100%.json", "dataset0name.csv", "987654321.csv"])
def test_download_addresses_are_those_reverse_gives(catalogue, filename):
    from django.urls import reverse

    from radadata.api.ckan import dicts

    resource = catalogue.meals.resources.get()
    version = resource.versions.get()
    version.original_name = filename
    expected = reverse("registry:version-download",
                       args=[catalogue.meals.name, resource.pk, version.number, filename])
    assert dicts.download_url(catalogue.meals, resource, version).endswith(expected)
