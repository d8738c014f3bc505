"""Demo datasets of civil protection, the economy department and ЦНАП."""

from __future__ import annotations

import datetime as dt
import random

from radadata.registry.vocabularies import Periodicity as P

from .common import (
    COMPANIES,
    PURPOSE_835,
    DatasetSpec,
    FileSpec,
    Table,
    address,
    d,
    day_between,
    edrpou_for,
    money,
    months,
    point,
)

SHELTER_KINDS = ["Сховище", "Протирадіаційне укриття", "Найпростіше укриття",
                 "Споруда подвійного призначення"]


def shelters(rng: random.Random, edition: int) -> Table:
    header = ["Ідентифікатор", "Тип споруди", "Адреса", "Широта", "Довгота",
              "Місткість, осіб", "Балансоутримувач", "Доступна для маломобільних груп",
              "Цілодобовий доступ", "Стан готовності"]
    holders = ["Управління освіти", "Управління ЖКГ", "КНП «Центральна міська лікарня»",
               "ОСББ", "КП «Світлогірськводоканал»", "ПрАТ «Світлогірський механічний завод»"]
    rows = []
    for n in range(1, (46 if edition == 1 else 58)):
        lat, lon = point(rng)
        rows.append([f"ЗС-{n:03d}", rng.choice(SHELTER_KINDS), address(rng), lat, lon,
                     rng.choice([50, 80, 120, 150, 200, 300, 450]), rng.choice(holders),
                     rng.random() < 0.55, rng.random() < 0.7,
                     rng.choice(["готове"] * 5 + ["обмежено готове", "не готове"])])
    return header, rows


RADIATION_POINTS = ["Центральна площа", "Мікрорайон Озерний", "с. Вербівка",
                    "Промзона (вул. Заводська)", "с. Калинівка", "Парк «Сосновий бір»"]


def radiation(rng: random.Random, edition: int) -> Table:
    start, count = (d("2024-06-01"), 12) if edition == 1 else (d("2025-11-01"), 12)
    header = ["Дата вимірювання", "Пункт контролю", "Широта", "Довгота",
              "Потужність дози, мкЗв/год", "Допустимий рівень, мкЗв/год", "Відповідає нормі"]
    rows = []
    for month in months(start, count):
        for place in RADIATION_POINTS:
            lat, lon = point(random.Random(place))
            dose = round(rng.uniform(0.08, 0.16), 3)
            rows.append([month + dt.timedelta(days=rng.randint(2, 6)), place, lat, lon, dose,
                         0.3, dose <= 0.3])
    return header, rows


def invincibility(rng: random.Random, edition: int) -> Table:
    header = ["Номер", "Заклад", "Адреса", "Генератор", "Супутниковий зв'язок", "Опалення",
              "Питна вода", "Графік роботи"]
    places = ["Ліцей № 1", "Ліцей № 2", "Гімназія № 3", "Будинок культури «Світанок»",
              "ЦНАП", "Спортивний комплекс «Олімп»", "Старостат с. Вербівка",
              "Старостат с. Калинівка", "Центральна бібліотека", "Гімназія № 4",
              "Палац дитячої творчості", "Пожежно-рятувальна частина"]
    rows = [[n, place, address(rng), True, rng.random() < 0.8, rng.random() < 0.9, True,
             rng.choice(["цілодобово", "08:00–20:00 (у разі тривалих відключень — цілодобово)"])]
            for n, place in enumerate(places, start=1)]
    return header, rows


TRADE_KINDS = [("магазин", "продовольчі товари"), ("магазин", "непродовольчі товари"),
               ("кіоск", "преса"), ("павільйон", "продовольчі товари"),
               ("аптека", "лікарські засоби"), ("ринок", "змішана"),
               ("заклад ресторанного господарства", "кафе"),
               ("автозаправна станція", "пальне")]


