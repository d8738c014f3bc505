"""A structure published in the portal's forms: CSVW JSON (read back by the `csvw` library) and
XSD (compiled and applied by lxml)."""

from __future__ import annotations

import json
import warnings

import csvw
import polars as pl
import pytest
from lxml import etree

from radadata.checks.structure import infer_schema
from radadata.checks.structure.csvw import to_csvw
from radadata.checks.structure.xsd import element_name, to_xsd
from radadata.checks.table import Table

SCHEMA = {
    "fields": [
        {"name": "id", "type": "integer", "constraints": {"required": True, "unique": True}},
        {"name": "Код ЄДРПОУ", "type": "string", "title": "Код за ЄДРПОУ",
         "description": "Ідентифікаційний код юридичної особи",
         "constraints": {"required": True, "pattern": r"^\d{8}$"}},
        {"name": "Площа, м²", "type": "number", "decimalChar": ",",
         "constraints": {"minimum": 0}},
        {"name": "Дата відкриття", "type": "date", "format": "%d.%m.%Y"},
        {"name": "Тип", "type": "string", "constraints": {"enum": ["ліцей", "гімназія (ЗЗСО)"]}},
    ],
    "primaryKey": ["id"],
}
CSV = ("id,Код за ЄДРПОУ,\"Площа, м²\",Дата відкриття,Тип\n"
       "1,00032129,\"4520,5\",01.09.1965,ліцей\n"
       "2,32855961,3100,15.09.2001,гімназія (ЗЗСО)\n")


def read_csvw(folder, metadata: dict, text: str) -> list[dict]:
    (folder / "data.csv").write_text(text, encoding="utf-8")
    path = folder / "data.csv-metadata.json"
    path.write_text(json.dumps(metadata, ensure_ascii=False), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # e.g. "Invalid column name" must not happen
        return list(csvw.Table.from_file(path).iterdicts())


def test_csvw_has_the_portal_form():
    document = to_csvw(SCHEMA, url="data.csv")
    assert document["@context"] == ["http://www.w3.org/ns/csvw", {"@language": "uk"}]
    assert document["url"] == "data.csv"
    columns = document["tableSchema"]["columns"]
    assert columns[0] == {"name": "id", "titles": "id", "dc:description": "",
                          "datatype": "integer", "required": True}
    assert columns[1] == {
        "name": "kod_yedrpou", "titles": "Код за ЄДРПОУ",
        "dc:description": "Ідентифікаційний код юридичної особи",
        "datatype": {"base": "string", "format": r"^\d{8}$"}, "required": True}
    assert columns[2]["datatype"] == {"base": "decimal", "format": {"decimalChar": ","},
                                      "minimum": 0}
    assert columns[3]["datatype"] == {"base": "date", "format": "dd.MM.yyyy"}
    assert document["tableSchema"]["primaryKey"] == ["id"]


def test_csvw_library_reads_the_file_with_its_types(tmp_path):
    rows = read_csvw(tmp_path, to_csvw(SCHEMA, url="data.csv"), CSV)
    assert [row["id"] for row in rows] == [1, 2]
    assert str(rows[0]["ploshcha_m"]) == "4520.5"
    assert rows[1]["data_vidkryttia"].year == 2001
    assert rows[1]["typ"] == "гімназія (ЗЗСО)"


@pytest.mark.parametrize(("bad", "says"), [
    ("1,0003212,\"4,5\",01.09.1965,ліцей", "0003212"),  # the ЄДРПОУ pattern
    ("1,00032129,\"-4,5\",01.09.1965,ліцей", ">= 0"),  # the minimum
    ("1,00032129,\"4,5\",01.09.1965,школа", "школа"),  # the enum, as a pattern
])
def test_csvw_library_refuses_what_the_structure_forbids(tmp_path, bad, says):
    with pytest.raises(ValueError, match=says):
        read_csvw(tmp_path, to_csvw(SCHEMA, url="data.csv"), CSV.splitlines()[0] + "\n" + bad)


def test_an_inferred_structure_reads_its_own_file(tmp_path):
    frame = pl.DataFrame({"№": ["1", "2"], "Сума": ["12,5", "3"],
                          "Дата": ["2024-01-02", "2024-02-03"]})
    schema = infer_schema(Table(frame=frame, header=frame.columns))
    rows = read_csvw(tmp_path, to_csvw(schema, url="data.csv"),
                     "№,Сума,Дата\n1,\"12,5\",2024-01-02\n2,3,2024-02-03\n")
    assert [str(row["suma"]) for row in rows] == ["12.5", "3"]
    assert to_csvw(schema)["tableSchema"]["columns"][0]["name"] == "column_1"


def xml(*rows: dict[str, str]) -> bytes:
    body = "".join("<row>" + "".join(f"<{element_name(k)}>{v}</{element_name(k)}>"
                                      for k, v in row.items()) + "</row>" for row in rows)
    return f"<table>{body}</table>".encode()


GOOD = {"id": "1", "Код ЄДРПОУ": "00032129", "Площа, м²": "4520.5", "Тип": "ліцей"}


def test_xsd_compiles_and_accepts_the_xml_form():
    schema = etree.XMLSchema(etree.fromstring(to_xsd(SCHEMA)))
    document = etree.fromstring(xml(GOOD, {**GOOD, "id": "2"}))
    assert schema.validate(document), schema.error_log
    # an optional field may be absent
    assert schema.validate(etree.fromstring(xml({"id": "3", "Код ЄДРПОУ": "32855961"})))


@pytest.mark.parametrize(("change", "says"), [
    ({"Код ЄДРПОУ": "0003212"}, "pattern"),
    ({"Площа, м²": "-1"}, "minInclusive"),
    ({"Тип": "школа"}, "enumeration"),
    ({"id": "x"}, "integer"),
])
def test_xsd_refuses_what_the_structure_forbids(change, says):
    schema = etree.XMLSchema(etree.fromstring(to_xsd(SCHEMA)))
    assert not schema.validate(etree.fromstring(xml({**GOOD, **change})))
    assert says in str(schema.error_log)


def test_xsd_required_and_unique():
    schema = etree.XMLSchema(etree.fromstring(to_xsd(SCHEMA)))
    assert not schema.validate(etree.fromstring(xml({"id": "1"})))  # ЄДРПОУ is required
    assert not schema.validate(etree.fromstring(xml(GOOD, GOOD)))  # the id repeats


def test_xsd_documents_what_it_cannot_check():
    schema = {"fields": [{"name": "код", "type": "string",
                          "constraints": {"pattern": r"(?!0{8})\d{8}"}}]}
    text = to_xsd(schema)
    etree.XMLSchema(etree.fromstring(text))  # compiles
    assert "pattern: (?!0{8})\\d{8}" in text.decode()
    assert b"xs:pattern" not in text
