"""Our structure validation and frictionless-py report the same errors: a CSV with errors of
every kind injected is checked by both, and the sets of (row, column, code) must be equal."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import polars as pl
import pytest

from radadata.checks.structure import codes, validate_table
from radadata.checks.structure.frictionless_adapter import frictionless_findings
from radadata.checks.table import Table

BENCH = Path(__file__).resolve().parents[2] / "bench"

SCHEMA = {
    # exclusiveMinimum/Maximum are Table Schema v2
    "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
    "fields": [
        {"name": "id", "type": "integer", "constraints": {"required": True, "unique": True}},
        {"name": "код_ЄДРПОУ", "type": "string",
         "constraints": {"pattern": r"\d{8}", "minLength": 8, "maxLength": 8}},
        {"name": "назва", "type": "string", "constraints": {"required": True}},
        {"name": "сума", "type": "number", "constraints": {"minimum": 0, "maximum": 1000}},
        {"name": "частка", "type": "number", "decimalChar": ",",
         "constraints": {"exclusiveMinimum": 0, "exclusiveMaximum": 1}},
        {"name": "дата", "type": "date", "constraints": {"minimum": "2015-01-01"}},
        {"name": "підписано", "type": "date", "format": "%d.%m.%Y"},
        {"name": "оновлено", "type": "datetime"},
        {"name": "чинний", "type": "boolean"},
        {"name": "рік", "type": "year", "constraints": {"maximum": 2030}},
        {"name": "категорія", "type": "string",
         "constraints": {"enum": ["освіта", "культура", "спорт"]}},
        {"name": "клас", "type": "integer", "constraints": {"enum": [1, 2, 3]}},
    ],
    "primaryKey": ["рік", "код_ЄДРПОУ"],
}
GOOD = ["", "00032129", "Ліцей", "12.50", "0,25", "2024-03-31", "31.03.2024",
        "2024-03-31T10:00:00", "true", "2024", "освіта", "2"]
#: column → bad values, each on a row of its own
BAD = {
    "id": ["12a", "1.5", "", "٣"],  # "٣" is a valid integer (Arabic-Indic digit)
    "код_ЄДРПОУ": ["3285596", "abcdefgh", "328559611", ""],
    "назва": [""],
    "сума": ["-1", "1000.01", "12,5", "1e4", "NaN", " 7 ", "Infinity"],
    "частка": ["0", "1", "0.5", "0,999", "-0,1"],
    "дата": ["2014-12-31", "31.03.2024", "2024-02-30", "2024-3-5", " 2024-03-31"],
    "підписано": ["2024-03-31", "31.3.2024", "32.01.2024"],
    "оновлено": ["2024-03-31", "2024-03-31 10:00:00", "2024-03-31T10:00:60",
                 "2024-03-31T10:00:00+02:00", "2024-03-31T24:00:00"],
    "чинний": ["так", "1", "yes", "False"],
    "рік": ["2031", "24", "2024.0", "0999"],
    "категорія": ["інше", "Освіта", " освіта"],
    "клас": ["4", "01", "2.0"],
}


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def csv_table(path: Path) -> Table:
    """The file as a Table: every cell text, an empty cell None (what the readers give)."""
    with path.open(encoding="utf-8", newline="") as source:
        header = next(csv.reader(source))
    frame = pl.read_csv(path, infer_schema=False, new_columns=[f"c{n}" for n in
                                                                range(len(header))])
    return Table(frame=frame, header=header)


def both(path: Path, schema: dict, cap: int = 100) -> tuple[set, set]:
    ours = validate_table(csv_table(path), schema, cap=cap)
    theirs = frictionless_findings(path, schema, cap=cap)
    return ({(f.row, f.column, f.code, f.count) for f in ours},
            {(f.row, f.column, f.code, f.count) for f in theirs})


def rows_with_errors(total: int) -> list[list[str]]:
    header = [f["name"] for f in SCHEMA["fields"]]
    rows = []
    for n in range(total):
        row = list(GOOD)
        row[0] = str(n + 1)
        row[1] = f"{10_000_000 + n:08d}"
        rows.append(row)
    at = 3
    for column, values in BAD.items():
        for value in values:
            rows[at][header.index(column)] = value
            at += 7
    rows[360] = [""] * len(header)  # a blank row
    rows[370][0] = rows[369][0]  # a repeated id
    rows[380][1], rows[380][9] = rows[379][1], rows[379][9]  # a repeated key
    rows[390][9], rows[390][1] = "", ""  # an empty key
    return rows


def test_a_few_hundred_rows_with_every_kind_of_error(tmp_path):
    header = [f["name"] for f in SCHEMA["fields"]]
    path = write_csv(tmp_path / "помилки.csv", header, rows_with_errors(400))
    ours, theirs = both(path, SCHEMA)
    assert ours == theirs
    found = {code for _, _, code, _ in ours}
    assert {codes.TYPE_INTEGER, codes.TYPE_NUMBER, codes.TYPE_DATE, codes.TYPE_DATETIME,
            codes.TYPE_BOOLEAN, codes.TYPE_YEAR, codes.REQUIRED, codes.UNIQUE, codes.ENUM,
            codes.PATTERN, codes.MINIMUM, codes.MAXIMUM, codes.EXCLUSIVE_MINIMUM,
            codes.EXCLUSIVE_MAXIMUM, codes.MIN_LENGTH, codes.MAX_LENGTH, codes.PRIMARY_KEY,
            codes.BLANK_ROW} <= found
    assert len(ours) > 40


@pytest.mark.parametrize("header", [
    ["id", "найменування", "сума"],  # renamed in place
    ["id", "назва", "сума", "примітка"],  # an extra column at the end
    ["id", "назва"],  # the last column missing
    ["id", "", "сума"],  # a column without a name
    ["id", "id", "сума"],  # a name repeated
])
def test_header_differences(tmp_path, header):
    schema = {"fields": [{"name": "id", "type": "integer"}, {"name": "назва"},
                         {"name": "сума", "type": "number"}]}
    rows = [["1", "a", "2.5", "x"][:len(header)], ["x", "b", "y", "z"][:len(header)]]
    ours, theirs = both(write_csv(tmp_path / "h.csv", header, rows), schema)
    assert ours == theirs
    assert any(row == 1 for row, *_ in ours)


def test_capped_reports_agree(tmp_path):
    rows = [[str(n) if n % 2 else f"#{n}", "31.12.2024"] for n in range(400)]
    path = write_csv(tmp_path / "c.csv", ["id", "дата"], rows)
    schema = {"fields": [{"name": "id", "type": "integer"}, {"name": "дата", "type": "date"}]}
    ours, theirs = both(path, schema, cap=25)
    assert ours == theirs
    assert (None, "id", codes.MORE, 200) in ours and (None, "дата", codes.MORE, 400) in ours
    assert len(ours) == 25 + 25 + 2


def test_the_generated_municipal_file(tmp_path):
    spec = importlib.util.spec_from_file_location("gen_municipal_csv",
                                                  BENCH / "gen_municipal_csv.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    path = tmp_path / "municipal.csv"
    injected = generator.write(path, rows=600, errors=8)
    schema = json.loads(path.with_suffix(".schema.json").read_text(encoding="utf-8"))
    ours, theirs = both(path, schema)
    assert ours == theirs
    for kind, code in generator.KINDS.items():
        rows = {row for row, _, c, _ in ours if c == code}
        assert set(injected[kind]) <= rows, kind


def test_the_engine_reports_the_same_structural_errors(tmp_path):
    from radadata.checks.engine import check_file

    header = [f["name"] for f in SCHEMA["fields"]]
    path = write_csv(tmp_path / "помилки.csv", header, rows_with_errors(400))
    report = check_file(path, name=path.name, schema=SCHEMA)
    structural = {v for k, v in vars(codes).items() if k.isupper() and isinstance(v, str)}
    ours = {f.key() for f in report.findings if f.code in structural}
    theirs = {f.key() for f in frictionless_findings(path, SCHEMA)}
    assert ours == theirs
