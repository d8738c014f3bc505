"""XLSX workbooks: every sheet with data is a table.

python-calamine (Rust) reads the values (those Excel saved for formulas): ten times less CPU
than openpyxl, whose read-only mode still parses every shared string and cell in Python; its
values become polars columns a kind at a time (readers/cells.py `text_frame`). What it does
not give — which cells are formulas, which are merged — a second, byte-level pass over each
sheet's XML finds: a regular expression over the unpacked stream, run only on the chunks
where a literal search finds a formula or a merged range. openpyxl is kept for writing
workbooks and for cell references.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

import polars as pl
from defusedxml import ElementTree

from radadata.checks import codes_file as codes
from radadata.checks.readers import cells, tabulate
from radadata.checks.readers.base import FileContext
from radadata.checks.readers.zip import within_limits
from radadata.checks.sniff import Sniffed
from radadata.checks.table import Table

_CELL_FORMULA = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d+)"[^>]*>\s*<(?:\w+:)?f\b[^>]*?(?:/>|>([^<]*)<)')
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"')
# What every formula and merged range holds, found with a literal prefix search (a few
# milliseconds per 10 MB of XML): the regular expressions above are run only on the chunks of
# XML that have one, so a sheet of plain values is not matched tag by tag.
_FORMULA_HINTS = (re.compile(rb"<f\b"), re.compile(rb":f\b"))
_MERGE_HINT = b"mergeCell"
_OVERLAP = 16 * 1024
_KEEP_FORMULAS = 100_000  # formula texts kept to stand in for values Excel did not save


@dataclass
class SheetXml:
    formulas: dict[int, list[tuple[int, str]]] = field(default_factory=dict)  # row → col, text
    kept: int = 0
    formula_count: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    first_formula: dict[int, tuple[int, str]] = field(default_factory=dict)  # col → row, text
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2


def read(ctx: FileContext, sniffed: Sniffed) -> Iterator[Table]:
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    with zipfile.ZipFile(ctx.path) as archive:
        if not within_limits(ctx, archive):
            return
        paths = _sheet_paths(archive)
    try:
        workbook = CalamineWorkbook.from_path(str(ctx.path))
        sheets = [m.name for m in workbook.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
    except Exception as error:  # a damaged part surfaces as any exception
        ctx.add(codes.FILE_UNREADABLE, format="XLSX", error=str(error) or type(error).__name__)
        return
    try:
        for number, name in enumerate(sheets):
            ctx.progress(number / max(len(sheets), 1))
            try:
                values = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
            except Exception as error:
                ctx.add(codes.FILE_UNREADABLE, format="XLSX",
                        error=str(error) or type(error).__name__)
                return
            scanned = _scan_xml(ctx.path, paths.get(name))
            table = _sheet_table(ctx, name, values, scanned)
            # The rows calamine gave (a Python object per cell) are not kept while the checks
            # run on the table: the memory, and the collector's walks through them.
            del values
            if table is not None:
                yield table
    finally:
        workbook.close()


def _sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each sheet's name → its XML part (xl/workbook.xml and its relationships), for the
    byte-level pass; a workbook that does not say gives an empty mapping."""
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError, ValueError):
        return {}
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    paths: dict[str, str] = {}
    for sheet in book.iter():
        if not sheet.tag.endswith("}sheet"):
            continue
        rel = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
        target = targets.get(rel, "")
        if target:
            paths[sheet.get("name", "")] = (target.lstrip("/") if target.startswith("/")
                                            else posixpath.normpath(f"xl/{target}"))
    return paths


def _sheet_table(ctx: FileContext, name: str, values: list[list], scanned: SheetXml
                 ) -> Table | None:
    part = ctx.part_of(name)
    # calamine gives an empty cell as "": no reader here tells it from a missing one, and
    # text_frame makes both None.
    raw = _with_formulas(cells.text_frame(values), scanned.formulas, len(values))
    built = tabulate.build(ctx, _trimmed(raw), part=part, empty_is_none=True)
    if built is None:
        return None
    table, index = built
    _merge_findings(ctx, scanned, header_row=index + 1, part=part)
    _formula_findings(ctx, table, scanned, header_row=index + 1)
    return table


