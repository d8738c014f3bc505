"""Demo datasets of the finance department: budget programmes, spending units, contracts."""

from __future__ import annotations

import random

from stdnum.ua import edrpou

from radadata.registry.vocabularies import Periodicity as P

from .common import (
    COMPANIES,
    PURPOSE_835,
    DatasetSpec,
    FileSpec,
    Table,
    d,
    day_between,
    edrpou_for,
    money,
    months,
)
from .council import COUNCIL, OWNERS
from .sets_social import KINDERGARTENS, SCHOOLS

# КПКВК МБ code, budget programme, responsible executor
PROGRAMMES = [
    ("0210150", "Організаційне, інформаційно-аналітичне та матеріально-технічне забезпечення "
                "діяльності міської ради", "Виконавчий комітет"),
    ("0210180", "Інша діяльність у сфері державного управління", "Виконавчий комітет"),
    ("0212010", "Багатопрофільна стаціонарна медична допомога населенню", "Виконавчий комітет"),
    ("0212111", "Первинна медична допомога населенню", "Виконавчий комітет"),
    ("0217130", "Здійснення заходів із землеустрою", "Виконавчий комітет"),
    ("0217610", "Сприяння розвитку малого та середнього підприємництва", "Виконавчий комітет"),
    ("0218110", "Заходи із запобігання та ліквідації надзвичайних ситуацій",
     "Виконавчий комітет"),
    ("0611010", "Надання дошкільної освіти", "Управління освіти"),
    ("0611021", "Надання загальної середньої освіти закладами загальної середньої освіти",
     "Управління освіти"),
    ("0611070", "Надання позашкільної освіти закладами позашкільної освіти",
     "Управління освіти"),
    ("0611141", "Забезпечення діяльності інших закладів у сфері освіти", "Управління освіти"),
    ("0810160", "Керівництво і управління у сфері соціального захисту",
     "Управління соцзахисту"),
    ("0813242", "Інші заходи у сфері соціального захисту і соціального забезпечення",
     "Управління соцзахисту"),
    ("1014030", "Забезпечення діяльності бібліотек", "Управління культури"),
    ("1014040", "Забезпечення діяльності музеїв і виставок", "Управління культури"),
    ("1011080", "Надання спеціалізованої освіти мистецькими школами", "Управління культури"),
    ("1216011", "Експлуатація та технічне обслуговування житлового фонду", "Управління ЖКГ"),
    ("1216030", "Організація благоустрою населених пунктів", "Управління ЖКГ"),
    ("1217461", "Утримання та розвиток автомобільних доріг та дорожньої інфраструктури",
     "Управління ЖКГ"),
    ("1217670", "Внески до статутного капіталу суб'єктів господарювання", "Управління ЖКГ"),
    ("3710160", "Керівництво і управління у сфері фінансів", "Фінансове управління"),
    ("3718710", "Резервний фонд місцевого бюджету", "Фінансове управління"),
]


def passports(rng: random.Random, edition: int) -> Table:
    year = 2025 if edition == 1 else 2026
    header = ["КПКВК МБ", "Назва бюджетної програми", "Відповідальний виконавець",
              "Обсяг бюджетних призначень, грн", "Загальний фонд, грн",
              "Спеціальний фонд, грн", "Рік", "Дата затвердження паспорта",
              "Посилання на паспорт"]
    rows = []
    for code, name, executor in PROGRAMMES:
        general = money(rng, 400_000, 95_000_000)
        special = money(rng, 0, general * 0.2)
        rows.append([code, name, executor, round(general + special, 2), general, special, year,
                     d(f"{year}-01-{rng.randint(20, 31)}"),
                     f"https://svitlohirsk-rada.example.ua/budget/{year}/passport-{code}.pdf"])
    return header, rows


INDICATORS = [("затрат", "Кількість установ, од."), ("продукту", "Кількість отримувачів, осіб"),
              ("ефективності", "Середні витрати на одного отримувача, грн"),
              ("якості", "Рівень виконання програми, %")]


