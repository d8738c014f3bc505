"""Reading the clerk's list: an Excel workbook (.xlsx) or a CSV file, whatever its encoding and
delimiter, into a header and numbered rows.

Rows are numbered as Excel shows them (the first row of the sheet or file is 1), so a message
"row 7" points at the row the clerk sees. A title row above the header and the second header
row of Ukrainian titles that official templates carry are recognised and skipped.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from django.utils.translation import gettext as _

from radadata.core.errors import ValidationFailed
from radadata.registry.files import detect_encoding

from .columns import IGNORE, field_for_header

MAX_ROWS = 100_000
_HEADER_SEARCH = 15  # rows searched for the header below title rows
_DELIMITERS = (",", ";", "\t")


class UnreadableFile(ValidationFailed):
    """The file cannot be read as a table; the message says how to save it so it can be."""

    code = "unreadable_file"

    def __init__(self, message: str):
        super().__init__({"file": [message]})


@dataclass(frozen=True)
class SourceRow:
    number: int
    cells: tuple[Any, ...]

    def cell(self, index: int) -> Any:
        return self.cells[index] if index < len(self.cells) else None


@dataclass
class Table:
    filename: str
    kind: str  # "csv" or "xlsx"
    header: list[str]
    header_row: int
    rows: list[SourceRow] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    titles_row: int | None = None  # the skipped row of Ukrainian titles, if any


def _is_empty(cells: Sequence[Any]) -> bool:
    return all(cell is None or str(cell).strip() == "" for cell in cells)


def _recognised(cells: Sequence[Any]) -> list[str | None]:
    return [field_for_header(str(cell)) if cell is not None else None for cell in cells]


def _count_fields(cells: Sequence[Any]) -> int:
    return len({key for key in _recognised(cells) if key and key != IGNORE})


def _header_index(rows: list[tuple[int, tuple]]) -> int:
    """The first row naming at least two registry fields; else the first non-empty row."""
    for index, (_number, cells) in enumerate(rows[:_HEADER_SEARCH]):
        if _count_fields(cells) >= 2:
            return index
    for index, (_number, cells) in enumerate(rows):
        if not _is_empty(cells):
            return index
    raise UnreadableFile(_("The file has no rows. Put the column names in the first row and "
                           "one dataset in each row below."))


def _is_titles_row(header: Sequence[Any], cells: Sequence[Any]) -> bool:
    """The official templates' second header row: the same fields again, in Ukrainian."""
    expected = _recognised(header)
    got = _recognised(cells)
    same = sum(1 for a, b in zip(expected, got, strict=False) if a and a != IGNORE and a == b)
    filled = sum(1 for cell in cells if cell is not None and str(cell).strip())
    return same >= 2 and same * 2 >= filled


def _table(raw: list[tuple[int, tuple]], **facts) -> Table:
    if len(raw) > MAX_ROWS:
        raise UnreadableFile(_("The file has more than %(max)d rows. Split it into smaller "
                               "files and import them one by one.") % {"max": MAX_ROWS})
    start = _header_index(raw)
    number, header_cells = raw[start]
    header = [str(cell).strip() if cell is not None else "" for cell in header_cells]
    while header and not header[-1]:
        header.pop()
    table = Table(header=header, header_row=number, **facts)
    body = raw[start + 1:]
    first = next((i for i, (_n, cells) in enumerate(body) if not _is_empty(cells)), None)
    if first is not None and _is_titles_row(header, body[first][1]):
        table.titles_row = body[first][0]
        body = body[first + 1:]
    table.rows = [SourceRow(n, tuple(cells)) for n, cells in body if not _is_empty(cells)]
    if not table.rows:
        raise UnreadableFile(_("The file has a header but no rows of datasets. Put one dataset "
                               "in each row below the header."))
    return table


# CSV --------------------------------------------------------------------------------------

def _decode(data: bytes) -> tuple[str, str]:
    encoding = detect_encoding(data[: 256 * 1024])
    for candidate in (encoding, detect_encoding(data)):
        if candidate in ("", "unknown"):
            continue
        try:
            return data.decode(candidate), candidate
        except (LookupError, UnicodeDecodeError):
            continue
    raise UnreadableFile(_("The text encoding of the file could not be recognised. Save it "
                           "as “CSV UTF-8” (or as .xlsx) and upload it again."))


def _delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most rows of equal width (>1)."""
    sample = text[: 64 * 1024]
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        widths: dict[int, int] = {}
        try:
            for index, cells in enumerate(csv.reader(io.StringIO(sample), delimiter=delimiter)):
                if index >= 30:
                    break
                if cells:
                    widths[len(cells)] = widths.get(len(cells), 0) + 1
        except csv.Error:
            continue
        width, count = max(widths.items(), key=lambda item: (item[1], item[0]),
                           default=(0, 0))
        score = (count, width) if width > 1 else (0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(data: bytes, filename: str) -> Table:
    text, encoding = _decode(data)
    text = text.lstrip("\ufeff")
    delimiter = _delimiter(text)
    try:
        raw = [(number, tuple(cells)) for number, cells in
               enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1)]
    except csv.Error as error:
        raise UnreadableFile(_("The CSV file is damaged (%(error)s). Open it in Excel or "
                               "LibreOffice, save it again and upload it.")
                             % {"error": error}) from error
    return _table(raw, filename=filename, kind="csv", encoding=encoding, delimiter=delimiter)


# XLSX -------------------------------------------------------------------------------------

def _broken() -> UnreadableFile:
    return UnreadableFile(_("The file is not a readable Excel workbook; save it again as .xlsx "
                            "or CSV and upload it."))


def read_xlsx(data: bytes, filename: str) -> Table:
    from openpyxl import load_workbook  # openpyxl is heavy for every command's start

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:
        # A damaged zip or XML part surfaces as many different exceptions; all mean the same.
        raise _broken() from error
    try:
        sheets = workbook.worksheets
        if not sheets:
            raise _broken()
        chosen = sheets[0]
        for sheet in sheets:
            head = list(sheet.iter_rows(max_row=_HEADER_SEARCH, values_only=True))
            if any(_count_fields(cells) >= 2 for cells in head):
                chosen = sheet
                break
        # Some programs write a wrong sheet size; reading it would cut the table short.
        chosen.reset_dimensions()
        raw = [(number, tuple(cells)) for number, cells in
               enumerate(chosen.iter_rows(values_only=True), start=1)]
    except UnreadableFile:
        raise
    except Exception as error:
        raise _broken() from error
    finally:
        workbook.close()
    return _table(raw, filename=filename, kind="xlsx", sheet=chosen.title)


_OLD_FORMATS = (b"\xd0\xcf\x11\xe0",)  # .xls (OLE2)


def read_table(data: bytes, filename: str) -> Table:
    """The table of an uploaded or given file, or UnreadableFile saying how to fix it."""
    if not data:
        raise UnreadableFile(_("The file is empty. Choose the file with the list of datasets."))
    extension = PurePath(filename).suffix.lower().lstrip(".")
    if data.startswith(_OLD_FORMATS) or extension in {"xls", "ods"}:
        raise UnreadableFile(_("This is an old Excel (.xls) or an OpenDocument workbook. Save "
                               "it as .xlsx or CSV and upload it again."))
    if data.startswith(b"PK\x03\x04") or extension in {"xlsx", "xlsm"}:
        return read_xlsx(data, filename)
    return read_csv(data, filename)
