"""What a demo dataset is made of, and the small vocabularies its generated files draw on.

Everything here is fictional: the city of Світлогірськ, its streets, officials and figures.
Names of officials appear only in their official capacity (§2.5); no private person is named.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from stdnum.ua import edrpou

KYIV = ZoneInfo("Europe/Kyiv")

#: A table: the header row and the data rows.
Table = tuple[list[str], list[list[object]]]
#: Makes a dataset's table; `edition` is 1 for the first file, 2 for a later update.
TableMaker = Callable[[random.Random, int], Table]

PURPOSE_835 = ("Закон України «Про доступ до публічної інформації»; постанова Кабінету Міністрів "
               "України від 21.10.2015 № 835; Положення про відкриті дані Світлогірської міської "
               "ради.")


@dataclass(frozen=True)
class FileSpec:
    """One resource of a dataset: its title, format (CSV, XLSX or JSON) and file name stem."""

    title: str
    format: str
    stem: str


@dataclass(frozen=True)
class DatasetSpec:
    key: str
    owner: str  # the owner's slug
    title: str
    description: str
    purpose: str
    keywords: tuple[str, ...]
    themes: tuple[str, ...]
    periodicity: str
    created_on: dt.date
    table: TableMaker | None  # None for a dataset without files
    files: tuple[FileSpec, ...] = ()
    national: str = ""  # code of the national list item it fulfils
    published_on: dt.date | None = None  # None: in the registry, not published yet
    updated_on: dt.date | None = None  # a second version of the first file on this day
    on_list: bool = True  # an item of the approved list
    responsible: str = ""  # e-mail of a contact person set on the dataset itself
    # The register of datasets: its files describe the demo registry itself.
    from_registry: bool = False


def at(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    """A working-hours moment of a day, Kyiv time."""
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=KYIV)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


STREETS = [
    "вул. Соборна", "вул. Шевченка", "просп. Незалежності", "вул. Героїв України",
    "вул. Лесі Українки", "вул. Івана Франка", "вул. Садова", "вул. Квітнева",
    "вул. Михайла Грушевського", "вул. Покровська", "вул. Київська", "вул. Заводська",
    "вул. Вишнева", "вул. Набережна", "вул. Василя Стуса", "вул. Паркова",
    "вул. Гетьмана Мазепи", "вул. Залізнична", "вул. Степова", "вул. Молодіжна",
    "вул. Озерна", "пров. Тихий", "вул. Ярослава Мудрого", "вул. Соснова",
    "вул. Небесної Сотні", "вул. Козацька",
]
DISTRICTS = ["Центральний", "Заводський", "Озерний", "Сосновий бір", "Північний"]
VILLAGES = ["с. Вербівка", "с. Калинівка", "с. Зелений Гай", "с. Степове"]
POSTCODE = "20100"
CITY = "м. Світлогірськ"
CENTER = (49.1214, 32.6587)  # a fictional city needs some coordinates


def address(rng: random.Random, *, city: bool = False) -> str:
    text = f"{rng.choice(STREETS)}, {rng.randint(1, 120)}"
    return f"{text}, {CITY}" if city else text


def point(rng: random.Random, spread: float = 0.03) -> tuple[float, float]:
    lat, lon = CENTER
    return (round(lat + rng.uniform(-spread, spread), 6),
            round(lon + rng.uniform(-spread * 1.5, spread * 1.5), 6))


def money(rng: random.Random, low: float, high: float) -> float:
    return round(rng.uniform(low, high), 2)


def day_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def months(start: dt.date, count: int) -> list[dt.date]:
    """The first days of `count` calendar months from `start`."""
    out, year, month = [], start.year, start.month
    for _ in range(count):
        out.append(dt.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


# Officials' names (deputies, heads of institutions) are drawn from these lists.
MEN = [("Олександр", "Олександрович", "Олександрівна"), ("Андрій", "Андрійович", "Андріївна"),
       ("Сергій", "Сергійович", "Сергіївна"), ("Володимир", "Володимирович", "Володимирівна"),
       ("Микола", "Миколайович", "Миколаївна"), ("Іван", "Іванович", "Іванівна"),
       ("Петро", "Петрович", "Петрівна"), ("Василь", "Васильович", "Василівна"),
       ("Юрій", "Юрійович", "Юріївна"), ("Дмитро", "Дмитрович", "Дмитрівна"),
       ("Віктор", "Вікторович", "Вікторівна"), ("Богдан", "Богданович", "Богданівна"),
       ("Тарас", "Тарасович", "Тарасівна"), ("Олег", "Олегович", "Олегівна"),
       ("Ігор", "Ігорович", "Ігорівна"), ("Роман", "Романович", "Романівна"),
       ("Михайло", "Михайлович", "Михайлівна"), ("Степан", "Степанович", "Степанівна"),
       ("Анатолій", "Анатолійович", "Анатоліївна"), ("Григорій", "Григорович", "Григорівна")]
WOMEN = ["Олена", "Наталія", "Ірина", "Оксана", "Тетяна", "Світлана", "Галина", "Людмила",
         "Марія", "Юлія", "Катерина", "Ольга", "Вікторія", "Надія", "Лариса", "Алла", "Інна",
         "Валентина", "Христина", "Софія"]
SURNAMES = ["Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник", "Мельник",
            "Поліщук", "Савчук", "Лисенко", "Марченко", "Руденко", "Гончаренко", "Федоренко",
            "Павленко", "Кузьменко", "Ковальчук", "Романюк", "Гнатюк", "Дячук", "Остапчук",
            "Ярошенко", "Литвиненко", "Демченко", "Сидоренко", "Мороз", "Гуменюк", "Кириленко",
            "Панченко", "Приходько", "Зінченко", "Білик", "Гаврилюк", "Кравець", "Швець",
            "Дорошенко", "Левченко", "Мазур", "Ничипорук", "Яковенко", "Костенко", "Онищенко",
            "Тарасенко", "Вовк", "Бойко", "Карпенко", "Захарченко", "Стасюк", "Бабенко"]


def official_name(rng: random.Random) -> str:
    """Surname, given name, patronymic of a fictional official."""
    surname = rng.choice(SURNAMES)
    father = rng.choice(MEN)
    if rng.random() < 0.5:
        return f"{surname} {rng.choice(MEN)[0]} {father[1]}"
    return f"{surname} {rng.choice(WOMEN)} {father[2]}"


FACTIONS = ["«Слуга народу»", "«Європейська солідарність»", "«Батьківщина»", "«Голос»",
            "«За майбутнє»", "позафракційні"]


def deputies() -> list[dict[str, object]]:
    """The 26 deputies of the council's IX convocation; the same in every dataset."""
    rng = random.Random("svitlohirsk-deputies")
    names: list[str] = []
    while len(names) < 26:
        name = official_name(rng)
        if name.split()[0] not in {n.split()[0] for n in names}:
            names.append(name)
    return [{"id": n + 1, "name": name, "faction": FACTIONS[rng.randrange(len(FACTIONS))],
             "district": n % 13 + 1} for n, name in enumerate(names)]


