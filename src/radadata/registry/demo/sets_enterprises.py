"""Demo datasets of communal enterprises (§1.15.3): water, transport, upkeep of the city."""

from __future__ import annotations

import datetime as dt
import random

from radadata.registry.vocabularies import Periodicity as P

from .common import (
    PURPOSE_835,
    DatasetSpec,
    FileSpec,
    Table,
    address,
    d,
    money,
    point,
)

WATER = [("Мутність", "НОД", 1.0, 0.1, 0.9), ("Загальна жорсткість", "ммоль/дм³", 7.0, 3.0, 6.8),
         ("Залізо загальне", "мг/дм³", 0.2, 0.02, 0.25), ("Нітрати", "мг/дм³", 50.0, 2.0, 30.0),
         ("Загальне мікробне число", "КУО/см³", 100.0, 0.0, 40.0)]
WATER_POINTS = ["Насосна станція № 1", "Резервуар чистої води", "Розподільна мережа, "
                "вул. Шевченка", "Розподільна мережа, с. Вербівка"]


def water_quality(rng: random.Random, edition: int) -> Table:
    start = d("2025-01-01") if edition == 1 else d("2026-08-01")
    header = ["Дата відбору проби", "Точка відбору", "Показник", "Одиниця виміру",
              "Норматив (не більше)", "Фактичне значення", "Відповідає нормативу"]
    rows = []
    for m in range(3):
        day = start + dt.timedelta(days=31 * m + rng.randint(3, 9))
        for place in WATER_POINTS:
            for name, unit, limit, low, high in WATER:
                value = round(rng.uniform(low, high), 2)
                rows.append([day, place, name, unit, limit, value, value <= limit])
    return header, rows


FINPLAN = [("1000", "Чистий дохід від реалізації продукції (товарів, робіт, послуг)"),
           ("1010", "Собівартість реалізованої продукції"), ("1020", "Валовий прибуток"),
           ("1030", "Адміністративні витрати"), ("1040", "Витрати на збут"),
           ("1050", "Інші операційні доходи"), ("1060", "Інші операційні витрати"),
           ("1070", "Фінансовий результат від операційної діяльності"),
           ("1100", "Чистий фінансовий результат"), ("1200", "Фінансування з місцевого бюджету"),
           ("1210", "Капітальні інвестиції, усього"), ("1211", "Придбання основних засобів"),
           ("1212", "Капітальний ремонт мереж"), ("1300", "Витрати на оплату праці"),
           ("1310", "Єдиний соціальний внесок"), ("1400", "Витрати на електроенергію"),
           ("1500", "Середньооблікова кількість працівників, осіб")]


def vodokanal_finplan(rng: random.Random, edition: int) -> Table:
    header = ["Код рядка", "Найменування показника", "Факт 2024 року, тис. грн",
              "План 2025 року, тис. грн", "План 2026 року, тис. грн"]
    rows = []
    for code, name in FINPLAN:
        if "осіб" in name:
            rows.append([code, name, 212, 215, 218])
            continue
        fact = money(rng, 300, 48_000)
        rows.append([code, name, fact, round(fact * rng.uniform(1.0, 1.15), 1),
                     round(fact * rng.uniform(1.05, 1.3), 1)])
    return header, rows


ROUTES = [("1", "тролейбус", "Залізничний вокзал — Мікрорайон Озерний"),
          ("2", "тролейбус", "Центральна площа — Механічний завод"),
          ("3", "тролейбус", "Мікрорайон Північний — Центральна міська лікарня"),
          ("5", "автобус", "Центральна площа — с. Вербівка"),
          ("7", "автобус", "Автостанція — с. Калинівка"),
          ("9", "автобус", "Мікрорайон Озерний — Парк «Сосновий бір»")]
STOPS = ["Залізничний вокзал", "Центральна площа", "Вулиця Шевченка", "Ліцей № 1",
         "Центральна міська лікарня", "Ринок", "Парк «Сосновий бір»", "Мікрорайон Озерний",
         "Механічний завод", "Автостанція", "ЦНАП", "Будинок культури «Світанок»",
         "Вулиця Садова", "Мікрорайон Північний", "Гімназія № 3", "Набережна",
         "Вулиця Київська", "Спорткомплекс «Олімп»", "с. Вербівка (центр)",
         "с. Калинівка (центр)", "Вулиця Степова", "Поліклініка № 1"]


def schedule(rng: random.Random, edition: int) -> Table:
    header = ["Номер маршруту", "Вид транспорту", "Напрямок", "Номер рейсу", "Зупинка",
              "Порядковий номер зупинки", "Час відправлення", "Діє з"]
    valid = d("2025-03-31") if edition == 1 else d("2026-09-01")
    first = 6 if edition == 1 else 5
    rows = []
    for number, kind, name in ROUTES[:4]:
        stops = random.Random(name).sample(STOPS, 7)
        interval = rng.choice([20, 25, 30, 40])
        for trip in range(1, 6):
            minute = first * 60 + rng.randint(0, 15) + (trip - 1) * interval * 3
            for order, stop in enumerate(stops, start=1):
                minute += rng.randint(2, 5)
                rows.append([number, kind, name, trip, stop, order,
                             f"{minute // 60:02d}:{minute % 60:02d}", valid])
    return header, rows


