"""Demo datasets of health care: the health department and the city hospital (§1.15.3)."""

from __future__ import annotations

import random

from radadata.registry.vocabularies import Periodicity as P

from .common import PURPOSE_835, DatasetSpec, FileSpec, Table, d, money

MEDICINES = [
    ("Insulin human", "Хумодар Р100Р", "розчин для ін'єкцій, 10 мл", "флакон"),
    ("Metformin", "Метформін-Здоров'я", "таблетки 850 мг № 60", "упаковка"),
    ("Enalapril", "Еналаприл", "таблетки 10 мг № 20", "упаковка"),
    ("Salbutamol", "Сальбутамол", "аерозоль 100 мкг/доза", "балон"),
    ("Amoxicillin", "Амоксил", "капсули 500 мг № 20", "упаковка"),
    ("Ceftriaxone", "Цефтріаксон", "порошок 1 г", "флакон"),
    ("Paracetamol", "Парацетамол", "розчин для інфузій 10 мг/мл 100 мл", "флакон"),
    ("Sodium chloride", "Натрію хлорид", "розчин 0,9 % 200 мл", "пляшка"),
    ("Heparin", "Гепарин", "розчин 5000 МО/мл 5 мл", "флакон"),
    ("Omeprazole", "Омепразол", "капсули 20 мг № 30", "упаковка"),
    ("Levothyroxine", "L-тироксин", "таблетки 100 мкг № 50", "упаковка"),
    ("Bisoprolol", "Бісопролол", "таблетки 5 мг № 30", "упаковка"),
    ("Atorvastatin", "Аторвастатин", "таблетки 20 мг № 30", "упаковка"),
    ("Dexamethasone", "Дексаметазон", "розчин 4 мг/мл 1 мл № 5", "упаковка"),
    ("Lidocaine", "Лідокаїн", "розчин 2 % 2 мл № 10", "упаковка"),
    ("Clopidogrel", "Клопідогрель", "таблетки 75 мг № 30", "упаковка"),
]


