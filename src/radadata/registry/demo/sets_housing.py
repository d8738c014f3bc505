"""Demo datasets of the housing and communal services department: property, tariffs, roads."""

from __future__ import annotations

import datetime as dt
import random

from stdnum.ua import edrpou

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
    edrpou_for,
    money,
    months,
)
from .council import OWNERS
from .sets_social import KINDERGARTENS, SCHOOLS

PROPERTY = ["Нежитлове приміщення", "Адміністративна будівля", "Гараж", "Склад",
            "Нежитлова будівля (колишня котельня)", "Приміщення першого поверху",
            "Будівля амбулаторії", "Будівля клубу", "Майстерня", "Торговельний павільйон"]
BALANCE_HOLDERS = ["Управління ЖКГ", "Управління освіти", "Управління культури",
                   "КП «Благоустрій»", "КП «Світлогірськводоканал»",
                   "КНП «Центральна міська лікарня»"]
USES = ["адміністративне", "освітнє", "медичне", "культурне", "виробниче", "торговельне"]


def property_list(rng: random.Random, edition: int) -> Table:
    header = ["Інвентарний номер", "Найменування об'єкта", "Адреса", "Загальна площа, кв. м",
              "Рік побудови", "Балансоутримувач", "Підстава набуття права власності",
              "Цільове призначення", "Стан використання"]
    rows = []
    named = [name for name, _kind, _code in SCHOOLS] + KINDERGARTENS
    for n in range(1, 96 if edition == 1 else 104):
        name = named[n - 1] if n <= len(named) else rng.choice(PROPERTY)
        rows.append([f"101310{n:04d}", name, address(rng, city=True),
                     round(rng.uniform(18, 4800), 1), rng.randint(1895, 2019),
                     "Управління освіти" if n <= len(named) else rng.choice(BALANCE_HOLDERS),
                     rng.choice(["рішення міської ради про прийняття у комунальну власність",
                                 "свідоцтво про право власності",
                                 "витяг з Державного реєстру речових прав"]),
                     "освітнє" if n <= len(named) else rng.choice(USES),
                     rng.choice(["використовується"] * 6 + ["передано в оренду",
                                                           "не використовується"])])
    return header, rows


def leased(rng: random.Random, edition: int) -> Table:
    header = ["Номер договору оренди", "Найменування об'єкта", "Адреса", "Площа, кв. м",
              "Орендар", "Код ЄДРПОУ орендаря", "Цільове використання", "Дата початку",
              "Дата закінчення", "Орендна плата за місяць, грн", "Номер аукціону"]
    purposes = ["офіс", "магазин непродовольчих товарів", "кафе", "аптека",
                "громадська організація", "склад", "перукарня", "відділення банку"]
    rows = []
    for n in range(1, 38):
        tenant = rng.choice(COMPANIES + NGOS)
        start = day_between(rng, d("2021-01-01"), d("2025-02-28"))
        rows.append([f"{n}/ОР-{start.year}", rng.choice(PROPERTY), address(rng),
                     round(rng.uniform(12, 420), 1), tenant, edrpou_for(tenant),
                     rng.choice(purposes), start, start.replace(year=start.year + 5),
                     money(rng, 1 if tenant in NGOS else 1_200, 3 if tenant in NGOS else 38_000),
                     f"LLE001-UA-{start:%Y%m%d}-{rng.randint(10000, 99999)}"])
    return header, rows


def free_premises(rng: random.Random, edition: int) -> Table:
    header = ["Найменування об'єкта", "Адреса", "Площа, кв. м", "Поверх", "Технічний стан",
              "Можливе використання", "Стартова орендна плата, грн на місяць", "Тип переліку",
              "Станом на"]
    day = d("2025-05-01") if edition == 1 else d("2026-11-01")
    rows = [[rng.choice(PROPERTY), address(rng), round(rng.uniform(14, 380), 1),
             rng.choice(["цокольний", "1", "2", "3"]),
             rng.choice(["задовільний", "потребує поточного ремонту", "добрий"]),
             rng.choice(["будь-яке", "офіс", "торгівля", "надання послуг"]),
             money(rng, 900, 22_000), rng.choice(["перший", "перший", "другий"]), day]
            for _ in range(rng.randint(12, 19))]
    return header, rows


