"""«One file, every format»: one table (CSV, XLSX or JSON) read once and written as the other
formats, so the formats of a dataset never drift apart.

Pure functions over bytes; `workflow.format_copies` decides when to use them and stores the
results as versions. CSV comes out as UTF-8 without BOM, comma-separated; XLSX as one sheet
with a bold, frozen header row; JSON as an array of objects keyed by the header. A cell that
could run as a formula in a spreadsheet is neutralised in CSV and written as text in XLSX. When
the dataset's Table Schema says a column is an integer, a number or a boolean, JSON carries
those values as numbers and booleans.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from radadata.core.errors import ValidationFailed
from radadata.core.text import neutralise_formula
from radadata.registry.files import detect_encoding

#: The formats one table is published in; each is generated from any other.
TABLE_FORMATS = ("CSV", "XLSX", "JSON")
EXTENSIONS = {"CSV": "csv", "XLSX": "xlsx", "JSON": "json"}
_DELIMITERS = (",", ";", "\t")


class NotATable(ValidationFailed):
    code = "not_a_table"

    def __init__(self, message: str):
        super().__init__({"file": [message]}, code=self.code)


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[Any]]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _trimmed(header: list[Any], rows: list[list[Any]]) -> Table:
    names = [_text(cell).strip() for cell in header]
    while names and not names[-1]:
        names.pop()
    if len([n for n in names if n]) < 1:
        raise NotATable(_("The file has no header row: the first row must name the columns."))
    width = len(names)
    body = []
    for row in rows:
        cells = list(row[:width]) + [None] * (width - len(row))
        if any(_text(cell).strip() for cell in cells):
            body.append(cells)
    return Table(header=[n or f"column_{i + 1}" for i, n in enumerate(names)], rows=body)


def _delimiter(text: str) -> str:
    sample = text[: 64 * 1024].splitlines()[:30]
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        widths = [len(cells) for cells in csv.reader(sample, delimiter=delimiter) if cells]
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        score = (widths.count(common), common) if common > 1 else (0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(data: bytes) -> Table:
    encoding = detect_encoding(data[: 256 * 1024])
    try:
        text = data.decode(encoding if encoding not in ("", "unknown") else "utf-8")
    except (LookupError, UnicodeDecodeError) as error:
        raise NotATable(_("The text encoding of the file could not be recognised: convert it "
                          "to UTF-8 first.")) from error
    text = text.lstrip("\ufeff")
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=_delimiter(text)))
    except csv.Error as error:
        raise NotATable(_("The CSV file is damaged: %(error)s.") % {"error": error}) from error
    if not rows:
        raise NotATable(_("The file is empty."))
    return _trimmed(rows[0], rows[1:])


def read_xlsx(data: bytes) -> Table:
    # openpyxl (and numpy with it) is imported where it is used, not by every process that
    # imports this module at start-up.
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # a damaged zip or XML part: many exceptions, one meaning
        raise NotATable(_("The file is not a readable Excel workbook.")) from error
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()
        rows = [list(cells) for cells in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    while rows and not any(_text(c).strip() for c in rows[0]):
        rows.pop(0)
    if not rows:
        raise NotATable(_("The file is empty."))
    return _trimmed(rows[0], rows[1:])


def read_json(data: bytes) -> Table:
    try:
        items = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise NotATable(_("The file is not valid JSON in UTF-8.")) from error
    if isinstance(items, dict):  # {"data": [...]} or the like: the first list of objects
        items = next((v for v in items.values() if isinstance(v, list)), None)
    if not isinstance(items, list) or not items or not all(isinstance(i, dict) for i in items):
        raise NotATable(_("The JSON file is not a list of records of the same fields, so it "
                          "cannot be turned into a table."))
    header: list[str] = []
    for item in items:
        header += [key for key in item if key not in header]
    for item in items:
        if any(isinstance(item.get(key), dict | list) for key in header):
            raise NotATable(_("The JSON records hold nested values, which a table cannot "
                              "show."))
    return _trimmed(header, [[item.get(key) for key in header] for item in items])


READERS = {"CSV": read_csv, "XLSX": read_xlsx, "JSON": read_json}


def read_table(data: bytes, fmt: str) -> Table:
    reader = READERS.get(fmt.upper())
    if reader is None:
        raise NotATable(_("Only a CSV, XLSX or JSON table can be published in every format."))
    return reader(data)


# Writers ---------------------------------------------------------------------------------

def write_csv(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.header)
    for row in table.rows:
        writer.writerow([neutralise_formula(_text(cell)) for cell in row])
    return buffer.getvalue().encode("utf-8")


def _xlsx_value(sheet, value: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, int | float | Decimal | dt.date) and not isinstance(value, bool):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", _text(value))
    if text.startswith("="):
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"  # text, never a formula to run
        return cell
    return text


def write_xlsx(table: Table) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Дані")
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for name in table.header:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in table.rows:
        sheet.append([_xlsx_value(sheet, value) for value in row])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _typed(value: Any, kind: str) -> Any:
    """A cell as JSON: by the schema's type when it parses cleanly, else as text."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or (isinstance(value, int | float) and kind in
                                   ("integer", "number")):
        return int(value) if kind == "integer" and float(value).is_integer() else value
    text = _text(value).strip()
    if kind in ("integer", "number"):
        try:
            number = Decimal(text.replace("\u00a0", "").replace(" ", "").replace(",", "."))
        except InvalidOperation:
            return text
        if kind == "integer" and number == number.to_integral_value():
            return int(number)
        return float(number) if number.is_finite() else text
    if kind == "boolean":
        lowered = text.lower()
        if lowered in ("true", "так", "1", "yes"):
            return True
        if lowered in ("false", "ні", "0", "no"):
            return False
    if isinstance(value, int | float):
        return value
    return text


def write_json(table: Table, schema: dict | None = None) -> bytes:
    kinds = {f.get("name"): f.get("type", "string")
             for f in (schema or {}).get("fields", []) if isinstance(f, dict)}
    records = [{name: _typed(cell, kinds.get(name, "string"))
                for name, cell in zip(table.header, row, strict=True)} for row in table.rows]
    return (json.dumps(records, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def render(table: Table, fmt: str, schema: dict | None = None) -> bytes:
    fmt = fmt.upper()
    if fmt == "CSV":
        return write_csv(table)
    if fmt == "XLSX":
        return write_xlsx(table)
    if fmt == "JSON":
        return write_json(table, schema)
    raise ValueError(fmt)


def convert(data: bytes, source: str, target: str, schema: dict | None = None) -> bytes:
    """The same table as `data` (in format `source`), written in format `target`."""
    return render(read_table(data, source), target, schema)