def passport_reports(rng: random.Random, edition: int) -> Table:
    year = 2024 if edition == 1 else 2025
    header = ["КПКВК МБ", "Назва бюджетної програми", "Тип показника", "Показник",
              "Затверджено", "Виконано", "Відхилення", "Рік"]
    rows = []
    for code, name, _executor in PROGRAMMES:
        for kind, indicator in INDICATORS:
            plan = (round(rng.uniform(90, 100), 1) if kind == "якості"
                    else rng.randint(1, 40) if kind == "затрат" else rng.randint(50, 12_000))
            done = round(plan * rng.uniform(0.85, 1.02), 1) if kind != "затрат" else plan
            rows.append([code, name, kind, indicator, plan, done, round(done - plan, 1), year])
    return header, rows


def spending_units(rng: random.Random, edition: int) -> Table:
    header = ["Код ЄДРПОУ", "Назва розпорядника бюджетних коштів", "Рівень розпорядника",
              "Головний розпорядник", "Код відомчої класифікації"]
    council_code = COUNCIL["edrpou_body"] + edrpou.calc_check_digit(COUNCIL["edrpou_body"])
    rows = [[council_code, "Виконавчий комітет Світлогірської міської ради", "головний", "",
             "02"]]
    departments = {"upravlinnia-osvity": "06", "sotsialnyi-zakhyst": "08",
                   "upravlinnia-kultury": "10", "zhytlovo-komunalne-hospodarstvo": "12",
                   "finansove-upravlinnia": "37", "mistobuduvannia": "15"}
    for owner in OWNERS:
        if owner.slug in departments:
            code = owner.edrpou_body + edrpou.calc_check_digit(owner.edrpou_body)
            rows.append([code, owner.name, "головний", "", departments[owner.slug]])
    for name in [s[0] for s in SCHOOLS] + KINDERGARTENS:
        rows.append([edrpou_for(name), name, "нижчого рівня", "Управління освіти", "06"])
    return header, rows


def budget_execution(rng: random.Random, edition: int) -> Table:
    year, count = (2025, 2) if edition == 1 else (2026, 10)
    header = ["Рік", "Місяць", "Вид", "Код класифікації", "Найменування",
              "Затверджено на рік з урахуванням змін, грн", "Виконано з початку року, грн",
              "Відсоток виконання"]
    lines = [("доходи", "11010000", "Податок на доходи фізичних осіб"),
             ("доходи", "13010000", "Рентна плата за спеціальне використання лісових ресурсів"),
             ("доходи", "14040000", "Акцизний податок з реалізації пального"),
             ("доходи", "18010000", "Податок на майно"), ("доходи", "18050000", "Єдиний податок"),
             ("доходи", "41033900", "Освітня субвенція з державного бюджету"),
             ("доходи", "41040200", "Базова дотація"),
             ("видатки", "0100", "Державне управління"), ("видатки", "1000", "Освіта"),
             ("видатки", "2000", "Охорона здоров'я"),
             ("видатки", "3000", "Соціальний захист та соціальне забезпечення"),
             ("видатки", "4000", "Культура і мистецтво"), ("видатки", "5000", "Фізична культура і "
                                                                             "спорт"),
             ("видатки", "6000", "Житлово-комунальне господарство"),
             ("видатки", "7000", "Економічна діяльність"), ("видатки", "8000", "Інша діяльність")]
    planned = {code: money(rng, 2_000_000, 180_000_000) for _kind, code, _name in lines}
    rows = []
    for month in months(d(f"{year}-01-01"), count):
        share = month.month / 12
        for kind, code, name in lines:
            done = round(planned[code] * share * rng.uniform(0.85, 1.08), 2)
            rows.append([year, month.month, kind, code, name, planned[code], done,
                         round(done / planned[code] * 100, 1)])
    return header, rows


CONTRACT_SUBJECTS = [
    "Поточний ремонт покрівлі гімназії № 4", "Постачання паливно-мастильних матеріалів",
    "Послуги з вивезення твердих побутових відходів", "Постачання комп'ютерної техніки",
    "Поточний ремонт доріг комунальної власності", "Постачання продуктів харчування для "
    "закладів освіти", "Послуги з технічного обслуговування ліфтів",
    "Постачання електричної енергії", "Розроблення детального плану території",
    "Послуги зв'язку та доступу до Інтернету", "Капітальний ремонт укриття ліцею № 1",
    "Постачання канцелярського приладдя", "Послуги з охорони адміністративної будівлі",
    "Постачання генераторів для пунктів незламності",
]


