"""Demo datasets of the council's own offices: decisions, votes, deputies, the register."""

from __future__ import annotations

import datetime as dt
import random

from radadata.registry.vocabularies import Periodicity as P

from .common import (
    PURPOSE_835,
    DatasetSpec,
    FileSpec,
    Table,
    d,
    day_between,
    deputies,
)
from .council import DOMAIN, OWNERS

DECISION_TITLES = [
    "Про затвердження Програми розвитку малого і середнього підприємництва на 2025–2027 роки",
    "Про внесення змін до бюджету Світлогірської міської територіальної громади",
    "Про затвердження Положення про відкриті дані Світлогірської міської ради",
    "Про надання дозволу на розроблення детального плану території",
    "Про встановлення тарифів на послуги з вивезення побутових відходів",
    "Про затвердження Програми благоустрою населених пунктів громади",
    "Про передачу в оренду нерухомого майна комунальної власності",
    "Про затвердження переліку об'єктів, що підлягають приватизації",
    "Про затвердження Програми підтримки захисників і захисниць України та членів їхніх сімей",
    "Про організацію харчування учнів закладів загальної середньої освіти",
    "Про затвердження Положення про громадський бюджет",
    "Про присвоєння поштових адрес об'єктам нерухомого майна",
    "Про затвердження мережі закладів освіти на навчальний рік",
    "Про затвердження звіту про виконання бюджету громади",
    "Про перейменування вулиць населених пунктів громади",
    "Про затвердження схеми розміщення тимчасових споруд",
    "Про затвердження Програми розвитку фізичної культури і спорту",
    "Про внесення змін до структури виконавчих органів ради",
    "Про затвердження Програми енергоефективності закладів бюджетної сфери",
    "Про створення комісії з питань техногенно-екологічної безпеки і надзвичайних ситуацій",
]


def decisions(rng: random.Random, edition: int) -> Table:
    start, end = ((d("2024-01-10"), d("2025-02-20")) if edition == 1
                  else (d("2024-01-10"), d("2026-10-30")))
    header = ["Номер рішення", "Дата прийняття", "Орган, що прийняв рішення", "Назва рішення",
              "Вид акта", "Посилання на текст"]
    dates = sorted(day_between(rng, start, end) for _ in range(40 if edition == 1 else 70))
    rows = []
    for n, day in enumerate(dates, start=1):
        body = rng.choice(["Світлогірська міська рада", "Виконавчий комітет"])
        kind = "нормативно-правовий акт" if rng.random() < 0.4 else "акт індивідуальної дії"
        number = f"{n}-{rng.randint(20, 70)}/IX" if body.endswith("рада") else str(100 + n)
        rows.append([number, day, body, rng.choice(DECISION_TITLES), kind,
                     f"https://svitlohirsk-rada.example.ua/docs/{day.year}/{100 + n}"])
    return header, rows


QUESTIONS = [
    "Про порядок денний пленарного засідання", "Про внесення змін до бюджету громади",
    "Про затвердження звіту про виконання бюджету",
    "Про надання дозволу на розроблення проєкту землеустрою",
    "Про затвердження Програми розвитку освіти", "Про передачу майна в комунальну власність",
]
RESULTS = ["За"] * 14 + ["Проти", "Утримався", "Не голосував", "Відсутній"]


def votes(rng: random.Random, edition: int) -> Table:
    session, day = (47, d("2025-03-06")) if edition == 1 else (71, d("2026-10-29"))
    header = ["Дата засідання", "Номер сесії", "Номер питання", "Назва питання",
              "Депутат", "Фракція", "Результат голосування", "Рішення прийнято"]
    rows, members = [], deputies()
    for number, question in enumerate(QUESTIONS, start=1):
        results = [rng.choice(RESULTS) for _ in members]
        adopted = results.count("За") > 13
        for deputy, result in zip(members, results, strict=True):
            rows.append([day, f"{session} сесія IX скликання", number, question,
                         deputy["name"], deputy["faction"], result, adopted])
    return header, rows


