"""Columns the national structures give to people acting in their office (heads, deputies
voting, inspectors, §2.5) are presumed lawful: the check asks the owner to confirm, it does not
block. The same names in a structure about private persons (a queue) still block."""

from __future__ import annotations

from radadata.checks.engine import check_file
from radadata.checks.findings import Severity
from radadata.checks.personal import OFFICIALS_KEY
from radadata.structures import catalog
from radadata.structures.downloads import schema_file, template_file
from tests.structures.helpers import filled_xlsx

PEOPLE = [("Петренко", "Олег", "Іванович"), ("Коваленко", "Марія", "Степанівна"),
          ("Шевчук", "Андрій", "Петрович"), ("Бондаренко", "Ірина", "Олексіївна"),
          ("Мельник", "Василь", "Миколайович"), ("Ткаченко", "Оксана", "Вікторівна")]


def _check(structure_id: str, rows: list[dict], tmp_path):
    structure = catalog.get(structure_id)
    schema = structure.table_schema()
    body, _type, name = template_file(structure, "xlsx")
    path = tmp_path / name
    path.write_bytes(filled_xlsx(body, schema["fields"], rows))
    return check_file(path, name=name, schema=schema)


def _split_rows(family: str, given: str, patronymic: str) -> list[dict]:
    return [{family: f, given: g, patronymic: p} for f, g, p in PEOPLE]


def test_deputies_names_are_a_warning_to_confirm_not_a_block(tmp_path):
    report = _check("2025/30-deputies",
                    _split_rows("familyName", "name", "additionalName"), tmp_path)
    # Their names do not block; a deputy's birth date still asks for the owner's decision.
    assert {f.column for f in report.blocking} <= {"birthDate"}
    warned = {f.column for f in report.by_severity(Severity.WARNING)
              if f.code.startswith("pd_")}
    assert {"familyName", "name", "additionalName"} <= warned


def test_the_same_names_in_a_queue_block_publication(tmp_path):
    report = _check("2025/46-line", _split_rows("familyName", "name", "additionalName"),
                    tmp_path)
    assert {f.column for f in report.blocking} >= {"familyName", "name", "additionalName"}


def test_an_inspector_who_fixed_a_fine_is_an_official(tmp_path):
    rows = [{"inspectorFamilyName": f, "inspectorAdditionalName": p} for f, _g, p in PEOPLE]
    report = _check("2025/69-penalty", rows, tmp_path)
    assert not [f for f in report.blocking if f.column.startswith("inspector")]


def test_the_published_structure_files_carry_only_the_official_columns():
    structure = catalog.get("2025/30-deputies")
    assert set(structure.table_schema()[OFFICIALS_KEY]) == {"familyName", "name",
                                                             "additionalName"}
    for fmt in ("tableschema", "datapackage", "csvw"):
        body, _type, _name = schema_file(structure, fmt)
        assert OFFICIALS_KEY.encode() not in body