def _with_formulas(raw: pl.DataFrame, formulas: dict[int, list[tuple[int, str]]],
                   height: int) -> pl.DataFrame:
    """A formula without the value Excel saves with it (files written by programs that do
    not calculate): the formula text is what the cell shows, where calamine found nothing."""
    by_column: dict[int, dict[int, str]] = defaultdict(dict)
    for row, found in formulas.items():
        if row <= height:
            for col, text in found:
                by_column[col - 1].setdefault(row - 1, "=" + text)
    if not by_column:
        return raw
    width = max(raw.width, max(by_column) + 1)
    raw = raw.with_columns(pl.lit(None, dtype=pl.String).alias(f"c{i}")
                           for i in range(raw.width, width))
    if raw.height < height:  # a sheet with nothing but formulas calamine has no value for
        raw = pl.concat([raw, pl.DataFrame({c: [None] * (height - raw.height) for c in raw.columns},
                                           schema=raw.schema)])
    changed = []
    for col, texts in by_column.items():
        column = raw[f"c{col}"]
        rows = pl.Series(list(texts), dtype=pl.UInt32)
        empty = column.gather(rows).is_null()
        changed.append(column.clone().scatter(rows.filter(empty),
                                              pl.Series(list(texts.values())).filter(empty)))
    return raw.with_columns(changed)


def _trimmed(raw: pl.DataFrame) -> pl.DataFrame:
    """Without the empty rows a formatted sheet carries below its data."""
    if raw.width == 0:
        return raw
    filled = raw.select(pl.any_horizontal(pl.all().is_not_null()).alias("f"))["f"]
    last = filled.arg_true()
    return raw.head(int(last[-1]) + 1) if len(last) else raw.head(0)


def cell_text(value) -> str | None:
    return cells.cell_text(value)  # Excel's date and time semantics live in readers/cells.py


def _scan_xml(file, path: str | None) -> SheetXml:
    scanned = SheetXml()
    if not path:
        return scanned
    with zipfile.ZipFile(file) as archive:
        try:
            return _scan_part(archive, path, scanned)
        except KeyError:  # the workbook names a part it does not hold
            return scanned


def _scan_part(archive: zipfile.ZipFile, path: str, scanned: SheetXml) -> SheetXml:
    buffer = b""
    with archive.open(path) as stream:
        while True:
            chunk = stream.read(1024 * 1024)
            buffer += chunk
            final = not chunk
            limit = len(buffer) if final else len(buffer) - _OVERLAP
            if any(hint.search(buffer) for hint in _FORMULA_HINTS):
                for match in _CELL_FORMULA.finditer(buffer, 0, len(buffer)):
                    if match.start() >= limit:
                        break
                    _formula(scanned, match)
            if _MERGE_HINT in buffer:
                for match in _MERGE.finditer(buffer):
                    if match.start() >= limit:
                        break
                    scanned.merges.append(_range(match))
            if final:
                break
            buffer = buffer[limit:]
    return scanned


def _formula(scanned: SheetXml, match: re.Match[bytes]) -> None:
    from openpyxl.utils.cell import column_index_from_string  # openpyxl: not at start-up

    col = column_index_from_string(match.group(1).decode())
    row = int(match.group(2))
    text = html.unescape((match.group(3) or b"").decode("utf-8", errors="replace"))
    scanned.formula_count[col] += 1
    if col not in scanned.first_formula:
        scanned.first_formula[col] = (row, text)
    if text and scanned.kept < _KEEP_FORMULAS:
        scanned.formulas.setdefault(row, []).append((col, text))
        scanned.kept += 1


def _range(match: re.Match[bytes]) -> tuple[int, int, int, int]:
    from openpyxl.utils.cell import column_index_from_string  # openpyxl: not at start-up

    c1 = column_index_from_string(match.group(1).decode())
    r1 = int(match.group(2))
    if match.group(3):
        return r1, c1, int(match.group(4)), column_index_from_string(match.group(3).decode())
    return r1, c1, r1, c1


def ref(r1: int, c1: int, r2: int, c2: int) -> str:
    from openpyxl.utils.cell import get_column_letter  # openpyxl: not at start-up

    start = f"{get_column_letter(c1)}{r1}"
    return start if (r1, c1) == (r2, c2) else f"{start}:{get_column_letter(c2)}{r2}"


def _merge_findings(ctx: FileContext, scanned: SheetXml, *, header_row: int, part: str) -> None:
    merges = sorted(scanned.merges)
    header = [m for m in merges if m[0] <= header_row <= m[2]]
    body = [m for m in merges if m[0] > header_row]
    if header:
        ctx.add(codes.MERGED_HEADER, part=part, row=header_row,
                cells=", ".join(ref(*m) for m in header[:10]))
    if body:
        ctx.add(codes.MERGED_CELLS, part=part, row=body[0][0], count=len(body),
                cells=ref(*body[0]))


def _formula_findings(ctx: FileContext, table: Table, scanned: SheetXml, *,
                      header_row: int) -> None:
    for col, count in sorted(scanned.formula_count.items()):
        row, text = scanned.first_formula[col]
        if row <= header_row or col > len(table.header):
            continue
        shown = tabulate.masked_formula("=" + text if text else "=…")
        ctx.add(codes.FORMULA_CELL, part=table.part, row=row,
                column=table.header[col - 1], count=count, excerpt=shown, formula=shown)
