"""ODS read through python-calamine gives the cells and findings the streaming reader gives;
what calamine would read otherwise (formulas, merged cells, reformatted numbers, long times,
untyped text, big repeats, XML it refuses) is left to the streaming reader."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from radadata.checks import codes_file as codes
from radadata.checks.limits import Limits
from radadata.checks.readers import ods, ods_scan
from radadata.checks.readers.base import FileContext
from tests.data.checks.make_samples import ODS_MANIFEST

DATA = Path(__file__).resolve().parents[1] / "data" / "checks"
HEAD = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3">'
        '<office:body><office:spreadsheet>')
TAIL = "</office:spreadsheet></office:body></office:document-content>"


def _cell(attributes: str = "", text: str | None = None) -> str:
    if text is None:
        return f"<table:table-cell {attributes}/>"
    return f"<table:table-cell {attributes}><text:p>{text}</text:p></table:table-cell>"


def _string(text: str) -> str:
    return _cell('office:value-type="string"', text)


def _float(value: str) -> str:
    return _cell(f'office:value-type="float" office:value="{value}"', value)


def _row(*cells: str, attributes: str = "") -> str:
    return f"<table:table-row {attributes}>{''.join(cells)}</table:table-row>"


def _sheet(name: str, *rows: str) -> str:
    return (f'<table:table table:name="{name}"><table:table-column '
            f'table:number-columns-repeated="1024"/>{"".join(rows)}</table:table>')


HEADER = _row(_string("Код"), _string("Назва"), _string("Учнів"), _string("Дата"),
              _string("Час"))
# As LibreOffice Calc saves a sheet: typed cells, an empty row between the data, the rest of
# the sheet as repeated empty rows and cells.
LIBREOFFICE = _sheet(
    "Заклади", HEADER,
    _row(_string("02142566"), _string("Ліцей<text:s text:c=\"2\"/>№ 1"), _float("845"),
         _cell('office:value-type="date" office:date-value="2024-09-01"', "01.09.24"),
         _cell('office:value-type="time" office:time-value="PT09H34M00S"', "09:34"),
         _cell('table:number-columns-repeated="1019"')),
    _row(_cell('table:number-columns-repeated="1024"')),
    _row(_string("02142572"), "<table:table-cell office:value-type=\"string\"><text:p>Гімназія"
         "</text:p><text:p>«Світанок»</text:p></table:table-cell>", _float("412.5"),
         _cell('office:value-type="date" office:date-value="2024-09-02T00:00:00"', "02.09.24"),
         _cell('office:value-type="date" office:date-value="2024-09-02T10:30:00"', "10:30"),
         _cell('office:value-type="percentage" office:value="0.15"', "15%"),
         _cell('office:value-type="boolean" office:boolean-value="true"', "TRUE")),
    _row(_cell('table:number-columns-repeated="1024"'),
         attributes='table:number-rows-repeated="1048571"'),
) + _sheet("Порожній", _row(_cell('table:number-columns-repeated="1024"'),
                             attributes='table:number-rows-repeated="1048576"')) \
  + _sheet("Довідка", _row(_string("примітка")), _row(_string("текст"), _float("0.0001")))


def _ods(tmp_path: Path, body: str, name: str = "book.ods") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", HEAD + body + TAIL)
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
    return path


def _read(tmp_path: Path, path: Path, monkeypatch, *, streaming: bool = False,
          **limits) -> tuple[list, list, bool]:
    """The tables and findings of the ODS reader, and whether calamine read the sheets."""
    used: list[bool] = []
    calamine = ods._calamine_sheets

    def spy(ctx, archive):
        sheets = calamine(ctx, archive)
        used.append(sheets is not None)
        return sheets

    with monkeypatch.context() as patch:
        patch.setattr(ods, "_calamine_sheets", spy)
        if streaming:
            patch.setattr(ods_scan, "calamine_reads_alike", lambda archive: False)
        work = tmp_path / "work"
        work.mkdir(exist_ok=True)
        ctx = FileContext(path=path, name=path.name, limits=Limits(**limits), workdir=work)
        tables = [(t.part, t.header, t.first_row, t.frame.rows()) for t in ods.read(ctx, None)]
    findings = [(f.code, f.row, f.column, f.count, f.params, f.excerpt, f.part)
                for f in ctx.findings]
    return tables, findings, any(used)


def test_a_libreoffice_workbook_is_read_by_calamine_as_by_the_streaming_reader(
        tmp_path, monkeypatch):
    path = _ods(tmp_path, LIBREOFFICE)
    tables, findings, by_calamine = _read(tmp_path, path, monkeypatch)
    assert by_calamine
    assert (tables, findings) == _read(tmp_path, path, monkeypatch, streaming=True)[:2]
    first, second = tables  # the empty sheet is no table
    assert first[1] == ["Код", "Назва", "Учнів", "Дата", "Час", "", ""]
    assert first[3] == [
        ("02142566", "Ліцей  № 1", "845", "2024-09-01", "09:34:00", None, None),
        (None, None, None, None, None, None, None),
        ("02142572", "Гімназія\n«Світанок»", "412.5", "2024-09-02", "2024-09-02T10:30:00",
         "0.15", "true"),
    ]
    assert second[0] == "Довідка" and second[3] == [("текст", "0.0001")]


def test_the_column_limit_holds_for_calamine_too(tmp_path, monkeypatch):
    path = _ods(tmp_path, LIBREOFFICE)
    tables, findings, by_calamine = _read(tmp_path, path, monkeypatch, max_columns=3)
    assert by_calamine
    assert (tables, findings) == _read(tmp_path, path, monkeypatch, streaming=True,
                                       max_columns=3)[:2]
    assert tables[0][1] == ["Код", "Назва", "Учнів"]


@pytest.mark.parametrize("cells", [
    # what only the streaming reader finds: formulas and merged cells
    _cell('table:formula="of:=SUM([.C2:.C3])" office:value-type="float" office:value="3"', "3"),
    _cell('table:number-columns-spanned="2" office:value-type="string"', "разом"),
    # what calamine reads otherwise
    _float("1E-05"), _float("-0"), _float("1234567890123456"), _float("1.50"),
    _cell('office:value-type="date" office:date-value="2024-09-02T10:30:00.5"', "x"),
    _cell('office:value-type="date" office:date-value="1899-12-30T09:34:00"', "x"),
    _cell('office:value-type="time" office:time-value="PT33H00M00S"', "x"),
    _cell('office:value-type="time" office:time-value="PT00H00M01.5S"', "x"),
    _cell('office:value-type="boolean" office:boolean-value="1"', "x"),
    _cell('office:value-type="float"', "7"),
    _cell('office:value-type="string" office:string-value="інше"', "показане"),
    _cell("", "текст без типу"),
    _cell('table:style-name="ce1"', "текст без типу"),
    "<table:table-cell office:value-type=\"string\"><text:p>а<text:tab/>б<text:line-break/>в"
    "</text:p></table:table-cell>",
    "<table:table-cell office:value-type=\"string\"><text:list><text:list-item><text:p>пункт"
    "</text:p></text:list-item></text:list></table:table-cell>",
    # repeats calamine would expand and the streaming reader shares
    _cell('table:number-columns-repeated="150" office:value-type="float" office:value="5"', "5"),
    _cell('table:number-columns-repeated="150"') + _float("5"),
], ids=lambda cells: cells[:70])
def test_what_calamine_reads_otherwise_is_left_to_the_streaming_reader(
        tmp_path, monkeypatch, cells):
    path = _ods(tmp_path, _sheet("Дані", HEADER, _row(_string("1"), cells)))
    tables, findings, by_calamine = _read(tmp_path, path, monkeypatch)
    assert not by_calamine
    assert (tables, findings) == _read(tmp_path, path, monkeypatch, streaming=True)[:2]


def test_rows_repeated_before_data_are_left_to_the_streaming_reader(tmp_path, monkeypatch):
    path = _ods(tmp_path, _sheet(
        "Дані", HEADER, _row(_cell('table:number-columns-repeated="5"'),
                             attributes='table:number-rows-repeated="200"'),
        _row(_string("1"), _string("після"))))
    tables, _findings, by_calamine = _read(tmp_path, path, monkeypatch)
    assert not by_calamine
    assert len(tables[0][3]) == 201


def test_merged_cells_and_formulas_are_still_found(tmp_path, monkeypatch):
    path = _ods(tmp_path, _sheet(
        "Дані", _row(_cell('table:number-columns-spanned="2" office:value-type="string"',
                           "Код"), '<table:covered-table-cell/>', _string("Сайт")),
        _row(_string("1"), _string("Ліцей"), _cell(
            'table:formula="of:=HYPERLINK(&quot;https://lyceum1.example.ua&quot;)" '
            'office:value-type="string" office:string-value="https://lyceum1.example.ua"',
            "https://lyceum1.example.ua"))))
    _tables, findings, by_calamine = _read(tmp_path, path, monkeypatch)
    assert not by_calamine
    assert {(code, row, column) for code, row, column, *_ in findings} >= {
        (codes.MERGED_HEADER, 1, None), (codes.FORMULA_CELL, 2, "Сайт")}


def test_xml_calamine_refuses_is_read_by_the_streaming_reader(tmp_path, monkeypatch):
    # The sample's content.xml is indented: calamine stops at the spaces between cells.
    path = DATA / "table.ods"
    tables, findings, _ = _read(tmp_path, path, monkeypatch)
    assert (tables, findings) == _read(tmp_path, path, monkeypatch, streaming=True)[:2]
    assert tables[0][3][0][0] == "02142566"