def trade(rng: random.Random, edition: int) -> Table:
    header = ["Номер запису", "Тип об'єкта", "Спеціалізація", "Суб'єкт господарювання",
              "Код ЄДРПОУ", "Адреса", "Торговельна площа, кв. м", "Режим роботи"]
    rows = []
    for n in range(1, 75):
        kind, spec = rng.choice(TRADE_KINDS)
        company = rng.choice(COMPANIES)
        rows.append([n, kind, spec, company, edrpou_for(company), address(rng),
                     round(rng.uniform(8, 900), 1),
                     rng.choice(["08:00–21:00", "07:00–23:00", "цілодобово", "09:00–19:00"])])
    return header, rows


def seasonal(rng: random.Random, edition: int) -> Table:
    year = 2025 if edition == 1 else 2026
    header = ["Номер місця", "Адреса розміщення", "Вид сезонної торгівлі", "Період",
              "Площа, кв. м", "Статус місця"]
    kinds = [("морозиво та прохолодні напої", f"01.05.{year}–30.09.{year}"),
             ("баштанні культури", f"01.08.{year}–31.10.{year}"),
             ("квіти", f"01.03.{year}–31.05.{year}"),
             ("новорічні ялинки", f"15.12.{year}–31.12.{year}"),
             ("овочі та фрукти", f"01.06.{year}–31.10.{year}")]
    rows = []
    for n in range(1, 29):
        kind, period = rng.choice(kinds)
        rows.append([n, address(rng), kind, period, rng.choice([4, 6, 9, 12]),
                     rng.choice(["вільне", "зайняте", "зайняте"])])
    return header, rows


def investment(rng: random.Random, edition: int) -> Table:
    header = ["Номер договору", "Дата укладення", "Інвестор", "Код ЄДРПОУ інвестора",
              "Об'єкт інвестування", "Обсяг інвестицій, грн", "Строк виконання",
              "Стан виконання"]
    objects = ["Реконструкція нежитлової будівлі під індустріальний парк",
               "Будівництво сонячної електростанції потужністю 5 МВт",
               "Будівництво багатоквартирного житлового будинку",
               "Реконструкція котельні з переведенням на біопаливо",
               "Будівництво логістичного центру", "Облаштування зони відпочинку на озері",
               "Будівництво торговельного центру", "Модернізація очисних споруд",
               "Будівництво переробного підприємства", "Реконструкція стадіону"]
    rows = []
    for n, item in enumerate(objects, start=1):
        signed = day_between(rng, d("2019-03-01"), d("2025-06-30"))
        company = rng.choice(COMPANIES)
        rows.append([f"ІД-{n:02d}/{signed.year}", signed, company, edrpou_for(company), item,
                     money(rng, 2_000_000, 85_000_000), signed.replace(year=signed.year + 3),
                     rng.choice(["виконується", "виконано", "виконується із затримкою"])])
    return header, rows


REGULATORY = [
    "Про встановлення ставок єдиного податку",
    "Про встановлення ставок та пільг зі сплати податку на нерухоме майно",
    "Про затвердження Порядку розміщення тимчасових споруд для провадження підприємницької "
    "діяльності", "Про затвердження Правил благоустрою території громади",
    "Про встановлення туристичного збору", "Про затвердження Правил розміщення зовнішньої "
    "реклами", "Про затвердження Порядку оренди майна комунальної власності",
    "Про встановлення ставок земельного податку", "Про затвердження Порядку проведення "
    "ярмарків", "Про затвердження Правил паркування транспортних засобів",
]


def regulatory(rng: random.Random, edition: int) -> Table:
    header = ["Номер рішення", "Дата прийняття", "Назва регуляторного акта",
              "Дата набрання чинності", "Базове відстеження", "Повторне відстеження",
              "Періодичне відстеження", "Місце оприлюднення"]
    rows = []
    for title in REGULATORY:
        adopted = day_between(rng, d("2019-06-01"), d("2024-12-20"))
        valid = adopted + dt.timedelta(days=rng.randint(10, 40))
        rows.append([f"{rng.randint(100, 1200)}-{rng.randint(10, 50)}/VIII", adopted, title,
                     valid, valid, valid + dt.timedelta(days=365),
                     valid + dt.timedelta(days=3 * 365),
                     "офіційний вебсайт Світлогірської міської ради"])
    return header, rows


