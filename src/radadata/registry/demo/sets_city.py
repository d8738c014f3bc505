"""Demo datasets of the town-planning department: addresses, planning, advertising."""

from __future__ import annotations

import random

from radadata.registry.vocabularies import Periodicity as P

from .common import (
    COMPANIES,
    POSTCODE,
    PURPOSE_835,
    STREETS,
    VILLAGES,
    DatasetSpec,
    FileSpec,
    Table,
    address,
    d,
    day_between,
    edrpou_for,
    point,
)

KATOTTH = "UA71080130010012345"  # fictional КАТОТТГ code of the city


def address_register(rng: random.Random, edition: int) -> Table:
    header = ["Ідентифікатор адреси", "КАТОТТГ", "Населений пункт", "Тип вулиці",
              "Назва вулиці", "Номер будинку", "Корпус", "Поштовий індекс", "Тип об'єкта",
              "Широта", "Довгота", "Дата присвоєння адреси"]
    rows = []
    count = 180 if edition == 1 else 196
    for n in range(1, count + 1):
        street_type, street = rng.choice(STREETS).split(" ", 1)
        place = "м. Світлогірськ" if rng.random() < 0.85 else rng.choice(VILLAGES)
        lat, lon = point(rng, spread=0.04)
        assigned = (day_between(rng, d("1995-01-01"), d("2024-12-31")) if n <= 180
                    else day_between(rng, d("2025-03-01"), d("2026-10-10")))
        rows.append([f"SVH-{n:06d}", KATOTTH, place, street_type.rstrip("."), street,
                     str(rng.randint(1, 140)) + rng.choice([""] * 8 + ["а", "б"]),
                     rng.choice([""] * 9 + ["1"]), POSTCODE,
                     rng.choice(["житловий будинок"] * 4 + ["нежитлова будівля",
                                                            "багатоквартирний будинок"]),
                     lat, lon, assigned])
    return header, rows


def urban_conditions(rng: random.Random, edition: int) -> Table:
    start, end = ((d("2024-01-10"), d("2025-04-30")) if edition == 1
                  else (d("2024-01-10"), d("2026-10-20")))
    header = ["Номер", "Дата видачі", "Замовник", "Назва об'єкта будівництва",
              "Адреса земельної ділянки", "Кадастровий номер",
              "Гранично допустима висотність, м", "Максимальний відсоток забудови",
              "Статус"]
    objects = ["Будівництво багатоквартирного житлового будинку",
               "Реконструкція нежитлової будівлі під магазин",
               "Будівництво складського комплексу", "Будівництво автозаправної станції",
               "Будівництво закладу громадського харчування", "Реконструкція школи",
               "Будівництво сонячної електростанції"]
    rows = []
    for n in range(1, 20 if edition == 1 else 31):
        customer = rng.choice([*COMPANIES, "Управління освіти Світлогірської міської ради"])
        rows.append([f"МУО-{n:03d}", day_between(rng, start, end), customer,
                     rng.choice(objects), address(rng),
                     f"7110800000:0{rng.randint(1, 9)}:00{rng.randint(1, 9)}:"
                     f"{rng.randint(1, 9999):04d}", rng.choice([9, 12, 16, 27, 35]),
                     rng.choice([40, 50, 60, 70]), rng.choice(["чинні"] * 6 + ["скасовані"])])
    rows.sort(key=lambda row: row[1])
    return header, rows


AD_KINDS = [("білборд", "6 × 3"), ("сітілайт", "1,2 × 1,8"), ("призматрон", "6 × 3"),
            ("світлодіодний екран", "4 × 3"), ("вивіска на фасаді", "3 × 1")]


def advertising(rng: random.Random, edition: int) -> Table:
    header = ["Номер дозволу", "Дата видачі", "Розповсюджувач", "Код ЄДРПОУ",
              "Тип рекламного засобу", "Розмір, м", "Кількість сторін", "Адреса", "Широта",
              "Довгота", "Строк дії до"]
    rows = []
    for n in range(1, 44):
        issued = day_between(rng, d("2021-01-01"), d("2025-08-31"))
        company = rng.choice(["ТОВ «Сонячна рекламна група»", "ТОВ «Світло-Маркет»",
                              "ТОВ «ІТ-Лінія»", "ТОВ «Квітнева-Маркет»"])
        kind, size = rng.choice(AD_KINDS)
        lat, lon = point(rng)
        rows.append([f"Р-{n:03d}/{issued.year}", issued, company, edrpou_for(company), kind,
                     size, rng.choice([1, 2]), address(rng), lat, lon,
                     issued.replace(year=issued.year + 5)])
    return header, rows


def building_passports(rng: random.Random, edition: int) -> Table:
    header = ["Номер будівельного паспорта", "Дата видачі", "Вид будівництва",
              "Адреса земельної ділянки", "Кадастровий номер", "Площа ділянки, га",
              "Поверховість"]
    rows = []
    for n in range(1, 27):
        rows.append([f"БП-{n:03d}", day_between(rng, d("2024-01-10"), d("2025-05-30")),
                     rng.choice(["індивідуальний житловий будинок", "садовий будинок",
                                 "господарська будівля", "гараж"]), address(rng),
                     f"7110800000:0{rng.randint(1, 9)}:00{rng.randint(1, 9)}:"
                     f"{rng.randint(1, 9999):04d}", round(rng.uniform(0.04, 0.25), 4),
                     rng.choice([1, 1, 2, 2, 3])])
    rows.sort(key=lambda row: row[1])
    return header, rows


