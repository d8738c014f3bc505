"""JSON and GeoJSON into tables, XML checked to be well-formed and safe."""

from __future__ import annotations

import json
from pathlib import Path

from radadata.checks import codes_file as codes
from radadata.checks.engine import check_file
from radadata.checks.limits import Limits

OURS = {name for name in vars(codes).values() if isinstance(name, str)}


def _check(tmp_path: Path, content: str | bytes, name: str, **limits):
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return check_file(path, name=name, limits=Limits(**limits))


def _keys(report) -> set:
    return {f.key() for f in report.findings if f.code in OURS}


def test_a_list_of_flat_objects_is_a_table(tmp_path):
    records = [{"id": 1, "назва": "Ліцей", "сума": 1.50, "діє": True},
               {"id": 2, "назва": "Гімназія", "сума": None, "адреса": "вул. Соборна, 1"}]
    report = _check(tmp_path, json.dumps(records, ensure_ascii=False).replace("1.5", "1.50"),
                    "data.json")
    assert report.format == "json"
    assert report.columns == ["id", "назва", "сума", "діє", "адреса"]
    assert report.rows == 2
    assert _keys(report) == set()


def test_json_numbers_keep_the_text_they_were_written_with(tmp_path):
    from radadata.checks.readers import json as json_reader
    from radadata.checks.readers.base import FileContext
    from radadata.checks.sniff import sniff

    path = tmp_path / "data.json"
    path.write_text('{"data": [{"код": "007", "сума": 1.50, "так": false, "ні": null}]}')
    work = tmp_path / "work"
    work.mkdir()
    ctx = FileContext(path=path, name="data.json", limits=Limits(), workdir=work)
    [table] = json_reader.read(ctx, sniff(path, "data.json"))
    assert table.frame.rows() == [("007", "1.50", "false", None)]
    assert table.first_row == 2


def test_nested_values_are_a_warning_on_their_key(tmp_path):
    records = [{"id": 1, "адреса": {"вулиця": "Соборна"}}, {"id": 2, "адреса": None},
               {"id": 3, "адреса": ["a", "b"]}]
    report = _check(tmp_path, json.dumps(records), "data.json")
    assert _keys(report) == {(2, "адреса", codes.JSON_NESTED)}
    assert next(f for f in report.findings if f.code == codes.JSON_NESTED).count == 2


def test_json_that_is_not_a_table(tmp_path):
    report = _check(tmp_path, '{"title": "Звіт", "year": 2024}', "data.json")
    assert _keys(report) == {(None, None, codes.JSON_NOT_TABULAR)}
    assert report.passed  # a warning: the JSON may be fine, it just is not a table


def test_broken_json_names_the_line(tmp_path):
    report = _check(tmp_path, '[\n  {"id": 1},\n  {"id": 2,,}\n]', "data.json")
    assert _keys(report) == {(3, None, codes.JSON_MALFORMED)}


def test_json_beyond_the_tree_limit_is_not_parsed(tmp_path):
    report = _check(tmp_path, json.dumps([{"id": i} for i in range(200)]), "data.json",
                    max_tree_bytes=100)
    assert (None, None, codes.FILE_TOO_LARGE) in _keys(report)


def test_json_in_windows_1251_is_reported_and_read(tmp_path):
    content = json.dumps([{"назва": "Ліцей"}], ensure_ascii=False).encode("cp1251")
    report = _check(tmp_path, content, "data.json")
    assert (None, None, codes.NOT_UTF8) in _keys(report)
    assert report.columns == ["назва"]


def test_geojson_properties_are_the_table(tmp_path):
    collection = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [30.5, 50.4]},
         "properties": {"назва": "Укриття № 1", "місткість": 120}},
        {"type": "Feature", "geometry": None, "properties": None},
    ]}
    report = _check(tmp_path, json.dumps(collection, ensure_ascii=False), "shelters.geojson")
    assert report.format == "geojson"
    assert report.columns == ["назва", "місткість"]
    assert report.rows == 2
    assert codes.FORMAT_MISMATCH not in {f.code for f in report.findings}


def test_well_formed_xml_is_not_tabulated(tmp_path):
    report = _check(tmp_path, '<?xml version="1.0" encoding="UTF-8"?>\n<rows><row id="1">'
                    "Ліцей</row></rows>", "data.xml")
    assert report.format == "xml"
    assert _keys(report) == {(None, None, codes.CONTENT_NOT_CHECKED)}
    assert report.passed


def test_broken_xml_names_the_line(tmp_path):
    report = _check(tmp_path, "<rows>\n<row>\n</rows>\n", "data.xml")
    assert _keys(report) == {(3, None, codes.XML_MALFORMED)}


def test_entity_expansion_is_refused(tmp_path):
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
              '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
              "<lolz>&lol2;</lolz>\n")
    report = _check(tmp_path, laughs, "data.xml")
    assert _keys(report) == {(None, None, codes.XML_UNSAFE)}


def test_xml_in_windows_1251_is_well_formed_but_not_utf8(tmp_path):
    content = '<?xml version="1.0" encoding="windows-1251"?><a>Ліцей</a>'.encode("cp1251")
    report = _check(tmp_path, content, "data.xml")
    assert _keys(report) == {(None, None, codes.NOT_UTF8), (None, None, codes.CONTENT_NOT_CHECKED)}
