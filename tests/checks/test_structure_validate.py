"""validate_table on tiny inline tables: each check asserts the (row, column, code) a clerk
would see. Row numbers are the file's: the header is row 1, the first data row is row 2."""

from __future__ import annotations

import polars as pl
import pytest

from radadata.checks.findings import CODES, Severity
from radadata.checks.structure import codes, validate_table
from radadata.checks.table import Table

pytestmark = pytest.mark.usefixtures("english")


def table(header: list[str], *rows: tuple[str | None, ...]) -> Table:
    """A Table as the readers build it: unique frame names, the header as written."""
    names: list[str] = []
    for n, label in enumerate(header, start=1):
        name = label or f"column_{n}"
        names.append(name if name not in names else f"{name}_{n}")
    frame = pl.DataFrame([list(r) for r in rows], schema={n: pl.String for n in names},
                         orient="row")
    return Table(frame=frame, header=header)


def keys(findings) -> set[tuple]:
    return {f.key() for f in findings}


def one_field(kind: str, *cells: str | None, **extra) -> set[tuple]:
    """Findings of column x; a second, filled column keeps rows with an empty x from being
    blank rows."""
    field = {"name": "x", "type": kind, **extra}
    t = table(["x", "n"], *[(c, "1") for c in cells])
    return keys(validate_table(t, {"fields": [field, {"name": "n"}]}))


def test_a_valid_table_has_no_findings():
    t = table(["id", "назва", "сума", "дата"], ("1", "Школа №1", "12.5", "2024-03-31"),
              ("2", "Ліцей", "-3", "2024-01-01"))
    schema = {"fields": [{"name": "id", "type": "integer"}, {"name": "назва", "type": "string"},
                         {"name": "сума", "type": "number"}, {"name": "дата", "type": "date"}]}
    assert validate_table(t, schema) == []


@pytest.mark.parametrize(("kind", "good", "bad"), [
    # "1_000" and the Arabic-Indic "٣" are ints for Python, so for frictionless too
    ("integer", ["12", " 7 ", "-3", "+4", "007", "1_000", "٣"], ["1.5", "12a", "1 000", "٣x"]),
    ("number", ["1.5", "-0.25", "3", ".5", "5.", "1e3", "Infinity", "NaN"],
     ["1,5", "12 грн", "1.2.3", "--1"]),
    ("date", ["2024-03-31", "2024-3-5", "2024-02-29"], ["31.03.2024", "2023-02-29", "2024-03-31 ",
                                                        "0000-01-01", "2024-13-01"]),
    ("datetime", ["2024-03-31T14:30:00", "2024-03-31 14:30:00", "2024-03-31T14:30:00Z",
                  "2024-03-31T14:30:00+02:00", "2024-03-31T24:00:00"],
     ["2024-03-31", "2024-03-31T14:30", "31.03.2024 14:30:00", "2024-03-31T14:30:60"]),
    ("boolean", ["true", "False", "TRUE", "1", "0"], ["так", "yes", " true", "T"]),
    ("year", ["2024", "0001"], ["24", "20245", "2024.0", "-202"]),
])
def test_types_follow_frictionless_defaults(kind, good, bad):
    code = codes.TYPE_CODES[kind]
    found = one_field(kind, *good, *bad)
    rows = {row for row, _, c in found if c == code}
    assert rows == set(range(2 + len(good), 2 + len(good) + len(bad)))


def test_empty_cells_are_missing_not_type_errors():
    assert one_field("integer", "1", None, "2") == set()
    assert one_field("integer", "1", None, constraints={"required": True}) == {
        (3, "x", codes.REQUIRED)}


def test_decimal_comma_and_group_char_when_the_schema_says_so():
    found = one_field("number", "1250,75", "1 250,75", "1250.75", decimalChar=",",
                      groupChar=" ")
    assert found == {(4, "x", codes.TYPE_NUMBER)}


def test_bare_number_false_strips_currency_and_percent():
    assert one_field("number", "95%", "€95", "1.5 грн", bareNumber=False) == set()
    assert one_field("integer", "95%", "нема", bareNumber=False) == {(3, "x", codes.TYPE_INTEGER)}


def test_custom_boolean_values_and_date_format():
    assert one_field("boolean", "так", "ні", "true", trueValues=["так"],
                     falseValues=["ні"]) == {(4, "x", codes.TYPE_BOOLEAN)}
    assert one_field("date", "31.03.2024", "1.3.2024", "2024-03-31", format="%d.%m.%Y") == {
        (4, "x", codes.TYPE_DATE)}
    assert one_field("date", "03/31/2024", "31/03/2024", format="%m/%d/%Y") == {
        (3, "x", codes.TYPE_DATE)}


