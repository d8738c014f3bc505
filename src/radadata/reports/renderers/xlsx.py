"""A document's tables as XLSX: one worksheet per table, and one per chart with the numbers
behind it. Numbers stay numbers, so the figures can be summed and charted again in Excel."""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from radadata.reports.documents.blocks import Cell, Document, Figure, Table

BOLD = Font(bold=True)
_SHEET_UNSAFE = re.compile(r"[\\/*?:\[\]]")


def render_xlsx(document: Document) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    names: set[str] = set()
    figures = 0
    for block in document.blocks:
        if isinstance(block, Table):
            _sheet(workbook, names, block.sheet or block.caption, block.caption, block.header,
                   block.rows, block.footer, block.widths)
        elif isinstance(block, Figure):
            figures += 1
            chart = block.chart
            rows = tuple((label, *values) for label, values in chart.rows)
            footer = ("Разом", *(sum(series.values) for series in chart.series))
            _sheet(workbook, names, f"Рисунок {figures}", block.caption,
                   ("Місяць", *(series.name for series in chart.series)), rows, footer, ())
    if not workbook.worksheets:
        workbook.create_sheet("Таблиці").append(["У документі немає таблиць."])
    workbook.properties.title = document.title
    workbook.properties.creator = "RadaData"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet(workbook: Workbook, names: set[str], name: str, caption: str,
           header: tuple[str, ...], rows: tuple[tuple[Cell, ...], ...],
           footer: tuple[Cell, ...] | None, widths: tuple[float, ...]) -> None:
    sheet = workbook.create_sheet(_unique(names, name))
    _append(sheet, (caption,))
    sheet["A1"].font = BOLD
    _append(sheet, header)
    for cell in sheet[2]:
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        _append(sheet, row)
    if footer:
        _append(sheet, footer)
        for cell in sheet[sheet.max_row]:
            cell.font = BOLD
    sheet.freeze_panes = "A3"
    relative = list(widths) or [1.0] * len(header)
    for index, part in enumerate(relative, start=1):
        # Relative widths of the page's table, scaled to Excel's characters.
        sheet.column_dimensions[get_column_letter(index)].width = max(8, round(part * 6))


def _unique(names: set[str], name: str) -> str:
    base = _SHEET_UNSAFE.sub(" ", name).strip()[:31] or "Таблиця"
    candidate, n = base, 2
    while candidate in names:
        suffix = f" {n}"
        candidate = base[:31 - len(suffix)] + suffix
        n += 1
    names.add(candidate)
    return candidate


def _append(sheet, cells: tuple[Cell | None, ...]) -> None:
    sheet.append([cell if cell is None or isinstance(cell, int | float)
                  else ILLEGAL_CHARACTERS_RE.sub("", str(cell)) for cell in cells])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            # openpyxl would store it as a formula; a title is text, never something to run.
            cell.data_type = "s"
