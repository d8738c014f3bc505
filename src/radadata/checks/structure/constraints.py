"""The constraints of one field as polars expressions: each an error mask over the rows.

Semantics follow frictionless-py (`schema/field.py` check_*): a constraint is checked only on a
cell that read as its type; `pattern` is matched as "^" + pattern + "$"; minimum and maximum
compare the value read (a NaN breaks every bound); enum items are read as the field's type.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import polars as pl

from radadata.checks.structure import codes
from radadata.checks.structure.parse import field_type, python_value, regex_works

#: constraint → (code, the failing comparison of value and limit)
BOUNDS = {
    "minimum": (codes.MINIMUM, lambda v, lim: v < lim),
    "maximum": (codes.MAXIMUM, lambda v, lim: v > lim),
    "exclusiveMinimum": (codes.EXCLUSIVE_MINIMUM, lambda v, lim: v <= lim),
    "exclusiveMaximum": (codes.EXCLUSIVE_MAXIMUM, lambda v, lim: v >= lim),
}
#: frictionless's supported_constraints per type (others are ignored, as frictionless would
#: refuse the schema).
BOUNDED = {"integer", "number", "date", "datetime", "year"}
STRING_ONLY = {"pattern", "minLength", "maxLength"}
MAX_LISTED = 20  # enum values named in a message


def masks(field: dict[str, Any], value: pl.Expr, present: pl.Expr, dtype: pl.DataType
          ) -> Iterator[tuple[str, pl.Expr, dict[str, Any]]]:
    """(code, error mask, message params) for each constraint of the field but required and
    unique (those need the missing cells and the whole column). `present`: the cell is not
    missing and `value` is of the type."""
    kind = field_type(field)
    constraints = field.get("constraints") or {}
    if "enum" in constraints:
        items = [python_value(field, item) for item in constraints["enum"]]
        items = [item for item in items if item is not None]
        yield (codes.ENUM, present & ~value.is_in(pl.Series(items, dtype=dtype).implode()),
               params("enum", constraints["enum"]))
    if kind == "string":
        yield from _string(constraints, value, present)
    if kind in BOUNDED:
        for name, (code, fails) in BOUNDS.items():
            if constraints.get(name) is None:
                continue
            limit = python_value(field, constraints[name])
            if limit is None:
                continue
            broken = fails(value, pl.lit(limit, dtype=dtype))
            if dtype == pl.Float64:
                broken = broken | value.is_nan()
            yield code, present & broken, params(name, constraints[name])


def params(name: str, constraint: Any) -> dict[str, Any]:
    """The message parameters of a constraint's findings."""
    if name == "enum":
        items = list(constraint)
        listed = ", ".join(str(item) for item in items[:MAX_LISTED])
        return {"allowed": listed + (", …" if len(items) > MAX_LISTED else "")}
    if name == "pattern":
        return {"pattern": str(constraint)}
    return {"limit": str(constraint)}


def _string(constraints: dict[str, Any], value: pl.Expr, present: pl.Expr
            ) -> Iterator[tuple[str, pl.Expr, dict[str, Any]]]:
    if constraints.get("minLength") is not None:
        limit = int(constraints["minLength"])
        yield codes.MIN_LENGTH, present & (value.str.len_chars() < limit), params("", limit)
    if constraints.get("maxLength") is not None:
        limit = int(constraints["maxLength"])
        yield codes.MAX_LENGTH, present & (value.str.len_chars() > limit), params("", limit)
    if constraints.get("pattern"):
        pattern = str(constraints["pattern"])
        anchored = f"^{pattern}$"  # as frictionless compiles it
        if regex_works(anchored):
            matched = value.str.contains(anchored)
        else:
            matched = value.map_batches(lambda cells: _python_match(cells, anchored),
                                        return_dtype=pl.Boolean)
        yield codes.PATTERN, present & ~matched, params("pattern", pattern)


def _python_match(cells: pl.Series, pattern: str) -> pl.Series:
    """Python's re over the distinct values, for patterns Rust's regex cannot compile."""
    compiled = re.compile(pattern)
    distinct = cells.drop_nulls().unique()
    good = distinct.filter(pl.Series([bool(compiled.match(c)) for c in distinct.to_list()],
                                     dtype=pl.Boolean))
    return cells.is_in(good.implode())
