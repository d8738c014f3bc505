"""A council's own list with its history columns, for the import benchmarks
(import_history.py, import_registry.py), and a throw-away database to import it into."""

from __future__ import annotations

import io
import os
from pathlib import Path

HEADER = ["Порядок", "Розпорядник", "Вид розпорядника", "Підпорядкування", "Код ЄДРПОУ",
          "Назва набору даних", "Опис", "Підстава та призначення збору інформації",
          "Періодичність", "Дата завантаження на портал", "Дата першого оприлюднення",
          "Дата останнього оновлення", "Стан на порталі", "У переліку"]


def setup_django(folder: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "radadata.config.settings.test"
    import django
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database["NAME"] = str(folder / "bench.sqlite3")  # a file, as a council runs it
    settings.MEDIA_ROOT = folder / "media"
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def workbook(rows: int, *, keywords: bool = False) -> bytes:
    """40 owners, 10 of them units under the executive committee; every tenth dataset on
    moderation, half on the approved list. `keywords` adds a keywords column (and numbers the
    descriptions), as a list with tags to write has."""
    from openpyxl import Workbook
    from stdnum.ua import edrpou

    codes = []
    for n in range(40):
        body = f"{3_100_000 + n:07d}"
        codes.append(body + edrpou.calc_check_digit(body))
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER + (["Ключові слова"] if keywords else []))
    for i in range(rows):
        owner = i % 40
        unit = owner < 10
        month = 1 + i % 12
        waiting = i % 10 == 0
        sheet.append([
            owner + 1, f"Розпорядник {owner}",
            "структурний підрозділ" if unit else "відділ зі статусом юридичної особи",
            "Виконавчий комітет" if unit else "", "" if unit else codes[owner],
            f"Набір даних {i}", f"Опис набору даних {i}" if keywords else "Опис набору даних",
            "Закон України", "Щороку",
            f"10.{month:02d}.2020", "" if waiting else f"15.{month:02d}.2020", "",
            "на модерації" if waiting else "оприлюднено", "так" if i % 2 else "ні",
            *([f"бюджет, звіт {i % 50}"] if keywords else [])])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