SETS = [
    DatasetSpec(
        key="address-register", owner="mistobuduvannia",
        title="Адресний реєстр Світлогірської міської територіальної громади",
        description="Адреси об'єктів нерухомого майна громади: ідентифікатор, код КАТОТТГ, "
                    "населений пункт, вулиця, номер будинку і корпус, поштовий індекс, тип "
                    "об'єкта, координати і дата присвоєння адреси.",
        purpose=PURPOSE_835 + " Закон України «Про регулювання містобудівної діяльності», "
                              "ст. 26-3.",
        keywords=("адресний реєстр", "адреси", "вулиці", "КАТОТТГ"),
        themes=("mistobuduvannia-i-zemlia",), periodicity=P.MONTHLY,
        created_on=d("2020-01-01"), table=address_register, national="B-042",
        published_on=d("2025-03-06"), updated_on=d("2026-10-16"),
        files=(FileSpec("Адресний реєстр", "CSV", "adresnyi-reiestr"),
               FileSpec("Адресний реєстр (JSON)", "JSON", "adresnyi-reiestr")),
    ),
    DatasetSpec(
        key="urban-conditions", owner="mistobuduvannia",
        title="Реєстр містобудівних умов та обмежень забудови земельних ділянок",
        description="Видані містобудівні умови та обмеження: номер, дата, замовник (юридична "
                    "особа або орган влади), об'єкт будівництва, кадастровий номер ділянки, "
                    "гранична висотність, відсоток забудови і статус.",
        purpose=PURPOSE_835 + " Закон України «Про регулювання містобудівної діяльності», "
                              "ст. 29.",
        keywords=("містобудівні умови", "забудова", "будівництво"),
        themes=("mistobuduvannia-i-zemlia",), periodicity=P.MONTHLY,
        created_on=d("2019-01-01"), table=urban_conditions, national="B-062",
        published_on=d("2025-05-08"), updated_on=d("2026-10-23"),
        files=(FileSpec("Містобудівні умови та обмеження", "CSV", "mistobudivni-umovy"),
               FileSpec("Містобудівні умови та обмеження (Excel)", "XLSX",
                        "mistobudivni-umovy")),
    ),
    DatasetSpec(
        key="advertising", owner="mistobuduvannia",
        title="Інформація про рекламні засоби на території Світлогірської громади",
        description="Дозволи на розміщення зовнішньої реклами: розповсюджувач, тип і розмір "
                    "рекламного засобу, адреса і координати, строк дії дозволу.",
        purpose=PURPOSE_835 + " Закон України «Про рекламу», ст. 16.",
        keywords=("зовнішня реклама", "рекламні засоби", "дозволи"),
        themes=("mistobuduvannia-i-zemlia", "ekonomika-i-biznes"), periodicity=P.QUARTERLY,
        created_on=d("2019-01-01"), table=advertising, national="B-013",
        published_on=d("2025-09-16"),
        files=(FileSpec("Рекламні засоби", "CSV", "reklamni-zasoby"),
               FileSpec("Рекламні засоби (JSON)", "JSON", "reklamni-zasoby")),
    ),
    DatasetSpec(
        key="building-passports", owner="mistobuduvannia",
        title="Дані про видані будівельні паспорти забудови земельних ділянок",
        description="Будівельні паспорти, видані відділом містобудування: номер, дата, вид "
                    "будівництва, адреса і кадастровий номер ділянки, площа, поверховість. Без "
                    "даних про замовників — фізичних осіб.",
        purpose=PURPOSE_835 + " Закон України «Про регулювання містобудівної діяльності», "
                              "ст. 27.",
        keywords=("будівельний паспорт", "індивідуальне будівництво"),
        themes=("mistobuduvannia-i-zemlia",), periodicity=P.MONTHLY,
        created_on=d("2019-01-01"), table=building_passports, national="B-044",
        published_on=d("2025-06-12"),
        files=(FileSpec("Будівельні паспорти", "CSV", "budivelni-pasporty"),),
    ),
    DatasetSpec(
        key="land-plots", owner="mistobuduvannia",
        title="Перелік земельних ділянок комунальної власності, які можуть бути надані під "
              "забудову",
        description="Вільні земельні ділянки комунальної власності для продажу або передачі в "
                    "оренду на земельних торгах: кадастровий номер, площа, цільове "
                    "призначення, містобудівні обмеження.",
        purpose=PURPOSE_835 + " Земельний кодекс України, ст. 134–136.",
        keywords=("земельні ділянки", "земельні торги", "забудова"),
        themes=("mistobuduvannia-i-zemlia", "komunalne-maino"), periodicity=P.QUARTERLY,
        created_on=d("2026-08-01"), table=None, national="B-025",
    ),
]
