"""«One file, every format»: one table read from CSV (any encoding and delimiter), XLSX or JSON
and written as the others, with the same header and rows."""

from __future__ import annotations

import io
import json

import pytest
from openpyxl import Workbook, load_workbook

from radadata.registry import formats

SCHEMA = {"fields": [{"name": "код", "type": "integer"}, {"name": "назва", "type": "string"},
                     {"name": "сума", "type": "number"}]}
EXCEL_CSV = "код;назва;сума\r\n1;Ліцей «Світанок»;1500,50\r\n2;=HYPERLINK(\"x\");\r\n".encode(
    "cp1251")


def _xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_windows_1251_semicolon_csv_becomes_utf8_csv_xlsx_and_typed_json():
    table = formats.read_table(EXCEL_CSV, "CSV")
    assert table.header == ["код", "назва", "сума"]
    assert table.rows == [["1", "Ліцей «Світанок»", "1500,50"], ["2", '=HYPERLINK("x")', ""]]

    csv_text = formats.render(table, "CSV").decode("utf-8")
    assert csv_text.splitlines()[1] == "1,Ліцей «Світанок»,\"1500,50\""
    assert "'=HYPERLINK" in csv_text  # it cannot run when opened in a spreadsheet

    sheet = load_workbook(io.BytesIO(formats.render(table, "XLSX"))).active
    assert [c.value for c in sheet[1]] == ["код", "назва", "сума"]
    assert sheet["B3"].data_type == "s" and sheet["B3"].value == '=HYPERLINK("x")'

    records = json.loads(formats.render(table, "JSON", SCHEMA))
    assert records == [{"код": 1, "назва": "Ліцей «Світанок»", "сума": 1500.5},
                       {"код": 2, "назва": '=HYPERLINK("x")', "сума": None}]


def test_xlsx_and_json_sources_give_the_same_table():
    xlsx = _xlsx([["код", "назва"], [1, "Школа №1"], [None, None], [2, "Ліцей"]])
    from_xlsx = formats.read_table(xlsx, "XLSX")
    assert from_xlsx.rows == [[1, "Школа №1"], [2, "Ліцей"]]  # the empty row is dropped
    as_json = formats.render(from_xlsx, "JSON")
    from_json = formats.read_table(as_json, "JSON")
    assert from_json.header == from_xlsx.header
    assert formats.render(from_json, "CSV") == formats.render(from_xlsx, "CSV") == \
        "код,назва\r\n1,Школа №1\r\n2,Ліцей\r\n".encode()


@pytest.mark.parametrize(("data", "fmt"), [
    (b"", "CSV"), (b"PK\x03\x04broken", "XLSX"), (b'{"a": 1}', "JSON"),
    (b'[{"a": {"b": 1}}]', "JSON"), (b"%PDF-1.4", "PDF"),
])
def test_what_is_not_a_table_is_refused_with_a_reason(data, fmt):
    with pytest.raises(formats.NotATable) as caught:
        formats.read_table(data, fmt)
    assert caught.value.errors["file"][0]
