"""From the rows a reader found to the `Table` every check sees: where the header is, which
columns it names, what is wrong with it.

A reader hands over a raw frame: one pl.String column per position, frame row 0 = the first
row of the file or sheet. Leading empty rows and title rows ("Перелік … станом на …" above the
column names, as clerks write them) are skipped with a warning; the header is the first row
after them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np
import polars as pl

from radadata.checks import codes_file as codes
from radadata.checks.readers.base import FileContext, excerpt
from radadata.checks.table import Table

BATCH_ROWS = 50_000
_TITLE_SEARCH = 6  # rows looked at for titles above the header
# A cell a spreadsheet would run as a formula: "=…", or "+", "-", "@" before a letter or a
# bracket (not "+380…", not "-5").
FORMULA = r"^\s*(?:=|[+\-@]\s*[A-Za-z(])"
_NUMBER = re.compile(r"^[+-]?[\d\s.,]+$")


def raw_frame(rows: Iterable[Sequence[str | None]]) -> pl.DataFrame:
    """A positional frame from Python rows, built in batches so a big sheet is never a list of
    a million tuples."""
    frames: list[pl.DataFrame] = []
    batch: list[Sequence[str | None]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH_ROWS:
            frames.append(_batch_frame(batch))
            batch = []
    if batch or not frames:
        frames.append(_batch_frame(batch))
    return pl.concat(frames, how="diagonal") if len(frames) > 1 else frames[0]


def _batch_frame(batch: list[Sequence[str | None]]) -> pl.DataFrame:
    width = max((len(row) for row in batch), default=0)
    columns = {f"c{i}": [row[i] if i < len(row) else None for row in batch]
               for i in range(width)}
    return pl.DataFrame(columns, schema={name: pl.String for name in columns})


def _filled(row: Sequence[str | None]) -> list[int]:
    return [i for i, cell in enumerate(row) if cell is not None and str(cell).strip()]


def header_index(head: list[tuple]) -> tuple[int, int]:
    """(the first non-empty row, the header row) among the first rows of a raw frame.

    Rows with a single value in the first column are titles when the row after them looks
    like column names: several values, no gaps, none of them a number.
    """
    first = next((i for i, row in enumerate(head) if _filled(row)), 0)
    index = first
    while index < len(head) and index - first < _TITLE_SEARCH and _filled(head[index]) in ([0], []):
        index += 1
    if index == first or index >= len(head):
        return first, first
    row = head[index]
    names = _filled(row)
    if len(names) >= 2 and names == list(range(len(names))) and \
            not any(_NUMBER.match(str(row[i]).strip()) for i in names):
        return first, index
    return first, first


def build(ctx: FileContext, raw: pl.DataFrame, *, part: str | None = None,
          widths: np.ndarray | None = None,
          empty_is_none: bool = False) -> tuple[Table, int] | None:
    """The table and the index of its header in `raw`; None when nothing is in it.

    `widths` are the fields of each record when the reader knows them (CSV): the header has
    as many columns as its record has fields. Spreadsheet rows end at their last value, so
    there the widest row counts. `empty_is_none`: the reader already made empty cells None
    (spares a pass over a big frame).
    """
    if raw.height == 0 or raw.width == 0:
        return None
    part = ctx.part if part is None else part
    head = raw.head(_TITLE_SEARCH * 2 + 2).rows()
    first, index = header_index(head)
    if not _filled(head[first]) and raw.height <= len(head):
        return None
    if index > first:
        ctx.add(codes.TITLE_ROWS, part=part, row=first + 1, count=index - first,
                header_row=index + 1)
    header_cells = list(raw.row(index))
    width = int(widths[index]) if widths is not None and index < len(widths) else raw.width
    if width > ctx.limits.max_columns:
        ctx.add(codes.TOO_MANY_COLUMNS, part=part, count=width, limit=ctx.limits.max_columns)
        width = ctx.limits.max_columns
    width = min(width, raw.width)
    body = raw.slice(index + 1).select(raw.columns[:width])
    header = [str(cell).strip() if cell is not None else "" for cell in header_cells[:width]]
    header += [""] * (width - len(header))
    # Columns with neither a name nor a value are the spreadsheet's formatting, not data.
    while header and not header[-1] and body[body.columns[-1]].null_count() == body.height:
        header.pop()
        body = body.drop(body.columns[-1])
    names = unique_names(header)
    body = body.rename(dict(zip(body.columns, names, strict=True)))
    if not empty_is_none:
        body = body.with_columns(pl.all().replace("", None))
    _header_findings(ctx, header, part, row=index + 1)
    return Table(frame=body, header=header, part=part, first_row=index + 2), index


def unique_names(header: list[str]) -> list[str]:
    seen: set[str] = set()
    names = []
    for position, label in enumerate(header, start=1):
        base = label or f"column_{position}"
        name, n = base, 2
        while name in seen:
            name, n = f"{base}_{n}", n + 1
        seen.add(name)
        names.append(name)
    return names


def _header_findings(ctx: FileContext, header: list[str], part: str, *, row: int) -> None:
    first_of: dict[str, int] = {}
    for position, label in enumerate(header, start=1):
        if not label:
            ctx.add(codes.HEADER_EMPTY, part=part, row=row, position=position)
        elif label.casefold() in first_of:
            ctx.add(codes.HEADER_DUPLICATE, part=part, row=row, column=label,
                    position=position, first=first_of[label.casefold()])
        else:
            first_of[label.casefold()] = position


def formula_findings(ctx: FileContext, table: Table) -> None:
    """Cells of a text table that a spreadsheet would execute (=HYPERLINK(…), =cmd|…)."""
    flags = table.frame.select(pl.all().str.contains(FORMULA).fill_null(False))
    counts = flags.sum().row(0)
    for column, count in zip(table.columns, counts, strict=True):
        if not count:
            continue
        index = flags[column].arg_max() or 0
        shown = masked_formula(table.frame[column][index])
        ctx.add(codes.FORMULA_CELL, part=table.part, row=table.file_row(index),
                column=table.header_of(column), count=int(count), excerpt=shown,
                formula=shown)


def masked_formula(value: str | None) -> str:
    """The formula with its text literals hidden: "=HYPERLINK("…";"…")" names the problem
    without repeating an e-mail address or a name it may hold."""
    return excerpt(re.sub(r'"[^"]*"', '"…"', (value or "").strip()), 60)