def medicines(rng: random.Random, edition: int) -> Table:
    header = ["Міжнародна непатентована назва", "Торгова назва", "Форма випуску",
              "Одиниця виміру", "Закуплено", "Ціна за одиницю, грн", "Сума, грн",
              "Джерело фінансування", "Розподілено", "Залишок", "Станом на"]
    rows = []
    for inn, trade_name, form, unit in MEDICINES:
        bought, price = rng.randint(40, 1500), money(rng, 18, 640)
        given = rng.randint(bought // 2, bought)
        rows.append([inn, trade_name, form, unit, bought, price, round(bought * price, 2),
                     rng.choice(["місцевий бюджет", "державний бюджет (субвенція)"]), given,
                     bought - given, d("2025-06-30")])
    return header, rows


EQUIPMENT = [("Апарат штучної вентиляції легень", "Hamilton-C3", "Hamilton Medical"),
             ("Монітор пацієнта", "Edan iM8", "Edan Instruments"),
             ("Апарат ультразвукової діагностики", "Mindray DC-70", "Mindray"),
             ("Рентгенівський апарат цифровий", "Mobilett Elara Max", "Siemens Healthineers"),
             ("Комп'ютерний томограф", "Revolution ACT", "GE HealthCare"),
             ("Дефібрилятор", "Lifepak 20e", "Stryker"), ("Електрокардіограф", "ЮКАРД-200",
                                                          "ЮТАС"),
             ("Мамограф", "Amulet Innovality", "Fujifilm"), ("Аналізатор біохімічний",
                                                             "BS-240", "Mindray"),
             ("Інкубатор для новонароджених", "Atom V-2100G", "Atom Medical"),
             ("Ендоскопічна стійка", "EVIS X1", "Olympus"),
             ("Наркозно-дихальний апарат", "Fabius plus", "Dräger")]
WARDS = ["Відділення анестезіології та інтенсивної терапії", "Хірургічне відділення",
         "Терапевтичне відділення", "Пологове відділення", "Відділення променевої діагностики",
         "Клініко-діагностична лабораторія", "Приймальне відділення"]


def medical_equipment(rng: random.Random, edition: int) -> Table:
    header = ["Інвентарний номер", "Найменування обладнання", "Модель", "Виробник",
              "Рік введення в експлуатацію", "Відділення", "Стан", "Джерело придбання"]
    rows = []
    for n in range(1, 43):
        name, model, maker = rng.choice(EQUIPMENT)
        rows.append([f"10470{n:04d}", name, model, maker, rng.randint(2009, 2025),
                     rng.choice(WARDS), rng.choice(["працює"] * 7 + ["потребує ремонту",
                                                                    "списується"]),
                     rng.choice(["місцевий бюджет", "державний бюджет",
                                 "благодійна допомога", "міжнародна технічна допомога"])])
    return header, rows


SPECIALTIES = ["Лікар-хірург", "Лікар-терапевт", "Лікар-педіатр", "Лікар-акушер-гінеколог",
               "Лікар-анестезіолог", "Лікар-рентгенолог", "Лікар-кардіолог", "Лікар-невролог",
               "Лікар-травматолог-ортопед", "Лікар з медицини невідкладних станів",
               "Сестра медична", "Акушерка", "Фельдшер", "Лаборант"]


def medical_staff(rng: random.Random, edition: int) -> Table:
    header = ["Посада (спеціальність)", "Штатних посад", "Зайнятих посад", "Фізичних осіб",
              "Вакансії", "Станом на"]
    rows = []
    for name in SPECIALTIES:
        planned = rng.randint(2, 60) if "Сестра" in name else rng.randint(1, 12)
        busy = round(planned * rng.uniform(0.75, 1.0), 2)
        rows.append([name, planned, busy, int(busy), round(planned - busy, 2),
                     d("2025-10-01")])
    return header, rows


SETS = [
    DatasetSpec(
        key="medicines", owner="okhorona-zdorovia",
        title="Відомості про лікарські засоби, придбані за бюджетні кошти, та їх залишки",
        description="Лікарські засоби, закуплені для комунальних закладів охорони здоров'я: "
                    "назва, форма випуску, кількість, ціна, джерело фінансування, розподіл і "
                    "залишки.",
        purpose=PURPOSE_835, keywords=("лікарські засоби", "медикаменти", "закупівлі"),
        themes=("okhorona-zdorovia",), periodicity=P.QUARTERLY, created_on=d("2020-01-01"),
        table=medicines, national="B-028", published_on=d("2025-07-15"),
        files=(FileSpec("Лікарські засоби (Excel)", "XLSX", "likarski-zasoby"),
               FileSpec("Лікарські засоби", "CSV", "likarski-zasoby")),
    ),
    DatasetSpec(
        key="gyn-equipment", owner="okhorona-zdorovia",
        title="Перелік закладів охорони здоров'я з гінекологічним і мамологічним обладнанням",
        description="Заклади охорони здоров'я громади, обладнані гінекологічними кріслами та "
                    "мамографами, з адресами й графіком прийому.",
        purpose=PURPOSE_835, keywords=("мамографія", "гінекологія", "заклади охорони здоров'я"),
        themes=("okhorona-zdorovia",), periodicity=P.YEARLY, created_on=d("2026-06-01"),
        table=None, on_list=False,
    ),    DatasetSpec(
        key="medical-equipment", owner="tsentralna-likarnia",
        title="Дані про медичне обладнання КНП «Центральна міська лікарня»",
        description="Медичне обладнання лікарні: найменування, модель, виробник, рік введення в "
                    "експлуатацію, відділення, технічний стан і джерело придбання.",
        purpose=PURPOSE_835, keywords=("медичне обладнання", "лікарня"),
        themes=("okhorona-zdorovia",), periodicity=P.YEARLY, created_on=d("2020-01-01"),
        table=medical_equipment, national="B-047", published_on=d("2025-08-26"),
        files=(FileSpec("Медичне обладнання (Excel)", "XLSX", "medychne-obladnannia"),
               FileSpec("Медичне обладнання", "CSV", "medychne-obladnannia")),
    ),
    DatasetSpec(
        key="medical-staff", owner="tsentralna-likarnia",
        title="Відомості про медичних працівників КНП «Центральна міська лікарня»",
        description="Штатні і зайняті посади медичних працівників за спеціальностями, "
                    "кількість фізичних осіб і вакансії. Зведені дані без імен.",
        purpose=PURPOSE_835, keywords=("медичні працівники", "вакансії", "лікарі"),
        themes=("okhorona-zdorovia",), periodicity=P.YEARLY, created_on=d("2020-01-01"),
        table=medical_staff, national="B-045", published_on=d("2025-11-04"),
        files=(FileSpec("Медичні працівники", "CSV", "medychni-pratsivnyky"),),
    ),
]
