"""A table against its Table Schema, cell by cell, with polars expressions (no loop over rows).

Four passes, each one polars `select` over all columns at once (so both cores work):
1. every column read as its field's type (missing, ok, value);
2. the few distinct values the fast readers reject are re-read by frictionless's own reader
   (parse.fallback), so type verdicts are frictionless's;
3. an error mask per column and code (type, required, constraints, unique, primary key, blank
   row), as frictionless reports them: a cell with a type error is not checked further, a blank
   row is one finding;
4. counts per mask, and the first `cap` rows of each become findings (collect.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import polars as pl

from radadata.checks.findings import Finding
from radadata.checks.structure import codes, collect, constraints, parse
from radadata.checks.structure.header import Pairing, pair
from radadata.checks.table import Table

CAP = 100  # cell findings listed per column and code; a summary finding counts the rest


def validate_table(table: Table, schema: dict[str, Any], *, cap: int = CAP) -> list[Finding]:
    """Findings of the table against the schema: the header, then the cells in row order,
    then one summary per column and code that had more than `cap` cells."""
    fields = list(schema.get("fields") or [])
    pairing = pair(table, fields)
    checker = Checker(table, schema, pairing)
    return pairing.findings + collect.findings(checker, cap=cap)


def missing_values(schema: dict[str, Any], field: dict[str, Any] | None) -> list[str]:
    entries = (field or {}).get("missingValues")
    if entries is None:
        entries = schema.get("missingValues", [""])
    # Data Package v2 allows {"value": …, "label": …} entries.
    return [str(e["value"]) if isinstance(e, dict) else str(e) for e in entries]


class Checker:
    """One table against one schema: reads the cells (passes 1–2) when made, then gives the
    error masks (pass 3) and what collect.py needs to turn them into findings."""

    def __init__(self, table: Table, schema: dict[str, Any], pairing: Pairing):
        self.table, self.schema, self.pairing = table, schema, pairing
        self.frame = parse.as_text(table.frame)
        self.columns = self.frame.columns
        self.params: dict[str, dict[str, Any]] = {}
        self.key_names: list[str] = []
        self.key_indexes: list[int] = []
        self.work = self._read()

    # Pass 1 and 2: missing, ok, value per column.

    def _raw(self, index: int) -> tuple[pl.Expr, pl.Expr]:
        """The cell text and the missing mask. With the default missing values (the empty
        cell only, null in a Table) the text is the column itself, not a copy; a schema that
        declares others ("NA", "-") gets them nulled."""
        column = pl.col(self.columns[index])
        absent = missing_values(self.schema, self.pairing.fields[index])
        if absent == [""]:
            return column, column.is_null() | (column.str.len_bytes() == 0)
        if "" in absent:
            missing = column.is_null() | column.is_in(absent)
        else:  # an empty cell is then a value: "" (a type error for most types)
            column = column.fill_null("")
            missing = column.is_in(absent)
        return pl.when(~missing).then(column), missing

    def _is_text(self, index: int) -> bool:
        """Whether the field's value is the cell text itself (string and any)."""
        field = self.pairing.fields[index] or {}
        return (parse.field_type(field) in ("string", "any") and parse.is_fast(field)
                and parse.field_format(field) == "default")

    def _read(self) -> pl.DataFrame:
        exprs: list[pl.Expr] = []
        for index, field in enumerate(self.pairing.fields):
            raw, missing = self._raw(index)
            exprs.append(missing.alias(f"m{index}"))
            if field is None:
                continue
            kind = parse.field_type(field)
            if self._is_text(index):
                exprs.append((~missing).alias(f"ok{index}"))
            elif parse.is_fast(field):
                parsed = parse.fast(raw, field)
                exprs.append((parsed.ok & ~missing).alias(f"ok{index}"))
                exprs.append(pl.when(~missing).then(parsed.value)
                             .cast(parse.DTYPES.get(kind, pl.String())).alias(f"v{index}"))
            else:
                exprs.append(pl.lit(False).alias(f"ok{index}"))
                exprs.append(pl.lit(None, dtype=pl.String).alias(f"v{index}"))
        # Lazily: an eager with_columns does not share the subexpressions the reads repeat
        # (a date's parse feeds both its ok and its value), a lazy query computes them once.
        work = self.frame.lazy().with_columns(exprs).collect()
        fields = [(i, f) for i, f in enumerate(self.pairing.fields)
                  if f is not None and not self._is_text(i)]
        rejected = work.select([(~pl.col(f"ok{i}") & ~pl.col(f"m{i}")).any().alias(str(i))
                                for i, _ in fields]).row(0, named=True) if fields else {}
        for index, field in fields:
            if not rejected[str(index)]:  # the usual case: the fast reader took every cell
                continue
            raw = work.select(pl.when(~pl.col(f"m{index}")).then(self._raw(index)[0])
                              ).to_series()
            ok, value = parse.fallback(raw, work[f"ok{index}"], work[f"v{index}"], field)
            work = work.with_columns(ok.alias(f"ok{index}"), value.alias(f"v{index}"))
        return work

    # Pass 3: the error masks.

    def _value(self, index: int) -> tuple[pl.Expr, pl.Expr]:
        """The value read (strings: the cell text) and where it is present: not missing and
        of the type."""
        if self._is_text(index):
            return self._raw(index)[0], ~pl.col(f"m{index}")
        value = pl.col(f"v{index}")
        return value, value.is_not_null()

    def masks(self) -> pl.DataFrame:
        """One boolean column per (code, frame column index), named "code|index"; row-level
        codes (blank row, primary key) use index -1."""
        blank = pl.all_horizontal([pl.col(f"m{i}") for i in range(len(self.columns))])
        exprs: list[pl.Expr] = []
        params: dict[str, dict[str, Any]] = {}
        for index, field in enumerate(self.pairing.fields):
            if field is None:
                continue
            for code, mask, extra in self._field_masks(index, field):
                name = f"{code}|{index}"
                exprs.append((mask & ~blank).alias(name))
                params[name] = extra
        if self.columns:
            exprs.append(blank.alias(f"{codes.BLANK_ROW}|-1"))
        key = self._primary_key()
        if key is not None:
            exprs.append(key.alias(f"{codes.PRIMARY_KEY}|-1"))
            params[f"{codes.PRIMARY_KEY}|-1"] = {"fields": ", ".join(self.key_names)}
        self.params = params
        return self.work.lazy().select(exprs).collect() if exprs else pl.DataFrame()

    def value_series(self, index: int) -> pl.Series:
        value, present = self._value(index)
        return self.work.select(pl.when(present).then(value)).to_series()

    def _field_masks(self, index: int, field: dict[str, Any]
                     ) -> Iterator[tuple[str, pl.Expr, dict[str, Any]]]:
        kind = parse.field_type(field)
        rules = field.get("constraints") or {}
        missing, ok = pl.col(f"m{index}"), pl.col(f"ok{index}")
        type_code = codes.TYPE_CODES.get(kind, codes.TYPE_OTHER)
        if not self._is_text(index):
            yield type_code, ~missing & ~ok, _type_params(field)
        if rules.get("required"):
            yield codes.REQUIRED, missing, {}
        value, present = self._value(index)
        if parse.is_fast(field):
            dtype = parse.DTYPES.get(kind, pl.String())
            yield from constraints.masks(field, value, present, dtype)
        else:
            yield from _python_constraints(self.work, index, field)
        if rules.get("unique"):
            yield codes.UNIQUE, present & ~value.is_first_distinct(), {}

    def _primary_key(self) -> pl.Expr | None:
        key = self.schema.get("primaryKey") or []
        if isinstance(key, str):
            key = [key]
        indexes = [self.pairing.index_of(name) for name in key]
        if not key or None in indexes:  # a key column is missing: missing-label says so
            return None
        self.key_names = [str(name) for name in key]
        self.key_indexes = [i for i in indexes if i is not None]
        pairs = [self._value(i) for i in self.key_indexes]
        values = [pl.when(present).then(value).alias(f"k{n}")
                  for n, (value, present) in enumerate(pairs)]
        empty = pl.all_horizontal([~present for _, present in pairs])
        repeated = ~pl.struct(values).is_first_distinct()
        return empty | repeated


