"""Files an attacker or a careless export would upload: each gets a clear verdict, never a
traceback or a pass it does not deserve."""

from __future__ import annotations

import contextlib
import io
import random
import zipfile
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse

from radadata.checks import codes_file as codes
from radadata.checks import codes_hostile
from radadata.checks.engine import check_file
from radadata.checks.findings import Severity
from tests.factories import DatasetFactory, add_file


def _check(tmp_path: Path, name: str, content: bytes):
    path = tmp_path / "upload.bin"  # the stored name says nothing; the upload's name claims
    path.write_bytes(content)
    return check_file(path, name=name)


def _codes(report) -> set[str]:
    return {f.code for f in report.findings}


def _errors(report) -> set[str]:
    return {f.code for f in report.findings if f.severity == Severity.ERROR}


def _cli(tmp_path: Path, name: str, content: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.suppress(SystemExit):  # the exit status says passed or not
        call_command("check", str(path), stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def _workbook() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["id", "назва"])
    book.active.append([1, "Ліцей"])
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _repack(xlsx: bytes, extra: dict[str, bytes], replace: dict[bytes, bytes] | None = None
            ) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            for old, new in (replace or {}).items():
                data = data.replace(old, new)
            dst.writestr(info, data)
        for name, data in extra.items():
            dst.writestr(name, data)
    return out.getvalue()


def test_ten_thousand_columns_get_a_verdict_not_a_traceback(tmp_path):
    header = ",".join(f"c{i}" for i in range(10_000))
    row = ",".join("1" for _ in range(10_000))
    content = f"{header}\n{row}\n{row}\n".encode()

    report = _check(tmp_path, "wide.csv", content)

    assert codes.TOO_MANY_COLUMNS in _errors(report)
    assert codes.INTERNAL_ERROR not in _codes(report) and codes.NO_DATA not in _codes(report)
    out = _cli(tmp_path, "wide.csv", content)
    assert "Traceback" not in out
    assert "Кількість стовпців у таблиці — 10000" in out


def test_a_header_and_two_million_blank_lines_is_no_data(tmp_path):
    report = _check(tmp_path, "blank.csv", b"id,name\n" + b"\n" * 2_000_000)
    assert codes.NO_DATA in _errors(report)
    assert report.rows == 0


def test_json_nan_and_infinity_are_refused_with_the_line(tmp_path):
    content = b'[{"id": 1, "note": "NaN here is text", "v": 2},\n {"id": 2, "v": -Infinity}]'
    report = _check(tmp_path, "values.json", content)
    [finding] = [f for f in report.findings if f.code == codes.JSON_MALFORMED]
    assert finding.params["line"] == 2
    assert "-Infinity" in finding.params["error"]
    assert codes.NO_DATA not in _codes(report)
    out = _cli(tmp_path, "values.json", content)
    assert "JSON некоректний у рядку 2" in out and "не є числом" in out


def test_a_workbook_with_macros_does_not_pass(tmp_path):
    xlsm = _repack(_workbook(), {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 64})
    report = _check(tmp_path, "budget.xlsm", xlsm)
    assert codes_hostile.OFFICE_MACROS in _errors(report)
    assert report.rows == 1  # the data is still read and checked
    assert "містить макроси" in _cli(tmp_path, "budget.xlsm", xlsm)


def test_a_workbook_linking_to_other_files_does_not_pass(tmp_path):
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" '
            'Target="file:///C:/Бюджет/таємне.xlsx" TargetMode="External"/>'
            '</Relationships>').encode()
    linked = _repack(_workbook(), {
        "xl/externalLinks/externalLink1.xml": b"<externalLink/>",
        "xl/externalLinks/_rels/externalLink1.xml.rels": rels})
    report = _check(tmp_path, "budget.xlsx", linked)
    [finding] = [f for f in report.findings if f.code == codes_hostile.OFFICE_EXTERNAL_LINKS]
    assert "file:///C:/Бюджет/таємне.xlsx" in finding.params["target"]
    assert codes_hostile.OFFICE_MACROS not in _codes(report)
    assert "Розірвати зв'язок" in _cli(tmp_path, "budget.xlsx", linked)


def test_a_plain_workbook_has_no_risk_findings(tmp_path):
    report = _check(tmp_path, "budget.xlsx", _workbook())
    assert not _codes(report) & {codes_hostile.OFFICE_MACROS, codes_hostile.OFFICE_EXTERNAL_LINKS}


def test_a_zip_member_named_to_escape_its_folder_is_refused_and_not_unpacked(tmp_path):
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("../../etc/cron.d/evil.csv", "id,name\n1,a\n")
        archive.writestr("/abs/path.csv", "id,name\n1,a\n")
        archive.writestr("schools.csv", "id,назва\n1,Ліцей\n")
    report = _check(tmp_path, "data.zip", stream.getvalue())
    unsafe = [f.params["name"] for f in report.findings
              if f.code == codes_hostile.ZIP_UNSAFE_NAME]
    assert unsafe == ["../../etc/cron.d/evil.csv", "/abs/path.csv"]
    assert report.rows == 1  # the safe member was checked
    assert not (tmp_path.parent / "etc").exists()


def test_random_bytes_named_csv_are_not_a_csv(tmp_path):
    noise = random.Random(15)
    content = bytes(noise.randrange(0x20, 0x100) for _ in range(30_000))  # no NUL, no control
    report = _check(tmp_path, "data.csv", content)
    assert _errors(report) == {codes.FORMAT_UNKNOWN}
    assert "не є текстом" in _cli(tmp_path, "data.csv", content)


@pytest.mark.parametrize(("name", "content"), [
    ("places.geojson", b'{"type": "FeatureCollection", "features": [{"type": "Feature", '
                       b'"geometry": {"type": "Point", "coordinates": [30.5, 50.4]}, '
                       b'"properties": {"id": 1, "name": "School"}}]}'),
    ("notes.txt", "Пояснення до набору даних.\nДругий рядок.\n".encode()),
])
def test_geojson_and_plain_text_are_open_formats(tmp_path, name, content):
    report = _check(tmp_path, name, content)
    assert codes.FORMAT_NOT_OPEN not in _codes(report)
    assert codes.FORMAT_NOT_RECOMMENDED not in _codes(report)


@pytest.mark.django_db
def test_a_130_letter_cyrillic_name_is_stored_short_and_downloaded_by_its_own_name(client):
    name = "б" * 130 + ".csv"  # 264 bytes: more than a file system allows in one name
    dataset = DatasetFactory(published=True)
    version = add_file(dataset, b"id,name\n1,School\n", filename=name)

    assert version.original_name == name
    stored = Path(version.file.name).name
    assert stored.endswith(".csv") and stored.isascii() and len(stored) < 50
    response = client.get(reverse("registry:version-download", args=[
        dataset.name, version.resource_id, version.number, version.original_name]))
    assert response.status_code == 200
    assert "%D0%B1" * 130 in response["Content-Disposition"]  # the original name, encoded
    assert b"".join(response.streaming_content) == b"id,name\n1,School\n"
