"""/api/v1/registry: the published registry (§4.10) as JSON, the same rows as /registry.csv."""

from __future__ import annotations

import csv
import io

HEADER_4_10 = ["title", "identifier", "description", "format", "dataPublikation",
               "accrualPeriodicity", "landingPage", "publisherName", "publisherIdentifier",
               "contactPointFn", "contactPointHasEmail"]


def test_anyone_reads_the_published_registry_with_the_4_10_keys(anon, council):
    response = anon.get("/api/v1/registry")
    assert response.status_code == 200
    body = response.json()
    assert body["structure"] == "4.10"
    assert body["header"] == HEADER_4_10
    assert body["count"] == 2
    titles = {item["title"] for item in body["items"]}
    assert titles == {"Школи громади", "Бюджет громади"}  # drafts never appear
    assert all(list(item) == HEADER_4_10 for item in body["items"])


def test_the_rows_are_those_of_the_csv_download(anon, council, client):
    api_items = anon.get("/api/v1/registry").json()["items"]
    download = b"".join(client.get("/registry.csv").streaming_content).decode("utf-8")
    csv_rows = list(csv.DictReader(io.StringIO(download)))
    # CSV writes the literal null where JSON has null.
    as_csv = [{k: ("null" if v is None else v) for k, v in item.items()} for item in api_items]
    assert as_csv == csv_rows


def test_national_structures_and_paging(anon, council):
    body = anon.get("/api/v1/registry", structure="2025", limit=1, offset=1).json()
    assert body["structure"] == "2025"
    assert body["header"][0] == "uid"
    assert "contactPointEmail" in body["header"]
    assert body["count"] == 2 and len(body["items"]) == 1


def test_an_unknown_structure_is_a_clear_422(anon, council):
    response = anon.get("/api/v1/registry", structure="2030")
    assert response.status_code == 422
    assert "structure" in response.json()["errors"]
