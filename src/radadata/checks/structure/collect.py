"""From error masks to findings: the first cells of each column and code, and a summary.

A broken million-row file must give a report a person can read: per column and code the first
`cap` cells are listed (in row order, as frictionless lists them) and one `more-errors`
finding carries the total.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import polars as pl

from radadata.checks.findings import Finding
from radadata.checks.structure import codes

if TYPE_CHECKING:
    from radadata.checks.structure.validate import Checker

EXCERPT = 80  # characters of a cell shown in a finding
_YEAR = re.compile(r"^\s*(1[89]|20)\d\d\s*$")


def excerpt(text: Any) -> str:
    text = "" if text is None else str(text)
    return text if len(text) <= EXCERPT else text[:EXCERPT - 1] + "…"


def findings(checker: Checker, *, cap: int) -> list[Finding]:
    masks = checker.masks()
    if masks.width == 0 or masks.height == 0:
        return []
    totals = masks.select(pl.all().sum()).row(0, named=True)
    order = {name: n for n, name in enumerate(masks.columns)}
    listed: list[tuple[int, int, Finding]] = []
    summaries: list[Finding] = []
    for name, total in totals.items():
        if not total:
            continue
        code, index = name.rsplit("|", 1)
        rows = masks[name].arg_true().head(cap).to_list()
        column, cells = _cells(checker, code, int(index), rows)
        params = checker.params.get(name, {})
        firsts = _first_rows(checker, int(index), rows) if code == codes.UNIQUE else {}
        for row, cell in zip(rows, cells, strict=True):
            extra = {**params, "first": firsts[row]} if row in firsts else params
            kind = code
            if code == codes.TYPE_DATE and _YEAR.match(str(cell or "")):
                kind, extra = codes.TYPE_DATE_YEAR, {**extra, "year": str(cell).strip()}
            finding = Finding(kind, row=checker.table.file_row(row), column=column,
                              excerpt=excerpt(cell), params=dict(extra),
                              part=checker.table.part)
            listed.append((row, order[name], finding))
        if total > cap:
            summaries.append(Finding(codes.MORE, column=column, count=int(total),
                                     params={"of": code, "total": int(total), "shown": cap},
                                     part=checker.table.part))
    listed.sort(key=lambda item: (item[0], item[1]))
    return [finding for _, _, finding in listed] + summaries


def _cells(checker: Checker, code: str, index: int, rows: list[int]
           ) -> tuple[str | None, list[Any]]:
    """The finding's column name and the cell text of each row."""
    frame, indexes = checker.frame, pl.Series(rows, dtype=pl.UInt32)
    if index >= 0:
        return checker.pairing.labels[index], frame[frame.columns[index]].gather(indexes).to_list()
    if code == codes.PRIMARY_KEY:
        columns = [frame.columns[i] for i in checker.key_indexes]
        keys = frame.select(columns)[indexes].rows()
        return ", ".join(checker.key_names), [" | ".join(c or "" for c in key) for key in keys]
    return None, [""] * len(rows)


def _first_rows(checker: Checker, index: int, rows: list[int]) -> dict[int, int]:
    """For repeated values: the file row where each value first occurs."""
    values = checker.value_series(index)
    repeated = values.gather(pl.Series(rows, dtype=pl.UInt32))
    # Every occurrence of the listed values (a few hundred rows), not a pass over all values.
    at = values.is_in(repeated.implode()).arg_true()
    first: dict[Any, int] = {}
    for value, row in zip(values.gather(at).to_list(), at.to_list(), strict=True):
        first.setdefault(value, row)
    return {row: checker.table.file_row(first[value])
            for row, value in zip(rows, repeated.to_list(), strict=True) if value in first}