def contracts(rng: random.Random, edition: int) -> Table:
    start, end = ((d("2025-01-02"), d("2025-04-25")) if edition == 1
                  else (d("2026-01-02"), d("2026-10-26")))
    header = ["Номер договору", "Дата укладення", "Контрагент", "Код ЄДРПОУ контрагента",
              "Предмет договору", "Сума, грн", "Строк дії до", "Ідентифікатор закупівлі"]
    rows = []
    for n in range(1, rng.randint(38, 52)):
        signed = day_between(rng, start, end)
        company = rng.choice(COMPANIES)
        tender = f"UA-{signed:%Y-%m-%d}-{rng.randint(1000, 9999):06d}-{rng.choice('abc')}"
        rows.append([f"{n}/{signed.year}", signed, company, edrpou_for(company),
                     rng.choice(CONTRACT_SUBJECTS), money(rng, 9_000, 3_900_000),
                     d(f"{signed.year}-12-31"), tender])
    rows.sort(key=lambda row: row[1])
    return header, rows


FIN_LINES = ["Чистий дохід від реалізації продукції (товарів, робіт, послуг)",
             "Собівартість реалізованої продукції", "Адміністративні витрати",
             "Фінансування з місцевого бюджету", "Капітальні інвестиції",
             "Фонд оплати праці", "Чистий фінансовий результат", "Середньооблікова кількість "
             "працівників, осіб"]


def finplan_reports(rng: random.Random, edition: int) -> Table:
    header = ["Підприємство", "Код ЄДРПОУ", "Рік", "Квартал", "Показник", "План, тис. грн",
              "Факт, тис. грн", "Виконання, %"]
    rows = []
    for owner in (o for o in OWNERS if o.managing):
        code = owner.edrpou_body + edrpou.calc_check_digit(owner.edrpou_body)
        for line in FIN_LINES:
            plan = money(rng, 150, 60_000) if "осіб" not in line else rng.randint(40, 420)
            fact = round(plan * rng.uniform(0.82, 1.12), 1)
            rows.append([owner.short_name, code, 2025, 1, line, plan, fact,
                         round(fact / plan * 100, 1)])
    return header, rows


