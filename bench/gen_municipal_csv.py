"""A generated municipal CSV and its Table Schema, for bench/checks_big.py and the parity tests.

    .venv/bin/python bench/gen_municipal_csv.py OUT.csv [--rows 1000000] [--errors 300]

One row per payment of a council programme: id, the recipient organisation's ЄДРПОУ (valid
check digits but for about 1 in 50), a person's full name (ПІБ), a street address, a date, an
amount, a phone number, an e-mail (declared `format: email`) and a category: about 220 bytes
a row, so a million rows make about 220 MB. Deterministic (fixed seeds), vectorised with numpy
and polars, so the file takes seconds to write. `--errors N` injects N errors of each kind (see
KINDS) at distinct rows; the schema is written beside the file as OUT.schema.json.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

SURNAMES = [
    ("Шевченко", "Шевченко"), ("Коваленко", "Коваленко"), ("Бондаренко", "Бондаренко"),
    ("Ткаченко", "Ткаченко"), ("Кравчук", "Кравчук"), ("Мельник", "Мельник"),
    ("Олійник", "Олійник"), ("Бойко", "Бойко"), ("Поліщук", "Поліщук"), ("Лисенко", "Лисенко"),
    ("Іваненко", "Іваненко"), ("Савчук", "Савчук"), ("Руденко", "Руденко"),
    ("Марченко", "Марченко"), ("Петренко", "Петренко"), ("Гнатюк", "Гнатюк"),
    ("Ковальчук", "Ковальчук"), ("Ярошенко", "Ярошенко"), ("Левченко", "Левченко"),
    ("Приходько", "Приходько"), ("Білоус", "Білоус"), ("Зінченко", "Зінченко"),
    ("Кузьменко", "Кузьменко"), ("Литвиненко", "Литвиненко"), ("Гончаренко", "Гончаренко"),
    ("Мороз", "Мороз"), ("Яковенко", "Яковенко"), ("Остапчук", "Остапчук"),
    ("Романюк", "Романюк"), ("Федоренко", "Федоренко"), ("Гаврилюк", "Гаврилюк"),
    ("Пономаренко", "Пономаренко"), ("Дорошенко", "Дорошенко"), ("Сидоренко", "Сидоренко"),
    ("Тимошенко", "Тимошенко"), ("Климченко", "Климченко"), ("Власенко", "Власенко"),
    ("Павленко", "Павленко"), ("Вовк", "Вовк"), ("Соловйов", "Соловйова"),
    ("Білий", "Біла"), ("Чорний", "Чорна"), ("Заїка", "Заїка"), ("Стельмах", "Стельмах"),
]
LATIN = {
    "Шевченко": "shevchenko", "Коваленко": "kovalenko", "Бондаренко": "bondarenko",
    "Ткаченко": "tkachenko", "Кравчук": "kravchuk", "Мельник": "melnyk", "Олійник": "oliinyk",
    "Бойко": "boiko", "Поліщук": "polishchuk", "Лисенко": "lysenko", "Іваненко": "ivanenko",
    "Савчук": "savchuk", "Руденко": "rudenko", "Марченко": "marchenko",
    "Петренко": "petrenko", "Гнатюк": "hnatiuk", "Ковальчук": "kovalchuk",
    "Ярошенко": "yaroshenko", "Левченко": "levchenko", "Приходько": "prykhodko",
    "Білоус": "bilous", "Зінченко": "zinchenko", "Кузьменко": "kuzmenko",
    "Литвиненко": "lytvynenko", "Гончаренко": "honcharenko", "Мороз": "moroz",
    "Яковенко": "yakovenko", "Остапчук": "ostapchuk", "Романюк": "romaniuk",
    "Федоренко": "fedorenko", "Гаврилюк": "havryliuk", "Пономаренко": "ponomarenko",
    "Дорошенко": "doroshenko", "Сидоренко": "sydorenko", "Тимошенко": "tymoshenko",
    "Климченко": "klymchenko", "Власенко": "vlasenko", "Павленко": "pavlenko", "Вовк": "vovk",
    "Соловйов": "solovyov", "Білий": "bilyi", "Чорний": "chornyi", "Заїка": "zaika",
    "Стельмах": "stelmakh",
}
MEN = ["Олександр", "Андрій", "Сергій", "Володимир", "Дмитро", "Михайло", "Іван", "Петро",
       "Василь", "Юрій", "Богдан", "Тарас", "Микола", "Олег", "Ярослав", "Роман"]
WOMEN = ["Олена", "Наталія", "Ірина", "Тетяна", "Оксана", "Марія", "Світлана", "Людмила",
         "Галина", "Юлія", "Катерина", "Ганна", "Ольга", "Валентина", "Софія", "Дарина"]
FATHERS_M = ["Олександрович", "Андрійович", "Сергійович", "Володимирович", "Миколайович",
             "Іванович", "Петрович", "Васильович", "Михайлович", "Григорович"]
FATHERS_F = ["Олександрівна", "Андріївна", "Сергіївна", "Володимирівна", "Миколаївна",
             "Іванівна", "Петрівна", "Василівна", "Михайлівна", "Григорівна"]
STREETS = ["вул. Шевченка", "вул. Грушевського", "просп. Незалежності", "вул. Франка",
           "вул. Лесі Українки", "вул. Соборна", "вул. Миру", "вул. Садова", "вул. Польова",
           "вул. Героїв України", "бульв. Т. Шевченка", "вул. Вишнева", "пров. Тихий",
           "вул. Затишна", "вул. Київська", "вул. Козацька"]
# The council's town is understood; villages of the hromada are named.
TOWNS = ["", "", "", "", "с. Зелений Гай, ", "с. Калинівка, ", "смт Козацьке, "]
OPERATORS = ["50", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99"]
MAIL = ["ukr.net", "gmail.com", "i.ua", "meta.ua", "svitlohirsk-rada.gov.ua"]
CATEGORIES = ["житлова субсидія", "допомога на дітей", "допомога ВПО", "компенсація за послуги",
              "матеріальна допомога", "оздоровлення дітей", "пільговий проїзд",
              "соціальна стипендія"]
AMOUNT_MAX = 1_000_000

#: The injected error kinds: what is broken, and the code both checkers must report.
KINDS = {
    "id_not_integer": "type_integer",
    "id_repeated": "constraint_unique",
    "name_missing": "constraint_required",
    "edrpou_short": "constraint_pattern",
    "date_not_iso": "type_date",
    "amount_comma": "type_number",
    "amount_negative": "constraint_minimum",
    "amount_too_large": "constraint_maximum",
    "category_unknown": "constraint_enum",
    "email_broken": "type_other",
    "row_blank": "row_blank",
}
#: Bumped whenever the rows or the schema change, so that a cached file is never stale.
VERSION = 2


def schema() -> dict[str, Any]:
    required = {"required": True}
    return {"fields": [
        {"name": "id", "type": "integer", "constraints": {"required": True, "unique": True}},
        {"name": "код_ЄДРПОУ", "type": "string",
         "constraints": {"required": True, "pattern": r"\d{8}"}},
        {"name": "ПІБ", "type": "string", "constraints": required},
        {"name": "адреса", "type": "string"},
        {"name": "дата", "type": "date", "constraints": required},
        {"name": "сума", "type": "number",
         "constraints": {"required": True, "minimum": 0, "maximum": AMOUNT_MAX}},
        {"name": "телефон", "type": "string"},
        # Declared an e-mail address, as a council's structure would: every cell is read as one.
        {"name": "email", "type": "string", "format": "email"},
        {"name": "категорія", "type": "string",
         "constraints": {"required": True, "enum": CATEGORIES}},
    ]}


def _pick(rng: np.random.Generator, items: list[str], n: int) -> pl.Series:
    return pl.Series(items, dtype=pl.String).gather(rng.integers(0, len(items), n))


def _join(*parts: Any) -> pl.Series:
    """Text columns, numbers and literal strings joined row by row."""
    exprs = [pl.lit(p) if isinstance(p, str) else pl.lit(pl.Series(p)).cast(pl.String)
             for p in parts]
    return pl.select(pl.concat_str(exprs)).to_series()


def _edrpou(rng: np.random.Generator, n: int) -> pl.Series:
    """8-digit codes with the ЄДРПОУ check digit (stdnum.ua.edrpou), vectorised."""
    digits = rng.integers(0, 10, (n, 7))
    digits[:, 0] = rng.choice([0, 1, 2, 3, 4, 2, 3], n)  # both weight schemes occur
    high = (digits[:, 0] >= 3) & (digits[:, 0] <= 5)
    weights = np.where(high[:, None], [7, 1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6, 7])
    check = (digits * weights).sum(axis=1) % 11
    again = ((digits * (weights + 2)).sum(axis=1) % 11) % 10
    check = np.where(check < 10, check, again)
    wrong = rng.random(n) < 0.02
    check = np.where(wrong, (check + 1) % 10, check)
    number = (digits * 10 ** np.arange(7, 0, -1)).sum(axis=1) + check
    return pl.Series(number).cast(pl.String).str.zfill(8)


def frame(rows: int, seed: int = 835) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    women = rng.random(rows) < 0.5
    surname = pl.DataFrame(SURNAMES, orient="row", schema=["m", "f"])[
        rng.integers(0, len(SURNAMES), rows)]
    given = pl.select(pl.when(pl.Series(women)).then(_pick(rng, WOMEN, rows))
                      .otherwise(_pick(rng, MEN, rows))).to_series()
    father = pl.select(pl.when(pl.Series(women)).then(_pick(rng, FATHERS_F, rows))
                       .otherwise(_pick(rng, FATHERS_M, rows))).to_series()
    family = pl.select(pl.when(pl.Series(women)).then(surname["f"])
                       .otherwise(surname["m"])).to_series()
    latin = surname["m"].replace_strict(LATIN)
    days = rng.integers(0, 3650, rows)
    amount = rng.integers(100, AMOUNT_MAX * 100 // 4, rows)
    return pl.DataFrame({
        "id": pl.int_range(1, rows + 1, eager=True).cast(pl.String),
        "код_ЄДРПОУ": _edrpou(rng, rows),
        "ПІБ": _join(family, " ", given, " ", father),
        "адреса": _join(_pick(rng, TOWNS, rows), _pick(rng, STREETS, rows), ", буд. ",
                        rng.integers(1, 120, rows), ", кв. ", rng.integers(1, 200, rows)),
        "дата": pl.select(pl.date(2015, 1, 1) + pl.duration(days=pl.Series(days)))
        .to_series().cast(pl.String),
        "сума": (pl.Series(amount // 100).cast(pl.String) + "."
                 + pl.Series(amount % 100).cast(pl.String).str.zfill(2)),
        "телефон": _join("+380", _pick(rng, OPERATORS, rows),
                         rng.integers(1_000_000, 10_000_000, rows)),
        "email": _join(latin, ".", rng.integers(1, 100_000, rows), "@", _pick(rng, MAIL, rows)),
        "категорія": _pick(rng, CATEGORIES, rows),
    })


def inject(data: pl.DataFrame, errors: int, seed: int = 409) -> tuple[pl.DataFrame, dict]:
    """N errors of each kind at distinct rows; returns the frame and {kind: [row indexes]}."""
    if not errors:
        return data, {}
    rng = np.random.default_rng(seed)
    # Keep the first row clean: it is the one every "repeated id" copies from if it is hit.
    chosen = rng.choice(np.arange(1, data.height), size=errors * len(KINDS), replace=False)
    where = {kind: sorted(chosen[n * errors:(n + 1) * errors].tolist())
             for n, kind in enumerate(KINDS)}
    columns = {name: data[name].clone() for name in data.columns}

    def change(name: str, kind: str, edit) -> None:
        rows = where[kind]
        old = columns[name].gather(rows).to_list()
        new = [edit(row, value) for row, value in zip(rows, old, strict=True)]
        columns[name] = columns[name].scatter(rows, new)

    change("id", "id_not_integer", lambda row, v: f"{row + 1}a")
    change("id", "id_repeated", lambda row, v: "1")
    change("ПІБ", "name_missing", lambda row, v: None)
    change("код_ЄДРПОУ", "edrpou_short", lambda row, v: v[1:])
    change("дата", "date_not_iso", lambda row, v: ".".join(reversed(v.split("-"))))
    change("сума", "amount_comma", lambda row, v: v.replace(".", ","))
    change("сума", "amount_negative", lambda row, v: "-" + v)
    change("сума", "amount_too_large", lambda row, v: f"{AMOUNT_MAX + 1 + row}.00")
    change("категорія", "category_unknown", lambda row, v: "інше")
    change("email", "email_broken", lambda row, v: v.replace("@", " at "))
    for name in columns:
        change(name, "row_blank", lambda row, v: None)
    return pl.DataFrame(list(columns.values())), where


def write(path: Path, *, rows: int, errors: int = 0) -> dict[str, Any]:
    """Writes the CSV and OUT.schema.json; returns the injected rows ({kind: [file rows]})."""
    data, where = inject(frame(rows), errors)
    data.write_csv(path)
    path.with_suffix(".schema.json").write_text(
        json.dumps(schema(), ensure_ascii=False, indent=1), encoding="utf-8")
    return {kind: [row + 2 for row in rows_] for kind, rows_ in where.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--errors", type=int, default=0, help="errors of each kind")
    args = parser.parse_args()
    write(args.out, rows=args.rows, errors=args.errors)
    size = args.out.stat().st_size
    print(f"{args.out}: {args.rows:,} rows, {size / 1e6:.0f} MB, schema "
          f"{args.out.with_suffix('.schema.json')}")


if __name__ == "__main__":
    main()
