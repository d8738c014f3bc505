"""Filling a structure's template as a clerk would: one valid value per type."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from openpyxl import load_workbook

VALID = {
    "string": "Київ", "number": 50.4577, "integer": 12, "date": dt.datetime(2025, 3, 31),
    "datetime": dt.datetime(2025, 3, 31, 9, 34), "time": dt.time(9, 34),
    "boolean": True, "year": 2025, "yearmonth": "2025-03", "duration": "P1D",
    "object": "{}",
}


EDRPOU = "04054903"  # a valid ЄДРПОУ code (check digit right)
_EDRPOU_WORDS = re.compile(r"(?i)єдрпоу|edrpou|publisheridentifier|ідентифікаційний\s+код"
                           r"\s+юридичн|код\s+юридичн")


def valid_value(field: dict[str, Any]) -> Any:
    words = " ".join(str(field.get(k, "")) for k in ("name", "title", "description"))
    if field.get("type", "string") == "string" and _EDRPOU_WORDS.search(words):
        return EDRPOU
    if field.get("format") == "uri":
        return "https://rada.example.gov.ua/dani"
    return VALID.get(field.get("type", "string"), "Київ")


def filled_xlsx(template: bytes, fields: list[dict[str, Any]], rows: list[dict] | None = None
                ) -> bytes:
    """The template with rows added below its two header rows (default: one valid row)."""
    workbook = load_workbook(io.BytesIO(template))
    sheet = workbook.active
    for number, row in enumerate(rows or [{}], start=3):
        for col, field in enumerate(fields, start=1):
            value = row.get(field["name"], valid_value(field))
            sheet.cell(row=number, column=col, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
