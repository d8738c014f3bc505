"""Writes the sample registry lists used by tests/registry/test_imports.py.

Run from the repository root: `.venv/bin/python tests/data/make_registry_samples.py`. The files
are committed; this script records how they were made (as Excel, LibreOffice and a council's
own list write them).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent

NAMES_2019 = ["identifier", "title", "description", "accrualPeriodicity", "keyword", "purpose",
              "landingPage", "distributionFormat", "publisherPrefLabel", "publisherIdentifier",
              "contactPointFn", "contactPointHasEmail"]
NAMES_2025 = ["uid", "title", "description", "accrualPeriodicity", "keywords", "purpose", "url",
              "distributionFormat", "publisherName", "publisherId", "contactPointName",
              "contactPointEmail"]
TITLES = ["Ідентифікатор", "Назва", "Опис", "Частота оновлення", "Ключові слова",
          "Підстава та призначення збору інформації", "Посилання на сторінку набору даних",
          "Формати ресурсів", "Назва розпорядника", "Ідентифікатор розпорядника",
          "Відповідальна особа", "Email відповідальної особи"]
PURPOSE = "Закон України «Про доступ до публічної інформації», постанова КМУ №835"

ROWS = [
    ["svit-osvita-zaklady", "Перелік закладів загальної середньої освіти",
     "Назви, адреси й контакти шкіл і ліцеїв громади, їхні директори.", "Щороку",
     "школи, ліцеї, освіта", PURPOSE, "https://data.gov.ua/dataset/svit-osvita-zaklady",
     "CSV, XLSX", "Управління освіти Світлогірської міської ради", "02142566",
     "Ковальчук Ірина Євгенівна", "osvita@svitlohirsk-rada.example.ua"],
    ["svit-biudzhet-vykonannia", "Звіт про виконання місцевого бюджету",
     "Щомісячний звіт про надходження і видатки бюджету громади; ґрунтується на даних "
     "казначейства.", "Щомісяця", "бюджет, видатки, доходи", PURPOSE,
     "https://data.gov.ua/dataset/svit-biudzhet-vykonannia", "XLSX",
     "Фінансове управління Світлогірської міської ради", "02143152",
     "Їжак Олег Юрійович", "finance@svitlohirsk-rada.example.ua"],
    ["svit-kultura-zakhody", "План культурно-мистецьких заходів",
     "Заходи, які відділ культури проводить упродовж кварталу: дата, місце, опис.",
     "Щокварталу", "культура, заходи, дозвілля", PURPOSE, "", "CSV",
     "Відділ культури Світлогірської міської ради", "null",
     "Єрмоленко Ганна Іванівна", "kultura@svitlohirsk-rada.example.ua"],
]


def windows_1251_csv() -> None:
    """A council's own list saved by LibreOffice on Windows: Windows-1251, comma, CRLF, the
    Ukrainian column titles, no landing page column."""
    keep = [i for i, title in enumerate(TITLES) if title != "Посилання на сторінку набору даних"]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([TITLES[i] for i in keep])
    for row in ROWS:
        writer.writerow([row[i] for i in keep])
    (HERE / "registry-windows-1251.csv").write_bytes(buffer.getvalue().encode("cp1251"))


def excel_semicolon_csv() -> None:
    """Excel's "CSV UTF-8" in a Ukrainian locale: BOM, semicolons, CRLF; 2019 names; a quoted
    description with a semicolon and a line break in it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(NAMES_2019)
    rows = [list(row) for row in ROWS]
    rows[0][2] = "Назви та адреси шкіл; контакти директорів.\nОновлюється щороку у вересні."
    writer.writerows(rows)
    (HERE / "registry-excel-semicolon.csv").write_bytes(
        b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))


def _sheet_rows(sheet, header: list[str], with_titles: bool) -> None:
    bold = Font(bold=True)
    sheet.append(header)
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    if with_titles:
        sheet.append(TITLES)
    for row in ROWS:
        sheet.append(row)


def xlsx_2019() -> None:
    """The 2019 template: a title row, the machine names, the row of Ukrainian titles; Excel has
    turned one ЄДРПОУ code into a number and dropped its leading zeros."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Register"
    sheet.append(["Реєстр наборів даних Світлогірської міської ради станом на 01.03.2026"])
    sheet.append([])
    _sheet_rows(sheet, NAMES_2019, with_titles=True)
    sheet.cell(row=6, column=10).value = 2143152  # 02143152 as a number
    workbook.save(HERE / "registry-2019.xlsx")


def xlsx_2025() -> None:
    """The 2025 names on the second sheet; the first holds instructions."""
    workbook = Workbook()
    notes = workbook.active
    notes.title = "Інструкція"
    notes.append(["Заповніть аркуш «Реєстр»: один набір даних у рядку."])
    sheet = workbook.create_sheet("Реєстр")
    _sheet_rows(sheet, NAMES_2025, with_titles=False)
    workbook.save(HERE / "registry-2025.xlsx")


def broken_xlsx() -> None:
    """An .xlsx cut short, as an interrupted download or e-mail attachment leaves it."""
    buffer = io.BytesIO()
    Workbook().save(buffer)
    (HERE / "registry-broken.xlsx").write_bytes(buffer.getvalue()[:700])


if __name__ == "__main__":
    windows_1251_csv()
    excel_semicolon_csv()
    xlsx_2019()
    xlsx_2025()
    broken_xlsx()
