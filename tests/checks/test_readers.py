"""CSV files into tables: every cell a string, the header found, bad rows named by number."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import numpy as np
import pytest

from radadata.checks import codes_file as codes
from radadata.checks.engine import check_file
from radadata.checks.limits import Limits
from radadata.checks.readers import csv as csv_reader
from radadata.checks.readers import records
from radadata.checks.readers.base import FileContext
from radadata.checks.sniff import sniff

pytestmark = pytest.mark.usefixtures("english")

DATA = Path(__file__).resolve().parents[1] / "data" / "checks"
OURS = {name for name in vars(codes).values() if isinstance(name, str)}


def _write(tmp_path: Path, content: str | bytes, name: str = "data.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def _read(tmp_path: Path, content: str | bytes, name: str = "data.csv", **limits):
    path = _write(tmp_path, content, name)
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    ctx = FileContext(path=path, name=name, limits=Limits(**limits), workdir=work)
    tables = list(csv_reader.read(ctx, sniff(path, name)))
    return ctx, tables


def _keys(tmp_path: Path, content: str | bytes, name: str = "data.csv", **limits) -> set:
    path = _write(tmp_path, content, name)
    report = check_file(path, name=name, limits=Limits(**limits))
    return {f.key() for f in report.findings if f.code in OURS}


def test_every_cell_is_a_string_and_empty_cells_are_none(tmp_path):
    _ctx, [table] = _read(tmp_path, 'код,сума,примітка\n007,"1 250,50",\n008,,""\n')
    assert table.header == ["код", "сума", "примітка"]
    assert table.frame.rows() == [("007", "1 250,50", None), ("008", None, None)]
    assert table.first_row == 2


def test_semicolons_windows_1251_and_crlf_as_excel_writes_them():
    report = check_file(DATA / "excel-windows-1251.csv", name="excel-windows-1251.csv")
    assert (report.format, report.encoding, report.delimiter) == ("csv", "windows-1251", ";")
    assert report.columns[1] == "Назва закладу"
    assert report.rows == 4
    assert (None, None, codes.NOT_UTF8) in {f.key() for f in report.findings}
    assert report.findings[0].params["encoding"] == "Windows-1251"


def test_excel_unicode_text_is_read_as_tab_separated_utf16():
    report = check_file(DATA / "excel-unicode-text.txt", name="excel-unicode-text.txt")
    assert (report.format, report.encoding, report.delimiter) == ("csv", "utf-16", "\t")
    assert report.columns[0] == "Код ЄДРПОУ"
    assert report.rows == 4
    codes_found = {f.code for f in report.findings}
    assert codes.NOT_UTF8 in codes_found
    assert codes.FORMAT_MISMATCH not in codes_found  # .txt may hold delimited text


def test_excel_csv_utf8_has_a_bom_which_is_only_information():
    report = check_file(DATA / "excel-csv-utf8.csv", name="excel-csv-utf8.csv")
    assert report.encoding == "utf-8"
    assert report.columns[0] == "Код ЄДРПОУ"  # no BOM left in the first name
    bom = [f for f in report.findings if f.code == codes.BOM]
    assert bom and bom[0].severity == "info"
    assert codes.NOT_UTF8 not in {f.code for f in report.findings}


def test_ragged_rows_are_named_by_their_row(tmp_path):
    content = 'id,назва,учнів\n1,Ліцей,845\n2,Гімназія\n3,Школа,198,зайве\n\n4,"Ліцей, № 2",90\n'
    assert _keys(tmp_path, content) == {
        (3, None, codes.RAGGED_ROW), (4, None, codes.RAGGED_ROW)}


def test_a_line_break_inside_quotes_is_one_row(tmp_path):
    content = 'id,текст\n1,"два\nрядки"\n2,один,зайве\n'
    assert _keys(tmp_path, content) == {(3, None, codes.RAGGED_ROW)}


def test_ragged_rows_beyond_the_limit_are_counted_in_one_finding(tmp_path):
    content = "a,b\n" + "1\n" * 7
    path = _write(tmp_path, content)
    report = check_file(path, name="data.csv", limits=Limits(max_findings_per_code=3))
    ragged = [f for f in report.findings if f.code == codes.RAGGED_ROW]
    more = [f for f in report.findings if f.code == codes.RAGGED_ROWS_MORE]
    assert [f.row for f in ragged] == [2, 3, 4]
    assert more[0].count == 4
    assert "4 more rows" in more[0].message()


def test_duplicate_and_empty_headers(tmp_path):
    assert _keys(tmp_path, "id;назва;;Назва;учнів\n1;Ліцей;;Ліцей № 1;845\n") == {
        (1, None, codes.HEADER_EMPTY), (1, "Назва", codes.HEADER_DUPLICATE)}


def test_frame_columns_are_unique_while_the_header_stays_as_written(tmp_path):
    _ctx, [table] = _read(tmp_path, "a;a;;b\n1;2;3;4\n")
    assert table.header == ["a", "a", "", "b"]
    assert table.columns == ["a", "a_2", "column_3", "b"]
    assert table.header_of("a_2") == "a"


def test_formulas_are_flagged_but_phone_numbers_and_negatives_are_not():
    report = check_file(DATA / "formulas.csv", name="formulas.csv")
    found = {f.key(): f for f in report.findings if f.code == codes.FORMULA_CELL}
    assert set(found) == {(2, "сайт", codes.FORMULA_CELL), (3, "учнів", codes.FORMULA_CELL)}
    # The literal text inside the formula (an address, a name) is not repeated.
    assert found[(2, "сайт", codes.FORMULA_CELL)].excerpt == '=HYPERLINK("…";"…")'


def test_title_rows_above_the_header_are_skipped(tmp_path):
    content = ("Перелік закладів освіти;;\nстаном на 01.09.2024;;\n"
               "id;назва;учнів\n1;Ліцей;845\n")
    ctx, [table] = _read(tmp_path, content)
    assert table.header == ["id", "назва", "учнів"]
    assert table.first_row == 4
    assert [f.key() for f in ctx.findings if f.code == codes.TITLE_ROWS] == [
        (1, None, codes.TITLE_ROWS)]


def test_a_header_with_gaps_is_not_mistaken_for_a_title(tmp_path):
    _ctx, [table] = _read(tmp_path, "id;;\n1;a;b\n")
    assert table.header == ["id", "", ""]


def test_a_long_line_stops_the_reading(tmp_path):
    content = "a,b\n1,2\n" + "x" * 5000 + "\n3,4\n"
    assert _keys(tmp_path, content, max_line_bytes=1000) == {(3, None, codes.LINE_TOO_LONG)}


def test_a_file_that_is_one_long_line_is_never_read_whole(tmp_path):
    # 3 MB without a line break, limit 64 KB: the scan stops in its first chunk.
    path = _write(tmp_path, b"a," * (1_500_000))
    found = records.scan(path, ",", max_line_bytes=64 * 1024, chunk=256 * 1024)
    assert found.long_line == 1


def test_quotes_out_of_place_fall_back_to_the_tolerant_reader(tmp_path):
    ctx, [table] = _read(tmp_path, 'id;розмір\n1;5" екран\n2;"17"" монітор"\n')
    assert table.frame["розмір"].to_list() == ['5" екран', '17" монітор']
    assert {f.code for f in ctx.findings} == {codes.CSV_QUOTES}


def test_old_mac_line_breaks(tmp_path):
    _ctx, [table] = _read(tmp_path, b"id,name\r1,a\r2,b\r")
    assert table.frame.rows() == [("1", "a"), ("2", "b")]


def test_a_single_column_file(tmp_path):
    _ctx, [table] = _read(tmp_path, "назва\nЛіцей, № 1\nГімназія\n")
    assert table.frame["назва"].to_list() == ["Ліцей, № 1", "Гімназія"]


def test_windows_1251_after_ascii_rows_is_read_correctly():
    report = check_file(DATA / "windows-1251-ascii-start.csv", name="data.csv")
    assert report.encoding == "windows-1251"
    assert report.rows == 3005
    assert {f.code for f in report.findings if f.code in OURS} == {codes.NOT_UTF8}


def test_mixed_encodings_are_reported_and_both_parts_are_readable(tmp_path):
    report = check_file(DATA / "mixed-encodings.csv", name="data.csv")
    assert {f.key() for f in report.findings if f.code in OURS} == {
        (4, None, codes.MIXED_ENCODING)}
    mixed = report.findings[0]
    assert mixed.params["encoding"] == "Windows-1251"
    assert mixed.count == 2
    work = tmp_path / "w"
    work.mkdir()
    ctx = FileContext(path=DATA / "mixed-encodings.csv", name="data.csv", limits=Limits(),
                      workdir=work)
    [table] = csv_reader.read(ctx, sniff(ctx.path, ctx.name))
    assert table.frame["назва"].to_list() == [
        "Ліцей № 1", "Гімназія", "Початкова школа", "Ліцей імені Франка"]


# The vectorised field count agrees with Python's csv module --------------------------------

def _random_csv(seed: int) -> bytes:
    rnd = random.Random(seed)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator=rnd.choice(["\n", "\r\n"]))
    for _ in range(200):
        width = rnd.choice([3, 3, 3, 2, 4, 1])
        writer.writerow([rnd.choice(["", "a", "б;в", 'кав"ички', "рядок\nдругий", "1,5"])
                         for _ in range(width)])
    return buffer.getvalue().encode()


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("chunk", [7, 64, 1 << 20])
def test_field_counts_match_pythons_csv_across_chunk_boundaries(tmp_path, seed, chunk):
    path = _write(tmp_path, _random_csv(seed))
    scanned = records.scan(path, ";", max_line_bytes=1 << 20, chunk=chunk)
    expected = records.python_widths(path, ";")
    assert not scanned.stray_quotes
    assert np.array_equal(scanned.widths, expected)
