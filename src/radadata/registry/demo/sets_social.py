"""Demo datasets of education, social protection and culture."""

from __future__ import annotations

import random

from radadata.registry.vocabularies import Periodicity as P

from .common import (
    COMPANIES,
    NGOS,
    PURPOSE_835,
    STREETS,
    DatasetSpec,
    FileSpec,
    Table,
    address,
    d,
    day_between,
    money,
)
from .council import DOMAIN

# (name, type, EDEBO code)
SCHOOLS = [
    ("Світлогірський ліцей № 1 Світлогірської міської ради", "ліцей", "137451"),
    ("Світлогірський ліцей № 2 Світлогірської міської ради", "ліцей", "137452"),
    ("Світлогірська гімназія № 3 Світлогірської міської ради", "гімназія", "137460"),
    ("Світлогірська гімназія № 4 Світлогірської міської ради", "гімназія", "137461"),
    ("Світлогірська гімназія № 5 «Озерна» Світлогірської міської ради", "гімназія", "137462"),
    ("Вербівська гімназія Світлогірської міської ради", "гімназія", "137470"),
    ("Калинівський ліцей Світлогірської міської ради", "ліцей", "137471"),
    ("Зеленогайська початкова школа Світлогірської міської ради", "початкова школа",
     "137472"),
]
KINDERGARTENS = [
    "Заклад дошкільної освіти (ясла-садок) № 1 «Сонечко»",
    "Заклад дошкільної освіти (ясла-садок) № 2 «Веселка»",
    "Заклад дошкільної освіти (ясла-садок) № 3 «Ромашка»",
    "Заклад дошкільної освіти (ясла-садок) № 5 «Калинка»",
    "Заклад дошкільної освіти (ясла-садок) № 6 «Дзвіночок»",
    "Заклад дошкільної освіти (дитячий садок) № 7 «Золотий ключик»",
    "Заклад дошкільної освіти (ясла-садок) № 8 «Барвінок»",
    "Вербівський заклад дошкільної освіти «Лелеченя»",
    "Калинівський заклад дошкільної освіти «Колосок»",
]
OUT_OF_SCHOOL = ["Палац дитячої творчості", "Дитячо-юнацька спортивна школа",
                 "Станція юних техніків", "Центр туризму і краєзнавства"]


