"""Benchmark: reading a 100,000-row XLSX workbook against the same rows as CSV, and openpyxl.

    .venv/bin/python bench/xlsx_read.py [--rows 100000]

Writes a workbook of municipal rows (id, name, amount, date, e-mail, a formula-free sheet as
councils export it) with openpyxl, the same rows as LibreOffice Calc saves an ODS and as a
UTF-8 CSV, then reads each through the checks' readers (radadata.checks: sniffing, encoding,
the XLSX and ODS readers on python-calamine and the CSV reader on polars; the same tables the
checks then read), checks each whole (`check_file`: reading, structure, values, personal
data — what a clerk waits for), and reads the workbook with openpyxl's read-only mode (what
the XLSX reader used before). openpyxl writes every text as an inline string of character
references, twice the XML Excel writes for the same rows; the same rows as Excel saves them
(shared strings, UTF-8) are checked too, for comparison. Prints the CPU seconds of each (best
of three), the ratio XLSX / CSV of the whole check (the issue's target: at most 3x), ODS / CSV
(no target), the ratios of the reading alone, and openpyxl / ours.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

TARGET = 3.0


def rows(count: int) -> list[list]:
    start = dt.date(2024, 1, 1)
    return [[n + 1, f"Комунальний заклад «Ліцей №{n % 300 + 1}»", round(n * 12.37 % 100000, 2),
             start + dt.timedelta(days=n % 700), f"school{n % 300 + 1}@svitlohirsk-rada.gov.ua",
             "так" if n % 3 else "ні"] for n in range(count)]


HEADER = ["id", "назва", "сума", "дата", "пошта", "чинний"]


def write(folder: Path, count: int) -> tuple[Path, Path]:
    from openpyxl import Workbook

    data = rows(count)
    xlsx, text = folder / "заклади.xlsx", folder / "заклади.csv"
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Дані")
    sheet.append(HEADER)
    for row in data:
        sheet.append(row)
    workbook.save(xlsx)
    with text.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        writer.writerows([[str(v) if not isinstance(v, dt.date) else v.isoformat() for v in row]
                          for row in data])
    return xlsx, text


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_EXCEL_PARTS = {
    "[Content_Types].xml": f'<Types xmlns="{_PKG}/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    + "".join(f'<Override PartName="/xl/{part}" ContentType="{_TYPE}.{kind}+xml"/>'
              for part, kind in (("workbook.xml", "sheet.main"),
                                 ("worksheets/sheet1.xml", "worksheet"),
                                 ("styles.xml", "styles"),
                                 ("sharedStrings.xml", "sharedStrings")))
    + "</Types>",
    "_rels/.rels": f'<Relationships xmlns="{_PKG}/relationships"><Relationship Id="rId1" '
    f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
    '<sheet name="Дані" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>",
    "xl/styles.xml": f'<styleSheet xmlns="{_MAIN}"><fonts count="1"><font/></fonts>'
    '<fills count="1"><fill/></fills><borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/>'
    '<xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>',
}


def write_excel_style(path: Path, count: int) -> Path:
    """The rows as Excel saves them: text in the shared strings table, UTF-8 rather than
    openpyxl's character references, dates as serial numbers with a date format."""
    from xml.sax.saxutils import escape

    strings: dict[str, int] = {}
    letters = "ABCDEF"

    def cell(ref: str, value) -> str:
        if isinstance(value, str):
            return f'<c r="{ref}" t="s"><v>{strings.setdefault(value, len(strings))}</v></c>'
        if isinstance(value, dt.date):
            return f'<c r="{ref}" s="1"><v>{(value - dt.date(1899, 12, 30)).days}</v></c>'
        return f'<c r="{ref}"><v>{value}</v></c>'

    body = "".join(f'<row r="{n}">' + "".join(cell(f"{letters[i]}{n}", v)
                                                for i, v in enumerate(row)) + "</row>"
                   for n, row in enumerate([HEADER, *rows(count)], start=1))
    sheet = f'<worksheet xmlns="{_MAIN}"><sheetData>{body}</sheetData></worksheet>'
    shared = (f'<sst xmlns="{_MAIN}" uniqueCount="{len(strings)}">'
              + "".join(f"<si><t>{escape(text)}</t></si>" for text in strings) + "</sst>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _EXCEL_PARTS.items():
            archive.writestr(name, text)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        archive.writestr("xl/sharedStrings.xml", shared)
    return path


_ODS_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" \
xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" \
office:version="1.3"><office:automatic-styles>\
<number:date-style style:name="N37"><number:day number:style="long"/><number:text>.</number:text>\
<number:month number:style="long"/><number:text>.</number:text><number:year/></number:date-style>\
<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N37"/>\
</office:automatic-styles><office:body><office:spreadsheet>\
<table:table table:name="Дані"><table:table-column table:number-columns-repeated="6"/>"""
_ODS_TAIL = "</table:table></office:spreadsheet></office:body></office:document-content>"
_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" \
manifest:version="1.3"><manifest:file-entry manifest:full-path="/" \
manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>\
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\
</manifest:manifest>"""


def write_ods(path: Path, count: int) -> Path:
    """The rows as LibreOffice Calc saves them: typed cells with the value in an attribute
    and the displayed text in a paragraph, dates with a date style."""
    from xml.sax.saxutils import escape

    def cell(value) -> str:
        if isinstance(value, str):
            return (f'<table:table-cell office:value-type="string" calcext:value-type="string">'
                    f"<text:p>{escape(value)}</text:p></table:table-cell>")
        if isinstance(value, dt.date):
            return (f'<table:table-cell table:style-name="ce1" office:value-type="date" '
                    f'office:date-value="{value.isoformat()}" calcext:value-type="date">'
                    f'<text:p>{value:%d.%m.%Y}</text:p></table:table-cell>')
        number = str(int(value)) if float(value).is_integer() else repr(value)
        return (f'<table:table-cell office:value-type="float" office:value="{number}" '
                f'calcext:value-type="float"><text:p>{number}</text:p></table:table-cell>')

    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>"
                   for row in [HEADER, *rows(count)])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", _ODS_HEAD + body + _ODS_TAIL)
        archive.writestr("META-INF/manifest.xml", _MANIFEST)
    return path