def _type_params(field: dict[str, Any]) -> dict[str, Any]:
    kind, fmt = parse.field_type(field), parse.field_format(field)
    if kind == "number":
        decimal = field.get("decimalChar") or "."
        return {"decimal": decimal, "example": f"1250{decimal}75"}
    if kind == "date":
        fmt = parse.ISO_DATE if fmt in ("default", "any") else fmt
        try:
            example = dt.date(2024, 3, 31).strftime(fmt)
        except ValueError:
            example = "2024-03-31"
        return {"format": fmt, "example": example}
    if kind == "datetime":
        return {"example": "2024-03-31T14:30:00"}
    if kind == "boolean":
        true, false = parse.boolean_values(field)
        return {"allowed": ", ".join(true + false)}
    return {"type": kind}


def _python_constraints(work: pl.DataFrame, index: int, field: dict[str, Any]
                        ) -> Iterator[tuple[str, pl.Expr, dict[str, Any]]]:
    """Constraints of a type without a vectorised reader (time, geopoint, a string format…):
    frictionless's cell reader over the distinct values, then a mask per constraint."""
    from frictionless import Field

    descriptor = {k: v for k, v in field.items() if k != "missingValues"}
    descriptor.setdefault("type", "string")
    descriptor["constraints"] = {k: v for k, v in (field.get("constraints") or {}).items()
                                 if k not in ("required", "unique")}
    if not descriptor["constraints"]:
        return
    read = Field.from_descriptor(descriptor).create_cell_reader()
    raw = work[work.columns[index]]
    ok = work[f"ok{index}"]
    broken: dict[str, list[str]] = {}
    for cell in raw.filter(ok).unique().to_list():
        _, notes = read(cell)
        for name in (notes or {}):
            if name in codes.CONSTRAINT_CODES:
                broken.setdefault(name, []).append(cell)
    for name, cells in broken.items():
        mask = pl.col(work.columns[index]).is_in(pl.Series(cells, dtype=pl.String).implode())
        yield (codes.CONSTRAINT_CODES[name], pl.col(f"ok{index}") & mask,
               constraints.params(name, descriptor["constraints"][name]))