def schools(rng: random.Random, edition: int) -> Table:
    header = ["Код ЄДЕБО", "Повна назва закладу", "Тип закладу", "Адреса", "Телефон",
              "Електронна пошта", "Кількість класів (груп)", "Кількість учнів (вихованців)",
              "Кількість педагогічних працівників", "Мова навчання", "Наявність укриття"]
    rows = []
    every = ([(n, t, c) for n, t, c in SCHOOLS]
             + [(n, "заклад дошкільної освіти", f"2{30 + i:03d}10") for i, n in
                enumerate(KINDERGARTENS)]
             + [(n, "заклад позашкільної освіти", f"3{40 + i:03d}20") for i, n in
                enumerate(OUT_OF_SCHOOL)])
    for n, (name, kind, code) in enumerate(every, start=1):
        groups = rng.randint(6, 34) if kind in ("ліцей", "гімназія") else rng.randint(3, 12)
        pupils = groups * rng.randint(18, 27)
        rows.append([code, name, kind, address(rng, city=True),
                     f"+380 4736 {rng.randint(3, 5)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}",
                     f"school{n:02d}@osvita.{DOMAIN}", groups, pupils,
                     max(4, pupils // rng.randint(9, 14)), "українська",
                     rng.random() < 0.8])
    return header, rows


AGE_GROUPS = ["до 3 років", "3–4 роки", "4–5 років", "5–6 років"]


def kindergarten_queue(rng: random.Random, edition: int) -> Table:
    day = d("2025-04-01") if edition == 1 else d("2026-11-01")
    header = ["Станом на", "Заклад дошкільної освіти", "Вікова група", "Дітей у черзі",
              "З них мають пільги", "Вільних місць"]
    rows = []
    for garden in KINDERGARTENS:
        for group in AGE_GROUPS:
            queue = rng.randint(0, 35)
            rows.append([day, garden, group, queue, rng.randint(0, queue // 4 + 1),
                         rng.randint(0, 6)])
    return header, rows


def school_territories(rng: random.Random, edition: int) -> Table:
    header = ["Заклад освіти", "Населений пункт", "Вулиця", "Номери будинків"]
    rows = []
    city_schools = [s for s in SCHOOLS if s[0].startswith("Світлогірськ")]
    for street in STREETS:
        school = rng.choice(city_schools)[0]
        first = rng.randint(1, 40)
        rows.append([school, "м. Світлогірськ", street, f"{first}–{first + rng.randint(20, 80)}"])
    for name, place in ((SCHOOLS[5][0], "с. Вербівка"), (SCHOOLS[6][0], "с. Калинівка"),
                        (SCHOOLS[7][0], "с. Зелений Гай")):
        rows.append([name, place, "усі вулиці", "усі"])
    return header, rows


def teachers(rng: random.Random, edition: int) -> Table:
    header = ["Заклад освіти", "Усього педагогічних працівників", "Вища категорія",
              "Перша категорія", "Друга категорія", "Спеціаліст",
              "Мають звання «вчитель-методист»", "Вакансії"]
    rows = []
    for name, _kind, _code in SCHOOLS:
        top, first, second, novice = (rng.randint(4, 30), rng.randint(2, 12), rng.randint(1, 8),
                                      rng.randint(1, 6))
        rows.append([name, top + first + second + novice, top, first, second, novice,
                     rng.randint(0, top // 3), rng.randint(0, 4)])
    return header, rows


CLUBS = [("Хореографічний ансамбль «Барвінок»", "художньо-естетичний"),
         ("Зразковий театр-студія «Маска»", "художньо-естетичний"),
         ("Секція футболу", "фізкультурно-спортивний"), ("Секція волейболу",
                                                          "фізкультурно-спортивний"),
         ("Секція дзюдо", "фізкультурно-спортивний"), ("Робототехніка", "науково-технічний"),
         ("Авіамоделювання", "науково-технічний"), ("Юні екологи", "еколого-натуралістичний"),
         ("Пішохідний туризм", "туристсько-краєзнавчий"), ("Вокальна студія «Дзвіночок»",
                                                            "художньо-естетичний"),
         ("Шахи", "фізкультурно-спортивний"), ("Програмування на Python", "науково-технічний"),
         ("Декоративно-ужиткове мистецтво", "художньо-естетичний"),
         ("Краєзнавчий гурток «Світлогірщина»", "туристсько-краєзнавчий")]


def clubs(rng: random.Random, edition: int) -> Table:
    header = ["Заклад", "Назва гуртка (секції)", "Напрям", "Вік вихованців", "Кількість груп",
              "Кількість вихованців", "Оплата"]
    rows = []
    for place in OUT_OF_SCHOOL:
        for name, direction in rng.sample(CLUBS, 8):
            groups = rng.randint(1, 5)
            age = rng.choice(["6–10 років", "8–14 років", "10–17 років", "12–18 років"])
            rows.append([place, name, direction, age, groups, groups * rng.randint(8, 15),
                         "безоплатно"])
    return header, rows


def charity(rng: random.Random, edition: int) -> Table:
    start, end = ((d("2024-10-01"), d("2025-03-31")) if edition == 1
                  else (d("2026-01-01"), d("2026-09-30")))
    header = ["Дата надходження", "Благодійник", "Вид допомоги", "Опис допомоги",
              "Сума (вартість), грн", "Отримувач", "Напрям використання", "Використано, грн"]
    items = [("грошова", "Кошти на рахунок управління", "підтримка внутрішньо переміщених осіб"),
             ("натуральна", "Генератори 5 кВт, 4 шт.", "пункти незламності"),
             ("натуральна", "Продуктові набори, 300 шт.", "соціально незахищені категорії"),
             ("натуральна", "Ковдри та постільна білизна", "центр соціальних послуг"),
             ("грошова", "Кошти на реабілітацію", "підтримка захисників і членів їхніх сімей"),
             ("натуральна", "Засоби реабілітації (крісла колісні, 12 шт.)",
              "особи з інвалідністю")]
    donors = NGOS + COMPANIES[:8] + ["Фізичні особи (дані не розголошуються)"]
    rows = []
    for _ in range(rng.randint(24, 36)):
        kind, what, purpose = rng.choice(items)
        amount = money(rng, 5_000, 480_000)
        rows.append([day_between(rng, start, end), rng.choice(donors), kind, what, amount,
                     rng.choice(["Управління соціального захисту населення",
                                 "Центр надання соціальних послуг"]), purpose,
                     round(amount * rng.uniform(0.6, 1.0), 2)])
    rows.sort(key=lambda row: row[0])
    return header, rows


BUILDINGS = ["Будівля міської ради", "ЦНАП", "Поліклініка № 1", "Центральна міська лікарня",
             "Ліцей № 1", "Ліцей № 2", "Гімназія № 3", "Гімназія № 4",
             "Будинок культури «Світанок»", "Центральна бібліотека", "Пенсійний фонд (сервісний "
             "центр)", "Управління соціального захисту населення", "Залізничний вокзал",
             "Спортивний комплекс «Олімп»", "Палац дитячої творчості", "Центр соціальних послуг",
             "Амбулаторія с. Вербівка", "Старостат с. Калинівка"]


def accessibility(rng: random.Random, edition: int) -> Table:
    header = ["Назва будівлі", "Адреса", "Пандус", "Поручні", "Доступний вхід", "Ліфт або "
              "підйомник", "Пристосована вбиральня", "Тактильні елементи", "Оцінка доступності"]
    rows = []
    for name in BUILDINGS:
        marks = [rng.random() < p for p in (0.8, 0.7, 0.75, 0.4, 0.5, 0.3)]
        score = sum(marks)
        rows.append([name, address(rng), *marks,
                     "доступна" if score >= 5 else "частково доступна" if score >= 3
                     else "недоступна"])
    return header, rows


AID_KINDS = ["Допомога при народженні дитини", "Допомога на дітей одиноким матерям",
             "Допомога малозабезпеченим сім'ям", "Житлова субсидія",
             "Допомога особам з інвалідністю з дитинства", "Допомога на дітей, над якими "
             "встановлено опіку", "Допомога внутрішньо переміщеним особам на проживання",
             "Компенсація фізичним особам, які надають соціальні послуги"]


def social_aid(rng: random.Random, edition: int) -> Table:
    header = ["Рік", "Квартал", "Вид допомоги", "Кількість отримувачів", "Нараховано, грн"]
    rows = []
    for quarter in range(1, 5):
        for kind in AID_KINDS:
            people = rng.randint(40, 1900)
            rows.append([2025, quarter, kind, people, round(people * rng.uniform(900, 5200), 2)])
    return header, rows


CULTURE = [("Будинок культури «Світанок»", "будинок культури"),
           ("Центральна міська бібліотека", "бібліотека"),
           ("Бібліотека для дітей", "бібліотека"), ("Бібліотека-філія № 2", "бібліотека"),
           ("Краєзнавчий музей", "музей"), ("Музей історії заводу", "музей"),
           ("Дитяча музична школа", "мистецька школа"),
           ("Дитяча художня школа", "мистецька школа"),
           ("Вербівський сільський клуб", "клубний заклад"),
           ("Калинівський будинок культури", "будинок культури"),
           ("Центр культурних послуг «Озерний»", "центр культурних послуг"),
           ("Міський парк культури та відпочинку «Сосновий бір»", "парк")]


def culture(rng: random.Random, edition: int) -> Table:
    header = ["Назва закладу", "Тип закладу", "Адреса", "Графік роботи",
              "Кількість гуртків і колективів", "Відвідувачів за рік"]
    rows = [[name, kind, address(rng, city=True),
             rng.choice(["Вт–Нд 10:00–18:00", "Пн–Пт 09:00–18:00", "щодня 08:00–22:00"]),
             rng.randint(0, 18), rng.randint(2_000, 95_000)] for name, kind in CULTURE]
    return header, rows


HERITAGE = [("Будинок купця Гордієнка", "архітектури", "кінець XIX ст."),
            ("Водонапірна вежа", "архітектури, науки і техніки", "1911 р."),
            ("Братська могила воїнів", "історії", "1943 р."),
            ("Пам'ятний знак жертвам Голодомору", "історії", "1993 р."),
            ("Церква Святого Миколая", "архітектури", "1864 р."),
            ("Будівля чоловічої гімназії", "архітектури", "1903 р."),
            ("Курганний могильник біля с. Вербівка", "археології", "III–II тис. до н. е."),
            ("Залізнична станція", "архітектури, науки і техніки", "1898 р."),
            ("Садиба лікаря Соколовського", "архітектури", "1880-ті рр."),
            ("Пам'ятник Тарасові Шевченку", "монументального мистецтва", "1964 р.")]


def heritage(rng: random.Random, edition: int) -> Table:
    header = ["Охоронний номер", "Назва пам'ятки", "Вид пам'ятки", "Датування", "Адреса",
              "Дата взяття на облік"]
    rows = [[f"{n}-Св", name, kind, dating, address(rng),
             day_between(rng, d("1985-01-01"), d("2019-12-31"))]
            for n, (name, kind, dating) in enumerate(HERITAGE, start=1)]
    return header, rows


SETS = [
    DatasetSpec(
        key="schools", owner="upravlinnia-osvity",
        title="Мережа закладів освіти Світлогірської громади",
        description="Заклади загальної середньої, дошкільної та позашкільної освіти громади: "
                    "код ЄДЕБО, тип, адреса, контакти, кількість класів і учнів, педагогічних "
                    "працівників, мова навчання та наявність укриття.",
        purpose=PURPOSE_835 + " Закон України «Про освіту», ст. 30.",
        keywords=("школи", "заклади освіти", "ліцеї", "дитячі садки"),
        themes=("osvita",), periodicity=P.YEARLY, created_on=d("2018-09-01"),
        table=schools, national="B-053", published_on=d("2025-02-25"),
        updated_on=d("2026-09-15"),
        files=(FileSpec("Мережа закладів освіти", "CSV", "merezha-zakladiv-osvity"),
               FileSpec("Мережа закладів освіти (Excel)", "XLSX", "merezha-zakladiv-osvity"),
               FileSpec("Мережа закладів освіти (JSON)", "JSON", "merezha-zakladiv-osvity")),
    ),
    DatasetSpec(
        key="kindergarten-queue", owner="upravlinnia-osvity",
        title="Дані про черги дітей у заклади дошкільної освіти",
        description="Кількість дітей у черзі до кожного закладу дошкільної освіти за віковими "
                    "групами, з них пільговиків, і кількість вільних місць. Знеособлені "
                    "зведені дані.",
        purpose=PURPOSE_835 + " Закон України «Про дошкільну освіту».",
        keywords=("дитячі садки", "черга", "дошкільна освіта"),
        themes=("osvita",), periodicity=P.MONTHLY, created_on=d("2019-09-01"),
        table=kindergarten_queue, national="B-054", published_on=d("2025-04-08"),
        updated_on=d("2026-11-04"),
        files=(FileSpec("Черги у заклади дошкільної освіти", "CSV", "cherhy-zdo"),),
    ),
    DatasetSpec(
        key="school-territories", owner="upravlinnia-osvity",
        title="Території обслуговування закладів загальної середньої освіти",
        description="Закріплення вулиць і будинків громади за закладами загальної середньої "
                    "освіти для зарахування учнів.",
        purpose=PURPOSE_835 + " Наказ МОН України від 16.04.2018 № 367.",
        keywords=("території обслуговування", "зарахування до школи", "школи"),
        themes=("osvita",), periodicity=P.YEARLY, created_on=d("2018-05-01"),
        table=school_territories, national="B-055", published_on=d("2025-05-27"),
        files=(FileSpec("Території обслуговування", "CSV", "terytorii-obsluhovuvannia"),),
    ),
    DatasetSpec(
        key="teachers", owner="upravlinnia-osvity",
        title="Відомості про педагогічних працівників закладів освіти комунальної власності",
        description="Кількість педагогічних працівників кожного закладу загальної середньої "
                    "освіти за кваліфікаційними категоріями, педагогічними званнями і вакансії.",
        purpose=PURPOSE_835, keywords=("педагогічні працівники", "вчителі", "вакансії"),
        themes=("osvita",), periodicity=P.YEARLY, created_on=d("2020-09-01"),
        table=teachers, national="B-046", published_on=d("2025-10-08"),
        files=(FileSpec("Педагогічні працівники", "CSV", "pedahohichni-pratsivnyky"),
               FileSpec("Педагогічні працівники (Excel)", "XLSX", "pedahohichni-pratsivnyky")),
    ),
    DatasetSpec(
        key="clubs", owner="upravlinnia-osvity",
        title="Гуртки та секції закладів позашкільної освіти",
        description="Гуртки, секції й творчі колективи закладів позашкільної освіти: напрям, "
                    "вік вихованців, кількість груп і вихованців, умови оплати.",
        purpose="Закон України «Про позашкільну освіту»; " + PURPOSE_835,
        keywords=("гуртки", "секції", "позашкільна освіта"),
        themes=("osvita", "sport-i-molod"), periodicity=P.YEARLY, created_on=d("2021-09-01"),
        table=clubs, published_on=d("2025-09-30"), on_list=False,
        responsible="k.kostenko@svitlohirsk-rada.example.ua",
        files=(FileSpec("Гуртки та секції", "CSV", "hurtky"),
               FileSpec("Гуртки та секції (JSON)", "JSON", "hurtky")),
    ),
    DatasetSpec(
        key="charity", owner="sotsialnyi-zakhyst",
        title="Дані про надходження і використання благодійної допомоги",
        description="Благодійна допомога, отримана управлінням соціального захисту населення: "
                    "дата, благодійник (юридична особа; дані фізичних осіб не розголошуються), "
                    "вид і вартість допомоги, отримувач, напрям і стан використання.",
        purpose=PURPOSE_835 + " Закон України «Про благодійну діяльність та благодійні "
                              "організації».",
        keywords=("благодійна допомога", "гуманітарна допомога", "донори"),
        themes=("sotsialnyi-zakhyst",), periodicity=P.QUARTERLY, created_on=d("2022-03-01"),
        table=charity, national="B-061", published_on=d("2025-04-24"),
        updated_on=d("2026-10-20"),
        files=(FileSpec("Благодійна допомога", "CSV", "blahodiina-dopomoha"),
               FileSpec("Благодійна допомога (Excel)", "XLSX", "blahodiina-dopomoha")),
    ),
    DatasetSpec(
        key="accessibility", owner="sotsialnyi-zakhyst",
        title="Дані про доступність будівель для осіб з інвалідністю та інших маломобільних "
              "груп населення",
        description="Результати обстеження громадських будівель: наявність пандусів, поручнів, "
                    "доступного входу, ліфта, пристосованої вбиральні, тактильних елементів і "
                    "загальна оцінка доступності.",
        purpose=PURPOSE_835 + " Закон України «Про основи соціальної захищеності осіб з "
                              "інвалідністю в Україні».",
        keywords=("безбар'єрність", "доступність", "маломобільні групи"),
        themes=("sotsialnyi-zakhyst", "mistobuduvannia-i-zemlia"), periodicity=P.YEARLY,
        created_on=d("2021-06-01"), table=accessibility, national="B-035",
        published_on=d("2025-09-09"),
        files=(FileSpec("Доступність будівель", "CSV", "dostupnist-budivel"),),
    ),
    DatasetSpec(
        key="social-aid", owner="sotsialnyi-zakhyst",
        title="Статистичні дані про призначення державних соціальних допомог",
        description="Кількість отримувачів і нараховані суми за видами державних соціальних "
                    "допомог поквартально. Знеособлені зведені дані.",
        purpose=PURPOSE_835, keywords=("соціальні допомоги", "субсидії", "статистика"),
        themes=("sotsialnyi-zakhyst",), periodicity=P.QUARTERLY, created_on=d("2026-07-01"),
        table=social_aid, on_list=False,
        files=(FileSpec("Соціальні допомоги за 2025 рік", "XLSX", "sotsialni-dopomohy"),),
    ),
    DatasetSpec(
        key="culture", owner="upravlinnia-kultury",
        title="Перелік закладів культури Світлогірської громади",
        description="Будинки культури, бібліотеки, музеї, мистецькі школи та парки громади: "
                    "тип, адреса, графік роботи, кількість колективів і відвідувачів за рік.",
        purpose=PURPOSE_835 + " Закон України «Про культуру».",
        keywords=("заклади культури", "бібліотеки", "музеї"),
        themes=("kultura-i-turyzm",), periodicity=P.YEARLY, created_on=d("2019-01-01"),
        table=culture, published_on=d("2025-03-27"), on_list=False,
        files=(FileSpec("Заклади культури", "CSV", "zaklady-kultury"),
               FileSpec("Заклади культури (JSON)", "JSON", "zaklady-kultury")),
    ),
    DatasetSpec(
        key="heritage", owner="upravlinnia-kultury",
        title="Перелік пам'яток культурної спадщини місцевого значення",
        description="Пам'ятки архітектури, історії, археології та монументального мистецтва "
                    "громади: охоронний номер, датування, адреса, дата взяття на облік.",
        purpose="Закон України «Про охорону культурної спадщини»; " + PURPOSE_835,
        keywords=("культурна спадщина", "пам'ятки", "архітектура"),
        themes=("kultura-i-turyzm",), periodicity=P.YEARLY, created_on=d("2026-05-01"),
        table=heritage,
        files=(FileSpec("Пам'ятки культурної спадщини", "CSV", "pamiatky"),),
    ),
]