def routes(rng: random.Random, edition: int) -> Table:
    header = ["Номер маршруту", "Назва маршруту", "Вид транспорту", "Перевізник",
              "Протяжність, км", "Рейсів на добу", "Вартість проїзду, грн", "Час роботи"]
    rows = []
    for number, kind, name in ROUTES:
        carrier = ("КП «Міськелектротранс»" if kind == "тролейбус"
                   else rng.choice(["КП «Міськелектротранс»", "ПП «Автолайн-С»"]))
        rows.append([number, name, kind, carrier, round(rng.uniform(6.5, 24.0), 1),
                     rng.randint(18, 64), 12 if kind == "тролейбус" else 15,
                     rng.choice(["05:40–22:30", "06:00–21:00", "06:15–20:40"])])
    return header, rows


def stops(rng: random.Random, edition: int) -> Table:
    header = ["Ідентифікатор зупинки", "Назва зупинки", "Широта", "Довгота", "Павільйон",
              "Маршрути", "Доступна для маломобільних груп", "Електронне табло"]
    rows = []
    for n, name in enumerate(STOPS, start=1):
        lat, lon = point(random.Random(name), spread=0.035)
        served = [r[0] for r in ROUTES if name in random.Random(r[2]).sample(STOPS, 7)]
        rows.append([f"STP-{n:03d}", name, lat, lon, rng.random() < 0.7,
                     ", ".join(served) or "5, 7", rng.random() < 0.6, rng.random() < 0.25])
    return header, rows


def toilets(rng: random.Random, edition: int) -> Table:
    header = ["Ідентифікатор", "Адреса", "Широта", "Довгота", "Тип", "Графік роботи", "Платна",
              "Вартість, грн", "Доступна для маломобільних груп", "Пеленальний столик"]
    rows = []
    for n in range(1, 14):
        lat, lon = point(rng)
        paid = rng.random() < 0.5
        rows.append([f"ГВ-{n:02d}", address(rng), lat, lon,
                     rng.choice(["стаціонарна", "модульна"]),
                     rng.choice(["08:00–20:00", "цілодобово", "07:00–22:00"]), paid,
                     8 if paid else 0, rng.random() < 0.6, rng.random() < 0.4])
    return header, rows


def containers(rng: random.Random, edition: int) -> Table:
    header = ["Ідентифікатор майданчика", "Адреса", "Широта", "Довгота",
              "Кількість контейнерів", "Об'єм контейнера, куб. м", "Тип відходів",
              "Графік вивезення"]
    rows = []
    for n in range(1, 64):
        lat, lon = point(rng)
        rows.append([f"КМ-{n:03d}", address(rng), lat, lon, rng.randint(1, 6),
                     rng.choice([0.24, 0.75, 1.1]),
                     rng.choice(["змішані"] * 3 + ["пластик", "скло", "папір"]),
                     rng.choice(["щодня", "через день", "понеділок, четвер",
                                 "вівторок, п'ятниця"])])
    return header, rows


