"""`radadata check FILE`: a readable report or JSON, exit status 0 / 1 / 2."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

DATA = Path(__file__).resolve().parents[1] / "data" / "checks"
ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("check", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        return int(exit_.code), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def _clean(tmp_path: Path) -> Path:
    path = tmp_path / "schools.csv"
    path.write_text("id,назва\n1,Ліцей\n2,Гімназія\n", encoding="utf-8")
    return path


def test_a_clean_file_passes_with_status_0(tmp_path):
    status, out, _err = _run(str(_clean(tmp_path)), "--lang", "en")
    assert status == 0
    assert "File: schools.csv" in out
    assert "format: CSV; encoding: utf-8; delimiter: “,”; 2 data rows, 2 columns" in out
    assert "Result: the file passed the checks." in out


def test_a_file_with_errors_gets_status_1_and_says_what_to_do():
    status, out, _err = _run(str(DATA / "excel-windows-1251.csv"), "--lang", "en")
    assert status == 1
    assert "Errors (1)" in out
    assert "The text is in the encoding Windows-1251" in out
    assert "What to do: Use the button “Convert to UTF-8”, or in Excel choose Save as" in out
    assert "Result: the file did not pass the checks." in out


def test_rows_and_columns_are_named_in_the_report():
    status, out, _err = _run(str(DATA / "ragged.csv"), "--lang", "en")
    assert status == 1
    assert "row 3: The row has 2 cells, but the header has 3." in out


def test_an_unreadable_file_gets_status_2():
    status, out, _err = _run(str(DATA / "empty.csv"), "--lang", "en")
    assert status == 2
    assert "The file is empty" in out
    assert "Result: the file could not be read." in out


def test_a_missing_file_is_a_command_error_with_status_2(tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("check", str(tmp_path / "nothing.csv"))
    assert error.value.returncode == 2


def test_json_report(tmp_path):
    status, out, _err = _run(str(DATA / "headers.csv"), "--json", "--lang", "en")
    data = json.loads(out)
    assert status == 1
    assert (data["file"], data["passed"], data["exit_status"]) == ("headers.csv", False, 1)
    assert data["columns"] == ["id", "назва", "", "Назва", "учнів"]
    duplicate = next(f for f in data["findings"] if f["code"] == "header_duplicate")
    assert duplicate["row"] == 1
    assert duplicate["column"] == "Назва"
    assert duplicate["severity"] == "error"
    assert duplicate["message"] == "Column 4 has the same name as column 2."
    assert duplicate["fix"]


def test_schema_file_is_used(tmp_path):
    schema = {"fields": [{"name": "id", "type": "integer"}, {"name": "назва", "type": "string"}]}
    schema_path = tmp_path / "structure.json"
    schema_path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    status, out, _err = _run(str(_clean(tmp_path)), "--schema", str(schema_path), "--json")
    assert status == 0
    assert json.loads(out)["schema"] == schema


def test_a_schema_that_is_not_a_table_schema_is_refused(tmp_path):
    schema_path = tmp_path / "structure.json"
    schema_path.write_text('{"columns": []}', encoding="utf-8")
    with pytest.raises(CommandError, match="Table Schema"):
        call_command("check", str(_clean(tmp_path)), "--schema", str(schema_path))


def test_without_a_file_it_is_still_djangos_system_check():
    status, out, _err = _run()
    assert status == 0
    assert "System check identified no issues" in out


def test_the_exit_status_reaches_the_shell(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "radadata.config.settings.test"}
    result = subprocess.run(
        [sys.executable, "-m", "radadata.cli", "check", str(DATA / "binary-renamed.csv")],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "binary-renamed.csv" in result.stdout


def test_progress_goes_to_standard_error_for_big_files(monkeypatch):
    from radadata.checks.management.commands import check

    monkeypatch.setattr(check, "_BIG", 0)
    status, out, err = _run(str(DATA / "windows-1251-ascii-start.csv"), "--lang", "en")
    assert status == 1
    assert err.splitlines()[-1] == "Checked 100%"
    assert "Checked" not in out
