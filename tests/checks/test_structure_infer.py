"""infer_schema on realistic small tables: what the owner sees proposed as the structure of the
first version, and the promise that the file it came from passes it."""

from __future__ import annotations

import polars as pl

from radadata.checks.structure import infer_schema, validate_table
from radadata.checks.table import Table

SCHOOLS = [
    # id, назва, ЄДРПОУ, учнів, площа (Excel, decimal comma), відкрито (dd.mm.yyyy),
    # оновлено, телефон, ліцензія
    ("1", "Світлогірський ліцей №1", "00032129", "812", "4520,5", "01.09.1965",
     "2024-03-31T10:00:00", "+380501234567", "true"),
    ("2", "Гімназія «Престиж»", "32855961", "455", "3100", "01.09.1992",
     "2024-03-31 11:15:00", "+380671112233", "false"),
    ("3", "Зеленогайська початкова школа", "14360506", "67", "812,25", "15.09.2001",
     "2024-04-01T09:30:00+03:00", "0443334455", "TRUE"),
    ("4", "Калинівський ліцей", "02141512", "0", "1200", "01.09.1978",
     "2024-04-02T08:00:00Z", None, "False"),
]
HEADER = ["id", "Назва закладу", "Код ЄДРПОУ", "Кількість учнів", "Площа, м²",
          "Дата відкриття", "Оновлено", "Телефон", "Ліцензія"]


def table(header: list[str], rows: list[tuple[str | None, ...]]) -> Table:
    frame = pl.DataFrame([list(r) for r in rows], schema={h: pl.String for h in header},
                         orient="row")
    return Table(frame=frame, header=header)


def fields_of(schema: dict) -> dict[str, dict]:
    return {f["name"]: f for f in schema["fields"]}


def test_types_of_a_council_table():
    schema = infer_schema(table(HEADER, SCHOOLS))
    fields = fields_of(schema)
    assert [f["name"] for f in schema["fields"]] == HEADER
    assert fields["id"]["type"] == "integer"
    assert fields["Назва закладу"]["type"] == "string"
    assert fields["Кількість учнів"]["type"] == "integer"
    assert fields["Площа, м²"]["type"] == "number"
    assert fields["Площа, м²"]["decimalChar"] == ","  # Excel's decimal comma, noticed
    assert fields["Дата відкриття"] == {"name": "Дата відкриття", "type": "date",
                                        "format": "%d.%m.%Y", "constraints": {"required": True}}
    assert fields["Оновлено"]["type"] == "datetime"
    assert fields["Ліцензія"]["type"] == "boolean"
    # a phone number keeps its "+" and its leading zero: text, not a number
    assert fields["Телефон"]["type"] == "string"


def test_required_key_and_edrpou_pattern():
    schema = infer_schema(table(HEADER, SCHOOLS))
    fields = fields_of(schema)
    assert schema["primaryKey"] == ["id"]
    assert fields["id"]["constraints"] == {"required": True}
    assert "constraints" not in fields["Телефон"]  # one phone is missing: not required
    # ЄДРПОУ by its column name: text (leading zeros) of eight digits
    assert fields["Код ЄДРПОУ"]["type"] == "string"
    assert fields["Код ЄДРПОУ"]["constraints"] == {"required": True, "pattern": r"^\d{8}$"}


def test_the_first_unique_filled_column_is_the_key():
    rows = [("2024", "A-1", "x"), ("2024", "A-2", "x"), ("2025", "A-3", None)]
    schema = infer_schema(table(["рік", "номер", "примітка"], rows))
    assert schema["primaryKey"] == ["номер"]
    one_row = infer_schema(table(["номер"], [("1",)]))
    assert "primaryKey" not in one_row


def test_a_closed_list_of_values_becomes_an_enum_only_on_enough_rows():
    kinds = ["житлова субсидія", "допомога ВПО", "пільговий проїзд"]
    rows = [(str(n), kinds[n % 3]) for n in range(120)]
    schema = infer_schema(table(["id", "вид допомоги"], rows))
    assert fields_of(schema)["вид допомоги"]["constraints"]["enum"] == sorted(kinds)
    short = infer_schema(table(["id", "вид допомоги"], rows[:50]))
    assert "enum" not in fields_of(short)["вид допомоги"].get("constraints", {})
    many = [(str(n), f"вид {n % 40}") for n in range(120)]
    assert "enum" not in fields_of(infer_schema(table(["id", "вид"], many)))["вид"].get(
        "constraints", {})


def test_ukrainian_yes_and_no_are_a_boolean_column():
    rows = [(str(n), "так" if n % 3 else "Ні") for n in range(150)]
    t = table(["id", "пільга"], rows)
    schema = infer_schema(t)
    field = fields_of(schema)["пільга"]
    assert field["type"] == "boolean"
    assert "так" in field["trueValues"] and "Ні" in field["falseValues"]
    assert validate_table(t, schema) == []


def test_mixed_and_empty_columns_are_text():
    rows = [("1", "2024-01-02", None, "007"), ("2", "03.01.2024", None, "12"),
            ("x", "2024-01-04", None, "3")]
    fields = fields_of(infer_schema(table(["a", "b", "c", "d"], rows)))
    assert {name: f["type"] for name, f in fields.items()} == {
        "a": "string", "b": "string", "c": "string", "d": "string"}
    assert "constraints" not in fields["c"]


def test_a_type_proposed_by_the_first_rows_is_confirmed_on_all():
    rows = [(str(n),) for n in range(3000)] + [("3000a",)]
    assert fields_of(infer_schema(table(["n"], rows)))["n"]["type"] == "string"


def test_the_file_passes_the_structure_inferred_from_it():
    rows = SCHOOLS + [(str(n), f"Заклад {n}", "00032129", str(n), f"{n},5", "01.01.2000",
                       "2024-01-01T00:00:00", None, "true") for n in range(5, 300)]
    t = table(HEADER, rows)
    schema = infer_schema(t)
    assert validate_table(t, schema) == []


def test_an_empty_table():
    assert infer_schema(table(["a", "b"], [])) == {
        "fields": [{"name": "a", "type": "string"}, {"name": "b", "type": "string"}]}
    assert infer_schema(Table(frame=pl.DataFrame(), header=[])) == {"fields": []}


def test_a_column_of_empty_cells_only_is_optional_text():
    t = Table(frame=pl.DataFrame({"a": [None, None], "b": ["1", "2"]}), header=["a", "b"])
    assert infer_schema(t)["fields"][0] == {"name": "a", "type": "string"}
