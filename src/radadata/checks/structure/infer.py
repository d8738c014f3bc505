"""A Table Schema inferred from the data: the first version's structure, for the owner to correct.

Every inferred type is one the same file passes: a column is `integer` only when every filled
cell reads as one under frictionless's rules, and so on. Identifiers are kept as text: a column
with leading zeros ("00032129") or a plus sign ("+380…") is a string, never a number that would
lose them. Types are proposed from the first rows and confirmed on the whole column with
polars, so a million rows take a fraction of a second.
"""

from __future__ import annotations

import re
from typing import Any

import polars as pl

from radadata.checks.structure.parse import FALSE_VALUES, TRUE_VALUES, as_text
from radadata.checks.table import Table

SAMPLE = 1000  # rows that propose the candidate types of a column
ENUM_MIN_ROWS = 100  # a short table says nothing about a closed list of values
ENUM_MAX_VALUES = 20
MAX_KEY_LENGTH = 100  # longer texts are descriptions, not keys
EDRPOU_NAME = re.compile(r"єдрпоу|edrpou|ідентифікаційний\s+код\s+юридичної", re.IGNORECASE)
EDRPOU_PATTERN = r"^\d{8}$"

_WORDS = [v for v in TRUE_VALUES + FALSE_VALUES if not v.isdigit()]
_YES, _NO = ["так", "Так", "ТАК"], ["ні", "Ні", "НІ"]  # what Ukrainian tables say


def _shaped(pattern: str):
    return lambda c: c.str.contains(pattern)


def _date(pattern: str, fmt: str):
    return lambda c: c.str.contains(pattern) & c.str.to_date(fmt, strict=False).is_not_null()


#: Candidate types in order of preference: (name, the field's extra properties, test of a cell).
CANDIDATES: list[tuple[str, dict[str, Any], Any]] = [
    ("integer", {}, _shaped(r"^-?(0|[1-9][0-9]{0,17})$")),
    ("number", {}, _shaped(r"^-?(0|[1-9][0-9]*)\.[0-9]+$|^-?(0|[1-9][0-9]{0,17})$")),
    ("number", {"decimalChar": ","},
     _shaped(r"^-?(0|[1-9][0-9]*),[0-9]+$|^-?(0|[1-9][0-9]{0,17})$")),
    ("date", {}, _date(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "%Y-%m-%d")),
    ("date", {"format": "%d.%m.%Y"}, _date(r"^[0-9]{2}\.[0-9]{2}\.[0-9]{4}$", "%d.%m.%Y")),
    ("datetime", {}, lambda c: c.str.contains(
        r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
        r"(Z|[+-][0-9]{2}:[0-9]{2})?$")
        & c.str.slice(0, 19).str.replace(" ", "T").str.to_datetime(
            "%Y-%m-%dT%H:%M:%S", strict=False).is_not_null()),
    ("boolean", {}, lambda c: c.is_in(_WORDS)),
    ("boolean", {"trueValues": _YES, "falseValues": _NO}, lambda c: c.is_in(_YES + _NO)),
]


def infer_schema(table: Table) -> dict[str, Any]:
    """A Frictionless Table Schema of the table: names, types, required, a primary key
    candidate, closed lists of values, and the ЄДРПОУ pattern."""
    frame = as_text(table.frame)
    names = list(frame.columns)
    if not names:
        return {"fields": []}
    types = _types(frame)
    stats = frame.select(
        [pl.col(n).null_count().alias(f"null{i}") for i, n in enumerate(names)]
        + [pl.col(n).drop_nulls().n_unique().alias(f"uniq{i}") for i, n in enumerate(names)]
        + [pl.col(n).str.len_chars().max().alias(f"len{i}") for i, n in enumerate(names)]
    ).row(0, named=True)
    rows = frame.height
    fields: list[dict[str, Any]] = []
    key: list[str] = []
    for index, name in enumerate(names):
        kind, extra = types[index]
        item: dict[str, Any] = {"name": name, "type": kind, **extra}
        filled = rows > 0 and stats[f"null{index}"] == 0
        distinct = stats[f"uniq{index}"]
        constraints: dict[str, Any] = {}
        if filled:
            constraints["required"] = True
        if EDRPOU_NAME.search(name):
            item.pop("decimalChar", None)
            item["type"] = kind = "string"
            constraints["pattern"] = EDRPOU_PATTERN
        elif (not key and filled and rows >= 2 and distinct == rows
              and kind in ("integer", "string")
              and (stats[f"len{index}"] or 0) <= MAX_KEY_LENGTH):
            key = [name]
        elif kind == "string" and rows >= ENUM_MIN_ROWS and 0 < distinct <= ENUM_MAX_VALUES:
            values = frame[name].drop_nulls().unique().to_list()
            constraints["enum"] = sorted(values)
        if constraints:
            item["constraints"] = constraints
        fields.append(item)
    schema: dict[str, Any] = {"fields": fields}
    if key:
        schema["primaryKey"] = key
    return schema


def _types(frame: pl.DataFrame) -> list[tuple[str, dict[str, Any]]]:
    """Each column's type: the candidates that fit its first filled cells, confirmed on all."""
    names = frame.columns
    sample = frame.head(SAMPLE)
    fits = sample.select([
        (pl.col(n).is_null() | test(pl.col(n))).all().alias(f"{i}:{c}")
        for i, n in enumerate(names) for c, (_, _, test) in enumerate(CANDIDATES)
    ]).row(0, named=True) if sample.height else {}
    filled = sample.select([pl.col(n).is_not_null().any().alias(n) for n in names]).row(
        0, named=True) if sample.height else {}
    pending = {i: [c for c in range(len(CANDIDATES)) if fits.get(f"{i}:{c}")]
               for i, n in enumerate(names) if filled.get(n)}
    result: dict[int, tuple[str, dict[str, Any]]] = {}
    while pending:
        tried = {i: candidates[0] for i, candidates in pending.items() if candidates}
        for i in [i for i, candidates in pending.items() if not candidates]:
            del pending[i]
        if not tried:
            break
        confirmed = frame.select([
            (pl.col(names[i]).is_null() | CANDIDATES[c][2](pl.col(names[i]))).all().alias(str(i))
            for i, c in tried.items()
        ]).row(0, named=True)
        for i, c in tried.items():
            if confirmed[str(i)]:
                result[i] = (CANDIDATES[c][0], dict(CANDIDATES[c][1]))
                del pending[i]
            else:
                pending[i] = pending[i][1:]
    return [result.get(i, ("string", {})) for i in range(len(names))]
