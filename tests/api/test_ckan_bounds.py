"""Absurd CKAN parameters are answered in CKAN's error shape (409 or 400), never with a 500."""

from __future__ import annotations

import json

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def api() -> Client:
    return Client(raise_request_exception=False)


def _error(response, status: int, kind: str) -> dict:
    assert response.status_code == status, response.content[:300]
    body = response.json()
    assert body["success"] is False and body["help"].startswith("http")
    assert body["error"]["__type"] == kind
    return body["error"]


@pytest.mark.parametrize(("query", "result"), [
    ("package_list?limit=100000000000000000000", []),  # all there is (none here)
    ("package_list?offset=100000000000000000000", []),  # past the end: an empty page
    ("package_list?limit=100000000000000000000&offset=100000000000000000000", []),
    ("group_list?limit=100000000000000000000&offset=100000000000000000000", []),
])
def test_numbers_beyond_any_database_integer_are_lowered_not_a_crash(api, query, result):
    response = api.get(f"/api/3/action/{query}")
    assert response.status_code == 200, response.content[:300]
    assert response.json()["result"] == result


@pytest.mark.parametrize("query", [
    "package_list?limit=1e20",
    "package_list?limit=-1",
    "package_list?offset=ten",
    "package_search?rows=[1]",
])
def test_absurd_numbers_are_a_validation_error(api, query):
    error = _error(api.get(f"/api/3/action/{query}"), 409, "Validation Error")
    name = query.split("?")[1].split("=")[0]
    assert error[name]  # the parameter is named, as CKAN does


def test_a_huge_rows_is_capped_as_ckan_does(api):
    response = api.get("/api/3/action/package_search?rows=100000000000000000000")
    assert response.status_code == 200 and response.json()["success"] is True


@pytest.mark.parametrize("body", [
    "[" * 50_000 + "]" * 50_000,
    '{"q": ' + '{"a":' * 50_000 + "1" + "}" * 50_000 + "}",
    '{"q": ' + "[" * 900 + "]" * 900 + "}",  # parsed, but too deep to walk
])
def test_a_body_nested_fifty_thousand_levels_is_a_bad_request(api, body):
    error = _error(api.post("/api/3/action/package_search", body,
                            content_type="application/json"), 400, "Bad Request")
    assert "JSON" in error["message"]


def test_an_ordinary_post_still_works(api):
    response = api.post("/api/3/action/package_search", json.dumps({"q": "школи", "rows": 5}),
                        content_type="application/json")
    assert response.status_code == 200 and response.json()["success"] is True
