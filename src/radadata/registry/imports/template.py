"""The import template offered for download: the columns a council's list of datasets and its
history are recognised by, with the closed lists offered as drop-downs."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from radadata.registry.vocabularies import PERIODICITY_UK

from .history import KIND_WORDS, STATE_WORDS

#: (header, width, drop-down choices or None). Official Ukrainian wording: a data file.
COLUMNS: tuple[tuple[str, int, tuple[str, ...] | None], ...] = (
    ("Порядок", 9, None),
    ("Розпорядник", 40, None),
    ("Вид розпорядника", 28, tuple(words[0] for words in KIND_WORDS.values())),
    ("Підпорядкування", 36, None),
    ("Код ЄДРПОУ", 12, None),
    ("Ідентифікатор", 16, None),
    ("Назва набору даних", 48, None),
    ("Опис", 40, None),
    ("Підстава та призначення збору інформації", 40, None),
    ("Періодичність", 22, tuple(PERIODICITY_UK.values())),
    ("Формат", 10, None),
    ("Дата завантаження на портал", 16, None),
    ("Дата першого оприлюднення", 16, None),
    ("Дата останнього оновлення", 16, None),
    ("Стан на порталі", 22, tuple(words[0] for words in STATE_WORDS.values())),
    ("У переліку", 10, ("так", "ні")),
    ("ПІБ відповідальної особи", 30, None),
    ("Email відповідальної особи", 30, None),
)
ROWS = 2000  # rows the drop-downs cover


def template_workbook() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Набори даних"
    sheet.append([header for header, _width, _choices in COLUMNS])
    for index, (_header, width, choices) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(1, index)
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = width
        if choices:
            validation = DataValidation(type="list", allow_blank=True,
                                        formula1='"' + ",".join(
                                            c.replace(",", "") for c in choices) + '"')
            validation.add(f"{cell.column_letter}2:{cell.column_letter}{ROWS}")
            sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
