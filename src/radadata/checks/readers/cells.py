"""What a spreadsheet cell holds, as the text every check reads: Excel and LibreOffice date and
time semantics in one place, for every reader (openpyxl, python-calamine, ODS XML).

- a date-time at midnight is a date: "2024-03-31";
- a time cell is a time: "09:34:00". Excel stores a time as a fraction of a day; a reader gives
  it as a time, a duration, or a date-time on Excel's day zero (1899-12-30/31, 1900-01-01),
  which is never a real date in a council's data;
- other date-times are ISO 8601 without a time zone: "2024-03-31T09:34:00";
- numbers without a fraction are integers ("12", not "12.0"); booleans are "true"/"false".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from operator import itemgetter

import polars as pl

#: The dates a time-only Excel cell falls on, depending on the reader and the 1900 leap bug.
EXCEL_DAY_ZERO = {dt.date(1899, 12, 30), dt.date(1899, 12, 31), dt.date(1900, 1, 1)}
_ODS_DURATION = re.compile(r"^-?PT?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$")


def cell_text(value) -> str | None:
    """The text of a cell value as a spreadsheet reader gives it (None: empty cell)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        if value.date() in EXCEL_DAY_ZERO and value.time() != dt.time(0):
            return _time(value.time())
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.replace(tzinfo=None).isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return _time(value)
    if isinstance(value, dt.timedelta):
        return _duration(value)
    return str(value)


def _time(value: dt.time) -> str:
    return value.replace(microsecond=0, tzinfo=None).isoformat()


def _duration(value: dt.timedelta) -> str:
    """A time of day when under a day (Excel's time cells), else hours:minutes:seconds."""
    seconds = round(value.total_seconds())
    if 0 <= seconds < 86400:
        return _time((dt.datetime.min + dt.timedelta(seconds=seconds)).time())
    sign = "-" if seconds < 0 else ""
    hours, rest = divmod(abs(seconds), 3600)
    return f"{sign}{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


def ods_text(kind: str, value: str) -> str:
    """An ODS office:date-value or office:time-value as text: a date at midnight is a date,
    a time ("PT09H34M00S") is "09:34:00"."""
    if kind == "date":
        if value.endswith("T00:00:00"):
            return value.removesuffix("T00:00:00")
        return value
    if kind == "time":
        match = _ODS_DURATION.match(value)
        if match and not value.startswith("-"):
            hours, minutes, seconds = (float(g or 0) for g in match.groups())
            return _duration(dt.timedelta(hours=hours, minutes=minutes, seconds=seconds))
    return value


# Columnar: the same texts for a whole column of values at once. A sheet of 100,000 rows is
# mostly numbers and dates; converting them one by one in Python cost more than calamine's
# parsing. Each kind of value a column holds becomes a typed polars Series formatted there; only
# what polars would format differently from cell_text (exponents, NaN, durations,
# time zones) stays in Python, cell by cell.

_PLAIN_FLOAT = (1e-4, 1e15)  # where polars writes a float as Python's repr does


def text_frame(rows: list[list]) -> pl.DataFrame:
    """A positional frame (one pl.String column "c0", "c1"… per position) of cell texts."""
    if not rows:
        return pl.DataFrame()
    width = max(map(len, rows))
    if min(map(len, rows)) == width:
        # One C-level pass per column: zip(*rows) would make an iterator per row, and the
        # garbage collector would walk all the rows again and again while they are made.
        columns = (list(map(itemgetter(i), rows)) for i in range(width))
    else:
        columns = ([row[i] if i < len(row) else None for row in rows] for i in range(width))
    return pl.DataFrame([text_column(f"c{i}", column) for i, column in enumerate(columns)])


def text_column(name: str, values: Sequence) -> pl.Series:
    """cell_text of each value (None: an empty cell, as is ""), as a pl.String Series."""
    kinds = set(map(type, values))
    kinds.discard(type(None))
    parts = [_texts(kind, values, alone=len(kinds) == 1) for kind in kinds]
    if not parts:
        return pl.Series(name, [None] * len(values), dtype=pl.String)
    texts = parts[0] if len(parts) == 1 else pl.select(pl.coalesce(parts)).to_series()
    return texts.rename(name)


def _texts(kind: type, values: Sequence, *, alone: bool) -> pl.Series:
    """The texts of the values of one kind; null elsewhere. `alone`: the column holds no
    other kind (but None), so the values go to polars as they are."""

    def _only(kind: type, values: Sequence, dtype: pl.DataType) -> pl.Series:
        if alone:
            return pl.Series(values, dtype=dtype)
        return pl.Series([v if v.__class__ is kind else None for v in values], dtype=dtype)

    if kind is str:
        strings = _only(str, values, pl.String)
        return pl.select(pl.when(strings != "").then(strings)).to_series()
    if kind is float:
        return _float_texts(_only(float, values, pl.Float64), values)
    if kind is int and all(-(2**63) <= v < 2**63 for v in values if v.__class__ is int):
        return _only(int, values, pl.Int64).cast(pl.String)
    if kind is bool:
        flags = _only(bool, values, pl.Boolean)
        return pl.select(pl.when(flags).then(pl.lit("true"))
                         .when(flags.not_()).then(pl.lit("false"))).to_series()
    if kind is dt.date:  # polars writes every year of Python's (1–9999) with four digits too
        return _only(dt.date, values, pl.Date).dt.to_string("%Y-%m-%d")
    if kind is dt.datetime and all(v.tzinfo is None for v in values
                                   if v.__class__ is dt.datetime):
        return _datetime_texts(_only(dt.datetime, values, pl.Datetime("us")))
    if kind is dt.time and all(v.tzinfo is None for v in values if v.__class__ is dt.time):
        return _only(dt.time, values, pl.Time).dt.to_string("%H:%M:%S")
    return pl.Series([(cell_text(v) or None) if v.__class__ is kind else None for v in values],
                     dtype=pl.String)


def _float_texts(floats: pl.Series, values: Sequence) -> pl.Series:
    low, high = _PLAIN_FLOAT
    size = floats.abs()
    texts = pl.select(
        pl.when((floats == floats.floor()) & (size < 1e15))
        .then(floats.cast(pl.Int64, strict=False).cast(pl.String))
        .when((size >= low) & (size < high)).then(floats.cast(pl.String))
    ).to_series()
    odd = (texts.is_null() & floats.is_not_null()).arg_true()
    if len(odd):  # exponents, NaN, infinities: Python's own repr
        texts = texts.scatter(odd, [cell_text(values[i]) for i in odd.to_list()])
    return texts


def _datetime_texts(stamps: pl.Series) -> pl.Series:
    midnight = stamps.dt.time() == dt.time(0)
    return pl.select(
        pl.when(stamps.dt.date().is_in(sorted(EXCEL_DAY_ZERO)) & midnight.not_())
        .then(stamps.dt.to_string("%H:%M:%S"))
        .when(midnight).then(stamps.dt.to_string("%Y-%m-%d"))
        .otherwise(stamps.dt.to_string("%Y-%m-%dT%H:%M:%S"))
    ).to_series()
