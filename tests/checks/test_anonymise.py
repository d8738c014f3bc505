"""Anonymising transforms (§2.9): a new file from an old one, the count of changed cells."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import hmac
from pathlib import Path

import polars as pl
import pytest
from openpyxl import Workbook

from radadata.checks.anonymise import (
    ColumnNotFound,
    drop_column,
    generalise_date,
    hash_column,
    mask_column,
)
from radadata.checks.findings import Severity
from radadata.checks.personal import scan_table
from radadata.checks.table import Table
from radadata.core.text import neutralise_formula

AID = Path(__file__).resolve().parents[1] / "data" / "checks" / "personal" / (
    "odnorazova-dopomoha-2024.csv")
SALT = "a-secret-salt-of-the-dataset"


def write(path: Path, rows: list[list[str]], *, delimiter: str = ",",
          encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as file:
        csv.writer(file, delimiter=delimiter).writerows(rows)
    return path


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


@pytest.fixture
def people(tmp_path) -> Path:
    return write(tmp_path / "people.csv", [
        ["ПІБ", "РНОКПП", "Дата народження", "Сума"],
        ["Петренко Іван Петрович", "1759013776", "14.03.1985", "100"],
        ["Бондар Марія Олексіївна", "", "1990-07-01", "200"],
        ["Петренко Іван Петрович", "3652504575", "1979", "300"],
    ])


def test_drop_column(people, tmp_path):
    out = tmp_path / "out.csv"
    assert drop_column(people, out, "РНОКПП") == 2  # non-empty cells removed
    assert read(out) == [
        ["ПІБ", "Дата народження", "Сума"],
        ["Петренко Іван Петрович", "14.03.1985", "100"],
        ["Бондар Марія Олексіївна", "1990-07-01", "200"],
        ["Петренко Іван Петрович", "1979", "300"],
    ]
    assert read(people)[0] == ["ПІБ", "РНОКПП", "Дата народження", "Сума"]  # untouched


def test_mask_column_keeps_the_first_and_last_characters(people, tmp_path):
    out = tmp_path / "out.csv"
    assert mask_column(people, out, "РНОКПП", keep_start=2, keep_end=3) == 2
    assert [row[1] for row in read(out)] == ["РНОКПП", "17*****776", "", "36*****575"]
    assert mask_column(people, out, 0) == 3
    assert read(out)[1][0] == "П" + "*" * 20 + "ч"


def test_generalise_date_to_the_year(people, tmp_path):
    out = tmp_path / "out.csv"
    assert generalise_date(people, out, "Дата народження") == 2  # "1979" is a year already
    assert [row[2] for row in read(out)] == ["Дата народження", "1985", "1990", "1979"]


def test_generalise_date_empties_what_it_cannot_read(tmp_path):
    src = write(tmp_path / "in.csv", [["born"], ["березень 1985"], ["2001-02-03T10:00:00"]])
    out = tmp_path / "out.csv"
    assert generalise_date(src, out, "born") == 2
    assert read(out) == [["born"], [""], ["2001"]]


def test_hash_column_gives_equal_values_equal_pseudonyms(people, tmp_path):
    out = tmp_path / "out.csv"
    assert hash_column(people, out, "ПІБ", salt=SALT) == 3
    names = [row[0] for row in read(out)[1:]]
    expected = hmac.new(SALT.encode(), "Петренко Іван Петрович".encode(), hashlib.sha256)
    assert names[0] == names[2] == expected.hexdigest()
    assert names[1] != names[0] and len(names[1]) == 64
    # Another salt, other pseudonyms: the same person cannot be linked across datasets.
    hash_column(people, out, "ПІБ", salt=SALT + "-2")
    assert read(out)[1][0] != names[0]


def test_hash_column_refuses_a_short_salt(people, tmp_path):
    with pytest.raises(ValueError, match="salt"):
        hash_column(people, tmp_path / "out.csv", "ПІБ", salt="short")


def test_windows_1251_semicolons_in_utf8_commas_out(tmp_path):
    src = write(tmp_path / "excel.csv", [["ПІБ", "Сума, грн"], ["Петренко Іван", "1,5"]],
                delimiter=";", encoding="cp1251")
    out = tmp_path / "out.csv"
    assert mask_column(src, out, "ПІБ") == 1
    assert out.read_text(encoding="utf-8").splitlines() == [
        'ПІБ,"Сума, грн"', 'П***********н,"1,5"']


def test_a_second_header_row_is_kept(tmp_path):
    src = write(tmp_path / "template.csv", [["name", "born"], ["ПІБ", "Дата народження"],
                                            ["Петренко Іван", "1985-03-14"]])
    out = tmp_path / "out.csv"
    assert generalise_date(src, out, "born", header_rows=2) == 1
    assert read(out) == [["name", "born"], ["ПІБ", "Дата народження"],
                         ["Петренко Іван", "1985"]]


def test_title_rows_above_the_header_pass_through(tmp_path):
    src = write(tmp_path / "titled.csv", [["Отримувачі допомоги станом на 01.03.2024"], [],
                                          ["ПІБ", "РНОКПП"], ["Петренко Іван", "1759013776"]])
    out = tmp_path / "out.csv"
    assert drop_column(src, out, "ПІБ") == 1
    assert read(out) == [["Отримувачі допомоги станом на 01.03.2024"], [], ["РНОКПП"],
                         ["1759013776"]]


def test_xlsx_in_csv_out(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["ПІБ", "Дата народження", "Сума"])
    sheet.append(["Петренко Іван", dt.datetime(1985, 3, 14), 100.0])
    sheet.append(["Бондар Марія", None, 2.5])
    book.save(tmp_path / "in.xlsx")
    out = tmp_path / "out.csv"
    assert generalise_date(tmp_path / "in.xlsx", out, "Дата народження") == 1
    assert read(out) == [["ПІБ", "Дата народження", "Сума"], ["Петренко Іван", "1985", "100"],
                         ["Бондар Марія", "", "2.5"]]


def test_a_missing_or_ambiguous_column_is_refused_and_leaves_no_file(tmp_path, people):
    out = tmp_path / "out.csv"
    with pytest.raises(ColumnNotFound):
        drop_column(people, out, "Адреса")
    assert not out.exists()
    twice = write(tmp_path / "twice.csv", [["a", "a"], ["1", "2"]])
    with pytest.raises(ColumnNotFound, match="give its number"):
        drop_column(twice, out, "a")
    assert drop_column(twice, out, 1) == 1
    assert read(out) == [["a"], ["1"]]


def test_ragged_rows_pass_through(tmp_path):
    src = write(tmp_path / "in.csv", [["a", "b", "c"], ["1"], ["1", "2", "3", "4"]])
    out = tmp_path / "out.csv"
    assert mask_column(src, out, "c") == 1
    assert read(out) == [["a", "b", "c"], ["1"], ["1", "2", "*", "4"]]


def test_the_aid_list_anonymised_passes_the_scan(tmp_path):
    steps = [
        (hash_column, "Прізвище, ім'я, по батькові", {"salt": SALT}),
        (drop_column, "РНОКПП", {}),
        (generalise_date, "Дата народження", {}),
        (mask_column, "Адреса проживання", {"keep_start": 11, "keep_end": 0}),
        (drop_column, "Телефон", {}),
        (drop_column, "E-mail", {}),
        (drop_column, "Рахунок IBAN", {}),
    ]
    current = AID
    for number, (transform, column, options) in enumerate(steps):
        following = tmp_path / f"step{number}.csv"
        assert transform(current, following, column, **options) == 12
        current = following
    frame = pl.read_csv(current, infer_schema=False)
    findings = scan_table(Table(frame=frame, header=frame.columns))
    assert [f for f in findings if f.severity == Severity.BLOCKING] == []
    assert frame.columns == ["№ з/п", "Прізвище, ім'я, по батькові", "Дата народження",
                             "Адреса проживання", "Сума допомоги, грн", "Дата рішення",
                             "Підстава"]
    assert frame["Адреса проживання"][0] == "м. Вугледар" + "*" * 32


@pytest.mark.parametrize(("value", "safe"), [
    ("=HYPERLINK(\"http://evil\",\"click\")", "'=HYPERLINK(\"http://evil\",\"click\")"),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=1", "'\t=1"),
    ("-12.5", "-12.5"),
    ("+380501234567", "+380501234567"),
    ("Звичайний текст", "Звичайний текст"),
    ("", ""),
])
def test_neutralise_formula(value, safe):
    assert neutralise_formula(value) == safe
