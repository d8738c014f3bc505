"""The rows around the header that official templates and spreadsheets add, before any check
reads the data:

- a second header row of Ukrainian titles below the machine names (the official templates of
  the national structures have one): recognised by the structure's titles, or, without a
  structure, by the file's own pattern (row 1 all identifiers, row 2 all words); it is read as a
  header, never as data, and the report says so;
- rows that repeat the column names (or the titles) inside the data (sheets pasted together):
  reported, and left out of the cell checks;
- a first row that is data, not column names (a file saved without its header).
"""

from __future__ import annotations

import re
from typing import Any

import polars as pl
from django.utils.translation import gettext_lazy as _

from radadata.checks.findings import CheckCode, Finding, Severity, register
from radadata.checks.table import Table

TITLES_ROW = "header_titles_row"
HEADER_REPEATED = "header_repeated"
HEADER_IS_DATA = "header_is_data"

register(
    CheckCode(
        TITLES_ROW, Severity.INFO, _("Row of column titles"),
        _("Row %(row)s holds the columns' titles (“%(example)s”…) under their names: it was "
          "read as a second header row, not as data."),
        _("Nothing to do: the official templates have this row."),
    ),
    CheckCode(
        HEADER_REPEATED, Severity.ERROR, _("Column names repeated in the data"),
        _("%(count)s rows inside the data repeat the column names (first in row %(row)s)."),
        _("Delete the repeated rows of column names: the names belong to the first row only."),
    ),
    CheckCode(
        HEADER_IS_DATA, Severity.ERROR, _("No row of column names"),
        _("The first row holds values (“%(example)s”…), not column names: the file seems to "
          "have been saved without its header."),
        _("Insert a first row with the column names%(names)s."),
    ),
)

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_.:-]*$")
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_VALUE = re.compile(
    r"^(?:[+-]?\d+(?:[.,]\d+)?|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}(?:[T ].*)?"
    r"|[^@\s]+@[^@\s]+\.\w+|https?://\S+)$")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


def normal(text: Any) -> str:
    """A label as compared: spaces, tabs and line breaks trimmed and collapsed, case folded."""
    return re.sub(r"\s+", " ", str(text or "")).strip().casefold()


def header_rows(table: Table, schema: dict[str, Any] | None) -> tuple[Table, list[Finding]]:
    """The table without a titles row and without repeated header rows, and what was found."""
    findings: list[Finding] = []
    fields = list((schema or {}).get("fields") or [])
    if table.frame.height and _is_titles_row(table, fields):
        row = [str(v) if v is not None else "" for v in table.frame.row(0)]
        example = next((v for v in row if v.strip()), "")
        findings.append(Finding(TITLES_ROW, row=table.first_row, part=table.part,
                                params={"row": table.first_row, "example": example.strip()}))
        table = Table(frame=table.frame.slice(1), header=table.header, part=table.part,
                      first_row=table.first_row + 1, titles_rows=table.titles_rows + 1)
        titles = row
    else:
        titles = []
    table, repeated = _without_repeats(table, titles)
    findings += repeated
    findings += _header_is_data(table, fields)
    return table, findings


def _filled(values: list[Any]) -> list[tuple[int, str]]:
    return [(i, str(v).strip()) for i, v in enumerate(values) if v is not None and str(v).strip()]


