"""Reading single cells: text, dates, ЄДРПОУ codes, lists, people's names.

Cells come as Excel gives them (text, numbers, dates) or as CSV text; each reader returns the
value or raises ValueError with a message for the clerk.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _


def text(value: Any) -> str:
    """A cell as trimmed text; Excel's 32855961.0 is "32855961", a date is YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    raw = str(value).strip()
    # Several lines stay several lines (a description); elsewhere spacing is tidied.
    return raw if "\n" in raw else " ".join(raw.split())


_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d.%m.%y", "%Y.%m.%d")


def date(value: Any) -> dt.date | None:
    """A date from an Excel date, YYYY-MM-DD (with or without a time), or DD.MM.YYYY."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            return timezone.localtime(value).date()
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = text(value)
    if not raw:
        return None
    try:
        parsed = dt.datetime.fromisoformat(raw.replace(" ", "T", 1) if "T" not in raw else raw)
    except ValueError:
        parsed = None
    if parsed is not None:
        return timezone.localtime(parsed).date() if timezone.is_aware(parsed) else parsed.date()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise ValueError(_("“%(value)s” is not a date. Write it as YYYY-MM-DD, e.g. 2026-03-02, or "
                       "as DD.MM.YYYY.") % {"value": raw})


def edrpou(value: Any) -> str:
    """The code as text, "" for an empty cell or `null`; leading zeros that Excel dropped from
    a number (32129 for 00032129) are put back."""
    raw = text(value)
    if raw.lower() in {"", "null", "none", "-"}:
        return ""
    if raw.isdigit() and 5 <= len(raw) < 8:
        return raw.zfill(8)
    return raw


def split_list(value: Any) -> list[str]:
    """Comma- or semicolon-separated items, trimmed, empty ones dropped, order kept."""
    items = re.split(r"[,;]", text(value))
    return list(dict.fromkeys(item.strip() for item in items if item.strip()))


def keywords(value: Any) -> list[str]:
    """Keywords as the registry stores them: single-spaced, lower case, at most 100 letters."""
    words = (" ".join(item.split()).lower()[:100] for item in split_list(value))
    return list(dict.fromkeys(word for word in words if word))


def formats(value: Any) -> list[str]:
    return list(dict.fromkeys(item.upper().lstrip(".") for item in split_list(value)))


def person_name(value: Any) -> tuple[str, str, str]:
    """(surname, given name, patronymic) from "Прізвище Ім'я По батькові" (§4.10 order)."""
    parts = text(value).split()
    if not parts:
        return "", "", ""
    return parts[0], (parts[1] if len(parts) > 1 else ""), " ".join(parts[2:])