def ours(path: Path) -> int:
    """The tables the checks read from the file, through the engine's own reading stage."""
    from radadata.checks import engine, limits
    from radadata.checks.readers.base import FileContext

    with tempfile.TemporaryDirectory() as workdir:
        ctx = FileContext(path=path, name=path.name, limits=limits.current(),
                          workdir=Path(workdir))
        tables = list(engine._guarded_tables(ctx, engine._file_tables))
        return sum(table.frame.height for table in tables)


def whole_check(path: Path) -> int:
    from radadata.checks.engine import check_file

    return len(check_file(path, name=path.name).findings)


def openpyxl_read(path: Path) -> int:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()


def cpu(function, path: Path) -> tuple[float, int]:
    best, result = float("inf"), 0
    for _ in range(3):
        started = time.process_time()
        result = function(path)
        best = min(best, time.process_time() - started)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    options = parser.parse_args()
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radadata.config.settings.test")
    import django

    django.setup()
    with tempfile.TemporaryDirectory(prefix="radadata-bench-xlsx-") as folder:
        xlsx, text = write(Path(folder), options.rows)
        ods = write_ods(Path(folder) / "заклади.ods", options.rows)
        excel = write_excel_style(Path(folder) / "заклади-excel.xlsx", options.rows)
        ours(text)  # imports and first-use costs out of the way
        csv_s, csv_rows = cpu(ours, text)
        xlsx_s, xlsx_rows = cpu(ours, xlsx)
        ods_s, ods_rows = cpu(ours, ods)
        csv_check, _ = cpu(whole_check, text)
        xlsx_check, _ = cpu(whole_check, xlsx)
        ods_check, _ = cpu(whole_check, ods)
        excel_check, _ = cpu(whole_check, excel)
        opx_s, opx_rows = cpu(openpyxl_read, xlsx)
    print(f"{options.rows} rows × {len(HEADER)} columns; CPU seconds, best of 3\n")
    print(f"{'work':38} {'seconds':>8} {'rows':>8}")
    print(f"{'RadaData reads the CSV':38} {csv_s:8.2f} {csv_rows:8d}")
    print(f"{'RadaData reads the XLSX (calamine)':38} {xlsx_s:8.2f} {xlsx_rows:8d}")
    print(f"{'RadaData reads the ODS (calamine)':38} {ods_s:8.2f} {ods_rows:8d}")
    print(f"{'openpyxl reads the XLSX (values only)':38} {opx_s:8.2f} {opx_rows - 1:8d}")
    print(f"{'RadaData checks the CSV (whole check)':38} {csv_check:8.2f}")
    print(f"{'RadaData checks the XLSX (whole check)':38} {xlsx_check:8.2f}")
    print(f"{'RadaData checks the ODS (whole check)':38} {ods_check:8.2f}")
    print(f"{'… the XLSX as Excel saves it':38} {excel_check:8.2f}")
    ratio = xlsx_check / csv_check if csv_check else float("inf")
    verdict = "ok" if ratio <= TARGET else "OVER"
    print(f"\nwhole check, XLSX / CSV: {ratio:.2f}x (target ≤ {TARGET:.0f}x: {verdict})")
    print(f"whole check, ODS / CSV: {ods_check / csv_check:.2f}x (no target); "
          f"XLSX as Excel saves it / CSV: {excel_check / csv_check:.2f}x")
    print(f"reading alone, XLSX / CSV: {xlsx_s / csv_s:.1f}x, ODS / CSV: {ods_s / csv_s:.1f}x; "
          f"openpyxl / RadaData reading the XLSX: {opx_s / xlsx_s:.1f}x")


if __name__ == "__main__":
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", line_buffering=True)
    main()