def _is_titles_row(table: Table, fields: list[dict[str, Any]]) -> bool:
    row = _filled(list(table.frame.row(0)))
    if len(row) < 2:
        return False
    if fields:
        titles = {normal(f.get("title")) for f in fields if f.get("title")}
        names = {normal(f.get("name")) for f in fields}
        hits = sum(1 for _, v in row if normal(v) in titles and normal(v) not in names)
        return hits >= max(2, len(row) // 2)
    # The file's own pattern: every name an identifier, the row below all words (no values).
    labels = [label for label in table.header if label]
    if len(labels) < 2 or not all(_IDENTIFIER.match(label) for label in labels):
        return False
    if len(row) < len(labels) * 0.8:
        return False
    if not all(_LETTERS.search(v) and not _VALUE.match(v) and not _IDENTIFIER.match(v)
               for _, v in row):
        return False
    # And a column of values (numbers, dates…) under a title of words, so that a table of
    # text only (names, places) never loses its first row.
    below = table.frame.slice(1, 50)
    if below.height == 0:
        return True  # a template with its header rows only
    for index, _value in row:
        cells = [str(v).strip() for v in below[below.columns[index]].to_list()
                 if v is not None and str(v).strip()]
        if cells and all(_VALUE.match(v) for v in cells):
            return True
    return False


def _without_repeats(table: Table, titles: list[str]) -> tuple[Table, list[Finding]]:
    labels = [normal(label) for label in table.header]
    if sum(1 for label in labels if label) < 2 or table.frame.height == 0:
        return table, []
    frame = table.frame
    columns = frame.columns
    rows = [labels] + ([[normal(t) for t in titles]] if titles else [])
    mask = _repeats_mask(frame, rows)
    at = mask.arg_true()
    if not len(at):
        return table, []
    first = table.file_row(int(at[0]))
    kept = frame.filter(~mask)
    # Row numbers of findings must stay the file's: only rows at the end may be dropped
    # without shifting others; inside, the repeated rows stay and are blanked for the checks.
    if int(at[0]) == frame.height - len(at) and bool(mask.tail(len(at)).all()):
        frame = kept
    else:
        frame = frame.with_columns(pl.when(mask).then(None).otherwise(pl.col(c)).alias(c)
                                   for c in columns)
    return (Table(frame=frame, header=table.header, part=table.part, first_row=table.first_row,
                  titles_rows=table.titles_rows),
            [Finding(HEADER_REPEATED, row=first, part=table.part, count=len(at),
                     params={"count": len(at), "row": first})])


def _same_as(column: str, value: str) -> pl.Expr:
    """A cell equal to `value` once normalised as `normal` does."""
    return (pl.col(column).cast(pl.String).str.replace_all(r"\s+", " ").str.strip_chars()
            .str.to_lowercase().fill_null("") == value)


def _repeats_mask(frame: pl.DataFrame, rows: list[list[str]]) -> pl.Series:
    """Rows equal, cell by cell once normalised, to one of `rows` (the names, the titles).
    Normalising every cell of a million-row table costs seconds, so only the narrowest column
    whose label says something is normalised whole; the other columns only in the rows where
    that one matches (none, in most files)."""
    columns = frame.columns

    def same_as(row: list[str]) -> pl.Expr:
        return pl.all_horizontal([_same_as(c, value)
                                  for c, value in zip(columns, row, strict=False)])

    whole = pl.any_horizontal([same_as(row) for row in rows])
    labelled = [i for i in range(min(len(columns), *(len(row) for row in rows)))
                if all(row[i] for row in rows)]
    if not labelled:
        return frame.select(whole.alias("m"))["m"]
    first = min(labelled, key=lambda i: frame[columns[i]].estimated_size())
    near = _near(frame[columns[first]], [row[first] for row in rows])
    found = near.arg_true()
    mask = pl.repeat(False, frame.height, eager=True).alias("m")
    if len(found):
        mask = mask.scatter(found, frame.filter(near).select(whole.alias("m"))["m"])
    return mask


def _near(cells: pl.Series, values: list[str]) -> pl.Series:
    """Cells equal to one of `values` once normalised. A cell that normalises to a label
    starting with an ASCII character holds that character in either case, or a non-ASCII one
    that lowercases to it (the Kelvin sign to "k"): one cheap pass leaves the few to normalise."""
    exact = pl.any_horizontal([_same_as(cells.name, value) for value in values]).alias("m")
    starts = {value[0] for value in values}
    if not all(start.isascii() for start in starts):
        return cells.to_frame().select(exact)["m"]
    chars = "".join(re.escape(c) for c in sorted({c for s in starts for c in (s, s.upper())}))
    maybe = cells.str.contains(rf"[^\x00-\x7f]|[{chars}]").fill_null(False)
    near = pl.repeat(False, len(cells), eager=True).alias("m")
    if maybe.any():
        near = near.scatter(maybe.arg_true(), cells.filter(maybe).to_frame().select(exact)["m"])
    return near


def _header_is_data(table: Table, fields: list[dict[str, Any]]) -> list[Finding]:
    labels = [label.strip() for label in table.header if label and label.strip()]
    if len(labels) < 2:
        return []
    values = [label for label in labels if _VALUE.match(label) and not _YEAR.match(label)]
    if fields:  # with a structure: none of its names or titles, and values where they belong
        known = {normal(f.get("name")) for f in fields} | \
            {normal(f.get("title")) for f in fields if f.get("title")}
        if any(normal(label) in known for label in labels):
            return []
        typed = [(str(label or "").strip(), f) for label, f in zip(table.header, fields,
                                                                   strict=False)
                 if f.get("type") in ("integer", "number", "date", "datetime")]
        shaped = bool(typed) and all(_VALUE.match(label) for label, _f in typed)
        if len(values) < 2 and not shaped:
            return []
        values = values or [label for label, _f in typed]
    elif len(values) < max(2, (len(labels) + 1) // 2):
        return []
    names = (": " + ", ".join(str(f.get("name")) for f in fields[:8])
             + ("…" if len(fields) > 8 else "")) if fields else ""
    return [Finding(HEADER_IS_DATA, row=table.header_row, part=table.part,
                    params={"example": values[0], "names": names})]
