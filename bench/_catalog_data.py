"""A generated council catalogue for bench/catalog_search.py: N published datasets with realistic
Ukrainian titles, descriptions and keywords across 15 owners, filed under the themes of a fresh
install, each with one published CSV/XLSX/JSON file. Deterministic (a fixed random seed).
"""

from __future__ import annotations

import datetime as dt
import random

# (title, theme code, keywords): what councils publish, in the words they use.
SUBJECTS: list[tuple[str, str, tuple[str, ...]]] = [
    ("Перелік закладів загальної середньої освіти", "osvita", ("освіта", "школи", "ліцеї")),
    ("Мережа закладів дошкільної освіти", "osvita", ("дитячі садки", "освіта", "дошкілля")),
    ("Кількість учнів у школах громади", "osvita", ("школи", "учні", "освіта")),
    ("Черга на влаштування дітей до дитячих садків", "osvita", ("дитячі садки", "черга")),
    ("Бюджет міської територіальної громади", "biudzhet-i-finansy", ("бюджет", "фінанси")),
    ("Звіт про виконання місцевого бюджету", "biudzhet-i-finansy", ("бюджет", "звітність")),
    ("Паспорти бюджетних програм", "biudzhet-i-finansy", ("бюджет", "програми")),
    ("Договори про закупівлю товарів, робіт і послуг", "ekonomika-i-biznes",
     ("закупівлі", "договори")),
    ("Реєстр договорів оренди комунального майна", "komunalne-maino",
     ("оренда", "комунальне майно", "договори")),
    ("Перелік об'єктів комунальної власності", "komunalne-maino",
     ("комунальне майно", "нерухомість")),
    ("Перелік вільних приміщень для передачі в оренду", "komunalne-maino",
     ("оренда", "приміщення")),
    ("Заклади охорони здоров'я та аптеки", "okhorona-zdorovia", ("медицина", "аптеки")),
    ("Амбулаторії загальної практики сімейної медицини", "okhorona-zdorovia",
     ("медицина", "лікарні")),
    ("Отримувачі соціальної допомоги за видами допомоги", "sotsialnyi-zakhyst",
     ("соціальна допомога", "субсидії")),
    ("Маршрути міського пасажирського транспорту", "transport",
     ("транспорт", "маршрути", "автобуси")),
    ("Зупинки громадського транспорту", "transport", ("транспорт", "зупинки")),
    ("Ремонт автомобільних доріг комунальної власності", "transport", ("дороги", "ремонт")),
    ("Рішення про надання земельних ділянок", "mistobuduvannia-i-zemlia",
     ("земельні ділянки", "рішення")),
    ("Генеральний план та детальні плани територій", "mistobuduvannia-i-zemlia",
     ("містобудування", "генплан")),
    ("Паспорти прив'язки тимчасових споруд", "mistobuduvannia-i-zemlia",
     ("тимчасові споруди", "МАФ")),
    ("Графік вивезення твердих побутових відходів", "zhytlovo-komunalne-hospodarstvo",
     ("відходи", "сміття", "графік")),
    ("Тарифи на житлово-комунальні послуги", "zhytlovo-komunalne-hospodarstvo",
     ("тарифи", "комунальні послуги")),
    ("Перелік багатоквартирних будинків та ОСББ", "zhytlovo-komunalne-hospodarstvo",
     ("будинки", "ОСББ")),
    ("Якість питної води у мережі водопостачання", "ekolohiia", ("вода", "довкілля")),
    ("Зелені насадження та дерева, що підлягають видаленню", "ekolohiia",
     ("дерева", "озеленення")),
    ("Об'єкти культурної спадщини місцевого значення", "kultura-i-turyzm",
     ("культурна спадщина", "пам'ятки")),
    ("Бібліотеки, музеї та будинки культури", "kultura-i-turyzm", ("культура", "бібліотеки")),
    ("Спортивні майданчики та стадіони", "sport-i-molod", ("спорт", "майданчики")),
    ("Укриття та захисні споруди цивільного захисту", "bezpeka", ("укриття", "безпека")),
    ("Перелік адміністративних послуг ЦНАП", "administratyvni-posluhy",
     ("адміністративні послуги", "ЦНАП")),
    ("Результати голосування депутатів на пленарних засіданнях", "vlada-i-upravlinnia",
     ("депутати", "голосування", "сесія")),
    ("Рішення сесій міської ради", "vlada-i-upravlinnia", ("рішення", "сесія")),
    ("Електронні петиції до міської ради", "hromadska-uchast", ("петиції", "громадськість")),
    ("Проєкти громадського бюджету", "hromadska-uchast", ("громадський бюджет", "проєкти")),
]

