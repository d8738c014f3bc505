"""Reading the cells of one column as the Table Schema field's type, vectorised.

Each type has a fast path of polars expressions that accepts only what frictionless-py's own
reader accepts (`frictionless/fields/*.py`: `int(cell.strip())`, `Decimal(cell.strip())`,
`strptime(cell, "%Y-%m-%d")`, `isoparse`, the exact trueValues/falseValues…). The few distinct
values the fast path rejects are then read by frictionless's reader itself (`fallback`), so a
cell is a type error here exactly when it is one for frictionless, while the millions of
ordinary cells never leave polars.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import polars as pl

# frictionless's defaults (frictionless/settings.py).
TRUE_VALUES = ["true", "True", "TRUE", "1"]
FALSE_VALUES = ["false", "False", "FALSE", "0"]
ISO_DATE = "%Y-%m-%d"

#: The polars type of the values each Table Schema type reads to.
DTYPES: dict[str, pl.DataType] = {
    "integer": pl.Int64(), "number": pl.Float64(), "date": pl.Date(),
    "datetime": pl.Datetime("us"), "year": pl.Int64(), "boolean": pl.Boolean(),
    "string": pl.String(), "any": pl.String(),
}
#: More distinct rejected values than this are not re-read one by one: the fast path's verdict
#: stands (it differs from frictionless only on exotic spellings such as "1_000").
FALLBACK_LIMIT = 50_000

_INT = r"^[+-]?[0-9]+$"
_DECIMAL = r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$"
_BARE = r"((^[^-\d]*)|(\D*$))"  # frictionless's pattern when bareNumber is false
_DATE_ISO = r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$"
_DATE_DMY = r"^[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}$"
# Seconds stop at 59: chrono reads a leap second ":60" as the next minute, Python refuses it.
_DATETIME = (r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
             r"(Z|[+-][0-9]{2}:[0-9]{2})?$")
_YEAR = r"^[0-9]{4}$"


@dataclass(frozen=True)
class Parsed:
    """One column read as its field's type. Both are undefined where the cell is missing."""

    ok: pl.Expr  # the cell reads as the type
    value: pl.Expr  # the value read (null where not ok)


