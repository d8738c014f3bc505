"""Empty templates of a structure to fill in: XLSX as the official templates are (machine names
in row 1, Ukrainian titles in row 2), with column widths, cell formats and data validation by
type; and its CSV twin (the same two rows, UTF-8)."""

from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

FORMATS = ("xlsx", "csv")
_ROWS = 1000  # rows below the header that carry the formats and validations
_NUMBER_FORMATS = {"date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm:ss", "time": "hh:mm:ss",
                   "string": "@"}


def template_csv(schema: dict[str, Any]) -> bytes:
    fields = schema["fields"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([f["name"] for f in fields])
    writer.writerow([f.get("title") or f["name"] for f in fields])
    return buffer.getvalue().encode("utf-8")


def template_xlsx(schema: dict[str, Any], *, title: str = "") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "data"
    fields = schema["fields"]
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for col, field in enumerate(fields, start=1):
        name_cell = sheet.cell(row=1, column=col, value=field["name"])
        name_cell.font = bold
        title_cell = sheet.cell(row=2, column=col, value=field.get("title") or field["name"])
        title_cell.fill = fill
        title_cell.alignment = Alignment(wrap_text=True, vertical="top")
        if field.get("description"):
            title_cell.comment = Comment(field["description"][:2000], "RadaData")
        letter = get_column_letter(col)
        width = max(len(field["name"]), min(len(title_cell.value), 40)) + 4
        sheet.column_dimensions[letter].width = min(max(width, 12), 60)
        _formats(sheet, col, field)
        _validation(sheet, letter, field)
    sheet.freeze_panes = "A3"
    if title:
        workbook.properties.title = title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _formats(sheet, col: int, field: dict[str, Any]) -> None:
    """The column's own format (dates as dates, text as text so a postcode keeps its 0):
    set on the column, so the template has no empty cells to read."""
    number_format = _NUMBER_FORMATS.get(str(field.get("type") or "string"))
    if number_format:
        sheet.column_dimensions[get_column_letter(col)].number_format = number_format


def _validation(sheet, letter: str, field: dict[str, Any]) -> None:
    kind = str(field.get("type") or "string")
    constraints = field.get("constraints") or {}
    area = f"{letter}3:{letter}{2 + _ROWS}"
    title = str(field.get("title") or field["name"])[:32]
    if constraints.get("enum"):
        values = ",".join(str(v) for v in constraints["enum"])
        check = DataValidation(type="list", formula1=f'"{values}"', allow_blank=True) \
            if len(values) < 250 else None
    elif kind == "integer":
        check = DataValidation(type="whole", operator="between", formula1="-999999999999",
                               formula2="999999999999", allow_blank=True)
    elif kind == "number":
        check = DataValidation(type="decimal", operator="between", formula1="-1E+15",
                               formula2="1E+15", allow_blank=True)
    elif kind == "date":
        check = DataValidation(type="date", operator="greaterThan", formula1="1",
                               allow_blank=True)
    elif kind == "boolean":
        check = DataValidation(type="list", formula1='"true,false"', allow_blank=True)
    else:
        check = None
    if check is None:
        return
    check.errorTitle = title
    check.error = _message(kind)
    check.showErrorMessage = True
    sheet.add_data_validation(check)
    check.add(area)


def _message(kind: str) -> str:
    # Shown by Excel itself, in the file's language: Ukrainian, as the templates are.
    return {
        "integer": "Ціле число, наприклад: 12",
        "number": "Число з крапкою, наприклад: 50.4577",
        "date": "Дата, наприклад: 2025-03-31",
        "boolean": "true або false",
    }.get(kind, "Значення зі списку")
