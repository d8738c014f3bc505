"""Official-style workbooks of every national structure through the project's own check.

    .venv/bin/python bench/structures_official.py [--edition 2025] [--limit N]

For each shipped structure: its XLSX template (names in row 1, Ukrainian titles in row 2) with
three valid rows must pass (0 errors); then defects are injected one at a time into a copy and
each must be found with its code, at its row: a wrong ЄДРПОУ check digit, an empty required
cell, text in a number/date column, a year alone in a date column, the column names repeated
inside the data, the header row missing, a column missing. Named people in the columns titled
«ПІБ» are a separate figure (the check asks for a ruling on them, §2.5), and so are the
personal-data alarms on a Unix timestamp and on a report title («Звіт за I півріччя 2018
року»), which must give none. Prints the counts and the misses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

EDRPOU_BAD = "04054904"  # the check digit of 0405490 is 3
_EDRPOU = re.compile(r"(?i)єдрпоу|edrpou|publisheridentifier|ідентифікаційний\s+код\s+юридичн"
                     r"|код\s+юридичн")
VALID = {"string": "Згурівка", "number": 50.4577, "integer": 12,
         "date": dt.datetime(2025, 3, 31), "datetime": dt.datetime(2025, 3, 31, 9, 34),
         "time": dt.time(9, 34), "boolean": True, "year": 2025}


def _words(field: dict) -> str:
    return " ".join(str(field.get(k, "")) for k in ("name", "title", "description"))


def is_edrpou(field: dict) -> bool:
    return field.get("type", "string") == "string" and bool(_EDRPOU.search(_words(field)))


def is_person(field: dict) -> bool:
    return bool(re.search(r"(?i)\bпіб\b|прізвище", str(field.get("title", ""))))


def edrpou_code(row: int) -> str:
    from stdnum.ua import edrpou

    body = f"{4054900 + row:07d}"
    return body + edrpou.calc_check_digit(body)


def valid(field: dict, row: int, people: bool) -> object:
    if is_edrpou(field):
        return edrpou_code(row)  # a different valid code per row: some are primary keys
    if field.get("format") == "uri":
        return f"https://rada.example.gov.ua/dani/{row}"
    if people and is_person(field):
        return ["Іваненко Іван Іванович", "Петренко Олена Миколаївна",
                "Коваль Андрій Петрович"][row % 3]
    value = VALID.get(field.get("type", "string"), "Згурівка")
    return f"{value} {row}" if isinstance(value, str) and row else value


def workbook(template: bytes, fields: list[dict], rows: list[list]) -> bytes:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(template))
    sheet = book.active
    for number, row in enumerate(rows, start=3):
        for col, value in enumerate(row, start=1):
            sheet.cell(row=number, column=col, value=value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def plain_workbook(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def defects(fields: list[dict], rows: list[list]) -> list[tuple[str, str, int, list[list]]]:
    """(defect, expected code, file row, the rows with the defect in row 2 of the data)."""
    names = [f["name"] for f in fields]
    titles = [f.get("title") or f["name"] for f in fields]
    found = []

    def changed(index: int, value) -> list[list]:
        copy = [list(r) for r in rows]
        copy[1][index] = value
        return copy

    for i, f in enumerate(fields):
        if is_edrpou(f):
            found.append(("wrong ЄДРПОУ check digit", "value_edrpou_checksum", 4,
                          changed(i, EDRPOU_BAD)))
            break
    for i, f in enumerate(fields):
        if (f.get("constraints") or {}).get("required"):
            found.append(("empty required cell", "constraint_required", 4, changed(i, None)))
            break
    for i, f in enumerate(fields):
        if f.get("type") in ("number", "integer", "date"):
            found.append((f"text in a {f['type']} column", f"type_{f['type']}", 4,
                          changed(i, "немає даних")))
            break
    for i, f in enumerate(fields):
        if f.get("type") == "date":
            found.append(("a year in a date column", "type_date_year", 4, changed(i, 2018)))
            break
    found.append(("column names repeated in the data", "header_repeated", 4,
                  [rows[0], names, rows[1], rows[2]]))
    found.append(("no header row", "header_is_data", 1, None))
    if len(fields) > 2:
        found.append(("a column missing", "column_missing", 1, "drop-last"))
    _ = titles
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edition", default="")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radadata.config.settings.test")
    import django

    django.setup()
    from radadata.checks.engine import check_file
    from radadata.checks.findings import Severity
    from radadata.structures import catalog
    from radadata.structures.downloads import template_file

    structures = [s for s in catalog.all_structures()
                  if not args.edition or s.edition.code == args.edition]
    if args.limit:
        structures = structures[:args.limit]
    bad = (Severity.ERROR, Severity.BLOCKING)
    passed, failed, people_alarms, false_alarms = 0, [], [], []
    injected, caught, misses = Counter(), Counter(), []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.xlsx"

        def check(body: bytes, schema: dict, lawful: dict | None = None):
            path.write_bytes(body)
            return check_file(path, name="file.xlsx", schema=schema, lawful=lawful or {})

        for s in structures:
            schema = s.table_schema()
            fields = schema["fields"]
            template, _type, _name = template_file(s, "xlsx")
            rows = [[valid(f, r, False) for f in fields] for r in range(3)]
            lawful = {f["name"]: "official" for f in fields if f["name"] == "birthDate"}
            report = check(workbook(template, fields, rows), schema, lawful)
            errors = [f.key() for f in report.findings if f.severity in bad]
            (failed.append((s.id, errors)) if errors else None)
            passed += not errors
            people = [[valid(f, r, True) for f in fields] for r in range(3)]
            report = check(workbook(template, fields, people), schema, lawful)
            people_alarms += [(s.id, f.column, f.code) for f in report.findings
                              if f.code.startswith("pd_") and f.severity in bad]
            odd = [list(r) for r in rows]
            for i, f in enumerate(fields):
                if f.get("type") == "integer":
                    odd[0][i] = 1717171717  # a Unix timestamp
                elif f.get("type", "string") == "string" and not is_edrpou(f) and \
                        f.get("format") != "uri":
                    odd[1][i] = "Звіт за I півріччя 2018 року"
            report = check(workbook(template, fields, odd), schema, lawful)
            false_alarms += [(s.id, f.column, f.code) for f in report.findings
                             if f.code.startswith("pd_") and f.severity != Severity.INFO]
            for name, code, row, changed in defects(fields, rows):
                injected[name] += 1
                if changed is None:
                    body = plain_workbook(rows)
                elif changed == "drop-last":
                    trimmed = dict(schema, fields=fields[:-1])
                    body = plain_workbook([[f["name"] for f in trimmed["fields"]],
                                           *[r[:-1] for r in rows]])
                else:
                    body = workbook(template, fields, changed)
                report = check(body, schema, lawful)
                keys = [(f.row, f.code) for f in report.findings]
                if (row, code) in keys or (code == "column_missing" and
                                           code in [k[1] for k in keys]):
                    caught[name] += 1
                else:
                    misses.append((s.id, name, keys[:6]))
    seconds = time.perf_counter() - started
    print(f"structures: {len(structures)}; filled templates passing: {passed}/{len(structures)}")
    for sid, errors in failed[:20]:
        print(f"  NOT PASSING {sid}: {errors[:5]}")
    print("injected defects found (row and code):")
    for name in injected:
        print(f"  {name}: {caught[name]}/{injected[name]}")
    for sid, name, keys in misses[:20]:
        print(f"  MISSED {sid}: {name}: {keys}")
    print(f"personal-data alarms on real-looking names in «ПІБ» columns (a ruling is asked): "
          f"{len(people_alarms)} in {len({a[0] for a in people_alarms})} structures")
    for alarm in people_alarms[:10]:
        print(f"  {alarm}")
    print(f"personal-data alarms on Unix timestamps / report titles: {len(false_alarms)}")
    for alarm in false_alarms[:10]:
        print(f"  {alarm}")
    print(f"{seconds:.1f} s")


if __name__ == "__main__":
    main()
