"""ODS workbooks (LibreOffice, OpenOffice): read by python-calamine (Rust) when it reads the
sheets as the streaming reader does (readers/ods_scan.py says when: no formulas, no merged
cells, values it would not reformat — what LibreOffice writes for plain data; a 100,000-row
sheet in a fifth of the streaming reader's CPU), else content.xml streamed with lxml's
iterparse, which also finds the formulas and merged cells.

Each cell's value is the machine-readable one (office:value, office:date-value) where the
cell has a type, else its text. LibreOffice writes the empty rest of a sheet as one row
"repeated" a million times; repeats are expanded only when data follows them, and never past
the size a spreadsheet can have, so a repeat count cannot blow up memory.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

import polars as pl
from lxml import etree

from radadata.checks import codes_file as codes
from radadata.checks.readers import cells, ods_scan, tabulate
from radadata.checks.readers.base import FileContext
from radadata.checks.readers.xlsx import ref
from radadata.checks.readers.zip import within_limits
from radadata.checks.sniff import Sniffed
from radadata.checks.table import Table

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
T_TABLE, T_ROW = f"{{{_TABLE}}}table", f"{{{_TABLE}}}table-row"
T_CELL, T_COVERED = f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell"
MAX_ROWS = 1_048_576  # the most rows a sheet of LibreOffice or Excel has
_FIRST_FORMULAS = 20
_VALUE_ATTRIBUTE = {
    "float": "value", "percentage": "value", "currency": "value", "date": "date-value",
    "time": "time-value", "boolean": "boolean-value",
}


@dataclass
class _Sheet:
    name: str
    rows: list[list[str | None]] = field(default_factory=list)
    frame: pl.DataFrame | None = None  # read by calamine: the raw frame, no merges or formulas
    pending_rows: int = 0  # empty rows not yet known to be followed by data
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    # column → how many formulas, and the first few (row, formula): enough to report them
    formulas: dict[int, tuple[int, list[tuple[int, str]]]] = field(default_factory=dict)
    # The row being read.
    cells: list[str | None] = field(default_factory=list)
    pending_cells: int = 0


def read(ctx: FileContext, sniffed: Sniffed) -> Iterator[Table]:
    try:
        archive = zipfile.ZipFile(ctx.path)
        with archive:
            if not within_limits(ctx, archive):
                return
            sheets = _calamine_sheets(ctx, archive)
            if sheets is None:
                with archive.open("content.xml") as content:
                    sheets = list(_sheets(content, ctx.limits.max_columns))
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, etree.XMLSyntaxError) as error:
        ctx.add(codes.FILE_UNREADABLE, format="ODS", error=str(error) or type(error).__name__)
        return
    for sheet in sheets:
        part = ctx.part_of(sheet.name)
        raw = sheet.frame if sheet.frame is not None else tabulate.raw_frame(sheet.rows)
        built = tabulate.build(ctx, raw, part=part, empty_is_none=sheet.frame is not None)
        if built is None:
            continue
        table, index = built
        _findings(ctx, table, sheet, header_row=index + 1, part=part)
        yield table


def _calamine_sheets(ctx: FileContext, archive: zipfile.ZipFile) -> list[_Sheet] | None:
    """The sheets as python-calamine (Rust) reads them, when it reads them as the streaming
    reader below would (`ods_scan.calamine_reads_alike`); None: read them with that reader."""
    if not ods_scan.calamine_reads_alike(archive):
        return None
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(ctx.path))
    except Exception:  # what calamine refuses, the streaming reader reads or says why not
        return None
    try:
        return [_Sheet(name, frame=_trimmed(cells.text_frame(
                    workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)),
                    ctx.limits.max_columns))
                for name in workbook.sheet_names]
    except Exception:
        return None
    finally:
        workbook.close()


def _trimmed(raw: pl.DataFrame, max_columns: int) -> pl.DataFrame:
    """The frame the streaming reader builds: no more than `max_columns` columns, none after
    the last value of any row, no empty rows after the last one with a value."""
    raw = raw.select(raw.columns[:max_columns])
    if raw.width == 0:
        return raw
    counts = raw.select(pl.all().is_not_null().sum()).row(0)
    filled = [i for i, count in enumerate(counts) if count]
    if not filled:
        return pl.DataFrame()
    raw = raw.select(raw.columns[: filled[-1] + 1])
    rows = raw.select(pl.any_horizontal(pl.all().is_not_null()).alias("f"))["f"].arg_true()
    return raw.head(int(rows[-1]) + 1)


def _sheets(content, max_columns: int) -> Iterator[_Sheet]:
    sheet: _Sheet | None = None
    parser = etree.iterparse(content, events=("start", "end"), resolve_entities=False,
                             no_network=True, load_dtd=False, huge_tree=True)
    for event, element in parser:
        tag = element.tag
        if event == "start":
            if tag == T_TABLE:
                sheet = _Sheet(element.get(f"{{{_TABLE}}}name", ""))
            continue
        if sheet is None:
            continue
        if tag in (T_CELL, T_COVERED):
            _cell(sheet, element, max_columns)
            element.clear()
        elif tag == T_ROW:
            _row(sheet, element)
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
        elif tag == T_TABLE:
            yield sheet
            sheet = None
            element.clear()


def _repeat(element, name: str, limit: int) -> int:
    try:
        return max(1, min(int(element.get(f"{{{_TABLE}}}{name}", "1")), limit))
    except ValueError:
        return 1


def _cell(sheet: _Sheet, element, max_columns: int) -> None:
    value = _value(element)
    repeat = _repeat(element, "number-columns-repeated", max_columns)
    if value is None:
        sheet.pending_cells += repeat
        return
    if len(sheet.cells) + sheet.pending_cells >= max_columns:
        return
    sheet.cells.extend([None] * sheet.pending_cells)
    sheet.pending_cells = 0
    column = len(sheet.cells) + 1
    row = len(sheet.rows) + sheet.pending_rows + 1
    spans = (_repeat(element, "number-rows-spanned", MAX_ROWS),
             _repeat(element, "number-columns-spanned", max_columns))
    if spans != (1, 1):
        sheet.merges.append((row, column, row + spans[0] - 1, column + spans[1] - 1))
    formula = element.get(f"{{{_TABLE}}}formula")
    if formula:
        count, first = sheet.formulas.get(column, (0, []))
        if len(first) < _FIRST_FORMULAS:
            first.append((row, formula.removeprefix("of:")))
        sheet.formulas[column] = (count + 1, first)
    sheet.cells.extend([value] * min(repeat, max_columns - len(sheet.cells)))


def _row(sheet: _Sheet, element) -> None:
    repeat = _repeat(element, "number-rows-repeated", MAX_ROWS)
    cells, sheet.cells, sheet.pending_cells = sheet.cells, [], 0
    if not cells:
        sheet.pending_rows += repeat
        return
    room = MAX_ROWS - len(sheet.rows)
    sheet.rows.extend([[None]] * min(sheet.pending_rows, room))
    sheet.pending_rows = 0
    for _ in range(min(repeat, MAX_ROWS - len(sheet.rows))):
        sheet.rows.append(cells)


def _value(element) -> str | None:
    kind = element.get(f"{{{_OFFICE}}}value-type")
    attribute = _VALUE_ATTRIBUTE.get(kind or "")
    if attribute:
        value = element.get(f"{{{_OFFICE}}}{attribute}")
        if value is not None:
            return cells.ods_text(kind, value) if kind in ("date", "time") else value
    text = "\n".join(_text(p) for p in element.iterchildren(f"{{{_TEXT}}}p", f"{{{_TEXT}}}h"))
    if not text and element.get(f"{{{_TABLE}}}formula"):
        return "=" + element.get(f"{{{_TABLE}}}formula").removeprefix("of:")
    return text or None


def _text(element) -> str:
    """A paragraph's text with ODF's encoded spaces, tabs and line breaks restored."""
    parts = [element.text or ""]
    for child in element:
        name = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if name == "s":
            parts.append(" " * int(child.get(f"{{{_TEXT}}}c", "1")))
        elif name == "tab":
            parts.append("\t")
        elif name == "line-break":
            parts.append("\n")
        elif name != "annotation":
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _findings(ctx: FileContext, table: Table, sheet: _Sheet, *, header_row: int,
              part: str) -> None:
    merges = sorted(sheet.merges)
    header = [m for m in merges if m[0] <= header_row <= m[2]]
    body = [m for m in merges if m[0] > header_row]
    if header:
        ctx.add(codes.MERGED_HEADER, part=part, row=header_row,
                cells=", ".join(ref(*m) for m in header[:10]))
    if body:
        ctx.add(codes.MERGED_CELLS, part=part, row=body[0][0], count=len(body),
                cells=ref(*body[0]))
    for column, (count, first) in sorted(sheet.formulas.items()):
        data = [(row, text) for row, text in first if row > header_row]
        if not data or column > len(table.header):
            continue
        shown = tabulate.masked_formula(data[0][1])
        ctx.add(codes.FORMULA_CELL, part=part, row=data[0][0], column=table.header[column - 1],
                count=count - (len(first) - len(data)), excerpt=shown, formula=shown)