SETS = [
    DatasetSpec(
        key="water-quality", owner="vodokanal",
        title="Показники якості питної води КП «Світлогірськводоканал»",
        description="Результати лабораторного контролю питної води: дата відбору проби, точка "
                    "відбору, показник, норматив, фактичне значення і відповідність нормативу.",
        purpose="Закон України «Про питну воду та питне водопостачання»; ДСанПіН 2.2.4-171-10; "
                + PURPOSE_835,
        keywords=("питна вода", "якість води", "водопостачання"),
        themes=("zhytlovo-komunalne-hospodarstvo", "ekolohiia"), periodicity=P.MONTHLY,
        created_on=d("2018-01-01"), table=water_quality, published_on=d("2025-04-17"),
        updated_on=d("2026-11-10"),
        files=(FileSpec("Результати аналізів води", "CSV", "yakist-vody"),
               FileSpec("Результати аналізів води (JSON)", "JSON", "yakist-vody")),
    ),
    DatasetSpec(
        key="vodokanal-finplan", owner="vodokanal",
        title="Фінансовий план КП «Світлогірськводоканал» на 2026 рік",
        description="Річний фінансовий план підприємства: доходи, витрати, фінансовий "
                    "результат, капітальні інвестиції, фонд оплати праці у порівнянні з "
                    "фактом попереднього року.",
        purpose=PURPOSE_835 + " Господарський кодекс України, ст. 78.",
        keywords=("фінансовий план", "водоканал", "комунальні підприємства"),
        themes=("biudzhet-i-finansy", "zhytlovo-komunalne-hospodarstvo"),
        periodicity=P.YEARLY, created_on=d("2025-12-01"), table=vodokanal_finplan,
        national="A-12", published_on=d("2026-01-27"),
        files=(FileSpec("Фінансовий план на 2026 рік (Excel)", "XLSX", "finplan-2026"),),
    ),
    DatasetSpec(
        key="schedule", owner="miskelektrotrans",
        title="Розклад руху громадського транспорту Світлогірська",
        description="Розклад руху тролейбусів і автобусів за маршрутами: рейс, зупинка, "
                    "порядковий номер зупинки, час відправлення і дата, з якої діє розклад.",
        purpose=PURPOSE_835 + " Закон України «Про міський електричний транспорт».",
        keywords=("розклад руху", "громадський транспорт", "тролейбус", "автобус"),
        themes=("transport",), periodicity=P.ON_CHANGE, created_on=d("2019-01-01"),
        table=schedule, national="B-023", published_on=d("2025-03-31"),
        updated_on=d("2026-09-01"),
        files=(FileSpec("Розклад руху", "CSV", "rozklad-rukhu"),
               FileSpec("Розклад руху (JSON)", "JSON", "rozklad-rukhu")),
    ),
    DatasetSpec(
        key="routes", owner="miskelektrotrans",
        title="Перелік маршрутів і перевізників громадського транспорту",
        description="Маршрути громадського транспорту громади: назва, вид транспорту, "
                    "перевізник, протяжність, кількість рейсів, вартість проїзду, час роботи.",
        purpose=PURPOSE_835 + " Закон України «Про автомобільний транспорт».",
        keywords=("маршрути", "перевізники", "громадський транспорт"),
        themes=("transport",), periodicity=P.ON_CHANGE, created_on=d("2019-01-01"),
        table=routes, national="B-021", published_on=d("2025-03-31"),
        files=(FileSpec("Маршрути і перевізники", "CSV", "marshruty"),),
    ),
    DatasetSpec(
        key="stops", owner="miskelektrotrans",
        title="Дані про місце розміщення зупинок громадського транспорту",
        description="Зупинки громадського транспорту: назва, координати, наявність павільйону "
                    "і електронного табло, доступність, маршрути, що обслуговують зупинку.",
        purpose=PURPOSE_835, keywords=("зупинки", "громадський транспорт", "координати"),
        themes=("transport",), periodicity=P.YEARLY, created_on=d("2019-01-01"),
        table=stops, national="B-024", published_on=d("2025-04-10"),
        files=(FileSpec("Зупинки", "CSV", "zupynky"),
               FileSpec("Зупинки (JSON)", "JSON", "zupynky")),
    ),
    DatasetSpec(
        key="toilets", owner="blahoustrii",
        title="Дані про розміщення громадських вбиралень комунальної власності",
        description="Громадські вбиральні: адреса, координати, тип, графік роботи, вартість, "
                    "доступність для маломобільних груп і наявність пеленального столика.",
        purpose=PURPOSE_835, keywords=("громадські вбиральні", "благоустрій"),
        themes=("zhytlovo-komunalne-hospodarstvo",), periodicity=P.YEARLY,
        created_on=d("2021-01-01"), table=toilets, national="B-019",
        published_on=d("2025-07-08"),
        files=(FileSpec("Громадські вбиральні", "CSV", "hromadski-vbyralni"),
               FileSpec("Громадські вбиральні (JSON)", "JSON", "hromadski-vbyralni")),
    ),
    DatasetSpec(
        key="containers", owner="blahoustrii",
        title="Місця розміщення контейнерних майданчиків для побутових відходів",
        description="Контейнерні майданчики: адреса, координати, кількість і об'єм контейнерів, "
                    "тип відходів (змішані чи роздільний збір) і графік вивезення.",
        purpose="Закон України «Про управління відходами»; " + PURPOSE_835,
        keywords=("відходи", "контейнери", "роздільний збір", "вивезення сміття"),
        themes=("ekolohiia", "zhytlovo-komunalne-hospodarstvo"), periodicity=P.QUARTERLY,
        created_on=d("2022-01-01"), table=containers, published_on=d("2025-10-14"),
        on_list=False,
        files=(FileSpec("Контейнерні майданчики", "CSV", "konteinerni-maidanchyky"),),
    ),
    DatasetSpec(
        key="special-vehicles", owner="blahoustrii",
        title="Дані про розміщення спеціальної техніки КП «Благоустрій» у режимі реального часу",
        description="GPS-координати прибиральної і снігоочисної техніки підприємства з "
                    "оновленням кожні п'ять хвилин.",
        purpose=PURPOSE_835, keywords=("спецтехніка", "GPS", "прибирання доріг"),
        themes=("zhytlovo-komunalne-hospodarstvo", "transport"),
        periodicity=P.MORE_THAN_DAILY, created_on=d("2026-10-01"), table=None, on_list=False,
    ),
]