def test_a_type_without_a_vectorised_reader_is_read_by_frictionless():
    found = one_field("time", "14:30:00", "25:00:00", "обід", constraints={"minimum": "08:00:00"})
    assert found == {(3, "x", codes.TYPE_OTHER), (4, "x", codes.TYPE_OTHER)}
    assert one_field("time", "07:59:00", constraints={"minimum": "08:00:00"}) == {
        (2, "x", codes.MINIMUM)}
    assert one_field("string", "https://rada.gov.ua", "rada", format="uri") == {
        (3, "x", codes.TYPE_OTHER)}


def test_constraints_on_values_read_as_the_type():
    schema = {"fields": [
        {"name": "сума", "type": "number", "constraints": {"minimum": 0, "maximum": 100}},
        {"name": "рік", "type": "integer", "constraints": {"exclusiveMinimum": 2000,
                                                           "exclusiveMaximum": 2030}},
        {"name": "дата", "type": "date", "constraints": {"minimum": "2020-01-01"}},
        {"name": "код", "type": "string", "constraints": {"pattern": r"\d{8}",
                                                          "minLength": 8, "maxLength": 8}},
        {"name": "категорія", "type": "string", "constraints": {"enum": ["А", "Б"]}},
        {"name": "клас", "type": "integer", "constraints": {"enum": ["1", 2]}},
    ]}
    t = table(["сума", "рік", "дата", "код", "категорія", "клас"],
              ("0", "2001", "2020-01-01", "00032129", "А", "01"),
              ("-0.01", "2000", "2019-12-31", "3285596", "В", "3"),
              ("100.5", "2030", "2024-01-01", "328559611", "а", "2"),
              ("NaN", "2029", None, "abcdefgh", None, "2"))
    assert keys(validate_table(t, schema)) == {
        (3, "сума", codes.MINIMUM), (3, "рік", codes.EXCLUSIVE_MINIMUM),
        (3, "дата", codes.MINIMUM), (3, "код", codes.PATTERN), (3, "код", codes.MIN_LENGTH),
        (3, "категорія", codes.ENUM), (3, "клас", codes.ENUM),
        (4, "сума", codes.MAXIMUM), (4, "рік", codes.EXCLUSIVE_MAXIMUM),
        (4, "код", codes.PATTERN), (4, "код", codes.MAX_LENGTH), (4, "категорія", codes.ENUM),
        # a NaN is a number, and breaks every bound (frictionless's _check_bound)
        (5, "сума", codes.MINIMUM), (5, "сума", codes.MAXIMUM), (5, "код", codes.PATTERN),
    }


def test_a_type_error_is_not_checked_against_constraints():
    assert one_field("integer", "дев'ять", constraints={"minimum": 10, "enum": [10]}) == {
        (2, "x", codes.TYPE_INTEGER)}


def test_pattern_that_rust_regex_cannot_compile_uses_python():
    # a look-ahead: 8 digits, not all zeros
    assert one_field("string", "00000000", "00032129", constraints={
        "pattern": r"(?!0{8})\d{8}"}) == {(2, "x", codes.PATTERN)}


def test_unique_reports_the_second_occurrence_and_names_the_first():
    found = validate_table(
        table(["id", "n"], ("1", "a"), ("2", "b"), ("01", "c"), (None, "d"), (None, "e"),
              ("2", "f")),
        {"fields": [{"name": "id", "type": "integer", "constraints": {"unique": True}},
                    {"name": "n"}]})
    assert keys(found) == {(4, "id", codes.UNIQUE), (7, "id", codes.UNIQUE)}
    by_row = {f.row: f for f in found}
    assert by_row[4].params["first"] == 2 and by_row[4].excerpt == "01"
    assert "row 3" in by_row[7].message()


def test_composite_primary_key():
    schema = {"fields": [{"name": "рік", "type": "integer"}, {"name": "код", "type": "string"}],
              "primaryKey": ["рік", "код"]}
    t = table(["рік", "код"], ("2024", "A"), ("2024", "B"), ("2025", "A"), ("2024", "A"),
              (None, None), ("2024", None), ("2024", None))
    found = validate_table(t, schema)
    assert keys(found) == {(5, "рік, код", codes.PRIMARY_KEY), (6, None, codes.BLANK_ROW),
                           (6, "рік, код", codes.PRIMARY_KEY), (8, "рік, код", codes.PRIMARY_KEY)}
    assert next(f for f in found if f.row == 5).excerpt == "2024 | A"


def test_a_blank_row_is_one_finding():
    schema = {"fields": [{"name": "a", "type": "integer", "constraints": {"required": True}},
                         {"name": "b", "type": "string", "constraints": {"required": True}}]}
    found = validate_table(table(["a", "b"], ("1", "x"), (None, None), (None, "y")), schema)
    assert keys(found) == {(3, None, codes.BLANK_ROW), (4, "a", codes.REQUIRED)}


