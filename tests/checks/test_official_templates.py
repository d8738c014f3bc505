"""Files made from the official templates of the national structures: no false alarms, while
real defects still come out row by row. The workbooks are built here as the official ones
are: machine names in row 1, Ukrainian titles in row 2."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from radadata.checks.engine import check_file
from radadata.checks.findings import Severity
from radadata.checks.readers.cells import cell_text, ods_text
from radadata.structures import catalog

SHELTERS = catalog.get("2025/72-shelters")
STOPS = catalog.get("2025/56-stopTimes")
BAD = (Severity.ERROR, Severity.BLOCKING)


def _workbook(path: Path, rows: list[list]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def _names_titles(structure) -> list[list[str]]:
    fields = structure.table_schema()["fields"]
    return [[f["name"] for f in fields], [f["title"] for f in fields]]


def _shelter(**changes) -> list:
    row = {
        "uid": "12345-01", "type": "сховище", "CATUTTC": "UA32140050010021659",
        "addressPostCode": "07701", "addressAdminUnitL1": "Україна",
        "addressAdminUnitL2": "Київська область", "addressAdminUnitL3": "Броварський район",
        "addressAdminUnitL4": "Згурівська", "addressPostName": "Згурівка",
        "addressThoroughfare": "вул. Київська", "addressLocatorDesignator": "12",
        "addressLocatorBuilding": None, "addressDescription": None, "lat": 50.457718,
        "lon": 31.781234, "ownershipForm": "комунальна",
        "balanceHolderName": "Згурівська селищна рада", "balanceHolderId": "04054903",
        "renterName": None, "renterId": None, "purpose": "укриття населення",
        "responsiblePersonName": "Іваненко Іван Іванович",
    }
    row.update(changes)
    return [row[f["name"]] for f in SHELTERS.table_schema()["fields"]]


def _check(path: Path, structure=None, **kwargs):
    schema = structure.table_schema() if structure is not None else None
    # The person responsible for a shelter is named in that office (§2.5): the owner records
    # the column as lawful, as the office lets him.
    lawful = {"responsiblePersonName": "official"} if structure is SHELTERS else {}
    return check_file(path, name=path.name, schema=schema, lawful=lawful, **kwargs)


def _bad(report) -> list[tuple]:
    return [f.key() for f in report.findings if f.severity in BAD]


def test_second_row_of_titles_is_a_header_not_data(tmp_path):
    rows = [*_names_titles(SHELTERS), _shelter(), _shelter(uid="2")]
    path = _workbook(tmp_path / "shelters.xlsx", rows)
    report = _check(path, SHELTERS)
    assert _bad(report) == []
    assert report.rows == 2
    titles = [f for f in report.findings if f.code == "header_titles_row"]
    assert [(f.row, f.params["example"]) for f in titles] == [(2, "Обліковий номер споруди")]


def test_titles_row_is_recognised_without_a_structure_too(tmp_path):
    path = _workbook(tmp_path / "org.xlsx", [
        ["identifier", "prefLabel", "value"], ["Ідентифікатор", "Назва", "Кількість посад"],
        ["1", "Відділ освіти", 12], ["2", "Відділ культури", 7]])
    report = _check(path)
    assert "header_titles_row" in [f.code for f in report.findings]
    assert report.rows == 2
    value = next(f for f in report.schema["fields"] if f["name"] == "value")
    assert value["type"] == "integer"  # the titles row did not make the column text


def test_ordinary_files_have_no_titles_row(tmp_path):
    path = _workbook(tmp_path / "budget.xlsx", [["код", "назва"], ["0100", "Освіта"]])
    assert "header_titles_row" not in [f.code for f in _check(path).findings]


def test_excel_times_are_times_and_midnights_dates(tmp_path):
    rows = [
        *_names_titles(STOPS),
        ["t1", dt.time(9, 34), dt.datetime(1900, 1, 1, 9, 36), "s1", 1, None, None, None, None,
         None],
        ["t1", dt.time(9, 40), dt.time(9, 41, 30), "s2", 2, None, None, None, None, None]]
    report = _check(_workbook(tmp_path / "stops.xlsx", rows), STOPS)
    assert _bad(report) == []


@pytest.mark.parametrize("value, text", [
    (dt.datetime(2024, 3, 31), "2024-03-31"),
    (dt.datetime(2024, 3, 31, 14, 30), "2024-03-31T14:30:00"),
    (dt.time(9, 34), "09:34:00"),
    (dt.datetime(1900, 1, 1, 9, 34), "09:34:00"),
    (dt.datetime(1899, 12, 30, 9, 34), "09:34:00"),
    (dt.timedelta(hours=9, minutes=34), "09:34:00"),
    (2018.0, "2018"),
])
def test_cell_values_read_as_what_they_are(value, text):
    assert cell_text(value) == text


def test_ods_times_are_times():
    assert ods_text("time", "PT09H34M00S") == "09:34:00"
    assert ods_text("date", "2024-03-31T00:00:00") == "2024-03-31"


def test_a_year_in_a_date_column_is_called_a_year(tmp_path):
    structure = catalog.get("2019/Reports")
    fields = structure.table_schema()["fields"]
    date = next(f["name"] for f in fields if f["type"] == "date")
    row = ["x" if f["type"] != "date" else "2018" for f in fields]
    path = tmp_path / "reports.csv"
    path.write_text(",".join(f["name"] for f in fields) + "\n" + ",".join(row) + "\n",
                    encoding="utf-8")
    report = _check(path, structure)
    years = [f for f in report.findings if f.code == "type_date_year"]
    assert (date, "2018") in [(f.column, f.params["year"]) for f in years]
    assert "(2018)" in years[0].message()


def test_names_compare_after_trimming_spaces_tabs_and_breaks(tmp_path):
    names, titles = _names_titles(SHELTERS)
    names[0], names[1], names[2] = "uid ", "\ttype", "CATUTTC\n"
    path = _workbook(tmp_path / "shelters.xlsx", [names, titles, _shelter()])
    assert _bad(_check(path, SHELTERS)) == []


def test_duplicate_names_are_reported_as_duplicates(tmp_path):
    names, titles = _names_titles(SHELTERS)
    names[2] = "type"
    path = _workbook(tmp_path / "shelters.xlsx", [names, titles, _shelter()])
    report = _check(path, SHELTERS)
    assert (1, "type", "column_name_repeated") in _bad(report)
    shown = {f.column for f in report.findings}
    assert not {"type.1", "type_2", "type_3"} & shown


def test_a_structure_that_repeats_a_name_itself_is_followed(tmp_path):
    structure = catalog.get("2025/69-penalty")  # repeats "inspectorName" (official file)
    names, titles = _names_titles(structure)
    path = _workbook(tmp_path / "penalty.xlsx", [names, titles])
    assert "column_name_repeated" not in [f.code for f in _check(path, structure).findings]


def test_header_only_template_has_no_data(tmp_path):
    path = _workbook(tmp_path / "shelters.xlsx", _names_titles(SHELTERS))
    report = _check(path, SHELTERS)
    assert not report.passed
    assert (None, None, "no_data") in _bad(report)


def test_a_file_without_its_header_is_reported(tmp_path):
    path = _workbook(tmp_path / "shelters.xlsx", [_shelter(), _shelter(uid="2")])
    report = _check(path, SHELTERS)
    assert (1, None, "header_is_data") in _bad(report)
    path = tmp_path / "plain.csv"
    path.write_text("1,2024-03-01,15.5\n2,2024-03-02,16.5\n", encoding="utf-8")
    assert (1, None, "header_is_data") in _bad(_check(path))


def test_years_as_column_names_are_names(tmp_path):
    path = tmp_path / "budget.csv"
    path.write_text("показник,2023,2024\nОсвіта,10,12\n", encoding="utf-8")
    assert "header_is_data" not in [f.code for f in _check(path).findings]


def test_repeated_header_rows_inside_the_data(tmp_path):
    names, titles = _names_titles(SHELTERS)
    rows = [names, titles, _shelter(), names, titles, _shelter(uid="2")]
    report = _check(_workbook(tmp_path / "shelters.xlsx", rows), SHELTERS)
    repeated = [f for f in report.findings if f.code == "header_repeated"]
    assert [(f.row, f.count) for f in repeated] == [(4, 2)]
    assert not [f for f in report.findings if f.code.startswith("type_")]


def test_real_defects_still_come_out_row_by_row(tmp_path):
    rows = [
        *_names_titles(SHELTERS),
        _shelter(),
        _shelter(uid="2", balanceHolderId="04054904"),  # wrong check digit
        _shelter(uid="3", type=None),  # required
        _shelter(uid="4", lat="п'ятдесят"),  # not a number
    ]
    report = _check(_workbook(tmp_path / "shelters.xlsx", rows), SHELTERS)
    bad = _bad(report)
    assert (4, "balanceHolderId", "value_edrpou_checksum") in bad
    assert (5, "type", "constraint_required") in bad
    assert (6, "lat", "type_number") in bad


def test_values_outside_an_enumeration(tmp_path):
    schema = SHELTERS.table_schema()
    kinds = ["сховище", "найпростіше укриття", "споруди подвійного призначення",
             "швидкоспоруджувана захисна споруда", "протирадіаційне укриття"]
    next(f for f in schema["fields"] if f["name"] == "type")["constraints"]["enum"] = kinds
    rows = [*_names_titles(SHELTERS), _shelter(), _shelter(uid="2", type="підвал")]
    report = check_file(_workbook(tmp_path / "s.xlsx", rows), name="s.xlsx", schema=schema)
    assert (4, "type", "constraint_enum") in _bad(report)


def test_a_headerless_file_of_words_and_one_number_is_reported(tmp_path):
    structure = catalog.get("2019/OrgStructure")  # identifier, prefLabel, postIn, value (integer)
    path = _workbook(tmp_path / "org.xlsx", [["1", "Відділ освіти", "Начальник", 3],
                                             ["2", "Відділ культури", "Спеціаліст", 2]])
    assert (1, None, "header_is_data") in _bad(_check(path, structure))


def test_a_file_of_another_structure_is_columns_missing_not_headerless(tmp_path):
    path = _workbook(tmp_path / "budget.xlsx", [["код", "назва", "сума"], ["0100", "Освіта", 5]])
    codes = [f.code for f in _check(path, SHELTERS).findings]
    assert "header_is_data" not in codes
    assert "column_missing" in codes


def test_a_table_of_text_only_keeps_its_first_row(tmp_path):
    path = _workbook(tmp_path / "streets.xlsx", [["name", "district"], ["Хрещатик", "Печерський"],
                                                 ["Велика Васильківська", "Голосіївський"]])
    report = _check(path)
    assert "header_titles_row" not in [f.code for f in report.findings]
    assert report.rows == 2


def test_a_latin_name_matches_the_official_name_with_a_cyrillic_lookalike(tmp_path):
    structure = catalog.get("2025/10-regulatoryList")  # "legalActІd" with a Cyrillic І
    names, titles = _names_titles(structure)
    assert any("І" in name for name in names)
    latin = [name.replace("І", "I") for name in names]
    report = _check(_workbook(tmp_path / "acts.xlsx", [latin, titles]), structure)
    assert "column_renamed" not in [f.code for f in report.findings]