PROGRAMS = [
    ("Програма розвитку освіти", "Управління освіти"),
    ("Програма «Здоров'я громади»", "Відділ охорони здоров'я"),
    ("Програма соціального захисту населення", "Управління соцзахисту"),
    ("Програма підтримки захисників і захисниць України", "Управління соцзахисту"),
    ("Програма благоустрою населених пунктів", "Управління ЖКГ"),
    ("Програма розвитку дорожнього господарства", "Управління ЖКГ"),
    ("Програма енергоефективності", "Управління ЖКГ"),
    ("Програма розвитку культури і туризму", "Управління культури"),
    ("Програма розвитку фізичної культури і спорту", "Управління освіти"),
    ("Програма підтримки малого і середнього підприємництва",
     "Відділ економічного розвитку"),
    ("Програма цифрової трансформації", "Відділ інформаційної політики"),
    ("Програма захисту населення і територій від надзвичайних ситуацій",
     "Відділ з питань НС та ЦЗН"),
    ("Програма громадського бюджету", "Фінансове управління"),
    ("Програма розвитку містобудівної документації", "Відділ містобудування"),
    ("Програма «Питна вода»", "КП «Світлогірськводоканал»"),
    ("Програма розвитку міського електротранспорту", "КП «Міськелектротранс»"),
]


def target_programs(rng: random.Random, edition: int) -> Table:
    year = 2024 if edition == 1 else 2025
    header = ["Назва програми", "Відповідальний виконавець", "Рішення про затвердження",
              "Роки реалізації", "Обсяг фінансування на рік, тис. грн",
              "Профінансовано у звітному році, тис. грн", "Звітний рік", "Стан виконання"]
    rows = []
    for title, executor in PROGRAMS:
        planned = money(rng, 300, 25_000)
        spent = round(planned * rng.uniform(0.55, 1.0), 2)
        rows.append([f"{title} на {year}–{year + 2} роки", executor,
                     f"№ {rng.randint(800, 1300)}-{rng.randint(30, 60)}/VIII",
                     f"{year}–{year + 2}", planned, spent, year,
                     "виконано" if spent / planned > 0.95 else "виконано частково"])
    return header, rows


ADMIN_SERVICES = [
    ("00050", "Державна реєстрація речових прав на нерухоме майно"),
    ("00014", "Реєстрація місця проживання"), ("00011", "Зняття з реєстрації місця проживання"),
    ("01200", "Оформлення паспорта громадянина України у формі картки"),
    ("00022", "Державна реєстрація народження дитини"), ("00101", "Видача витягу з ДЗК"),
    ("00070", "Державна реєстрація фізичної особи — підприємця"),
    ("00066", "Державна реєстрація юридичної особи"),
    ("00200", "Призначення допомоги при народженні дитини"),
    ("00201", "Призначення житлової субсидії"),
    ("00155", "Видача дозволу на порушення об'єктів благоустрою"),
    ("00156", "Присвоєння адреси об'єкту нерухомого майна"),
    ("00112", "Видача будівельного паспорта"), ("00113", "Видача містобудівних умов та обмежень"),
    ("00118", "Видача довідки про склад сім'ї"), ("00300", "Реєстрація декларації з лікарем"),
    ("00301", "Видача посвідчення особи з інвалідністю"),
    ("00305", "Оформлення посвідчення багатодітної сім'ї"),
]


