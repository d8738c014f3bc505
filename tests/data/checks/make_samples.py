"""Writes the sample files of the file and format checks (tests/checks/test_readers*.py,
test_engine.py, test_check_command.py).

Run from the repository root: `.venv/bin/python tests/data/checks/make_samples.py`. The files
are committed; this script records how they were made — as Excel and LibreOffice write them,
and as they arrive broken.
"""

from __future__ import annotations

import csv
import io
import random
import zipfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent

HEADER = ["Код ЄДРПОУ", "Назва закладу", "Адреса", "Кількість учнів", "Бюджет, грн", "Дата"]
ROWS = [
    ["02142566", "Ліцей № 1", "вул. Соборна, 12", "845", "12500000,50", "01.09.2024"],
    ["02142572", "Гімназія «Світанок»", "просп. Незалежності, 3", "412", "7300000", "01.09.2024"],
    ["02142589", "Початкова школа № 4", "вул. Шевченка, 40", "198", "3150000,75", "02.09.2024"],
    ["02142595", "Ліцей імені Івана Франка", "вул. Грушевського, 7", "903", "13800000",
     "02.09.2024"],
]


def _csv_text(rows: list[list[str]], delimiter: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def excel_windows_1251() -> None:
    """Excel in the Ukrainian locale, "CSV (розділювачі – коми)": Windows-1251, semicolons,
    CRLF, decimal commas."""
    text = _csv_text([HEADER, *ROWS], ";")
    (HERE / "excel-windows-1251.csv").write_bytes(text.encode("cp1251"))


def windows_1251_ascii_start() -> None:
    """3,000 rows of pure ASCII (more than the first 64 KB), then Cyrillic rows in
    Windows-1251: a start-of-file sniff calls it UTF-8."""
    rows = [["id", "code", "amount", "note"]]
    rows += [[str(i), f"{40000000 + i:08d}", f"{i * 17 % 100000}.{i % 100:02d}", "ok"]
             for i in range(1, 3001)]
    rows += [[str(i), f"{40000000 + i:08d}", "100.00", "Примітка до рядка"]
             for i in range(3001, 3006)]
    (HERE / "windows-1251-ascii-start.csv").write_bytes(_csv_text(rows, ";").encode("cp1251"))


def excel_unicode_text() -> None:
    """Excel's "Unicode text (*.txt)": UTF-16 little-endian with a BOM, tabs, CRLF."""
    text = _csv_text([HEADER, *ROWS], "\t")
    (HERE / "excel-unicode-text.txt").write_bytes(text.encode("utf-16"))


def excel_csv_utf8() -> None:
    """Excel's "CSV UTF-8 (comma delimited)": UTF-8 with a BOM, commas, CRLF."""
    text = _csv_text([HEADER, *ROWS], ",")
    (HERE / "excel-csv-utf8.csv").write_bytes(text.encode("utf-8-sig"))


def merged_header_xlsx() -> None:
    """A two-row header as clerks draw it: "Адреса" merged over "Вулиця" and "Будинок",
    "№" and "Назва" merged down over both header rows; a title row above."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Заклади"
    sheet.append(["Перелік закладів освіти станом на 01.09.2024"])
    sheet.merge_cells("A1:D1")
    sheet.append(["№", "Назва", "Адреса", None])
    sheet.append([None, None, "Вулиця", "Будинок"])
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("B2:B3")
    sheet.merge_cells("C2:D2")
    sheet.append([1, "Ліцей № 1", "вул. Соборна", "12"])
    sheet.append([2, "Гімназія «Світанок»", "просп. Незалежності", "3"])
    book.save(HERE / "merged-header.xlsx")


def formulas_xlsx() -> bytes:
    """Formulas as a clerk leaves them: links and sums (openpyxl saves no cached values)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Дані"
    sheet.append(["Назва", "Сайт", "Учнів", "Разом"])
    sheet.append(["Ліцей № 1", '=HYPERLINK("https://lyceum1.example.ua","сайт")', 845, "=C2"])
    sheet.append(["Гімназія", '=HYPERLINK("https://gym.example.ua","сайт")', 412, "=C3"])
    sheet.append(["Разом", None, "=SUM(C2:C3)", None])
    buffer = io.BytesIO()
    book.save(buffer)
    (HERE / "formulas.xlsx").write_bytes(buffer.getvalue())
    return buffer.getvalue()


ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content
  xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
 <office:body><office:spreadsheet>
  <table:table table:name="Заклади">
   <table:table-column table:number-columns-repeated="16384"/>
   <table:table-row>
    <table:table-cell office:value-type="string"><text:p>Код ЄДРПОУ</text:p></table:table-cell>
    <table:table-cell office:value-type="string"><text:p>Назва</text:p></table:table-cell>
    <table:table-cell office:value-type="string"><text:p>Учнів</text:p></table:table-cell>
    <table:table-cell office:value-type="string"><text:p>Дата</text:p></table:table-cell>
    <table:table-cell office:value-type="string"><text:p>Сайт</text:p></table:table-cell>
    <table:table-cell table:number-columns-repeated="16379"/>
   </table:table-row>
   <table:table-row>
    <table:table-cell office:value-type="string"><text:p>02142566</text:p></table:table-cell>
    <table:table-cell office:value-type="string"
      ><text:p>Ліцей<text:s text:c="2"/>№ 1</text:p></table:table-cell>
    <table:table-cell office:value-type="float" office:value="845"
      ><text:p>845</text:p></table:table-cell>
    <table:table-cell office:value-type="date" office:date-value="2024-09-01"
      ><text:p>01.09.24</text:p></table:table-cell>
    <table:table-cell table:formula="of:=HYPERLINK(&quot;https://lyceum1.example.ua&quot;)"
      office:value-type="string" office:string-value="https://lyceum1.example.ua"
      ><text:p>https://lyceum1.example.ua</text:p></table:table-cell>
    <table:table-cell table:number-columns-repeated="16379"/>
   </table:table-row>
   <table:table-row table:number-rows-repeated="2">
    <table:table-cell table:number-columns-repeated="16384"/>
   </table:table-row>
   <table:table-row>
    <table:table-cell office:value-type="string"><text:p>02142572</text:p></table:table-cell>
    <table:table-cell office:value-type="string"
      ><text:p>Гімназія</text:p><text:p>«Світанок»</text:p></table:table-cell>
    <table:table-cell office:value-type="float" office:value="412.5"
      ><text:p>412,5</text:p></table:table-cell>
    <table:table-cell office:value-type="date" office:date-value="2024-09-02T00:00:00"
      ><text:p>02.09.24</text:p></table:table-cell>
    <table:table-cell table:number-columns-repeated="16380"/>
   </table:table-row>
   <table:table-row table:number-rows-repeated="1048571">
    <table:table-cell table:number-columns-repeated="16384"/>
   </table:table-row>
  </table:table>
  <table:table table:name="Порожній">
   <table:table-row table:number-rows-repeated="1048576">
    <table:table-cell table:number-columns-repeated="16384"/>
   </table:table-row>
  </table:table>
 </office:spreadsheet></office:body>
</office:document-content>
"""
ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
  manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/"
   manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""


def ods() -> None:
    """As LibreOffice writes a sheet: the mimetype first and stored, the rest of the sheet as
    rows and cells "repeated" a million times, a second empty sheet."""
    with zipfile.ZipFile(HERE / "table.ods", "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"),
                         "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", ODS_CONTENT, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST,
                         compress_type=zipfile.ZIP_DEFLATED)


def broken(workbook: bytes) -> None:
    (HERE / "empty.csv").write_bytes(b"")
    (HERE / "binary-renamed.csv").write_bytes(random.Random(4).randbytes(3000))
    (HERE / "xlsx-renamed.csv").write_bytes(workbook)
    (HERE / "truncated.xlsx").write_bytes(workbook[: len(workbook) * 6 // 10])


def zip_bomb() -> None:
    """A zip bomb made small: 12 MB of one repeated line packs into about 12 KB."""
    with zipfile.ZipFile(HERE / "zip-bomb.zip", "w", zipfile.ZIP_DEFLATED,
                         compresslevel=9) as archive:
        archive.writestr("data.csv", b"0;0;0;0;0;0;0\n" * (12 * 1024 * 1024 // 14))


def nested_zip() -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("inner.csv", "a,b\n1,2\n")
    with zipfile.ZipFile(HERE / "nested.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.csv", _csv_text([HEADER, *ROWS], ","))
        archive.writestr("archive/inner.zip", inner.getvalue())
        archive.writestr("__MACOSX/._data.csv", b"\x00\x05\x16\x07")


def mixed_encodings() -> None:
    """Two exports pasted together: UTF-8 rows, then rows saved in Windows-1251."""
    first = _csv_text([["id", "назва"], ["1", "Ліцей № 1"], ["2", "Гімназія"]], ";")
    second = _csv_text([["3", "Початкова школа"], ["4", "Ліцей імені Франка"]], ";")
    (HERE / "mixed-encodings.csv").write_bytes(first.encode() + second.encode("cp1251"))


def ragged_and_headers() -> None:
    (HERE / "ragged.csv").write_text(
        "id,назва,учнів\n1,Ліцей № 1,845\n2,Гімназія\n3,Школа,198,зайве\n\n4,\"Ліцей, № 2\",90\n",
        encoding="utf-8")
    (HERE / "headers.csv").write_text(
        "id;назва;;Назва;учнів\n1;Ліцей;;Ліцей № 1;845\n2;Гімназія;;Гімназія;412\n",
        encoding="utf-8")
    rows = [["назва", "сайт", "учнів"],
            ["Ліцей № 1", '=HYPERLINK("https://lyceum1.example.ua";"сайт")', "845"],
            ["Гімназія", "https://gym.example.ua", "=1+2"],
            ["Школа", "+380441234567", "-5"]]
    (HERE / "formulas.csv").write_text(_csv_text(rows, ";"), encoding="utf-8")


if __name__ == "__main__":
    excel_windows_1251()
    windows_1251_ascii_start()
    excel_unicode_text()
    excel_csv_utf8()
    merged_header_xlsx()
    broken(formulas_xlsx())
    ods()
    zip_bomb()
    nested_zip()
    mixed_encodings()
    ragged_and_headers()
