"""Standard values (§5.3, §5.5): ЄДРПОУ check digits, phones in +380 form, ISO dates, decimal
points."""

from __future__ import annotations

import random

import polars as pl
import pytest
from stdnum.ua import edrpou

from radadata.checks.findings import Severity
from radadata.checks.table import Table
from radadata.checks.values import CELL_LIMIT, check_values, edrpou_valid


def table(**columns: list[str | None]) -> Table:
    frame = pl.DataFrame(columns, schema={name: pl.String for name in columns})
    return Table(frame=frame, header=list(columns))


def keys(findings) -> list[tuple[int | None, str | None, str]]:
    return [f.key() for f in findings]


# --- ЄДРПОУ ------------------------------------------------------------------------------------

def test_the_vectorised_check_digit_agrees_with_python_stdnum():
    rng = random.Random(7)
    codes = [f"{rng.randrange(10**8):08d}" for _ in range(5_000)] + ["32855961", "00032129"]
    ours = edrpou_valid(pl.Series(codes))
    assert ours.to_list() == [edrpou.is_valid(c) for c in codes]
    assert 300 < ours.sum() < 700  # about one in ten: the sample exercises both outcomes


def test_edrpou_cells_are_checked_one_by_one():
    findings = check_values(table(**{"Код ЄДРПОУ": [
        "32855961", "32855968", "32129", "АБВ", None, "null", "3652504575"]}), None)
    assert keys(findings) == [(3, "Код ЄДРПОУ", "value_edrpou_checksum"),
                              (4, "Код ЄДРПОУ", "value_edrpou_zeros"),
                              (5, "Код ЄДРПОУ", "value_edrpou_format")]
    assert all(f.severity == Severity.ERROR for f in findings)
    assert findings[1].params["suggested"] == "00032129"
    assert "00032129" in findings[1].message()
    assert findings[0].excerpt == "32855968"


def test_a_schema_pattern_of_eight_digits_marks_an_edrpou_column():
    schema = {"fields": [{"name": "code", "type": "string",
                          "constraints": {"pattern": "^[0-9]{8}$"}}]}
    data = table(code=["32855961", "32855968"])
    assert keys(check_values(data, schema)) == [(3, "code", "value_edrpou_checksum")]
    assert check_values(data, None) == []  # "code" alone says nothing


def test_per_cell_edrpou_findings_are_capped_and_the_rest_counted():
    wrong = ["32855968"] * (CELL_LIMIT + 7)
    findings = check_values(table(ЄДРПОУ=wrong), None)
    assert len(findings) == CELL_LIMIT + 1
    assert findings[-1].key() == (None, "ЄДРПОУ", "value_omitted")
    assert findings[-1].count == 7


# --- phones ------------------------------------------------------------------------------------

def test_phones_not_in_the_plus_380_form_get_a_warning_with_the_normal_form():
    findings = check_values(table(Телефон=[
        "+380501234567", "050 123-45-67", "(06273) 2-11-45", "12", None, "+380441234567"]), None)
    assert keys(findings) == [(None, "Телефон", "value_phone_format"),
                              (None, "Телефон", "value_phone_invalid")]
    odd, broken = findings
    assert (odd.severity, odd.count, broken.count) == (Severity.WARNING, 2, 1)
    assert odd.excerpt == "050 12•••••67 → +38050•••••67"


def test_phones_all_in_the_plus_380_form_pass():
    assert check_values(table(Телефон=["+380501234567", "+380441234567"]), None) == []


def test_a_column_of_phones_is_recognised_without_a_header():
    assert keys(check_values(table(c=["0501234567", "0671234567", "+380931112233"]), None)) == [
        (None, "c", "value_phone_format")]


# --- dates -------------------------------------------------------------------------------------

def test_dates_not_in_iso_form():
    findings = check_values(table(Дата=["14.03.2024", "15.03.2024", "01.04.2024"]), None)
    assert keys(findings) == [(None, "Дата", "value_date_format")]
    assert findings[0].excerpt == "14.03.2024 → 2024-03-14"
    assert findings[0].params["forms"] == "DD.MM.YYYY"
    assert findings[0].count == 3


def test_the_example_of_a_birth_date_keeps_only_the_year():
    findings = check_values(table(**{"Дата народження": ["14.03.1985", "01.07.1990"]}), None)
    assert findings[0].excerpt == "••.••.1985 → 1985-••-••"


def test_dates_in_mixed_forms():
    findings = check_values(table(Дата=["2024-03-14", "15.03.2024", "16/03/2024", None]), None)
    assert keys(findings) == [(None, "Дата", "value_date_mixed")]
    assert findings[0].params["number"] == 3
    assert findings[0].count == 2


@pytest.mark.parametrize("values", [["2024-03-14", "2024-03-15"],
                                    ["2024-03-14T10:00:00", "2024-03-15T11:30:00+02:00"]])
def test_iso_dates_pass(values):
    assert check_values(table(Дата=values), None) == []


def test_a_schema_date_column_is_checked_even_when_most_cells_are_odd():
    schema = {"fields": [{"name": "Коли", "type": "date"}]}
    findings = check_values(table(Коли=["14.03.2024", "невідомо", "-", "?"]), schema)
    assert keys(findings) == [(None, "Коли", "value_date_format")]


# --- numbers -----------------------------------------------------------------------------------

def test_decimal_comma_and_thousands_separators_from_excel():
    findings = check_values(table(Сума=["1234,56", "1 234 567,89", "12.5", "100"]), None)
    assert keys(findings) == [(None, "Сума", "value_decimal_comma"),
                              (None, "Сума", "value_thousands_separator")]
    comma, thousands = findings
    assert (comma.count, comma.excerpt) == (2, "1234,56 → 1234.56")
    assert (thousands.count, thousands.excerpt) == (1, "1 234 567,89 → 1234567.89")
    assert "Excel" in comma.message()


def test_numbers_with_points_pass_and_text_is_left_alone():
    assert check_values(table(Сума=["1234.56", "-7", "0.5"],
                              Назва=["Школа, ліцей", "Сквер 1,5 га", "Парк"]), None) == []


def test_findings_carry_the_part():
    data = Table(frame=pl.DataFrame({"Сума": ["1,5"]}), header=["Сума"], part="Аркуш2")
    assert [f.part for f in check_values(data, None)] == ["Аркуш2"]