# Legal entities (their names and codes are not personal data, §2.8); all fictional.
COMPANIES = [
    "ТОВ «Світлогірський хлібозавод»", "ТОВ «Сосновий бір Агро»", "ТОВ «Міськбуд-Інвест»",
    "ТОВ «Озерна енергія»", "ПрАТ «Світлогірський механічний завод»", "ТОВ «Квітнева-Маркет»",
    "ТОВ «Дорбуд-Центр»", "ТОВ «Ясна оселя»", "ТОВ «ІТ-Лінія»", "ТОВ «Степ-Логістик»",
    "ТОВ «Сонячна рекламна група»", "ТОВ «Вербівка-Молоко»", "ТОВ «Аптека Здоров'я Плюс»",
    "ТОВ «Будівельна компанія «Граніт»", "ТОВ «Теплосервіс-С»", "ТОВ «Калинівські сади»",
    "ТОВ «Медтехсервіс»", "ТОВ «Світло-Маркет»", "ТОВ «Зелений квартал»", "ПП «Автолайн-С»",
    "ТОВ «Еко-Ресурс»", "ТОВ «Промбудпроект»", "ТОВ «Фармація Світлогірська»",
    "ТОВ «Світлогірськ-Буд»",
]
NGOS = ["ГО «Світлогірська громадська ініціатива»", "БФ «Добрі сусіди»",
        "ГО «Ветерани Світлогірщини»", "БО «Фонд громади Світлогірська»"]


def edrpou_for(name: str) -> str:
    """A stable, valid ЄДРПОУ code for a fictional legal entity."""
    body = f"{random.Random(name).randint(3_000_000, 4_499_999):07d}"
    return body + edrpou.calc_check_digit(body)