SETS = [
    DatasetSpec(
        key="passports", owner="finansove-upravlinnia",
        title="Паспорти бюджетних програм місцевого бюджету Світлогірської громади",
        description="Паспорти бюджетних програм на рік: код програмної класифікації (КПКВК МБ), "
                    "назва, відповідальний виконавець, обсяг бюджетних призначень за загальним і "
                    "спеціальним фондами, дата затвердження та посилання на паспорт.",
        purpose=PURPOSE_835 + " Бюджетний кодекс України, ст. 20, 28.",
        keywords=("бюджет", "паспорти бюджетних програм", "КПКВК"),
        themes=("biudzhet-i-finansy",), periodicity=P.YEARLY, created_on=d("2019-01-01"),
        table=passports, national="B-010", published_on=d("2025-02-18"),
        updated_on=d("2026-02-17"),
        files=(FileSpec("Паспорти бюджетних програм (Excel)", "XLSX", "pasporty-prohram"),
               FileSpec("Паспорти бюджетних програм", "CSV", "pasporty-prohram")),
    ),
    DatasetSpec(
        key="passport-reports", owner="finansove-upravlinnia",
        title="Звіти про виконання паспортів бюджетних програм місцевого бюджету",
        description="Результативні показники бюджетних програм (затрат, продукту, ефективності, "
                    "якості): затверджені і фактичні значення та відхилення за рік.",
        purpose=PURPOSE_835 + " Бюджетний кодекс України, ст. 28.",
        keywords=("бюджет", "звіти про виконання", "результативні показники"),
        themes=("biudzhet-i-finansy",), periodicity=P.YEARLY, created_on=d("2019-01-01"),
        table=passport_reports, national="B-011", published_on=d("2025-03-04"),
        updated_on=d("2026-03-03"),
        files=(FileSpec("Звіти про виконання паспортів (Excel)", "XLSX", "zvity-pasportiv"),),
    ),
    DatasetSpec(
        key="spending-units", owner="finansove-upravlinnia",
        title="Перелік розпорядників бюджетних коштів Світлогірської громади",
        description="Головні розпорядники і розпорядники нижчого рівня коштів місцевого "
                    "бюджету: код ЄДРПОУ, назва, рівень, головний розпорядник, код відомчої "
                    "класифікації.",
        purpose=PURPOSE_835 + " Бюджетний кодекс України, ст. 22.",
        keywords=("розпорядники бюджетних коштів", "бюджет"),
        themes=("biudzhet-i-finansy",), periodicity=P.YEARLY, created_on=d("2019-01-01"),
        table=spending_units, national="B-051", published_on=d("2025-02-18"),
        files=(FileSpec("Розпорядники бюджетних коштів", "CSV", "rozporiadnyky-koshtiv"),
               FileSpec("Розпорядники бюджетних коштів (JSON)", "JSON",
                        "rozporiadnyky-koshtiv")),
    ),
    DatasetSpec(
        key="budget-execution", owner="finansove-upravlinnia",
        title="Виконання бюджету Світлогірської міської територіальної громади",
        description="Щомісячне виконання доходів і видатків бюджету громади наростаючим "
                    "підсумком: затверджені річні призначення, виконання і відсоток виконання.",
        purpose=PURPOSE_835 + " Бюджетний кодекс України, ст. 28, 80.",
        keywords=("бюджет", "доходи", "видатки", "виконання бюджету"),
        themes=("biudzhet-i-finansy",), periodicity=P.MONTHLY, created_on=d("2019-01-01"),
        table=budget_execution, published_on=d("2025-03-12"), updated_on=d("2026-11-12"),
        files=(FileSpec("Виконання бюджету", "CSV", "vykonannia-biudzhetu"),
               FileSpec("Виконання бюджету (Excel)", "XLSX", "vykonannia-biudzhetu")),
    ),
    DatasetSpec(
        key="contracts", owner="finansove-upravlinnia",
        title="Перелік укладених договорів виконавчого комітету Світлогірської міської ради",
        description="Договори, укладені виконавчим комітетом: номер, дата, контрагент, предмет, "
                    "сума, строк дії та ідентифікатор закупівлі в системі Prozorro.",
        purpose=PURPOSE_835 + " Закон України «Про публічні закупівлі».",
        keywords=("договори", "закупівлі", "Prozorro"),
        themes=("biudzhet-i-finansy", "ekonomika-i-biznes"), periodicity=P.MONTHLY,
        created_on=d("2020-01-01"), table=contracts, national="B-026",
        published_on=d("2025-04-29"), updated_on=d("2026-10-28"),
        files=(FileSpec("Укладені договори", "CSV", "dohovory"),
               FileSpec("Укладені договори (JSON)", "JSON", "dohovory")),
    ),
    DatasetSpec(
        key="finplan-reports", owner="finansove-upravlinnia",
        title="Звіти про виконання фінансових планів комунальних підприємств",
        description="Планові та фактичні фінансові показники комунальних підприємств громади "
                    "за квартал: дохід, собівартість, фінансування з бюджету, капітальні "
                    "інвестиції, фонд оплати праці, фінансовий результат.",
        purpose=PURPOSE_835 + " Господарський кодекс України, ст. 78.",
        keywords=("фінансовий план", "комунальні підприємства", "звітність"),
        themes=("biudzhet-i-finansy", "komunalne-maino"), periodicity=P.QUARTERLY,
        created_on=d("2021-01-01"), table=finplan_reports, national="B-009",
        published_on=d("2025-06-03"),
        files=(FileSpec("Виконання фінпланів за I квартал 2025 року (Excel)", "XLSX",
                        "finplany-kp"),),
    ),
]

