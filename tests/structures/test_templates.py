"""The template of every national structure reads back through the project's own check with
0 errors once one valid row is added; the template alone is reported as having no data."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from radadata.checks.engine import check_file
from radadata.checks.findings import Severity
from radadata.structures import catalog
from radadata.structures.downloads import template_file
from tests.structures.helpers import filled_xlsx

ALL = catalog.all_structures()
BAD = (Severity.ERROR, Severity.BLOCKING)


@pytest.mark.parametrize("structure", ALL, ids=[s.id for s in ALL])
def test_filled_template_passes(structure, tmp_path):
    schema = structure.table_schema()
    body, _type, _name = template_file(structure, "xlsx")
    path = tmp_path / "filled.xlsx"
    path.write_bytes(filled_xlsx(body, schema["fields"]))
    # Deputies' birth dates (§2.5, officials) and the burial register's are published by the
    # structure itself: the owner records them as lawful, as the office lets him.
    lawful = {f["name"]: "official" for f in schema["fields"] if f["name"] == "birthDate"}
    report = check_file(path, name="filled.xlsx", schema=schema, lawful=lawful)
    errors = [(f.row, f.column, f.code, f.excerpt) for f in report.findings
              if f.severity in BAD]
    assert errors == []
    assert report.rows == 1
    assert "header_titles_row" in [f.code for f in report.findings]


def test_template_rows_and_validation(tmp_path):
    structure = catalog.get("2025/72-shelters")
    body, _content_type, name = template_file(structure, "xlsx")
    assert name == "2025-72-shelters.xlsx"
    path = tmp_path / name
    path.write_bytes(body)
    sheet = load_workbook(path).active
    names = [c.value for c in sheet[1]]
    titles = [c.value for c in sheet[2]]
    assert names[:3] == ["uid", "type", "CATUTTC"]
    assert titles[:3] == ["Обліковий номер споруди", "Тип споруди", "Код КАТОТТГ"]
    assert sheet.column_dimensions["A"].width >= len("Обліковий номер споруди")
    kinds = {dv.type for dv in sheet.data_validations.dataValidation}
    assert "decimal" in kinds  # lat, lon
    assert sheet.column_dimensions["D"].number_format == "@"  # a postcode keeps its 0


def test_header_only_template_has_no_data(tmp_path):
    structure = catalog.get("2025/72-shelters")
    body, _type, name = template_file(structure, "xlsx")
    path = tmp_path / name
    path.write_bytes(body)
    report = check_file(path, name=name, schema=structure.table_schema())
    assert not report.passed
    assert "no_data" in [f.code for f in report.findings]


def test_csv_twin_has_both_header_rows(tmp_path):
    structure = catalog.get("2019/RegisterOfDatasets")
    body, _type, name = template_file(structure, "csv")
    lines = body.decode("utf-8").splitlines()
    assert lines[0].startswith("identifier,title,description")
    assert lines[1].startswith("Ідентифікатор,Назва,Опис")
    path = tmp_path / name
    path.write_bytes(body + "amk-dovidnyk,Назва,Опис набору\r\n".encode())
    report = check_file(path, name=name, schema=structure.table_schema())
    assert "header_titles_row" in [f.code for f in report.findings]
    assert report.rows == 1