TARIFFS = [("Централізоване водопостачання", "КП «Світлогірськводоканал»", "куб. м"),
           ("Централізоване водовідведення", "КП «Світлогірськводоканал»", "куб. м"),
           ("Постачання теплової енергії", "ТОВ «Теплосервіс-С»", "Гкал"),
           ("Постачання гарячої води", "ТОВ «Теплосервіс-С»", "куб. м"),
           ("Вивезення побутових відходів", "КП «Благоустрій»", "куб. м"),
           ("Управління багатоквартирним будинком", "ТОВ «Ясна оселя»", "кв. м на місяць")]
CATEGORIES = ["населення", "бюджетні установи", "інші споживачі"]


def tariffs(rng: random.Random, edition: int) -> Table:
    header = ["Вид послуги", "Виконавець послуги", "Код ЄДРПОУ виконавця",
              "Категорія споживачів", "Одиниця виміру", "Тариф без ПДВ, грн", "Тариф з ПДВ, грн",
              "Дата набрання чинності", "Рішення виконавчого комітету"]
    codes = {o.short_name: o.edrpou_body for o in OWNERS}
    rows = []
    versions = [(d("2024-07-01"), "№ 312 від 14.06.2024", 1.0)]
    if edition == 2:
        versions.append((d("2026-07-01"), "№ 287 від 12.06.2026", 1.18))
    base = {(s, c): money(rng, 9, 60) for s, _e, _u in TARIFFS for c in CATEGORIES}
    for start, decision, factor in versions:
        for service, executor, unit in TARIFFS:
            body = codes.get(executor)
            code = body + edrpou.calc_check_digit(body) if body else edrpou_for(executor)
            for category in CATEGORIES:
                net = round(base[service, category] * factor, 2)
                rows.append([service, executor, code, category, unit, net, round(net * 1.2, 2),
                             start, decision])
    return header, rows


WORKS = ["Капітальний ремонт покрівлі", "Поточний ремонт фасаду", "Благоустрій прибудинкової "
         "території", "Капітальний ремонт укриття", "Реконструкція мереж зовнішнього освітлення",
         "Облаштування дитячого майданчика", "Капітальний ремонт внутрішньобудинкових мереж",
         "Заміна вікон на енергозберігаючі", "Будівництво тротуару", "Ремонт зупинкового "
         "павільйону"]


def title_list(rng: random.Random, edition: int) -> Table:
    header = ["Номер з/п", "Найменування об'єкта", "Адреса", "Вид робіт", "Замовник",
              "Кошторисна вартість, грн", "Передбачено на 2026 рік, грн",
              "Джерело фінансування", "Строк виконання"]
    rows = []
    for n in range(1, 33):
        cost = money(rng, 120_000, 14_000_000)
        rows.append([n, rng.choice(WORKS), address(rng), rng.choice(
            ["капітальний ремонт", "поточний ремонт", "будівництво", "благоустрій"]),
            rng.choice(["Управління ЖКГ", "Управління освіти", "КП «Благоустрій»"]), cost,
            round(cost * rng.uniform(0.3, 1.0), 2),
            rng.choice(["місцевий бюджет", "державний фонд регіонального розвитку",
                        "співфінансування ОСББ"]), rng.choice(["II квартал 2026 року",
                                                              "III квартал 2026 року",
                                                              "IV квартал 2026 року"])])
    return header, rows


