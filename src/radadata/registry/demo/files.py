"""Render a demo table as a real file: CSV (UTF-8, comma), XLSX or JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from .common import Table

EXTENSIONS = {"CSV": "csv", "XLSX": "xlsx", "JSON": "json"}


def _text(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "так" if value else "ні"
    return "" if value is None else value


def to_csv(table: Table) -> bytes:
    header, rows = table
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_text(v) for v in row] for row in rows)
    return out.getvalue().encode("utf-8")


def to_json(table: Table) -> bytes:
    header, rows = table
    records = [{name: (value.isoformat() if isinstance(value, dt.date) else value)
                for name, value in zip(header, row, strict=True)} for row in rows]
    return json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8")


def to_xlsx(table: Table, sheet: str = "Дані") -> bytes:
    header, rows = table
    # Write-only mode: several times faster, and the demo writes dozens of workbooks.
    book = Workbook(write_only=True)
    worksheet = book.create_sheet(sheet)
    bold = Font(bold=True)
    cells = []
    for name in header:
        cell = WriteOnlyCell(worksheet, value=name)
        cell.font = bold
        cells.append(cell)
    worksheet.append(cells)
    for row in rows:
        worksheet.append(["так" if v is True else "ні" if v is False else v for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def render(table: Table, fmt: str) -> bytes:
    return {"CSV": to_csv, "JSON": to_json, "XLSX": to_xlsx}[fmt](table)
