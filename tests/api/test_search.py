"""/api/v1/search: the catalogue's search over the JSON API."""

from __future__ import annotations

import pytest

from radadata.registry.models import Theme
from radadata.registry.services import themes as theme_services
from tests.catalog.search_fixtures import catalogue_fixture  # noqa: F401
from tests.factories import AT

pytestmark = pytest.mark.django_db
URL = "/api/v1/search"


def names(response) -> set[str]:
    return {item["name"] for item in response.json()["items"]}


def test_words_in_any_form(anon, catalogue):
    response = anon.get(URL, q="школи")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    assert names(response) == {"merezha-shkil", "kharchuvannia", "avtobusy"}
    assert body["unknown_words"] == [] and body["suggestions"] == []


def test_items_have_the_shape_of_the_dataset_list(anon, catalogue):
    found = anon.get(URL, q="харчування").json()["items"][0]
    listed = anon.get("/api/v1/datasets/kharchuvannia").json()
    assert found == listed
    assert found["formats"] == ["CSV"] and found["resources_count"] == 1


def test_filters_facets_and_sort(anon, catalogue):
    response = anon.get(URL, format=["CSV", "JSON"], sort="-title",
                        facets="theme,format", limit=2)
    body = response.json()
    assert body["count"] == 3
    assert [i["name"] for i in body["items"]] == ["avtobusy", "kharchuvannia"]
    assert {f["value"]: f["count"] for f in body["facets"]["format"]} == {
        "CSV": 2, "XLSX": 1, "JSON": 1}
    assert body["facets"]["theme"][0] == {"value": "osvita", "label": "Освіта", "count": 3}
    assert set(body["facets"]) == {"theme", "format"}
    assert names(anon.get(URL, owner="finansy", periodicity="once a quarter")) == {"biudzhet"}
    assert names(anon.get(URL, theme="transport", keyword="транспорт")) == {"avtobusy"}


def test_unknown_word_with_suggestion(anon, catalogue):
    body = anon.get(URL, q="бюджтет").json()
    assert body["count"] == 0 and body["items"] == []
    assert body["unknown_words"] == ["бюджтет"]
    assert body["suggestions"][0] == "бюджет"


def test_bad_sort_answers_422_in_the_error_shape(anon, catalogue):
    response = anon.get(URL, sort="cheapest")
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_search"
    assert "sort" in body["errors"]
    response = anon.get(URL, facets="colour")
    assert response.status_code == 422 and "facets" in response.json()["errors"]
    response = anon.get(URL, limit=5000)
    assert response.status_code == 422 and response.json()["code"] == "invalid_request"


@pytest.mark.parametrize("q", ['"*:()-^ NEAR OR', "school) OR (1=1", "школа " * 2000,
                               "x" * 10_000])
def test_any_text_answers_200(anon, catalogue, q):
    assert anon.get(URL, q=q).status_code == 200


def test_an_offset_past_the_end_is_an_empty_page(anon, catalogue):
    body = anon.get(URL, offset=100_000 * 20).json()
    assert body["count"] == 4 and body["items"] == []


def test_unpublished_datasets_are_never_found_even_by_their_owner(client, catalogue, officer):
    client.force_login(officer)
    assert client.get(URL, {"q": "проєкт"}).json()["count"] == 0


def test_the_operation_is_documented(anon, db):
    schema = anon.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/search"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"q", "theme", "sort", "facets"}


def test_a_renamed_theme_is_found_by_its_new_name(anon, catalogue, officer):
    assert anon.get(URL, q="сполучення").json()["unknown_words"] == ["сполучення"]
    theme_services.theme_rename(theme=Theme.objects.get(code="transport"),
                                name="Транспорт і сполучення", by=officer, at=AT)
    response = anon.get(URL, q="сполучення", facets="theme")
    assert names(response) == {"avtobusy"}
    themes = {f["value"]: f["label"] for f in response.json()["facets"]["theme"]}
    assert themes == {"osvita": "Освіта", "transport": "Транспорт і сполучення"}


def test_an_offset_beyond_any_database_integer_is_an_empty_page(anon, catalogue):
    body = anon.get(URL, q="школа", offset=10**31).json()
    assert body["count"] == 3 and body["items"] == []