HOTLINE = [("Аварійно-диспетчерська служба водоканалу", "Водопостачання",
            ["відсутність води", "порив трубопроводу", "низький тиск"]),
           ("Аварійно-диспетчерська служба водоканалу", "Водовідведення",
            ["засмічення каналізації", "відкритий люк"]),
           ("Гаряча лінія міської ради", "Благоустрій",
            ["прибирання території", "вивезення сміття", "аварійне дерево"]),
           ("Гаряча лінія міської ради", "Вуличне освітлення",
            ["не працює освітлення", "пошкоджено опору"]),
           ("Гаряча лінія міської ради", "Дороги", ["вибоїна", "відсутній дорожній знак"]),
           ("Диспетчерська служба тепломережі", "Теплопостачання",
            ["відсутнє опалення", "низька температура"])]


def hotline(rng: random.Random, edition: int) -> Table:
    month = d("2025-05-01") if edition == 1 else d("2026-10-01")
    header = ["Дата звернення", "Служба", "Категорія", "Підкатегорія", "Населений пункт",
              "Вулиця", "Статус", "Дата виконання", "Тривалість виконання, год"]
    rows = []
    for _ in range(rng.randint(120, 170)):
        service, category, subs = rng.choice(HOTLINE)
        day = month + dt.timedelta(days=rng.randint(0, 27))
        hours = rng.randint(1, 96)
        done = rng.random() < 0.92
        rows.append([day, service, category, rng.choice(subs),
                     rng.choice(["м. Світлогірськ"] * 8 + ["с. Вербівка", "с. Калинівка"]),
                     rng.choice(STREETS), "виконано" if done else "в роботі",
                     day + dt.timedelta(hours=hours) if done else None,
                     hours if done else None])
    rows.sort(key=lambda row: row[0])
    return header, rows


def roads(rng: random.Random, edition: int) -> Table:
    header = ["Вулиця", "Вид робіт", "Площа, кв. м", "Довжина, м", "Підрядник",
              "Код ЄДРПОУ підрядника", "Вартість робіт, грн", "Дата початку", "Дата завершення",
              "Гарантійний строк, років", "Джерело фінансування"]
    rows = []
    for street in rng.sample(STREETS, 22):
        contractor = rng.choice(["ТОВ «Дорбуд-Центр»", "ТОВ «Світлогірськ-Буд»",
                                 "ТОВ «Промбудпроект»"])
        start = day_between(rng, d("2024-04-01"), d("2025-05-31"))
        length = rng.randint(80, 1400)
        rows.append([street, rng.choice(["поточний ямковий ремонт", "капітальний ремонт",
                                         "поточний ремонт покриття", "нанесення розмітки"]),
                     length * rng.randint(6, 12), length, contractor, edrpou_for(contractor),
                     money(rng, 60_000, 9_500_000), start,
                     start + dt.timedelta(days=rng.randint(5, 90)), rng.choice([2, 3, 5]),
                     rng.choice(["місцевий бюджет", "державний дорожній фонд"])])
    return header, rows


def consumption(rng: random.Random, edition: int) -> Table:
    header = ["Установа", "Місяць", "Електроенергія, кВт·год", "Теплова енергія, Гкал",
              "Холодна вода, куб. м", "Природний газ, куб. м"]
    places = [name for name, _kind, _code in SCHOOLS] + KINDERGARTENS[:7]
    rows = []
    for month in months(d("2026-01-01"), 6):
        heating = month.month in (1, 2, 3, 10, 11, 12)
        for place in places:
            rows.append([place, f"{month:%Y-%m}", rng.randint(2_000, 21_000),
                         round(rng.uniform(20, 140), 2) if heating else 0.0,
                         rng.randint(40, 600), rng.randint(0, 3_000)])
    return header, rows


