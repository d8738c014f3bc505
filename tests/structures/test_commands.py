"""`radadata structures list|show|template` and `radadata check --structure/--schema`."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from radadata.structures import catalog
from radadata.structures.downloads import schema_file
from tests.structures.helpers import filled_xlsx


def _run(command: str, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(command, *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        return int(exit_.code), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def test_list_by_edition_with_the_2025_status():
    status, out, _err = _run("structures", "list")
    assert status == 0
    assert "2019/RegisterOfDatasets" in out
    assert "2025/72-shelters" in out
    assert "Дані про розташування захисних споруд" in out
    assert "не підтверджено" in out  # the 2025 package's adoption
    assert out.index("2019/") < out.index("2025/")


def test_list_searches_ukrainian_word_forms():
    _status, out, _err = _run("structures", "list", "--search", "захисних спорудах")
    assert "2025/72-shelters" in out
    assert "2019/" not in out


def test_show_lists_the_columns():
    status, out, _err = _run("structures", "show", "2025/72-shelters")
    assert status == 0
    assert "CATUTTC — Код КАТОТТГ [string" in out
    assert "Додатки 2–76" in out


def test_show_unknown_id_lists_near_ones_exit_2():
    status, _out, err = _run("structures", "show", "2025/72-shelter")
    assert status == 2
    assert "2025/72-shelters" in err


def test_show_as_csvw():
    _status, out, _err = _run("structures", "show", "2019/RegisterOfDatasets", "--format", "csvw")
    document = json.loads(out)
    assert document["tableSchema"]["columns"][0]["name"] == "identifier"


def test_template_then_check_against_the_structure(tmp_path):
    out_path = tmp_path / "shelters.xlsx"
    status, out, _err = _run("structures", "template", "2025/72-shelters", "--format", "xlsx",
                             "--out", str(out_path))
    assert status == 0
    assert [c.value for c in load_workbook(out_path).active[1]][:2] == ["uid", "type"]
    schema = catalog.get("2025/72-shelters").table_schema()
    out_path.write_bytes(filled_xlsx(out_path.read_bytes(), schema["fields"]))
    status, out, _err = _run("check", str(out_path), "--structure", "2025/72-shelters",
                             "--lang", "en")
    assert status == 0, out
    assert "Result: the file passed the checks." in out
    assert "it was read as a second header row" in out


def test_check_with_unknown_structure_exits_2(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        call_command("check", str(path), "--structure", "2025/72-shelter")
    assert caught.value.returncode == 2
    assert "2025/72-shelters" in str(caught.value)


@pytest.mark.parametrize("fmt", ["csvw", "tableschema", "datapackage"])
def test_schema_accepts_every_structure_form(tmp_path, fmt):
    structure = catalog.get("2019/RegisterOfDatasets")
    body, _type, name = schema_file(structure, fmt)
    schema_path = tmp_path / name
    schema_path.write_bytes(body)
    data = tmp_path / "register.csv"
    data.write_text("identifier,title,description\nx,y,z\n", encoding="utf-8")
    status, out, _err = _run("check", str(data), "--schema", str(schema_path), "--json")
    assert status == 1
    codes = {(f["column"], f["code"]) for f in json.loads(out)["findings"]}
    assert ("accrualPeriodicity", "column_missing") in codes


def test_the_official_csvw_file_is_accepted(tmp_path):
    structure = catalog.get("2025/72-shelters")
    schema_path = tmp_path / "72-shelters.schema.json"
    schema_path.write_text(json.dumps(structure.csvw, ensure_ascii=False), encoding="utf-8")
    data = tmp_path / "shelters.csv"
    data.write_text("uid,type\n1,сховище\n", encoding="utf-8")
    status, out, _err = _run("check", str(data), "--schema", str(schema_path), "--json")
    assert status == 1
    missing = [f["column"] for f in json.loads(out)["findings"] if f["code"] == "column_missing"]
    assert "CATUTTC" in missing


@pytest.mark.parametrize("text, words", [
    ('{"tableSchema": {"columns": [{"name": "a", "datatype": "banana"}]}}', "banana"),
    ('{"tableSchema": {"columns": [', "line 1"),
    ('{"resources": []}', "Data Package"),
])
def test_broken_structure_files_exit_2_saying_where(tmp_path, text, words):
    schema_path = tmp_path / "s.json"
    schema_path.write_text(text, encoding="utf-8")
    data = tmp_path / "a.csv"
    data.write_text("a\n1\n", encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        call_command("check", str(data), "--schema", str(schema_path), "--lang", "en")
    assert caught.value.returncode == 2
    assert words in str(caught.value)