def deputy_list(rng: random.Random, edition: int) -> Table:
    header = ["Ідентифікатор", "Прізвище, ім'я, по батькові", "Фракція", "Виборчий округ",
              "Постійна комісія", "Графік прийому громадян", "Місце прийому",
              "Службова електронна пошта"]
    commissions = ["з питань бюджету та фінансів", "з питань освіти, культури і спорту",
                   "з питань житлово-комунального господарства", "з питань земельних відносин",
                   "з питань регламенту та депутатської етики"]
    days = ["перший понеділок місяця", "друга середа місяця", "останній четвер місяця",
            "щоп'ятниці"]
    rows = [[dep["id"], dep["name"], dep["faction"], f"№ {dep['district']}",
             rng.choice(commissions), f"{rng.choice(days)}, {rng.choice(['10', '14', '15'])}:00",
             "вул. Соборна, 1, каб. 110", f"deputat{dep['id']:02d}@{DOMAIN}"]
            for dep in deputies()]
    return header, rows


def org_structure(rng: random.Random, edition: int) -> Table:
    header = ["Ідентифікатор", "Назва підрозділу", "Вищий підрозділ", "Керівник",
              "Посада керівника", "Штатна чисельність", "Телефон", "Електронна пошта"]
    rows = [[1, "Виконавчий комітет Світлогірської міської ради", "", "Кириленко Алла Іванівна",
             "Секретар міської ради", 12, "+380 4736 2-10-01", f"rada@{DOMAIN}"]]
    for n, owner in enumerate((o for o in OWNERS if not o.managing), start=2):
        rows.append([n, owner.name, 1, owner.head[0], owner.head[1], rng.randint(4, 28),
                     owner.phone, owner.email])
    for name in ("Юридичний відділ", "Відділ кадрової роботи", "Загальний відділ",
                 "Сектор внутрішнього аудиту", "Відділ бухгалтерського обліку та звітності"):
        rows.append([len(rows) + 1, name, 1, "", "Начальник відділу", rng.randint(3, 9), "",
                     ""])
    return header, rows


def public_info(rng: random.Random, edition: int) -> Table:
    month = d("2025-03-01") if edition == 1 else d("2026-10-01")
    header = ["Реєстраційний номер", "Дата реєстрації", "Вид документа", "Назва документа",
              "Спосіб отримання", "Структурний підрозділ", "Режим доступу"]
    kinds = ["рішення", "розпорядження", "протокол", "лист", "звіт", "план роботи"]
    units = [o.short_name for o in OWNERS if not o.managing]
    rows = []
    for n in range(1, rng.randint(55, 80)):
        day = month + dt.timedelta(days=rng.randint(0, 27))
        kind = rng.choice(kinds)
        rows.append([f"{month:%m}/{n:04d}", day, kind,
                     f"{kind.capitalize()} щодо {rng.choice(DECISION_TITLES)[4:].lower()}",
                     rng.choice(["створено", "отримано"]), rng.choice(units),
                     rng.choice(["відкритий"] * 9 + ["для службового користування"])])
    return header, rows


def request_reports(rng: random.Random, edition: int) -> Table:
    header = ["Рік", "Квартал", "Надійшло запитів", "Задоволено", "Відмовлено",
              "Передано за належністю", "Середній строк розгляду, днів", "Від фізичних осіб",
              "Від юридичних осіб", "Від об'єднань громадян", "Від засобів масової інформації"]
    quarters = 9 if edition == 1 else 15
    rows = []
    for q in range(quarters):
        year, quarter = 2023 + q // 4, q % 4 + 1
        total = rng.randint(35, 90)
        refused, passed = rng.randint(0, 4), rng.randint(1, 8)
        media = rng.randint(2, 10)
        legal = rng.randint(3, 12)
        groups = rng.randint(1, 6)
        rows.append([year, quarter, total, total - refused - passed, refused, passed,
                     round(rng.uniform(2.1, 4.8), 1), total - media - legal - groups, legal,
                     groups, media])
    return header, rows


