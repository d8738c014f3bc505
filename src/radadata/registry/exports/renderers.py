"""CSV, JSON and XLSX renderings of registry rows.

CSV and JSON come out as chunks of text so a large registry streams to the client without being
held in memory; XLSX is a zip and is built whole (openpyxl's write-only mode keeps that lean).
CSV is UTF-8 without BOM, comma-separated, RFC 4180 line ends; `null` cells are the literal
`null` in CSV and XLSX and JSON null.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from radadata.core.text import neutralise_formula

from .rows import Row

if TYPE_CHECKING:
    from openpyxl.cell import WriteOnlyCell

FORMATS = ("csv", "json", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
NULL = "null"
_BATCH = 500


def _batches(rows: Iterable[Row]) -> Iterator[list[Row]]:
    batch: list[Row] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def csv_chunks(header: list[str], rows: Iterable[Row]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for batch in _batches(rows):
        # A title starting with "=" must not run as a formula when the file is opened in Excel.
        writer.writerows([[NULL if cell is None else neutralise_formula(cell)
                           if isinstance(cell, str) else cell for cell in row] for row in batch])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def json_chunks(header: list[str], rows: Iterable[Row]) -> Iterator[str]:
    """A JSON array of objects with exactly the header's keys, in its order."""
    yield "["
    separator = "\n"
    for batch in _batches(rows):
        parts = []
        for row in batch:
            parts.append(separator + json.dumps(dict(zip(header, row, strict=True)),
                                                ensure_ascii=False))
            separator = ",\n"
        yield "".join(parts)
    yield "\n]\n"


def _xlsx_cell(sheet, value: str | None, illegal: re.Pattern[str]) -> WriteOnlyCell | str:
    text = NULL if value is None else illegal.sub("", value)
    if text.startswith("="):
        from openpyxl.cell import WriteOnlyCell

        # openpyxl would store it as a formula; a title is text, never something to run.
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"
        return cell
    return text


def xlsx_bytes(header: list[str], rows: Iterable[Row], *, sheet_title: str = "Реєстр") -> bytes:
    # openpyxl is heavy for every command's start: imported when a workbook is made.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title)
    for index in range(1, len(header) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 40 if index <= 3 else 24
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value, ILLEGAL_CHARACTERS_RE) for value in row])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def rendered(fmt: str, header: list[str], rows: Iterable[Row]) -> Iterator[bytes]:
    """The whole file as chunks of bytes, in any of FORMATS."""
    if fmt == "xlsx":
        yield xlsx_bytes(header, rows)
        return
    chunks = csv_chunks if fmt == "csv" else json_chunks
    for chunk in chunks(header, rows):
        if chunk:
            yield chunk.encode("utf-8")