def as_text(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with every column text, as the Table promises (a column built from Python
    values that are all None is of type Null, which has no string methods)."""
    if all(dtype == pl.String for dtype in frame.dtypes):
        return frame
    return frame.with_columns(pl.all().cast(pl.String))


def field_type(field: dict[str, Any]) -> str:
    return str(field.get("type") or "string")


def field_format(field: dict[str, Any]) -> str:
    return str(field.get("format") or "default")


def is_fast(field: dict[str, Any]) -> bool:
    """Whether the type has a vectorised reader; other fields are read by frictionless only."""
    kind, fmt = field_type(field), field_format(field)
    if kind == "date":
        return fmt in ("default", ISO_DATE, "%d.%m.%Y")
    if kind == "string":
        return fmt in ("default", "email", "uri")
    if kind == "datetime":
        return fmt == "default"
    return kind in ("integer", "number", "year", "boolean", "any")


def fast(raw: pl.Expr, field: dict[str, Any]) -> Parsed:
    """The vectorised reader of a field for which `is_fast` holds."""
    kind = field_type(field)
    if kind == "integer":
        text = _numeric_text(raw, field)
        return Parsed(text.str.contains(_INT), text.cast(pl.Int64, strict=False))
    if kind == "number":
        return _number(raw, field)
    if kind == "date":
        return _date(raw, field_format(field))
    if kind == "datetime":
        return _datetime(raw)
    if kind == "year":
        ok = raw.str.contains(_YEAR)
        return Parsed(ok, pl.when(ok).then(raw.cast(pl.Int64, strict=False)))
    if kind == "boolean":
        true, false = boolean_values(field)
        return Parsed(raw.is_in(pl.Series(true + false).implode()),
                  raw.is_in(pl.Series(true).implode()))
    if kind == "string" and field_format(field) == "email":
        # Longer parts are refused by the validator whatever their characters. A cell the
        # pattern takes is ASCII with one "@": its byte offset is the local part's length
        # (cheaper than cutting the parts out of a million cells).
        at = raw.str.find("@", literal=True)
        ok = (raw.str.contains(_EMAIL) & (at <= 64)
              & (raw.str.len_bytes().cast(pl.Int64) - at.cast(pl.Int64) - 1 <= 253))
        return Parsed(ok, pl.when(ok).then(raw))  # no value where the type fails
    if kind == "string" and field_format(field) == "uri":
        ok = raw.str.contains(_URI)
        return Parsed(ok, pl.when(ok).then(raw))
    return Parsed(pl.lit(True), raw)  # string (default format) and any


# E-mail addresses and URIs as frictionless reads them (validators.email: a dot-atom local
# part, a domain of letters, digits and hyphens ending in a letter; rfc3986: a scheme). The
# expressions accept a subset of what frictionless accepts and refuse only what it refuses,
# except cells worth re-reading (_maybe: non-ASCII, quoted, a line break before the @), which
# fallback() gives to frictionless itself: no Python per valid value.
_EMAIL = (r"(?i)^[a-z0-9!#$%&'*+/=?^_`{}|~-]+(\.[a-z0-9!#$%&'*+/=?^_`{}|~-]+)*"
          r"@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9][a-z0-9-]{0,61}[a-z]$")
_URI = r"^[a-zA-Z][a-zA-Z0-9+.-]*:"


def _strip(raw: pl.Expr) -> pl.Expr:
    # Python's str.strip() removes a few more characters than Unicode White_Space (\x1c–\x1f);
    # those cells are rejected here and re-read by frictionless, so nothing is accepted wrongly.
    return raw.str.strip_chars()


def _numeric_text(raw: pl.Expr, field: dict[str, Any]) -> pl.Expr:
    text = _strip(raw)
    if field.get("bareNumber") is False:
        text = text.str.replace_all(_BARE, "")
    return text


def _number(raw: pl.Expr, field: dict[str, Any]) -> Parsed:
    text = _numeric_text(raw, field)
    ok = pl.lit(True)
    group, decimal = field.get("groupChar") or "", field.get("decimalChar") or "."
    if group:
        text = text.str.replace_all(group, "", literal=True)
    if decimal != ".":
        ok = ~text.str.contains(".", literal=True)
        text = text.str.replace_all(decimal, ".", literal=True)
    ok = ok & text.str.contains(_DECIMAL)
    # + 0.0 turns -0.0 into 0.0: Decimal("-0") == Decimal("0") for the unique check.
    return Parsed(ok, pl.when(ok).then(text.cast(pl.Float64, strict=False) + 0.0))


def _date(raw: pl.Expr, fmt: str) -> Parsed:
    if fmt == "%d.%m.%Y":
        pattern, year = _DATE_DMY, raw.str.slice(-4)
    else:
        pattern, year, fmt = _DATE_ISO, raw.str.slice(0, 4), ISO_DATE
    # Year 0 is a date for polars but not for Python's strptime.
    shaped = raw.str.contains(pattern) & (year != "0000")
    value = pl.when(shaped).then(raw.str.to_date(fmt, strict=False))
    return Parsed(value.is_not_null(), value)


def _datetime(raw: pl.Expr) -> Parsed:
    """isoparse's common forms; the value is in UTC when the cell names an offset."""
    shaped = raw.str.contains(_DATETIME)
    local = pl.concat_str(raw.str.slice(0, 10), pl.lit("T"), raw.str.slice(11, 8))
    value = local.str.to_datetime("%Y-%m-%dT%H:%M:%S", time_unit="us", strict=False)
    offset = raw.str.slice(19)
    sign = pl.when(offset.str.starts_with("-")).then(-1).otherwise(1)
    minutes = (offset.str.slice(1, 2).cast(pl.Int64, strict=False) * 60
               + offset.str.slice(4, 2).cast(pl.Int64, strict=False)).fill_null(0)
    value = pl.when(shaped).then(value - pl.duration(minutes=sign * minutes))
    return Parsed(value.is_not_null(), value)


def boolean_values(field: dict[str, Any]) -> tuple[list[str], list[str]]:
    return (list(field.get("trueValues") or TRUE_VALUES),
            list(field.get("falseValues") or FALSE_VALUES))


# The exact reader: frictionless's own, for the values the fast path rejects.

def reader(field: dict[str, Any]) -> Callable[[Any], Any]:
    """frictionless's value reader of the field: the value, or None when the cell is not of
    the type."""
    descriptor = {k: v for k, v in field.items()
                  if k not in ("constraints", "missingValues", "name", "title", "description")}
    descriptor.setdefault("type", "string")
    return _reader(json.dumps(descriptor, sort_keys=True, default=str))


@functools.lru_cache(maxsize=256)
def _reader(descriptor: str) -> Callable[[Any], Any]:
    # Building a frictionless Field validates its descriptor (tens of milliseconds): once.
    from frictionless import Field

    return Field.from_descriptor({"name": "x", **json.loads(descriptor)}).create_value_reader()


def to_polars(value: Any, kind: str) -> Any:
    """A value from frictionless's reader in the polars type of `DTYPES[kind]`."""
    if value is None:
        return None
    if kind in ("integer", "year"):
        return int(value) if -(2**63) <= int(value) < 2**63 else None
    if kind == "number":
        return float(value) + 0.0
    if kind == "datetime" and isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value
    if kind in ("date", "boolean"):
        return value
    return str(value)


_NOTHING = r"[^\s\S]"
_SPACE = r"[\s\x1c-\x1f]*"  # what Python's str.strip() removes
#: Cells the fast path rejects that frictionless might still accept (Unicode digits, "1_000",
#: "Infinity", " 5" as a day of month…): only these are re-read by frictionless. The rest —
#: "12a", "12,50", "31.12.2024" for an ISO date — are errors without asking.
_MAYBE = {
    "integer": rf"^{_SPACE}[+-]?[\d_]+{_SPACE}$",
    "number": rf"(?i)^{_SPACE}[+-]?([\d_.eE+-]+|inf(inity)?|s?nan\d*){_SPACE}$",
    "date": r"^\d{4}-\d{1,2}-[ \d]\d?$",
    "datetime": r"(?s)^.{16}:.{2,}$",
    "year": r"(?s)^.{4}$",
}


def _maybe(field: dict[str, Any]) -> str | None:
    """The pattern of rejected cells worth re-reading; None: re-read every rejected cell."""
    kind = field_type(field)
    if not is_fast(field) or field.get("bareNumber") is False:
        return None
    if kind == "number" and (field.get("decimalChar") or field.get("groupChar")):
        return None
    if kind == "date" and field_format(field) == "%d.%m.%Y":
        return r"^[ \d]\d?\.\d{1,2}\.\d{4}$"
    if kind == "string" and field_format(field) == "email":
        # Other white space is refused by validators.email whatever else the cell holds: the
        # domain may have none, an unquoted local part only the one line break its "$" lets
        # through before the end ("a\n@b.ua"). So " at " instead of "@" costs no re-reading.
        return r'[^\x00-\x7f]|"|\n@'
    if kind == "string" and field_format(field) == "uri":
        return r"[^\x00-\x7f]"
    return _MAYBE.get(kind, _NOTHING)  # boolean, string: the fast path is exact


def fallback(raw: pl.Series, ok: pl.Series, value: pl.Series, field: dict[str, Any]
             ) -> tuple[pl.Series, pl.Series]:
    """Re-reads with frictionless the distinct cells the fast path rejected; returns the
    corrected `ok` and `value`. `raw` holds null where the cell is missing."""
    rejected = raw.filter(raw.is_not_null() & ~ok.fill_null(False)).unique()
    maybe = _maybe(field)
    if maybe is not None:
        rejected = rejected.filter(rejected.str.contains(maybe))
    if rejected.is_empty() or (is_fast(field) and len(rejected) > FALLBACK_LIMIT):
        return ok, value
    kind, read = field_type(field), reader(field)
    accepted: dict[str, Any] = {}
    for cell in rejected.to_list():
        try:
            result = read(cell)
        except Exception:  # a reader that raises means "not of the type", as in frictionless
            result = None
        if result is not None:
            accepted[cell] = to_polars(result, kind)
    if not accepted:
        return ok, value
    dtype = value.dtype
    keys = pl.Series(list(accepted), dtype=pl.String)
    values = pl.Series(list(accepted.values()), dtype=dtype, strict=False)
    hit = raw.is_in(keys.implode()).fill_null(False)
    found = raw.replace_strict(keys, values, default=None, return_dtype=dtype)
    return ok.fill_null(False) | hit, pl.select(
        pl.when(hit).then(found).otherwise(value)).to_series()


def python_value(field: dict[str, Any], item: Any) -> Any:
    """A constraint's value (minimum, enum item…) read as the field's type, as frictionless
    reads it (`value_reader(constraint)`), in the polars type of the column. The fast reader
    does it when it can (a JSON number reads as its text does), else frictionless."""
    kind = field_type(field)
    if is_fast(field) and isinstance(item, str | int | float) and not isinstance(item, bool):
        parsed = fast(pl.col("x"), field)
        ok, value = pl.DataFrame({"x": [str(item)]}).select(
            parsed.ok.fill_null(False).alias("ok"), parsed.value.alias("value")).row(0)
        if ok:
            return value
    try:
        result = reader(field)(item)
    except Exception:
        result = None
    return to_polars(result, kind)


def regex_works(pattern: str) -> bool:
    """Whether polars (Rust regex) compiles the pattern; lookarounds and back-references do
    not, and such patterns are checked with Python's re instead."""
    try:
        pl.Series([""], dtype=pl.String).str.contains(pattern)
    except Exception:
        return False
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True