PETITIONS = [
    "Облаштувати велодоріжку по просп. Незалежності",
    "Встановити світлофор біля ліцею № 2", "Відновити сквер на вул. Садовій",
    "Збільшити кількість рейсів тролейбуса № 3 у години пік",
    "Облаштувати укриття в гімназії № 4", "Заборонити продаж алкоголю після 22:00",
    "Створити зону для вигулу собак у парку «Сосновий бір»",
    "Відремонтувати дорогу до с. Калинівка", "Встановити пандус біля поліклініки",
    "Перейменувати вулицю Гагаріна на вулицю Героїв-рятувальників",
    "Облаштувати дитячий майданчик на вул. Квітневій", "Організувати роздільний збір скла",
    "Встановити лавки вздовж набережної", "Відкрити інклюзивно-ресурсний центр",
    "Запровадити електронний квиток у громадському транспорті",
    "Висадити алею пам'яті загиблих захисників", "Облаштувати освітлення вул. Степової",
    "Створити безкоштовний Wi-Fi у центральному парку",
]


def petitions(rng: random.Random, edition: int) -> Table:
    header = ["Номер петиції", "Дата оприлюднення", "Суть петиції", "Кількість підписів",
              "Необхідна кількість підписів", "Статус", "Дата відповіді"]
    rows = []
    for n, title in enumerate(PETITIONS, start=1):
        published = day_between(rng, d("2024-06-01"), d("2025-05-10"))
        signed = rng.randint(40, 420)
        status = "Розглянуто" if signed >= 250 else "Не набрала необхідної кількості підписів"
        answer = published + dt.timedelta(days=rng.randint(60, 80)) if signed >= 250 else None
        rows.append([f"П-{n:03d}", published, title, signed, 250, status, answer])
    return header, rows


LEGAL_BASES = [
    ("Конституція України", "Конституція", "1996-06-28", "254к/96-ВР"),
    ("Про місцеве самоврядування в Україні", "Закон України", "1997-05-21", "280/97-ВР"),
    ("Про доступ до публічної інформації", "Закон України", "2011-01-13", "2939-VI"),
    ("Про звернення громадян", "Закон України", "1996-10-02", "393/96-ВР"),
    ("Про службу в органах місцевого самоврядування", "Закон України", "2001-06-07",
     "2493-III"),
    ("Про адміністративні послуги", "Закон України", "2012-09-06", "5203-VI"),
    ("Про захист персональних даних", "Закон України", "2010-06-01", "2297-VI"),
    ("Про затвердження Положення про набори даних, які підлягають оприлюдненню у формі "
     "відкритих даних", "Постанова Кабінету Міністрів України", "2015-10-21", "835"),
    ("Про Єдиний державний веб-портал відкритих даних",
     "Постанова Кабінету Міністрів України", "2016-11-30", "867"),
    ("Регламент Світлогірської міської ради IX скликання", "Рішення міської ради",
     "2020-12-04", "2-1/IX"),
    ("Положення про відкриті дані Світлогірської міської ради", "Рішення міської ради",
     "2024-11-28", "1184-52/IX"),
]


def legal_bases(rng: random.Random, edition: int) -> Table:
    header = ["Назва акта", "Вид акта", "Дата прийняття", "Номер", "Посилання на текст"]
    rows = [[title, kind, d(day), number,
             f"https://zakon.rada.gov.ua/laws/show/{number}" if "Світлогір" not in title
             else f"https://svitlohirsk-rada.example.ua/docs/{number}"]
            for title, kind, day, number in LEGAL_BASES]
    return header, rows