def test_missing_values_declared_by_the_schema():
    fields = [{"name": "a", "type": "integer", "constraints": {"required": True}},
              {"name": "b"}]
    schema = {"missingValues": ["", "-", "н/д"], "fields": fields}
    t = table(["a", "b"], ("1", "1"), ("-", "2"), ("н/д", "3"), ("x", "4"), ("-", "-"))
    assert keys(validate_table(t, schema)) == {
        (3, "a", codes.REQUIRED), (4, "a", codes.REQUIRED), (5, "a", codes.TYPE_INTEGER),
        (6, None, codes.BLANK_ROW)}
    # Without "" among them an empty cell is a value, and not an integer.
    schema = {"missingValues": ["-"], "fields": [{"name": "a", "type": "integer"}]}
    assert keys(validate_table(table(["a"], (None,), ("-",)), schema)) == {
        (2, "a", codes.TYPE_INTEGER), (3, None, codes.BLANK_ROW)}


def test_header_by_position_renamed_extra_missing():
    schema = {"fields": [{"name": "id", "type": "integer"}, {"name": "назва", "type": "string"},
                         {"name": "сума", "type": "number"}]}
    renamed = validate_table(table(["id", "найменування", "сума"], ("1", "a", "x")), schema)
    # the renamed column keeps its place and is still checked
    assert keys(renamed) == {(1, "найменування", codes.INCORRECT_LABEL),
                             (2, "сума", codes.TYPE_NUMBER)}
    assert "“назва”" in renamed[0].fix()
    extra = validate_table(table(["id", "назва", "сума", "примітка"], ("1", "a", "2", "")),
                           schema)
    assert keys(extra) == {(1, "примітка", codes.EXTRA_LABEL)}
    missing = validate_table(table(["id", "назва"], ("x", "a")), schema)
    assert keys(missing) == {(1, "сума", codes.MISSING_LABEL), (2, "id", codes.TYPE_INTEGER)}


def test_header_blank_and_repeated_names():
    schema = {"fields": [{"name": "a"}, {"name": "b"}, {"name": "c"}]}
    found = validate_table(table(["a", "", "a"], ("1", "2", "3")), schema)
    assert keys(found) == {(1, "b", codes.BLANK_LABEL), (1, "a", codes.DUPLICATE_LABEL)}


def test_moved_columns_are_matched_by_name():
    schema = {"fields": [{"name": "id", "type": "integer"}, {"name": "назва"},
                         {"name": "сума", "type": "number"}]}
    found = validate_table(table(["сума", "id", "назва"], ("1.5", "x", "a")), schema)
    assert keys(found) == {(1, None, codes.COLUMNS_REORDERED), (2, "id", codes.TYPE_INTEGER)}
    assert found[0].severity == Severity.WARNING
    # a column deleted in the middle: the later ones are still checked as themselves
    found = validate_table(table(["id", "сума"], ("1", "2.5")), schema)
    assert keys(found) == {(1, "назва", codes.MISSING_LABEL)}


def test_findings_are_capped_per_column_and_code_with_a_total():
    rows = [(str(n) if n % 3 else "x", "2024-13-01") for n in range(1000)]
    schema = {"fields": [{"name": "id", "type": "integer"}, {"name": "дата", "type": "date"}]}
    found = validate_table(table(["id", "дата"], *rows), schema, cap=10)
    listed = [f for f in found if f.code == codes.TYPE_INTEGER]
    assert [f.row for f in listed] == [2 + 3 * n for n in range(10)]
    summaries = {f.column: f for f in found if f.code == codes.MORE}
    assert summaries["id"].count == 334 and summaries["дата"].count == 1000
    assert "334" in summaries["id"].message() and "10" in summaries["id"].message()
    assert len(found) == 22


def test_findings_name_the_header_as_written_and_the_file_rows():
    t = Table(frame=pl.DataFrame({"column_1": ["x"]}), header=[""], part="Аркуш1", first_row=4)
    found = validate_table(t, {"fields": [{"name": "id", "type": "integer"}]})
    assert keys(found) == {(3, "id", codes.BLANK_LABEL), (4, "id", codes.TYPE_INTEGER)}
    assert {f.part for f in found if f.code == codes.TYPE_INTEGER} == {"Аркуш1"}


def test_every_code_has_a_message_and_a_fix_that_render():
    found = validate_table(table(["a"], ("x",)), {"fields": [{"name": "a", "type": "date"}]})
    assert "2024-03-31" in found[0].fix()
    for name, code in vars(codes).items():
        if name.isupper() and isinstance(code, str) and not isinstance(code, Severity):
            assert str(CODES[code].message) and str(CODES[code].fix), code


def test_a_column_of_empty_cells_only():
    # polars gives such a column the type Null, not String
    t = Table(frame=pl.DataFrame({"a": [None, None], "b": ["1", "x"]}), header=["a", "b"])
    schema = {"fields": [{"name": "a", "type": "date", "constraints": {"required": True}},
                         {"name": "b", "type": "integer"}]}
    assert keys(validate_table(t, schema)) == {(2, "a", codes.REQUIRED), (3, "a", codes.REQUIRED),
                                               (3, "b", codes.TYPE_INTEGER)}
