"""Writes the labelled personal-data corpus: files in the shapes councils publish, and
labels.csv (file, column, label) beside them.

    .venv/bin/python tests/data/personal/make_corpus.py

Labels, per column: `private` (a private person's data: the check must block it), `official`
(officials in their office or organisations: the check may warn, never block) and `none`.
The people are invented (random choices from common names, fixed seed); codes and numbers are
made with valid check digits where real ones have them, so a detector cannot tell them apart.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
RNG = random.Random(13)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


SURNAMES_M = _words("Петренко Коваленко Бондаренко Шевчук Ткаченко Кравчук Мельник Бойко Олійник "
              "Савчук Лисенко Руденко Гнатюк Марчук Павлюк Кушнір Мороз Литвин Поліщук Гуменюк "
              "Білик Дячук Романюк Ярошенко Левченко Гаврилюк Костенко Стасюк Зінченко Кузьмич "
              "Сидоренко Давиденко Онищенко Тимошенко Швець Приходько Головко Панченко")
GIVEN_M = _words("Іван Олег Петро Андрій Микола Василь Сергій Олександр Юрій Богдан Тарас Степан "
           "Віктор Дмитро Роман Максим Володимир Ігор Павло Ярослав")
GIVEN_F = _words("Олена Марія Ірина Наталія Оксана Тетяна Галина Світлана Людмила Ольга Ганна Юлія "
           "Катерина Вікторія Надія Лариса Софія Христина")
FATHERS = _words("Іван Петро Микола Василь Степан Михайло Григорій Олексій Федір Юрій Андрій "
           "Богдан Віктор Сергій Олег")
_PATR = {"Іван": "Іван", "Петро": "Петр", "Микола": "Миколай", "Василь": "Василь",
         "Степан": "Степан", "Михайло": "Михайл", "Григорій": "Григорій", "Олексій": "Олексій",
         "Федір": "Федор", "Юрій": "Юрій", "Андрій": "Андрій", "Богдан": "Богдан",
         "Віктор": "Віктор", "Сергій": "Сергій", "Олег": "Олег"}
STREETS = ("вул. Шевченка", "вул. Садова", "вул. Незалежності", "просп. Миру", "вул. Франка",
           "вул. Лесі Українки", "пров. Зелений", "вул. Соборна", "вул. Героїв Майдану",
           "вул. Романа Шухевича", "вул. Грушевського", "вул. Польова")
VILLAGES = ("с. Велика Олександрівка", "с. Червона Гірка", "смт Іванівка", "с. Петрівка",
            "с. Миколаївка", "м. Василівка", "с. Нова Ушиця", "с. Степанівка")
COMPANIES = ("ТОВ «Агросвіт»", "ПП «Будсервіс»", "КП «Міськводоканал»", "ТОВ «Дорбуд-2020»",
             "ПрАТ «Енергопостач»", "ТОВ «Зелена долина»", "ФГ «Нива»", "КНП «Міська лікарня»",
             "ТОВ «Техносвіт»", "АТ «Укрпошта»")
REGIONS = ("АА", "ВС", "ВН", "КА", "АІ", "ВО", "АХ", "ІК", "ВІ", "АТ")


def person(*, female: bool | None = None) -> tuple[str, str, str]:
    female = RNG.random() < 0.5 if female is None else female
    surname = RNG.choice(SURNAMES_M)
    if female and surname.endswith(("ий", "ій")):
        surname = surname[:-2] + "а"
    father = _PATR[RNG.choice(FATHERS)]
    if female:
        given = RNG.choice(GIVEN_F)
        patronymic = father[:-1] + "ївна" if father.endswith("й") else father + "івна"
    else:
        given = RNG.choice(GIVEN_M)
        patronymic = father + "ович"
    return surname, given, patronymic


def full_name(**kw) -> str:
    return " ".join(person(**kw))


def short_name() -> str:
    surname, given, patronymic = person()
    return f"{surname} {given[0]}.{patronymic[0]}."


def dative(surname: str, given: str, patronymic: str) -> str:
    """The dative case of a name ("Петренку Олегу Івановичу"), for a few common shapes."""
    def one(word: str, kind: str) -> str:
        if kind == "patr":
            return word + "у" if word.endswith("ич") else word[:-1] + "і"
        if word.endswith("ко"):
            return word[:-1] + "у"
        if word.endswith(("а", "я")):
            return word[:-1] + ("ї" if word.endswith("ія") else "і")
        if word.endswith("ій"):
            return word[:-1] + "ю"
        if word.endswith("ь"):
            return word[:-1] + "ю"
        return word + "у"
    female = patronymic.endswith("івна") or patronymic.endswith("ївна")
    s = surname if female and not surname.endswith("а") else one(surname, "s")
    return f"{s} {one(given, 'g')} {one(patronymic, 'patr')}"


def date(y0: int, y1: int, iso: bool = False) -> str:
    y, m, d = RNG.randint(y0, y1), RNG.randint(1, 12), RNG.randint(1, 28)
    return f"{y}-{m:02d}-{d:02d}" if iso else f"{d:02d}.{m:02d}.{y}"


def home() -> str:
    return f"{RNG.choice(STREETS)}, {RNG.randint(1, 120)}, кв. {RNG.randint(1, 180)}"


def building() -> str:
    return f"{RNG.choice(STREETS)}, {RNG.randint(1, 120)}"


def rnokpp() -> str:
    while True:
        head = str(RNG.randint(20000, 39999)) + f"{RNG.randint(0, 9999):04d}"
        w = (-1, 5, 7, 9, 4, 6, 10, 5, 7)
        check = sum(int(c) * k for c, k in zip(head, w, strict=True)) % 11 % 10
        return head + str(check)


def edrpou(valid: bool = True) -> str:
    from stdnum.ua import edrpou as std

    while True:
        body = f"{RNG.randint(0, 4499999):07d}" if RNG.random() < 0.3 else str(
            RNG.randint(2000000, 4499999))
        for digit in "0123456789":
            code = body + digit
            if std.is_valid(code) == valid:
                return code


def iban() -> str:
    from stdnum import iban as std

    bank = RNG.choice(("305299", "322001", "300465", "320649"))
    account = "".join(str(RNG.randint(0, 9)) for _ in range(19))
    for check in range(100):
        candidate = f"UA{check:02d}{bank}{account}"
        if std.is_valid(candidate):
            return candidate
    raise AssertionError


def mobile() -> str:
    return f"+380{RNG.choice(('50', '67', '97', '63', '93', '66'))}{RNG.randint(1000000, 9999999)}"


def office_phone() -> str:
    return f"(0462) {RNG.randint(60, 79)}-{RNG.randint(10, 99)}-{RNG.randint(10, 99)}"


def plate() -> str:
    letters = "АВЕІКМНОРСТХ"
    sep = " " if RNG.random() < 0.3 else ""
    return (f"{RNG.choice(REGIONS)}{sep}{RNG.randint(1000, 9999)}{sep}"
            f"{RNG.choice(letters)}{RNG.choice(letters)}")


def koatuu() -> str:
    return f"{RNG.choice(('05', '07', '12', '18', '32', '46', '56', '74'))}{RNG.randint(10, 99)}" \
           f"{RNG.randint(1, 9)}{RNG.randint(0, 9)}{RNG.randint(0, 9)}{RNG.randint(0, 9)}00"


def katottg() -> str:
    return "UA" + "".join(str(RNG.randint(0, 9)) for _ in range(17))


# --- the files ---------------------------------------------------------------------------------

Files = dict[str, tuple[list[str], list[list[str]], dict[str, str], str]]
FILES: Files = {}


def table(name: str, header: list[str], rows: list[list[object]], labels: dict[str, str],
          form: str = "utf8") -> None:
    FILES[name] = (header, [[str(v) for v in row] for row in rows], labels, form)


def build() -> None:
    n = 40
    table("social_aid.csv",
          ["№ з/п", "ПІБ отримувача", "Адреса", "Вид допомоги", "Сума, грн", "Дата призначення"],
          [[i, full_name(), home(), RNG.choice(("одноразова", "на поховання", "ВПО")),
            RNG.randint(5, 60) * 100, date(2024, 2025)] for i in range(1, n + 1)],
          {"ПІБ отримувача": "private", "Адреса": "private"})
    table("cnap_applicants.csv",
          ["Номер заяви", "Дата подання", "Заявник", "Послуга", "Адміністратор ЦНАП", "Статус"],
          [[f"{RNG.randint(1, 9999)}/ЦНАП", date(2025, 2025),
            full_name() if RNG.random() < 0.85 else RNG.choice(COMPANIES),
            RNG.choice(("реєстрація місця проживання", "видача паспорта", "довідка")),
            RNG.choice(("Ковальчук Ірина Петрівна", "Мельник Олег Степанович",
                        "Савчук Марія Іванівна")), RNG.choice(("виконано", "в роботі"))]
           for _ in range(n)],
          {"Заявник": "private", "Адміністратор ЦНАП": "official"}, form="cp1251")

    def appeal() -> str:
        s, g, p = person()
        return RNG.choice((
            f"Мешканець {RNG.choice(VILLAGES)} {s} {g} {p} просить відремонтувати дорогу",
            f"Заява гр. {s} {g[0]}.{p[0]}. щодо вивезення сміття з {RNG.choice(STREETS)}",
            f"Звернення {s} {g} {p}, {date(1940, 2000)} р.н., щодо субсидії",
            f"Прошу надати матеріальну допомогу. {s} {g} {p}, народився {date(1950, 1990)} р.",
            f"Скарга на роботу транспорту маршруту №{RNG.randint(1, 40)}; заявник {s} {g}",
        ))
    table("appeals.csv", ["Номер", "Дата", "Зміст звернення", "Категорія", "Виконавець"],
          [[f"З-{i}", date(2025, 2025, iso=True), appeal(),
            RNG.choice(("ЖКГ", "соцзахист", "транспорт")),
            RNG.choice(("Відділ ЖКГ", "Управління соцзахисту", "Бойко Андрій Іванович"))]
           for i in range(1, n + 1)],
          {"Зміст звернення": "private", "Виконавець": "official"})
    table("land_lease.xlsx",
          ["Кадастровий номер", "Орендар", "Код ЄДРПОУ/РНОКПП", "Місце розташування", "Площа, га",
           "Строк оренди, років"],
          [[f"{RNG.randint(1810000000, 7499999999)}:{RNG.randint(1, 9):02d}:"
            f"{RNG.randint(1, 99):03d}:{RNG.randint(1, 9999):04d}",
            *((f"ФОП {full_name()}", rnokpp()) if RNG.random() < 0.4
              else (RNG.choice(COMPANIES), edrpou())),
            f"{RNG.choice(VILLAGES)}, {RNG.choice(STREETS)}", round(RNG.uniform(0.05, 40), 4),
            RNG.choice((5, 7, 10, 49))] for _ in range(n)],
          {"Орендар": "official", "Код ЄДРПОУ/РНОКПП": "private"}, form="xlsx")
    table("parking_fines.csv",
          ["Номер постанови", "Дата", "Номерний знак", "Місце порушення", "Сума штрафу, грн",
           "Інспектор"],
          [[f"ПП {RNG.randint(0, 999999):06d}", date(2025, 2025), plate(), building(),
            RNG.choice((340, 680, 1020)),
            RNG.choice(("Гнатюк Роман Петрович", "Литвин Сергій Олегович"))] for _ in range(n)],
          {"Номерний знак": "private", "Інспектор": "official"}, form="cp1251")
    table("deputies.csv", ["ПІБ депутата", "Фракція", "Виборчий округ", "Телефон", "Email"],
          [[full_name(), RNG.choice(("Слуга народу", "Європейська солідарність", "Батьківщина")),
            RNG.randint(1, 34), mobile(), f"deputy{i}@rada.example.ua"] for i in range(1, 35)],
          {"ПІБ депутата": "official", "Телефон": "official", "Email": "official"})
    table("heads_of_departments.xlsx", ["Посада", "ПІБ", "Телефон", "Email"],
          [[RNG.choice(("Начальник відділу освіти", "Начальник фінансового управління",
                        "Заступник міського голови", "Директор департаменту ЖКГ",
                        "Начальник служби у справах дітей")), full_name(), office_phone(),
            f"{RNG.choice(('osvita', 'finance', 'zhkg', 'sd'))}@rada.example.ua"]
           for _ in range(15)],
          {"ПІБ": "official", "Телефон": "official"}, form="xlsx")
    queue = [person() for _ in range(n)]
    table("housing_queue.csv",
          ["Номер черги", "Прізвище", "Ім'я", "По батькові", "Дата взяття на облік",
           "Склад сім'ї", "Пільга"],
          [[i, s, g, p, date(1995, 2024), RNG.randint(1, 6), RNG.choice(("", "УБД", "ВПО"))]
           for i, (s, g, p) in enumerate(queue, start=1)],
          {"Прізвище": "private", "Ім'я": "private", "По батькові": "private"}, form="cp1251")
    table("kindergarten_queue.csv",
          ["Номер", "ПІБ дитини", "Дата народження", "Бажаний ЗДО", "Дата заяви"],
          [[i, full_name(), date(2019, 2024), f"ЗДО №{RNG.randint(1, 25)}", date(2024, 2025)]
           for i in range(1, n + 1)],
          {"ПІБ дитини": "private", "Дата народження": "private"})
    table("pet_registry.csv",
          ["Кличка", "Вид", "Порода", "Дата народження тварини", "Власник", "Адреса власника",
           "Номер чипа"],
          [[RNG.choice(("Барсик", "Рекс", "Мурка", "Бім", "Лорд", "Жужа")),
            RNG.choice(("кіт", "собака")), RNG.choice(("безпородна", "лабрадор", "вівчарка")),
            date(2012, 2024), full_name(), home(), f"900{RNG.randint(10**11, 10**12 - 1)}"]
           for _ in range(n)],
          {"Власник": "private", "Адреса власника": "private"})
    table("trade_permits.csv",
          ["Номер дозволу", "Суб'єкт господарювання", "Адреса торгової точки", "Вид торгівлі",
           "Дата видачі", "Строк дії до"],
          [[f"{RNG.randint(1, 500)}-Т", f"ФОП {full_name()}" if RNG.random() < 0.5
            else RNG.choice(COMPANIES), building(), RNG.choice(("кіоск", "лоток", "МАФ")),
            date(2024, 2025), date(2026, 2027)] for _ in range(n)],
          {"Суб'єкт господарювання": "official"}, form="cp1251")
    pay = [person() for _ in range(30)]
    table("salaries.xlsx", ["Прізвище", "Ім'я", "По батькові", "Підрозділ", "Нараховано, грн"],
          [[s, g, p, RNG.choice(("бухгалтерія", "господарчий відділ", "їдальня")),
            f"{RNG.randint(8000, 25000)}.{RNG.randint(0, 99):02d}"] for s, g, p in pay],
          {"Прізвище": "private", "Ім'я": "private", "По батькові": "private"}, form="xlsx")
    table("streets.csv", ["Назва вулиці", "Колишня назва", "Населений пункт", "Код КАТОТТГ"],
          [[RNG.choice(("вулиця Романа Шухевича", "проспект Героїв Майдану", "вулиця Лесі "
                        "Українки", "вулиця Івана Франка", "провулок Степана Бандери",
                        "вулиця Олени Теліги", "вулиця Василя Стуса", "площа Тараса Шевченка")),
            RNG.choice(("вулиця Леніна", "вулиця Кірова", "вулиця Пушкіна", "")),
            RNG.choice(VILLAGES), katottg()] for _ in range(n)],
          {})
    table("shelters.csv",
          ["Адреса укриття", "Тип", "Місткість, осіб", "Відповідальна особа", "Телефон"],
          [[f"{RNG.choice(STREETS)}, {RNG.randint(1, 90)}, корп. {RNG.randint(1, 4)}",
            RNG.choice(("найпростіше укриття", "протирадіаційне укриття", "підвал")),
            RNG.randint(20, 400), full_name(), mobile()] for _ in range(n)],
          {"Відповідальна особа": "official", "Телефон": "official"})
    table("tenders.csv",
          ["orderId", "Замовник", "orderContractorIdentifier", "Переможець", "Сума, грн",
           "Дата"],
          [[f"UA-2025-{RNG.randint(1, 12):02d}-{RNG.randint(1, 28):02d}-"
            f"{RNG.randint(0, 999999):06d}-a", "Виконавчий комітет міської ради",
            edrpou(RNG.random() < 0.9), RNG.choice(COMPANIES),
            f"{RNG.randint(1000, 999999)}.00", date(2025, 2025, iso=True)] for _ in range(n)],
          {})
    table("koatuu.csv", ["Код КОАТУУ", "Назва населеного пункту", "Код КАТОТТГ", "Категорія"],
          [[koatuu(), RNG.choice(VILLAGES), katottg(), RNG.choice(("С", "Т", "М"))]
           for _ in range(60)], {}, form="cp1251")
    table("budget.csv", ["Код бюджету", "Назва бюджету", "КПКВК", "Квартал", "План", "Факт"],
          [[f"{RNG.choice(('06', '07', '18', '25'))}{RNG.randint(500, 599)}{RNG.randint(0, 9)}"
            "0000", RNG.choice(("Бюджет Іванівської сільської територіальної громади",
                                "Бюджет міста Василівка")), f"0{RNG.randint(110000, 119999)}",
            f"{RNG.randint(1, 4)} кв {RNG.randint(2021, 2025)}", RNG.randint(10**5, 10**7),
            RNG.randint(10**5, 10**7)] for _ in range(n)], {})
    table("repairs.csv",
          ["Об'єкт", "Вид робіт", "Період", "Назва документа", "Підрядник", "Вартість, грн"],
          [[f"{RNG.choice(STREETS)}, {RNG.randint(1, 40)}, корп. {RNG.randint(1, 3)}",
            RNG.choice(("ремонт покрівлі", "заміна вікон", "ремонт під'їзду")),
            f"{RNG.choice(('1', '2', '3', '4', 'I', 'II'))} кв. {RNG.randint(2018, 2025)} року",
            RNG.choice(("Звіт за I півріччя 2018 року", "Акт виконаних робіт за 3 кв 2022",
                        "Звіт за 2 кв. 2023 року")), RNG.choice(COMPANIES),
            RNG.randint(10**4, 10**6)] for _ in range(n)], {})
    table("unnamed_columns.csv", ["col1", "col2", "col3", "col4"],
          [[full_name(), rnokpp(), iban(), RNG.randint(100, 9000)] for _ in range(n)],
          {"col1": "private", "col2": "private", "col3": "private"})

    def decision() -> str:
        s, g, p = person()
        return RNG.choice((
            f"Про надання дозволу гр. {dative(s, g, p)} на розробку проекту землеустрою",
            f"Про затвердження технічної документації гр. {dative(s, g, p)}",
            "Про затвердження програми розвитку культури на 2025 рік",
            f"Про внесення змін до бюджету громади на {RNG.randint(2024, 2026)} рік",
        ))
    table("council_decisions.csv", ["Номер рішення", "Дата", "Назва рішення", "Доповідач"],
          [[f"{RNG.randint(1, 60)}/{RNG.randint(100, 999)}", date(2025, 2025), decision(),
            RNG.choice(("Бондаренко Олег Петрович", "Начальник відділу земельних ресурсів"))]
           for _ in range(n)],
          {"Назва рішення": "private", "Доповідач": "official"})

    def initiator() -> str:
        if RNG.random() < 0.2:
            return RNG.choice((f"гр. {short_name()}", f"мешканка будинку гр. {person()[0]}"))
        return RNG.choice((f"депутат {full_name()}", RNG.choice(COMPANIES),
                           "Виконавчий комітет", f"депутатка {full_name(female=True)}"))
    table("works_register.csv", ["Номер", "Вид робіт", "Адреса робіт", "Ініціатор", "Статус"],
          [[i, RNG.choice(("обрізка дерев", "ремонт тротуару", "встановлення лавок")),
            f"{RNG.choice(STREETS)}, {RNG.randint(1, 60)}", initiator(),
            RNG.choice(("виконано", "заплановано"))] for i in range(1, n + 1)],
          {"Ініціатор": "private"})
    table("events_log.csv", ["event_id", "timestamp", "Подія", "Кількість"],
          [[i, RNG.randint(1_500_000_000, 1_760_000_000), RNG.choice(("вхід", "запит", "звіт")),
            RNG.randint(1, 50)] for i in range(1, n + 1)], {})
    table("humanitarian_aid.xlsx",
          ["Прізвище, ім'я, по батькові", "Дата народження", "Телефон", "Адреса проживання",
           "Набір"],
          [[full_name(), date(1935, 2005), mobile(), home(), RNG.choice(("продуктовий",
                                                                        "гігієнічний"))]
           for _ in range(n)],
          {"Прізвище, ім'я, по батькові": "private", "Дата народження": "private",
           "Телефон": "private", "Адреса проживання": "private"}, form="xlsx")
    table("transport.csv", ["Маршрут", "Перевізник", "Код перевізника", "Кількість рейсів",
                            "Телефон диспетчера"],
          [[f"№{RNG.randint(1, 40)}", RNG.choice(COMPANIES), edrpou(), RNG.randint(5, 40),
            office_phone()] for _ in range(25)], {})
    # Variants: jobs that are not offices, names in capitals, plates under "Д.н.з.",
    # surnames with initials next to villages, counts per quarter.
    staff = [person() for _ in range(30)]
    table("school_salaries.csv", ["Прізвище", "Ім'я", "По батькові", "Посада", "Оклад, грн"],
          [[s, g, p, RNG.choice(("вчитель", "прибиральниця", "кухар", "сторож", "асистент "
                                 "вчителя")), RNG.randint(8000, 16000)] for s, g, p in staff],
          {"Прізвище": "private", "Ім'я": "private", "По батькові": "private"}, form="cp1251")
    council = [person() for _ in range(26)]
    table("deputies_caps.xlsx", ["ПРІЗВИЩЕ", "ІМ'Я", "ПО БАТЬКОВІ", "Фракція", "Округ"],
          [[s.upper(), g.upper(), p.upper(), RNG.choice(("Слуга народу", "Батьківщина")),
            RNG.randint(1, 26)] for s, g, p in council],
          {"ПРІЗВИЩЕ": "official", "ІМ'Я": "official", "ПО БАТЬКОВІ": "official"}, form="xlsx")
    table("parking_permits.csv", ["№ дозволу", "Д.н.з.", "Власник", "Зона", "Дійсний до"],
          [[i, plate(), full_name(), RNG.choice(("А", "Б", "В")), date(2026, 2027)]
           for i in range(1, 31)],
          {"Д.н.з.": "private", "Власник": "private"})
    table("aid_initials.csv", ["Прізвище та ініціали", "Адреса", "Сума, грн"],
          [[short_name(), f"{RNG.choice(VILLAGES)}, {RNG.choice(STREETS)}, "
            f"{RNG.randint(1, 80)}", RNG.randint(10, 50) * 100] for _ in range(30)],
          {"Прізвище та ініціали": "private", "Адреса": "private"}, form="cp1251")
    table("cnap_services.csv", ["Послуга", "Квартал", "Кількість", "Адреса ЦНАП"],
          [[RNG.choice(("видача паспорта", "реєстрація місця проживання", "субсидія")),
            f"{RNG.choice(('I', 'II', 'III', 'IV'))} кв. {RNG.randint(2022, 2025)}",
            RNG.randint(10, 900), f"{RNG.choice(STREETS)}, {RNG.randint(1, 30)}"]
           for _ in range(30)], {})


def write(name: str, header: list[str], rows: list[list[str]], form: str) -> None:
    path = HERE / name
    if form == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.append(header)
        for row in rows:
            sheet.append([_number(v) for v in row])
        book.save(path)
        return
    encoding, delimiter = ("cp1251", ";") if form == "cp1251" else ("utf-8", ",")
    with path.open("w", encoding=encoding, newline="") as file:
        out = csv.writer(file, delimiter=delimiter)
        out.writerow(header)
        out.writerows(rows)


def _number(value: str) -> object:
    # Spreadsheets keep numbers as numbers (and lose the leading zeros of codes).
    if value.isdigit() and not value.startswith("0") and len(value) < 9:
        return int(value)
    return value


def main(sink: Callable[[str], object] = print) -> None:
    build()
    with (HERE / "labels.csv").open("w", encoding="utf-8", newline="") as file:
        out = csv.writer(file)
        out.writerow(["file", "column", "label"])
        for name, (header, rows, labels, form) in FILES.items():
            write(name, header, rows, form)
            for column in header:
                out.writerow([name, column, labels.get(column, "none")])
    sink(f"{len(FILES)} files written")


if __name__ == "__main__":
    main()
