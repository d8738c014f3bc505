"""The column layouts of the exported registries.

`4.10` is the structure the regulation prescribes for the registry of published datasets (§4.10,
spelt as it spells it, "dataPublikation" included); `2019` and `2025` are the national register
structures (REGULATION-NOTES §5.1: RegisterOfDatasets of 2019, Додаток 7 of 2025); `internal` is
the full registry of §4.3 for the office. Column titles are the official Ukrainian wordings: they
are data, so an export never depends on the language of the request.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str  # the header cell of the exported file
    title: str  # the Ukrainian title (§4.10 text or the national structure)
    description: str = ""


@dataclass(frozen=True)
class Structure:
    key: str
    columns: tuple[Column, ...]
    filename: str  # without extension

    @property
    def header(self) -> list[str]:
        return [column.name for column in self.columns]


def _columns(*pairs: tuple[str, ...]) -> tuple[Column, ...]:
    return tuple(Column(*pair) for pair in pairs)


REGISTRY_4_10 = Structure("4.10", _columns(
    ("title", "назва", "найменування набору даних"),
    ("identifier", "ідентифікатор", "унікальний ідентифікаційний номер набору даних"),
    ("description", "опис", "короткий опис набору даних"),
    ("format", "формат", "формат набору даних"),
    ("dataPublikation", "дата", "дата публікації набору даних"),
    ("accrualPeriodicity", "частота", "частота оновлення набору даних"),
    ("landingPage", "посилання", "посилання на сторінку набору даних"),
    ("publisherName", "назва розпорядника",
     "назва розпорядника, відповідального за набір даних (розпорядника набору даних)"),
    ("publisherIdentifier", "ідентифікатор розпорядника",
     "код ЄДРПОУ, якщо розпорядник є юридичною особою; у іншому випадку – null"),
    ("contactPointFn", "відповідальна особа",
     "прізвище, ім’я, по батькові відповідальної особи розпорядника набору даних"),
    ("contactPointHasEmail", "Email відповідальної особи",
     "адреса електронної пошти відповідальної особи розпорядника набору даних"),
), filename="registry")

# The CSV form of the 2019 structure names the owner column publisherPrefLabel (its HTML form
# says publisherName); the file is what the portal reads, so the CSV name is used.
REGISTRY_2019 = Structure("2019", _columns(
    ("identifier", "Ідентифікатор"),
    ("title", "Назва"),
    ("description", "Опис"),
    ("accrualPeriodicity", "Частота оновлення"),
    ("keyword", "Ключові слова"),
    ("purpose", "Підстава та призначення збору інформації"),
    ("landingPage", "Посилання на сторінку набору даних"),
    ("distributionFormat", "Формати ресурсів"),
    ("publisherPrefLabel", "Назва розпорядника"),
    ("publisherIdentifier", "Ідентифікатор розпорядника"),
    ("contactPointFn", "Відповідальна особа"),
    ("contactPointHasEmail", "Email відповідальної особи"),
), filename="registry-2019")

REGISTRY_2025 = Structure("2025", _columns(
    ("uid", "Ідентифікатор"),
    ("title", "Назва"),
    ("description", "Опис"),
    ("accrualPeriodicity", "Частота оновлення"),
    ("keywords", "Ключові слова"),
    ("purpose", "Підстава та призначення збору інформації"),
    ("url", "Посилання на сторінку набору даних"),
    ("distributionFormat", "Формати ресурсів"),
    ("publisherName", "Назва розпорядника"),
    ("publisherId", "Ідентифікатор розпорядника"),
    ("contactPointName", "Відповідальна особа"),
    ("contactPointEmail", "Email відповідальної особи"),
), filename="registry-2025")

# §4.3 lists what the registry holds; identifier, state and the passport's purpose and keywords
# are added so the officer's file identifies each dataset and can be imported back.
REGISTRY_INTERNAL = Structure("internal", _columns(
    ("Ідентифікатор", "Ідентифікатор"),
    ("Назва", "Назва"),
    ("Короткий опис", "Короткий опис"),
    ("Дата створення", "Дата створення"),
    ("Формат", "Формат"),
    ("Тип даних", "Тип даних"),
    ("Частота оновлення", "Частота оновлення"),
    ("Розпорядник", "Розпорядник"),
    ("Код ЄДРПОУ розпорядника", "Код ЄДРПОУ розпорядника"),
    ("Відповідальні особи", "Відповідальні особи"),
    ("Email відповідальної особи", "Email відповідальної особи"),
    ("Дата публікації", "Дата публікації"),
    ("Стан", "Стан"),
    ("Підстава та призначення збору інформації", "Підстава та призначення збору інформації"),
    ("Ключові слова", "Ключові слова"),
), filename="registry-internal")

#: The published structures, by the value of ?structure= and --structure.
PUBLISHED: dict[str, Structure] = {s.key: s for s in (REGISTRY_4_10, REGISTRY_2019,
                                                       REGISTRY_2025)}

#: Official Ukrainian labels of the §5.2 data types and of the registry states, for the
#: internal export (data, like vocabularies.PERIODICITY_UK).
DATA_TYPE_UK: dict[str, str] = {
    "structured": "Структуровані дані",
    "text": "Текст",
    "graphic": "Графічні дані",
    "geo": "Геопросторові дані",
    "video": "Відео",
    "audio": "Аудіо",
    "archive": "Архів",
}
STATUS_UK: dict[str, str] = {
    "registered": "Внесено до реєстру, не оприлюднено",
    "published": "Оприлюднено",
    "archived": "Більше не оновлюється",
}