QUALIFIERS = [
    "у {year} році", "станом на {year} рік", "за {year} рік", "Світлогірської громади",
    "у Центральному районі", "у Заводському районі", "у старостинських округах",
    "за I квартал {year} року", "за II півріччя {year} року", "(щомісячне оновлення)",
]

SENTENCES = [
    "Набір містить відомості про {what} Світлогірської міської територіальної громади.",
    "Дані оновлюються розпорядником відповідно до постанови Кабінету Міністрів України №835.",
    "У файлі наведено назву, адресу, контактний телефон та координати кожного об'єкта.",
    "Інформацію подано у машиночитному форматі, придатному для автоматизованої обробки.",
    "Відомості зібрано структурними підрозділами виконавчого комітету міської ради.",
    "Для зручності пошуку дані згруповано за районами та старостинськими округами.",
    "Набір використовують журналісти, громадські організації та мешканці громади.",
    "Попередні версії файлу доступні для завантаження на сторінці набору.",
    "Суми зазначено у гривнях з точністю до копійки.",
    "Персональні дані фізичних осіб знеособлено згідно із Законом України "
    "«Про захист персональних даних».",
]

# The same words a citizen types, in the forms they type them: nominative and oblique cases,
# plurals, adjectives, two-word phrases. bench/catalog_search.py cycles through them.
QUERIES = [
    "школа", "шкіл", "школи", "шкільний", "бюджет", "бюджету", "бюджетних програм",
    "дитячий садок", "садків", "договір оренди", "оренди приміщень", "комунальне майно",
    "відходи", "вивезення сміття", "транспорт", "зупинка", "маршрутів", "дороги", "ремонт доріг",
    "земельна ділянка", "земельних ділянок", "аптека", "медицина", "лікарні", "депутати",
    "голосування депутатів", "рішення сесії", "петиція", "укриття", "тарифи", "вода",
    "культурна спадщина", "спорт", "ЦНАП", "адміністративних послуг", "закупівлі",
]


