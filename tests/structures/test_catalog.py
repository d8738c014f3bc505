"""Every shipped national structure loads and round-trips through Table Schema and CSVW."""

from __future__ import annotations

import json

import pytest

from radadata.structures import catalog
from radadata.structures.errors import SchemaInvalid, StructureNotFound
from radadata.structures.schema import from_csvw, read_schema, to_csvw, to_datapackage

ALL = catalog.all_structures()


def test_both_editions_ship_every_structure():
    by_edition = {e.code: len(catalog.editions_structures(e.code)) for e in catalog.editions()}
    assert by_edition == {"2019": 13, "2025": 109}


def test_the_2025_package_says_its_adoption_is_unconfirmed():
    editions = {e.code: e for e in catalog.editions()}
    assert editions["2019"].confirmed
    assert not editions["2025"].confirmed
    assert "не підтверджено" in editions["2025"].status_note


def _key(schema):
    return [(f["name"], f.get("title"), f["type"], f.get("format", "default"),
             bool((f.get("constraints") or {}).get("required"))) for f in schema["fields"]]


@pytest.mark.parametrize("structure", ALL, ids=[s.id for s in ALL])
def test_structure_round_trips(structure):
    columns = structure.columns
    schema = structure.table_schema()
    assert [c["name"] for c in columns] == [f["name"] for f in schema["fields"]]
    assert all(f.get("title") for f in schema["fields"])
    again = from_csvw(json.loads(json.dumps(to_csvw(schema))))
    assert _key(again) == _key(schema)
    assert again.get("primaryKey") == schema.get("primaryKey")
    package = to_datapackage(schema, name="x", title="x", path="x.csv")
    assert _key(read_schema(package)) == _key(schema)


def test_official_spellings_are_read():
    shelters = catalog.get("2025/72-shelters").table_schema()
    assert shelters["fields"][1] == {
        "name": "type", "title": "Тип споруди", "type": "string",
        "description": shelters["fields"][1]["description"],
        "constraints": {"required": True}}
    register = catalog.get("2019/RegisterOfDatasets")
    # The official file repeats its header as a first column: left out.
    assert register.columns[0]["name"] == "identifier"
    assert len(register.columns) == 12
    urls = [f for f in catalog.get("2025/07-register").table_schema()["fields"]
            if f["name"] == "url"]
    assert urls[0]["format"] == "uri"  # "anyURL" in the official file


def test_unknown_id_names_near_ones():
    with pytest.raises(StructureNotFound) as caught:
        catalog.get("2025/72-shelter")
    assert "2025/72-shelters" in caught.value.near
    assert "2025/72-shelters" in caught.value.message


def test_an_id_without_edition_is_found_when_unique():
    assert catalog.get("72-shelters").id == "2025/72-shelters"


@pytest.mark.parametrize("document, where", [
    ({"tableSchema": {}}, "tableSchema.columns"),
    ({"tableSchema": {"columns": [{"name": "a", "datatype": "banana"}]}}, "banana"),
    ({"fields": []}, "fields"),
    ({"resources": [{"schema": "schema.json"}]}, "schema.json"),
    ([1, 2], "JSON"),
])
def test_broken_structure_files_say_where(document, where):
    with pytest.raises(SchemaInvalid) as caught:
        read_schema(document)
    assert where in caught.value.message
