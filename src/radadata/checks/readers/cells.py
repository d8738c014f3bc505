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