def fill(rows: int, owners_count: int = 15, seed: int = 835) -> None:
    """Bulk-create the catalogue (no services: 10,000 datasets in seconds, not minutes)."""

    from radadata.registry.models import (
        Dataset,
        Keyword,
        Resource,
        ResourceVersion,
        Theme,
    )
    from radadata.registry.vocabularies import (
        DatasetStatus,
        Periodicity,
    )

    rng = random.Random(seed)
    at = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)
    departments = [
        "Управління освіти", "Фінансове управління", "Управління комунальної власності",
        "Відділ охорони здоров'я", "Управління соціального захисту населення",
        "Управління транспорту і зв'язку", "Управління містобудування та архітектури",
        "Управління житлово-комунального господарства", "Відділ екології",
        "Управління культури і туризму", "Відділ молоді та спорту",
        "Відділ з питань цивільного захисту", "Центр надання адміністративних послуг",
        "Секретаріат міської ради", "Відділ економічного розвитку",
    ]
    owners = bulk_owners([f"{departments[n % len(departments)]} Світлогірської міської ради"
                          for n in range(owners_count)], at=at)
    names = sorted({word for _, _, words in SUBJECTS for word in words})
    Keyword.objects.bulk_create([Keyword(name=name) for name in names])
    keywords = {k.name: k for k in Keyword.objects.all()}
    themes = {t.code: t for t in Theme.objects.all()}
    periodicities = list(Periodicity.values)

    datasets, picks = [], []
    for n in range(rows):
        subject = rng.randrange(len(SUBJECTS))
        title = SUBJECTS[subject][0]
        year = rng.randint(2019, 2026)
        qualifier = rng.choice(QUALIFIERS).format(year=year)
        what = title[0].lower() + title[1:]
        body = [SENTENCES[0].format(what=what)]
        body += rng.sample(SENTENCES[1:], rng.randint(2, 5))
        published = at - dt.timedelta(days=rng.randint(0, 2000))
        datasets.append(Dataset(
            identifier=f"svit-{n:05d}", name=f"svit-{n:05d}",
            title=f"{title} {qualifier}",
            description=" ".join(body),
            purpose="Закон України «Про доступ до публічної інформації», постанова КМУ №835",
            declared_formats="CSV, XLSX" if n % 2 else "",
            periodicity=rng.choice(periodicities), owner=owners[subject % owners_count],
            created_on=published.date(), status=DatasetStatus.PUBLISHED,
            first_published_at=published, last_modified_at=published,
            registered_at=published, updated_at=published))
        picks.append(subject)
    Dataset.objects.bulk_create(datasets, batch_size=2000)
    datasets = list(Dataset.objects.order_by("id"))

    keyword_links = Dataset.keywords.through
    keyword_links.objects.bulk_create(
        [keyword_links(dataset=d, keyword=keywords[word])
         for d, subject in zip(datasets, picks, strict=True) for word in SUBJECTS[subject][2]],
        batch_size=5000)
    theme_links = Dataset.themes.through
    theme_links.objects.bulk_create(
        [theme_links(dataset=d, theme=themes[SUBJECTS[subject][1]])
         for d, subject in zip(datasets, picks, strict=True)], batch_size=5000)
    resources = Resource.objects.bulk_create(
        [Resource(dataset=d, title="Дані", created_at=at) for d in datasets], batch_size=2000)
    ResourceVersion.objects.bulk_create([
        ResourceVersion(resource=r, number=1, file=f"datasets/{r.dataset_id}/data.csv",
                        original_name="data.csv", sha256="0" * 64, size=rng.randint(1000, 10**6),
                        format=rng.choice(["CSV", "JSON", "XLSX"]), uploaded_at=at,
                        published_at=d.first_published_at)
        for r, d in zip(resources, datasets, strict=True)], batch_size=2000)


def bulk_owners(names: list[str], *, at: dt.datetime) -> list:
    """Owners with the given names (every third a department without legal status, the others
    with a valid ЄДРПОУ), each with a responsible person, made in three bulk inserts."""
    from stdnum.ua import edrpou

    from radadata.accounts.models import User
    from radadata.registry.models import Owner, OwnerMembership
    from radadata.registry.vocabularies import MembershipRole, OwnerKind

    owners = []
    for n, name in enumerate(names):
        body = f"{3100000 + n:07d}"
        legal = n % 3 != 0
        owners.append(Owner(
            name=name, slug=f"owner-{n}",
            kind=OwnerKind.DEPARTMENT_LEGAL if legal else OwnerKind.DEPARTMENT,
            edrpou=body + edrpou.calc_check_digit(body) if legal else "",
            created_at=at, updated_at=at))
    Owner.objects.bulk_create(owners)
    owners = list(Owner.objects.order_by("id"))
    people = User.objects.bulk_create([
        User(email=f"person{n}@svitlohirsk-rada.example.ua", last_name="Шевченко",
             first_name=f"Олена{n}", patronymic="Василівна", date_joined=at)
        for n in range(len(names))])
    OwnerMembership.objects.bulk_create([
        OwnerMembership(owner=owner, user=person, role=MembershipRole.RESPONSIBLE)
        for owner, person in zip(owners, people, strict=True)])
    return owners