SETS = [
    DatasetSpec(
        key="property", owner="zhytlovo-komunalne-hospodarstvo",
        title="Перелік об'єктів комунальної власності Світлогірської міської територіальної "
              "громади",
        description="Нерухоме майно комунальної власності громади: інвентарний номер, "
                    "найменування, адреса, площа, рік побудови, балансоутримувач, підстава "
                    "набуття права власності, призначення і стан використання.",
        purpose=PURPOSE_835 + " Закон України «Про місцеве самоврядування в Україні», ст. 60.",
        keywords=("комунальне майно", "нерухомість", "комунальна власність"),
        themes=("komunalne-maino",), periodicity=P.QUARTERLY, created_on=d("2017-01-01"),
        table=property_list, national="B-002", published_on=d("2025-02-21"),
        updated_on=d("2026-10-09"),
        files=(FileSpec("Об'єкти комунальної власності", "CSV", "komunalne-maino"),
               FileSpec("Об'єкти комунальної власності (Excel)", "XLSX", "komunalne-maino"),
               FileSpec("Об'єкти комунальної власності (JSON)", "JSON", "komunalne-maino")),
    ),
    DatasetSpec(
        key="leased", owner="zhytlovo-komunalne-hospodarstvo",
        title="Перелік об'єктів комунальної власності, переданих в оренду",
        description="Договори оренди комунального майна: об'єкт, адреса, площа, орендар "
                    "(юридична особа), цільове використання, строк, орендна плата і номер "
                    "аукціону в Prozorro.Продажі.",
        purpose=PURPOSE_835 + " Закон України «Про оренду державного та комунального майна».",
        keywords=("оренда", "комунальне майно", "орендарі"),
        themes=("komunalne-maino", "ekonomika-i-biznes"), periodicity=P.QUARTERLY,
        created_on=d("2020-02-01"), table=leased, national="B-003",
        published_on=d("2025-03-20"),
        files=(FileSpec("Договори оренди", "CSV", "orenda"),
               FileSpec("Договори оренди (Excel)", "XLSX", "orenda")),
    ),
    DatasetSpec(
        key="free-premises", owner="zhytlovo-komunalne-hospodarstvo",
        title="Перелік вільних приміщень комунальної власності, що можуть бути передані в "
              "оренду",
        description="Вільні нежитлові приміщення комунальної власності (перелік першого і "
                    "другого типу): площа, поверх, технічний стан, можливе використання і "
                    "стартова орендна плата.",
        purpose=PURPOSE_835 + " Закон України «Про оренду державного та комунального майна».",
        keywords=("вільні приміщення", "оренда", "комунальне майно"),
        themes=("komunalne-maino", "ekonomika-i-biznes"), periodicity=P.MONTHLY,
        created_on=d("2020-02-01"), table=free_premises, national="B-004",
        published_on=d("2025-05-15"), updated_on=d("2026-11-11"),
        files=(FileSpec("Вільні приміщення", "CSV", "vilni-prymishchennia"),),
    ),
    DatasetSpec(
        key="tariffs", owner="zhytlovo-komunalne-hospodarstvo",
        title="Дані про тарифи на комунальні послуги у Світлогірській громаді",
        description="Тарифи на водопостачання, водовідведення, теплопостачання, гарячу воду, "
                    "вивезення побутових відходів та управління будинками за категоріями "
                    "споживачів, із датою набрання чинності й рішенням про встановлення.",
        purpose=PURPOSE_835 + " Закон України «Про житлово-комунальні послуги».",
        keywords=("тарифи", "комунальні послуги", "водопостачання", "теплопостачання"),
        themes=("zhytlovo-komunalne-hospodarstvo",), periodicity=P.ON_CHANGE,
        created_on=d("2018-01-01"), table=tariffs, national="B-036",
        published_on=d("2025-02-28"), updated_on=d("2026-07-01"),
        files=(FileSpec("Тарифи на комунальні послуги", "CSV", "taryfy"),
               FileSpec("Тарифи на комунальні послуги (JSON)", "JSON", "taryfy")),
    ),
    DatasetSpec(
        key="title-list", owner="zhytlovo-komunalne-hospodarstvo",
        title="Титульний список капітального ремонту, будівництва та благоустрою на 2026 рік",
        description="Об'єкти ремонту, будівництва і благоустрою, затверджені на 2026 рік: "
                    "адреса, вид робіт, замовник, кошторисна вартість, передбачене фінансування "
                    "і строк виконання.",
        purpose=PURPOSE_835, keywords=("титульний список", "капітальний ремонт", "благоустрій"),
        themes=("zhytlovo-komunalne-hospodarstvo", "biudzhet-i-finansy"),
        periodicity=P.YEARLY, created_on=d("2026-01-15"), table=title_list, national="B-012",
        published_on=d("2026-02-10"),
        files=(FileSpec("Титульний список на 2026 рік (Excel)", "XLSX", "tytulnyi-spysok-2026"),
               FileSpec("Титульний список на 2026 рік", "CSV", "tytulnyi-spysok-2026")),
    ),
    DatasetSpec(
        key="hotline", owner="zhytlovo-komunalne-hospodarstvo",
        title="Звернення на гарячу лінію та до аварійно-диспетчерських служб міста",
        description="Звернення мешканців за місяць: служба, категорія і підкатегорія проблеми, "
                    "населений пункт і вулиця (без номера будинку), статус і тривалість "
                    "виконання.",
        purpose=PURPOSE_835, keywords=("гаряча лінія", "аварійні служби", "звернення"),
        themes=("zhytlovo-komunalne-hospodarstvo", "hromadska-uchast"),
        periodicity=P.MONTHLY, created_on=d("2021-01-01"), table=hotline, national="B-037",
        published_on=d("2025-06-24"), updated_on=d("2026-11-06"),
        files=(FileSpec("Звернення за місяць", "CSV", "hariacha-liniia"),),
    ),
    DatasetSpec(
        key="roads", owner="zhytlovo-komunalne-hospodarstvo",
        title="Дані про використання коштів на ремонт та утримання вулиць і доріг "
              "комунальної власності",
        description="Ремонт вулиць і доріг громади: вулиця, вид робіт, площа і довжина, "
                    "підрядник, вартість, строки виконання, гарантійний строк і джерело "
                    "фінансування.",
        purpose=PURPOSE_835 + " Закон України «Про автомобільні дороги».",
        keywords=("ремонт доріг", "дорожня інфраструктура", "підрядники"),
        themes=("transport", "biudzhet-i-finansy"), periodicity=P.QUARTERLY,
        created_on=d("2020-04-01"), table=roads, national="B-006",
        published_on=d("2025-07-22"),
        files=(FileSpec("Ремонт доріг (Excel)", "XLSX", "remont-dorih"),
               FileSpec("Ремонт доріг", "CSV", "remont-dorih")),
    ),
    DatasetSpec(
        key="consumption", owner="zhytlovo-komunalne-hospodarstvo",
        title="Споживання комунальних ресурсів закладами бюджетної сфери",
        description="Щомісячне споживання електроенергії, теплової енергії, води і газу "
                    "закладами освіти громади.",
        purpose=PURPOSE_835 + " Закон України «Про енергетичну ефективність».",
        keywords=("енергоспоживання", "енергоефективність", "комунальні ресурси"),
        themes=("zhytlovo-komunalne-hospodarstvo", "ekolohiia"), periodicity=P.MONTHLY,
        created_on=d("2026-07-10"), table=consumption, on_list=False,
        files=(FileSpec("Споживання за І півріччя 2026 року", "CSV", "spozhyvannia-resursiv"),),
    ),
    DatasetSpec(
        key="housing-queue", owner="zhytlovo-komunalne-hospodarstvo",
        title="Дані про квартирний облік громадян, які потребують поліпшення житлових умов",
        description="Зведені знеособлені дані про черги квартирного обліку: загальна, першочергова "
                    "і позачергова, кількість сімей і зміни за рік.",
        purpose=PURPOSE_835 + " Житловий кодекс України, ст. 34–46.",
        keywords=("квартирний облік", "черга на житло"),
        themes=("zhytlovo-komunalne-hospodarstvo", "sotsialnyi-zakhyst"),
        periodicity=P.QUARTERLY, created_on=d("2026-04-01"), table=None, national="B-059",
    ),
]