SETS = [
    DatasetSpec(
        key="decisions", owner="orhanizatsiinyi-viddil",
        title="Перелік рішень Світлогірської міської ради та її виконавчого комітету",
        description="Номери, дати та назви рішень міської ради і виконавчого комітету, вид акта "
                    "(нормативно-правовий чи індивідуальної дії) та посилання на повний текст "
                    "на офіційному вебсайті.",
        purpose=PURPOSE_835 + " Закон України «Про місцеве самоврядування в Україні», ст. 59.",
        keywords=("рішення", "міська рада", "виконавчий комітет", "нормативно-правові акти"),
        themes=("vlada-i-upravlinnia",), periodicity=P.MONTHLY, created_on=d("2020-12-04"),
        table=decisions, national="A-08", published_on=d("2025-02-27"),
        updated_on=d("2026-11-05"),
        files=(FileSpec("Перелік рішень", "CSV", "rishennia"),
               FileSpec("Перелік рішень (Excel)", "XLSX", "rishennia")),
    ),
    DatasetSpec(
        key="votes", owner="orhanizatsiinyi-viddil",
        title="Поіменні результати голосування депутатів Світлогірської міської ради",
        description="Результати поіменного голосування депутатів на пленарних засіданнях "
                    "сесій міської ради: питання порядку денного, депутат, фракція, результат "
                    "голосування і чи прийнято рішення.",
        purpose=PURPOSE_835 + " Закон України «Про місцеве самоврядування в Україні», ст. 59-1.",
        keywords=("голосування", "депутати", "сесія", "пленарне засідання"),
        themes=("vlada-i-upravlinnia", "hromadska-uchast"), periodicity=P.MONTHLY,
        created_on=d("2020-12-04"), table=votes, national="B-031",
        published_on=d("2025-03-14"), updated_on=d("2026-10-30"),
        files=(FileSpec("Результати голосування останньої сесії", "CSV", "holosuvannia"),
               FileSpec("Результати голосування (JSON)", "JSON", "holosuvannia")),
    ),
    DatasetSpec(
        key="deputies", owner="orhanizatsiinyi-viddil",
        title="Дані про депутатів Світлогірської міської ради IX скликання",
        description="Депутати міської ради IX скликання: фракція, виборчий округ, постійна "
                    "комісія, графік і місце прийому громадян, службова електронна пошта.",
        purpose=PURPOSE_835 + " Закон України «Про статус депутатів місцевих рад».",
        keywords=("депутати", "фракції", "прийом громадян", "виборчі округи"),
        themes=("vlada-i-upravlinnia",), periodicity=P.ON_CHANGE, created_on=d("2020-12-04"),
        table=deputy_list, national="B-032", published_on=d("2025-02-20"),
        files=(FileSpec("Депутати IX скликання", "CSV", "deputaty"),
               FileSpec("Депутати IX скликання (JSON)", "JSON", "deputaty")),
    ),
    DatasetSpec(
        key="register", owner="informatsiina-polityka",
        title="Реєстр наборів даних, що перебувають у володінні Світлогірської міської ради",
        description="Реєстр оприлюднених наборів даних міської ради та її виконавчих органів "
                    "у структурі, визначеній Положенням про відкриті дані (п. 4.10): назва, "
                    "ідентифікатор, опис, формат, дата публікації, періодичність оновлення, "
                    "розпорядник і контактна особа.",
        purpose=PURPOSE_835 + " Пункт 4.10 Положення про відкриті дані.",
        keywords=("реєстр наборів даних", "відкриті дані", "розпорядники інформації"),
        themes=("vlada-i-upravlinnia",), periodicity=P.QUARTERLY, created_on=d("2025-01-20"),
        table=None, from_registry=True, national="A-06", published_on=d("2025-03-03"),
        updated_on=d("2026-10-06"),
        files=(FileSpec("Реєстр наборів даних", "CSV", "reiestr-naboriv-danykh"),
               FileSpec("Реєстр наборів даних (JSON)", "JSON", "reiestr-naboriv-danykh"),
               FileSpec("Реєстр наборів даних (Excel)", "XLSX", "reiestr-naboriv-danykh")),
    ),
    DatasetSpec(
        key="org-structure", owner="informatsiina-polityka",
        title="Організаційна структура Світлогірської міської ради та її виконавчих органів",
        description="Структурні підрозділи виконавчого комітету, їх підпорядкування, "
                    "керівники, штатна чисельність і службові контакти.",
        purpose=PURPOSE_835, keywords=("організаційна структура", "виконавчі органи",
                                       "структурні підрозділи"),
        themes=("vlada-i-upravlinnia",), periodicity=P.YEARLY, created_on=d("2021-01-15"),
        table=org_structure, national="A-02", published_on=d("2025-02-10"),
        files=(FileSpec("Організаційна структура", "CSV", "orhstruktura"),
               FileSpec("Організаційна структура (JSON)", "JSON", "orhstruktura")),
    ),
    DatasetSpec(
        key="public-info", owner="informatsiina-polityka",
        title="Інформація із системи обліку публічної інформації Світлогірської міської ради",
        description="Документи, створені та отримані міською радою за місяць: реєстраційний "
                    "номер, дата, вид і назва документа, підрозділ, режим доступу.",
        purpose=PURPOSE_835 + " Закон України «Про доступ до публічної інформації», ст. 18.",
        keywords=("система обліку", "публічна інформація", "документи"),
        themes=("vlada-i-upravlinnia",), periodicity=P.MONTHLY, created_on=d("2019-03-01"),
        table=public_info, national="A-05", published_on=d("2025-04-03"),
        updated_on=d("2026-11-03"),
        files=(FileSpec("Облік документів за місяць", "CSV", "oblik-dokumentiv"),),
    ),
    DatasetSpec(
        key="request-reports", owner="informatsiina-polityka",
        title="Звіти про задоволення запитів на публічну інформацію",
        description="Щоквартальна статистика запитів на інформацію до міської ради: кількість "
                    "запитів, задоволених, відмовлених, переданих за належністю, середній "
                    "строк розгляду та категорії запитувачів.",
        purpose=PURPOSE_835 + " Закон України «Про доступ до публічної інформації», ст. 15.",
        keywords=("запити на інформацію", "звіти", "статистика"),
        themes=("vlada-i-upravlinnia", "hromadska-uchast"), periodicity=P.QUARTERLY,
        created_on=d("2023-01-01"), table=request_reports, national="A-04",
        published_on=d("2025-04-15"), updated_on=d("2026-10-14"),
        files=(FileSpec("Звіти за квартали", "CSV", "zapyty-zvity"),
               FileSpec("Звіти за квартали (Excel)", "XLSX", "zapyty-zvity")),
    ),
    DatasetSpec(
        key="petitions", owner="informatsiina-polityka",
        title="Дані про електронні петиції до Світлогірської міської ради",
        description="Електронні петиції: номер, дата оприлюднення, суть, кількість підписів, "
                    "статус розгляду та дата відповіді. Дані авторів не оприлюднюються.",
        purpose=PURPOSE_835 + " Закон України «Про звернення громадян», ст. 23-1.",
        keywords=("петиції", "електронна демократія", "звернення"),
        themes=("hromadska-uchast",), periodicity=P.MONTHLY, created_on=d("2016-05-01"),
        table=petitions, national="B-038", published_on=d("2025-05-20"),
        files=(FileSpec("Електронні петиції", "CSV", "petytsii"),
               FileSpec("Електронні петиції (JSON)", "JSON", "petytsii")),
    ),
    DatasetSpec(
        key="legal-bases", owner="informatsiina-polityka",
        title="Нормативно-правові засади діяльності Світлогірської міської ради",
        description="Закони, постанови Кабінету Міністрів та рішення міської ради, на підставі "
                    "яких діють рада та її виконавчі органи, з посиланнями на тексти.",
        purpose=PURPOSE_835, keywords=("нормативно-правові акти", "законодавство"),
        themes=("vlada-i-upravlinnia",), periodicity=P.YEARLY, created_on=d("2021-01-15"),
        table=legal_bases, national="A-09", published_on=d("2025-03-05"),
        files=(FileSpec("Нормативно-правові засади", "CSV", "normatyvni-zasady"),),
    ),
    DatasetSpec(
        key="intl-aid", owner="informatsiina-polityka",
        title="Інформація про майно, отримане від міжнародної технічної допомоги",
        description="Обладнання та програмне забезпечення, отримані виконавчими органами ради "
                    "в межах проєктів міжнародної технічної допомоги.",
        purpose=PURPOSE_835, keywords=("міжнародна технічна допомога", "майно"),
        themes=("ekonomika-i-biznes",), periodicity=P.YEARLY, created_on=d("2026-03-01"),
        table=None, national="A-14",
    ),
]
