"""The rejected rows given back as a workbook: the clerk's own columns, then what to fix."""

from __future__ import annotations

import datetime as dt
import io

from django.utils.translation import gettext as _

from radadata.core.text import neutralise_formula

from .plan import ImportPlan


def rejected_workbook(plan: ImportPlan) -> bytes:
    """An .xlsx of the rejected rows as the file had them, with a last column saying what to
    fix in each; corrected, it can be uploaded again as it is."""
    from openpyxl import Workbook  # openpyxl is heavy for every command's start
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Rejected rows")[:31]
    fix, row_title = _("What to fix"), _("Row in your file")
    sheet.append([*plan.table.header, fix, row_title])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    by_number = {row.number: row for row in plan.table.rows}
    for outcome in plan.rejected:
        source = by_number.get(outcome.row)
        cells = list(source.cells) if source is not None else []
        cells += [None] * (len(plan.table.header) - len(cells))
        values = [_cell(value) for value in cells[:len(plan.table.header)]]
        sheet.append([*values, "\n".join(outcome.messages), outcome.row])
    width = len(plan.table.header)
    sheet.column_dimensions[sheet.cell(1, width + 1).column_letter].width = 80
    for row in sheet.iter_rows(min_row=2, min_col=width + 1, max_col=width + 1):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(value):
    if isinstance(value, str):
        return neutralise_formula(value)
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    return value