def admin_services(rng: random.Random, edition: int) -> Table:
    start, count = (d("2024-10-01"), 4) if edition == 1 else (d("2026-01-01"), 10)
    header = ["Рік", "Місяць", "Код послуги", "Назва адміністративної послуги",
              "Звернень", "Надано послуг", "Відмовлено", "Середній строк надання, днів",
              "Частка звернень онлайн, %"]
    rows = []
    for month in months(start, count):
        for code, name in ADMIN_SERVICES:
            asked = rng.randint(5, 260)
            refused = rng.randint(0, max(1, asked // 20))
            rows.append([month.year, month.month, code, name, asked, asked - refused, refused,
                         round(rng.uniform(0.5, 9.0), 1), rng.randint(5, 60)])
    return header, rows


SETS = [
    DatasetSpec(
        key="shelters", owner="nadzvychaini-sytuatsii",
        title="Дані про розташування захисних споруд цивільного захисту",
        description="Сховища, протирадіаційні укриття, найпростіші укриття та споруди подвійного "
                    "призначення громади: адреса, координати, місткість, балансоутримувач, "
                    "доступність для маломобільних груп і стан готовності.",
        purpose="Кодекс цивільного захисту України, ст. 32; постанова Кабінету Міністрів "
                "України від 10.03.2017 № 138; " + PURPOSE_835,
        keywords=("укриття", "захисні споруди", "цивільний захист", "сховища"),
        themes=("bezpeka",), periodicity=P.QUARTERLY, created_on=d("2022-03-01"),
        table=shelters, published_on=d("2025-03-25"), updated_on=d("2026-09-22"),
        files=(FileSpec("Захисні споруди", "CSV", "ukryttia"),
               FileSpec("Захисні споруди (JSON)", "JSON", "ukryttia")),
    ),
    DatasetSpec(
        key="radiation", owner="nadzvychaini-sytuatsii",
        title="Результати радіаційного контролю на території Світлогірської громади",
        description="Щомісячні вимірювання потужності еквівалентної дози гамма-випромінювання "
                    "у шести пунктах контролю громади з порівнянням із допустимим рівнем.",
        purpose=PURPOSE_835 + " Закон України «Про захист людини від впливу іонізуючого "
                              "випромінювання».",
        keywords=("радіаційний контроль", "радіаційний фон", "гамма-випромінювання"),
        themes=("ekolohiia", "bezpeka"), periodicity=P.MONTHLY, created_on=d("2022-04-01"),
        table=radiation, national="B-005", published_on=d("2025-06-10"),
        updated_on=d("2026-11-10"),
        files=(FileSpec("Результати вимірювань", "CSV", "radiatsiinyi-kontrol"),),
    ),
    DatasetSpec(
        key="invincibility", owner="nadzvychaini-sytuatsii",
        title="Перелік пунктів незламності Світлогірської громади",
        description="Пункти незламності: заклад, адреса, наявність генератора, супутникового "
                    "зв'язку, опалення і питної води, графік роботи.",
        purpose="Указ Президента України від 22.11.2022 № 793; " + PURPOSE_835,
        keywords=("пункти незламності", "блекаут", "цивільний захист"),
        themes=("bezpeka", "sotsialnyi-zakhyst"), periodicity=P.ON_CHANGE,
        created_on=d("2022-11-25"), table=invincibility, published_on=d("2025-11-18"),
        on_list=False,
        files=(FileSpec("Пункти незламності", "CSV", "punkty-nezlamnosti"),
               FileSpec("Пункти незламності (JSON)", "JSON", "punkty-nezlamnosti")),
    ),
    DatasetSpec(
        key="trade", owner="ekonomichnyi-rozvytok",
        title="Дані про об'єкти та засоби торгівлі Світлогірської громади",
        description="Магазини, кіоски, павільйони, аптеки, ринки та заклади ресторанного "
                    "господарства: тип, спеціалізація, суб'єкт господарювання, адреса, площа, "
                    "режим роботи.",
        purpose=PURPOSE_835, keywords=("торгівля", "об'єкти торгівлі", "підприємництво"),
        themes=("ekonomika-i-biznes",), periodicity=P.QUARTERLY, created_on=d("2018-01-01"),
        table=trade, national="B-016", published_on=d("2025-05-06"),
        files=(FileSpec("Об'єкти торгівлі", "CSV", "obiekty-torhivli"),
               FileSpec("Об'єкти торгівлі (Excel)", "XLSX", "obiekty-torhivli")),
    ),
    DatasetSpec(
        key="seasonal", owner="ekonomichnyi-rozvytok",
        title="Схема розміщення об'єктів сезонної торгівлі",
        description="Місця для сезонної торгівлі, затверджені виконавчим комітетом на рік: "
                    "адреса, вид торгівлі, період, площа і чи вільне місце.",
        purpose=PURPOSE_835, keywords=("сезонна торгівля", "схема розміщення"),
        themes=("ekonomika-i-biznes",), periodicity=P.YEARLY, created_on=d("2021-03-01"),
        table=seasonal, national="B-017", published_on=d("2025-04-22"),
        updated_on=d("2026-04-21"),
        files=(FileSpec("Схема розміщення на рік", "CSV", "sezonna-torhivlia"),),
    ),
    DatasetSpec(
        key="investment", owner="ekonomichnyi-rozvytok",
        title="Перелік інвестиційних договорів Світлогірської міської ради",
        description="Інвестиційні договори, укладені міською радою: інвестор, об'єкт "
                    "інвестування, обсяг інвестицій, строк і стан виконання зобов'язань.",
        purpose=PURPOSE_835 + " Закон України «Про інвестиційну діяльність».",
        keywords=("інвестиції", "інвестиційні договори", "інвестор"),
        themes=("ekonomika-i-biznes",), periodicity=P.QUARTERLY, created_on=d("2019-03-01"),
        table=investment, national="B-015", published_on=d("2025-08-12"),
        files=(FileSpec("Інвестиційні договори", "CSV", "investytsiini-dohovory"),
               FileSpec("Інвестиційні договори (Excel)", "XLSX", "investytsiini-dohovory")),
    ),
    DatasetSpec(
        key="regulatory", owner="ekonomichnyi-rozvytok",
        title="Перелік регуляторних актів Світлогірської міської ради",
        description="Чинні регуляторні акти міської ради із датами набрання чинності, строками "
                    "базового, повторного і періодичного відстеження результативності.",
        purpose=PURPOSE_835 + " Закон України «Про засади державної регуляторної політики у "
                              "сфері господарської діяльності».",
        keywords=("регуляторні акти", "регуляторна політика", "відстеження результативності"),
        themes=("ekonomika-i-biznes", "vlada-i-upravlinnia"), periodicity=P.ON_CHANGE,
        created_on=d("2019-06-01"), table=regulatory, national="A-11",
        published_on=d("2025-03-18"),
        files=(FileSpec("Регуляторні акти", "CSV", "rehuliatorni-akty"),
               FileSpec("Регуляторні акти (JSON)", "JSON", "rehuliatorni-akty")),
    ),
    DatasetSpec(
        key="target-programs", owner="ekonomichnyi-rozvytok",
        title="Перелік місцевих цільових програм та звіти про їх виконання",
        description="Місцеві цільові програми громади: відповідальний виконавець, рішення про "
                    "затвердження, роки реалізації, обсяг і стан фінансування за звітний рік.",
        purpose=PURPOSE_835 + " Бюджетний кодекс України, ст. 91.",
        keywords=("цільові програми", "місцеві програми", "фінансування"),
        themes=("biudzhet-i-finansy",), periodicity=P.YEARLY, created_on=d("2021-01-01"),
        table=target_programs, national="B-050", published_on=d("2025-03-28"),
        updated_on=d("2026-02-27"),
        files=(FileSpec("Місцеві цільові програми (Excel)", "XLSX", "tsilovi-prohramy"),
               FileSpec("Місцеві цільові програми", "CSV", "tsilovi-prohramy")),
    ),
    DatasetSpec(
        key="admin-services", owner="tsnap",
        title="Дані про надані адміністративні послуги у ЦНАП Світлогірської міської ради",
        description="Щомісячна статистика ЦНАП: кількість звернень, наданих послуг і відмов, "
                    "середній строк надання та частка звернень онлайн за кожною послугою.",
        purpose=PURPOSE_835 + " Закон України «Про адміністративні послуги», ст. 12.",
        keywords=("адміністративні послуги", "ЦНАП", "статистика звернень"),
        themes=("administratyvni-posluhy",), periodicity=P.MONTHLY,
        created_on=d("2019-01-01"), table=admin_services, national="B-043",
        published_on=d("2025-02-14"), updated_on=d("2026-11-07"),
        files=(FileSpec("Статистика надання послуг", "CSV", "tsnap-posluhy"),
               FileSpec("Статистика надання послуг (JSON)", "JSON", "tsnap-posluhy")),
    ),
]
