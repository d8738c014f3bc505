"""check_file end to end: every bad input becomes a finding, never an exception."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from radadata.checks import codes_file as codes
from radadata.checks import engine
from radadata.checks.engine import Stage, check_file
from radadata.checks.findings import Finding, Report
from radadata.checks.limits import Limits

DATA = Path(__file__).resolve().parents[1] / "data" / "checks"
OURS = {name for name in vars(codes).values() if isinstance(name, str)}


def _keys(report: Report) -> set:
    return {f.key() for f in report.findings if f.code in OURS}


def _parts(report: Report) -> set:
    return {(f.part, f.code) for f in report.findings if f.code in OURS}


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


@pytest.mark.parametrize(("sample", "code"), [
    ("empty.csv", codes.FILE_EMPTY),
    ("binary-renamed.csv", codes.FORMAT_UNKNOWN),
    ("truncated.xlsx", codes.FILE_UNREADABLE),
    ("mixed-encodings.csv", codes.MIXED_ENCODING),
    ("ragged.csv", codes.RAGGED_ROW),
    ("headers.csv", codes.HEADER_DUPLICATE),
    ("formulas.csv", codes.FORMULA_CELL),
    ("merged-header.xlsx", codes.MERGED_HEADER),
    ("excel-windows-1251.csv", codes.NOT_UTF8),
    ("zip-bomb.zip", codes.ZIP_RATIO),
])
def test_every_bad_sample_gets_its_finding_and_no_crash(sample, code):
    report = check_file(DATA / sample, name=sample)
    found = {f.code for f in report.findings}
    assert code in found
    assert codes.INTERNAL_ERROR not in found
    assert not report.passed or code == codes.FORMULA_CELL


def test_a_clean_csv_passes(tmp_path):
    report = check_file(_write(tmp_path, "schools.csv", "id,назва\n1,Ліцей\n2,Гімназія\n"),
                        name="schools.csv")
    assert report.passed
    assert (report.format, report.encoding, report.delimiter) == ("csv", "utf-8", ",")
    assert (report.rows, report.columns) == (2, ["id", "назва"])
    assert report.seconds >= 0


def test_a_header_problem_is_reported_once_when_a_structure_is_given(tmp_path):
    path = _write(tmp_path, "schools.csv", "id,,назва\n1,x,Ліцей\n")
    without = {f.code for f in check_file(path, name="schools.csv").findings}
    assert codes.HEADER_EMPTY in without
    schema = {"fields": [{"name": "id", "type": "integer"}, {"name": "", "type": "string"},
                         {"name": "назва", "type": "string"}]}
    found = [f for f in check_file(path, name="schools.csv", schema=schema).findings
             if f.column in ("", None) and f.row in (None, 1)]
    header = [f.code for f in found if f.code in {codes.HEADER_EMPTY, "column_unnamed"}]
    assert header == ["column_unnamed"]


def test_the_zip_bomb_is_not_unpacked(tmp_path, monkeypatch):
    unpacked = []
    monkeypatch.setattr(engine.zip_reader.shutil, "copyfileobj",
                        lambda *args, **kwargs: unpacked.append(args))
    report = check_file(DATA / "zip-bomb.zip", name="zip-bomb.zip")
    assert _parts(report) == {("data.csv", codes.ZIP_RATIO)}
    assert report.findings[0].params["ratio"] > 100
    assert not unpacked


def test_archive_limits(tmp_path):
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for index in range(5):
            archive.writestr(f"{index}.csv", "a,b\n1,2\n" * 50)
    assert _keys(check_file(path, name="many.zip", limits=Limits(zip_max_files=4))) == {
        (None, None, codes.ZIP_TOO_MANY_FILES)}
    assert _keys(check_file(path, name="many.zip", limits=Limits(zip_max_bytes=1000))) == {
        (None, None, codes.ZIP_TOO_LARGE)}


def test_each_member_of_an_archive_is_checked_as_a_file(tmp_path):
    path = tmp_path / "data.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("2023.csv", "id;назва\n1;Ліцей\n2;Гімназія;зайве\n")
        archive.writestr("2024.csv", "id;назва\n1;Ліцей\n".encode("cp1251"))
        archive.writestr("звіт.pdf", b"%PDF-1.7\n")
        archive.writestr("empty/", b"")
    report = check_file(path, name="data.zip")
    assert report.format == "zip"
    assert report.columns == ["id", "назва"]
    assert _parts(report) >= {("2023.csv", codes.RAGGED_ROW), ("2024.csv", codes.NOT_UTF8),
                              ("звіт.pdf", codes.CONTENT_NOT_CHECKED),
                              ("звіт.pdf", codes.FORMAT_NOT_OPEN), ("", codes.SEVERAL_TABLES)}


def test_an_archive_inside_an_archive_is_not_opened():
    report = check_file(DATA / "nested.zip", name="nested.zip")
    assert ("archive/inner.zip", codes.ZIP_NESTED) in _parts(report)
    assert report.rows == 4  # data.csv is read; the __MACOSX junk is skipped
    assert not any("MACOSX" in f.part for f in report.findings)


def test_an_encrypted_member_is_reported(tmp_path):
    path = tmp_path / "secret.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("secret.csv", "a,b\n1,2\n")
    # zipfile cannot encrypt; set the "encrypted" flag in both headers as a tool would.
    data = bytearray(path.read_bytes())
    data[6] |= 0x1
    central = data.index(b"PK\x01\x02")
    data[central + 8] |= 0x1
    path.write_bytes(bytes(data))
    assert _parts(check_file(path, name="secret.zip")) == {("secret.csv", codes.ZIP_ENCRYPTED)}


def test_an_empty_archive(tmp_path):
    path = tmp_path / "empty.zip"
    zipfile.ZipFile(path, "w").close()
    assert _keys(check_file(path, name="empty.zip")) == {(None, None, codes.ZIP_EMPTY)}


def test_a_file_beyond_the_size_limit_is_not_read(tmp_path):
    path = _write(tmp_path, "big.csv", "a,b\n" + "1,2\n" * 100)
    report = check_file(path, name="big.csv", limits=Limits(max_bytes=100))
    assert _keys(report) == {(None, None, codes.FILE_TOO_LARGE)}
    assert report.columns == []


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("data.rar", b"Rar!\x1a\x07\x00" + b"\x00" * 20, {codes.FORMAT_NOT_RECOMMENDED,
                                                      codes.CONTENT_NOT_CHECKED}),
    ("report.pdf", b"%PDF-1.7\n", {codes.FORMAT_NOT_OPEN, codes.CONTENT_NOT_CHECKED}),
    ("report.csv", b"%PDF-1.7\n", {codes.FORMAT_MISMATCH, codes.FORMAT_NOT_OPEN,
                                   codes.CONTENT_NOT_CHECKED}),
    ("notes.txt", "просто текст\n".encode(), {codes.CONTENT_NOT_CHECKED}),  # open, unread
])
def test_format_findings(tmp_path, name, content, expected):
    report = check_file(_write(tmp_path, name, content), name=name)
    assert {f.code for f in report.findings if f.code in OURS} == expected


def test_a_header_without_rows_has_no_data(tmp_path):
    report = check_file(_write(tmp_path, "data.csv", "id,назва\n"), name="data.csv")
    assert (None, None, codes.NO_DATA) in _keys(report)
    assert not report.passed


def test_an_error_inside_a_stage_is_a_finding_and_the_other_stages_run(tmp_path, monkeypatch):
    ran = []

    def broken(table, run):
        raise RuntimeError("bug")

    def after(table, run):
        ran.append(table.header)
        return [Finding(codes.BOM)]

    monkeypatch.setattr(engine, "TABLE_STAGES", (Stage("broken", broken), Stage("after", after)))
    report = check_file(_write(tmp_path, "data.csv", "a,b\n1,2\n"), name="data.csv")
    internal = [f for f in report.findings if f.code == codes.INTERNAL_ERROR]
    assert [f.params for f in internal] == [{"stage": "broken"}]
    assert ran == [["a", "b"]]
    assert not report.passed


def test_an_error_inside_a_reader_is_a_finding(tmp_path, monkeypatch):
    def broken(ctx, sniffed):
        raise ValueError("bug")
        yield

    monkeypatch.setitem(engine.READERS, "csv", broken)
    report = check_file(_write(tmp_path, "data.csv", "a,b\n1,2\n"), name="data.csv")
    assert [f.params for f in report.findings if f.code == codes.INTERNAL_ERROR] == [
        {"stage": "reading"}]


def test_schema_given_is_used_and_kept(tmp_path, monkeypatch):
    seen = []
    schema = {"fields": [{"name": "a", "type": "integer"}, {"name": "b", "type": "string"}]}
    monkeypatch.setattr(engine, "TABLE_STAGES", (
        Stage("structure", lambda table, run: seen.append(run.schema) or [], main_only=True),))
    report = check_file(_write(tmp_path, "data.csv", "a,b\n1,2\n"), name="data.csv",
                        schema=schema)
    assert report.schema == schema
    assert seen == [schema]


def test_the_schema_is_inferred_when_none_is_given(tmp_path):
    report = check_file(_write(tmp_path, "data.csv", "id,назва\n1,Ліцей\n2,Гімназія\n"),
                        name="data.csv")
    assert [field["name"] for field in report.schema["fields"]] == ["id", "назва"]


def test_lawful_columns_reach_the_personal_data_stage(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(engine, "TABLE_STAGES", (
        Stage("personal", lambda table, run: seen.append(run.lawful) or []),))
    check_file(_write(tmp_path, "data.csv", "ПІБ\nІванов Іван\n"), name="data.csv",
               lawful={"ПІБ": "official"})
    assert seen == [{"ПІБ": "official"}]


def test_progress_goes_up_to_one(tmp_path):
    seen: list[float] = []
    check_file(DATA / "windows-1251-ascii-start.csv", name="data.csv", progress=seen.append)
    assert seen[-1] == 1.0
    assert seen == sorted(seen)
    assert len(seen) > 3


def test_findings_survive_the_round_trip_through_json(tmp_path):
    report = check_file(DATA / "ragged.csv", name="ragged.csv")
    again = Report.from_dict(report.as_dict())
    assert [f.key() for f in again.findings] == [f.key() for f in report.findings]
    assert again.findings[0].message() == report.findings[0].message()


def test_progress_never_goes_back_on_a_workbook_with_several_sheets(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["a"])
    book.active.append([1])
    for title in ("two", "three"):
        sheet = book.create_sheet(title)
        sheet.append(["b"])
        sheet.append([2])
    path = tmp_path / "book.xlsx"
    book.save(path)
    seen: list[float] = []
    report = check_file(path, name="book.xlsx", progress=seen.append)
    assert seen == sorted(seen)
    assert seen[-1] == 1.0
    assert next(f for f in report.findings if f.code == codes.SEVERAL_TABLES).params["count"] == 3
