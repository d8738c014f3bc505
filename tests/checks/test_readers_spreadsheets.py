"""XLSX and ODS workbooks into tables: values as a spreadsheet saved them, merged header cells
and formulas noticed, damaged and oversized workbooks refused without a crash."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook

from radadata.checks import codes_file as codes
from radadata.checks.engine import check_file
from radadata.checks.limits import Limits
from radadata.checks.readers import ods, xlsx
from radadata.checks.readers.base import FileContext
from radadata.checks.sniff import sniff
from tests.data.checks.make_samples import ODS_CONTENT, ODS_MANIFEST

DATA = Path(__file__).resolve().parents[1] / "data" / "checks"
OURS = {name for name in vars(codes).values() if isinstance(name, str)}


def _tables(tmp_path: Path, path: Path, reader, **limits):
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    ctx = FileContext(path=path, name=path.name, limits=Limits(**limits), workdir=work)
    return ctx, list(reader(ctx, sniff(path, path.name)))


def _workbook(tmp_path: Path, rows: list[list], name: str = "book.xlsx", **sheets) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    for title, sheet_rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in sheet_rows:
            sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def test_xlsx_values_become_the_strings_a_clerk_sees(tmp_path):
    path = _workbook(tmp_path, [
        ["код", "сума", "дата", "час", "так", "порожньо"],
        ["007", 1250.5, dt.datetime(2024, 3, 1), dt.datetime(2024, 3, 1, 9, 30), True, None],
        ["008", 3.0, dt.date(2024, 3, 2), None, False, None],
    ])
    _ctx, [table] = _tables(tmp_path, path, xlsx.read)
    assert table.header == ["код", "сума", "дата", "час", "так", "порожньо"]
    assert table.frame.rows() == [
        ("007", "1250.5", "2024-03-01", "2024-03-01T09:30:00", "true", None),
        ("008", "3", "2024-03-02", None, "false", None),
    ]
    assert table.part == "Sheet"


def test_merged_header_cells_and_the_title_row():
    report = check_file(DATA / "merged-header.xlsx", name="merged-header.xlsx")
    keys = {f.key() for f in report.findings if f.code in OURS}
    assert {(1, None, codes.TITLE_ROWS), (2, None, codes.HEADER_EMPTY),
            (2, None, codes.MERGED_HEADER)} <= keys
    merged = next(f for f in report.findings if f.code == codes.MERGED_HEADER)
    assert merged.params["cells"] == "A2:A3, B2:B3, C2:D2"
    assert merged.part == "Заклади"
    assert report.columns == ["№", "Назва", "Адреса", ""]


def test_merged_cells_in_the_data_are_a_warning(tmp_path):
    book = Workbook()
    sheet = book.active
    for row in (["район", "школа"], ["Центральний", "Ліцей № 1"], [None, "Гімназія"]):
        sheet.append(row)
    sheet.merge_cells("A2:A3")
    path = tmp_path / "book.xlsx"
    book.save(path)
    ctx, _ = _tables(tmp_path, path, xlsx.read)
    assert [f.key() for f in ctx.findings] == [(2, None, codes.MERGED_CELLS)]
    assert ctx.findings[0].params["cells"] == "A2:A3"


def test_formulas_in_xlsx_are_flagged_per_column():
    report = check_file(DATA / "formulas.xlsx", name="formulas.xlsx")
    found = {f.key(): f for f in report.findings if f.code == codes.FORMULA_CELL}
    assert set(found) == {(2, "Сайт", codes.FORMULA_CELL), (4, "Учнів", codes.FORMULA_CELL),
                          (2, "Разом", codes.FORMULA_CELL)}
    assert found[(2, "Сайт", codes.FORMULA_CELL)].count == 2
    assert found[(2, "Сайт", codes.FORMULA_CELL)].excerpt == '=HYPERLINK("…","…")'


def test_a_formula_without_a_saved_value_is_read_as_its_text(tmp_path):
    _ctx, [table] = _tables(tmp_path, DATA / "formulas.xlsx", xlsx.read)
    assert table.frame["Учнів"].to_list() == ["845", "412", "=SUM(C2:C3)"]


def test_every_sheet_with_data_is_a_table(tmp_path):
    path = _workbook(tmp_path, [["a", "b"], [1, 2]], Довідка=[["примітка"], ["текст"]],
                     Порожній=[])
    report = check_file(path, name="book.xlsx")
    info = [f for f in report.findings if f.code == codes.SEVERAL_TABLES]
    assert info and info[0].params == {"count": 2, "first": "Sheet"}
    assert report.columns == ["a", "b"]


def test_an_xlsx_named_csv_is_read_as_xlsx_with_a_mismatch():
    report = check_file(DATA / "xlsx-renamed.csv", name="дані.csv")
    assert report.format == "xlsx"
    assert report.columns == ["Назва", "Сайт", "Учнів", "Разом"]
    mismatch = next(f for f in report.findings if f.code == codes.FORMAT_MISMATCH)
    assert mismatch.params == {"extension": "CSV", "format": "XLSX", "suggested": "xlsx"}


def test_a_truncated_xlsx_is_unreadable_not_a_crash():
    report = check_file(DATA / "truncated.xlsx", name="truncated.xlsx")
    assert (None, None, codes.FILE_UNREADABLE) in {f.key() for f in report.findings}
    assert codes.INTERNAL_ERROR not in {f.code for f in report.findings}
    assert not report.passed


def test_a_workbook_that_unpacks_beyond_the_limit_is_not_opened(tmp_path):
    report = check_file(DATA / "formulas.xlsx", name="formulas.xlsx",
                        limits=Limits(zip_max_bytes=1000))
    assert {f.code for f in report.findings if f.code in OURS} >= {codes.ZIP_TOO_LARGE}
    assert report.columns == []


def test_ods_values_repeats_and_formulas(tmp_path):
    ctx, tables = _tables(tmp_path, DATA / "table.ods", ods.read)
    [table] = tables  # the empty second sheet is no table
    assert table.header == ["Код ЄДРПОУ", "Назва", "Учнів", "Дата", "Сайт"]
    assert table.part == "Заклади"
    assert table.frame.rows() == [
        ("02142566", "Ліцей  № 1", "845", "2024-09-01", "https://lyceum1.example.ua"),
        (None, None, None, None, None),
        (None, None, None, None, None),
        ("02142572", "Гімназія\n«Світанок»", "412.5", "2024-09-02", None),
    ]
    assert [f.key() for f in ctx.findings] == [(2, "Сайт", codes.FORMULA_CELL)]


def test_ods_merged_header(tmp_path):
    merged = ODS_CONTENT.replace(
        '<table:table-cell office:value-type="string"><text:p>Код ЄДРПОУ</text:p>',
        '<table:table-cell table:number-columns-spanned="2" office:value-type="string">'
        '<text:p>Код ЄДРПОУ</text:p>', 1)
    path = tmp_path / "merged.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", merged)
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
    ctx, _ = _tables(tmp_path, path, ods.read)
    merged_header = [f for f in ctx.findings if f.code == codes.MERGED_HEADER]
    assert merged_header[0].params["cells"] == "A1:B1"


def test_a_broken_ods_is_unreadable(tmp_path):
    path = tmp_path / "broken.ods"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content><unclosed>")
    path.write_bytes(buffer.getvalue())
    report = check_file(path, name="broken.ods")
    assert (None, None, codes.FILE_UNREADABLE) in {f.key() for f in report.findings}
