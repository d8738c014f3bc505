"""The format comes from the content, not the name; the CSV delimiter from counting."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from radadata.checks.sniff import detect_delimiter, extension_of, mismatch, sniff

DATA = Path(__file__).resolve().parents[1] / "data" / "checks"


def _file(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    book = Workbook()
    book.active.append(["a", "b"])
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(("content", "name", "expected"), [
    (b"id,name\n1,a\n", "data.csv", "csv"),
    ("код;назва\n1;Ліцей\n".encode(), "data.csv", "csv"),
    (b"a\tb\n1\t2\n", "data.tsv", "csv"),
    (b"a\tb\n1\t2\n", "unicode.txt", "csv"),
    (b"just a note without columns\n", "readme.txt", "txt"),
    (b'[{"id": 1}, {"id": 2}]', "data.json", "json"),
    (b'  {"items": []}', "data.json", "json"),
    (b'{"type": "FeatureCollection", "features": []}', "shelters.json", "geojson"),
    (b'<?xml version="1.0"?><rows><row/></rows>', "data.xml", "xml"),
    (b"<!DOCTYPE html><html><body>x</body></html>", "page.html", "html"),
    (b"%PDF-1.7\n%...", "report.csv", "pdf"),
    (b"\x89PNG\r\n\x1a\n....", "chart.png", "png"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "old.xls", "xls"),
    (b"Rar!\x1a\x07\x00", "data.rar", "rar"),
    (bytes(range(256)) * 4, "data.csv", "binary"),
    ("[ID];[Назва]\n1;Ліцей\n".encode(), "data.csv", "csv"),
])
def test_format_is_read_from_the_content(tmp_path, content, name, expected):
    assert sniff(_file(tmp_path, name, content), name).format == expected


def test_zip_containers_are_told_apart_by_their_members(tmp_path):
    assert sniff(_file(tmp_path, "a.xlsx", _xlsx()), "a.xlsx").format == "xlsx"
    assert sniff(_file(tmp_path, "a.csv", _xlsx()), "a.csv").format == "xlsx"
    assert sniff(DATA / "table.ods", "table.ods").format == "ods"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data.csv", "a,b\n")
    assert sniff(_file(tmp_path, "a.zip", buffer.getvalue()), "a.zip").format == "zip"


def test_a_truncated_workbook_is_still_known_as_xlsx_but_broken():
    found = sniff(DATA / "truncated.xlsx", "truncated.xlsx")
    assert found.format == "xlsx"
    assert found.broken


def test_utf16_is_recognised_with_and_without_a_bom(tmp_path):
    text = "a\tb\r\n1\t2\r\n"
    with_bom = sniff(_file(tmp_path, "a.txt", text.encode("utf-16")), "a.txt")
    assert (with_bom.format, with_bom.encoding_hint) == ("csv", "utf-16")
    without = sniff(_file(tmp_path, "b.txt", text.encode("utf-16-le")), "b.txt")
    assert (without.format, without.encoding_hint) == ("csv", "utf-16-le")
    # Cyrillic text: the high bytes are 0x04, not zero, and the text is not binary.
    cyrillic = "Назва\tАдреса\r\nЛіцей\tвулиця Соборна\r\n" * 20
    for encoding in ("utf-16-le", "utf-16-be"):
        found = sniff(_file(tmp_path, "c.txt", cyrillic.encode(encoding)), "c.txt")
        assert (found.format, found.encoding_hint) == ("csv", encoding)


@pytest.mark.parametrize(("text", "expected"), [
    ("a,b,c\n1,2,3\n4,5,6\n", ","),
    ("a;b;c\n1;2,5;3\n4;5,75;6\n", ";"),  # decimal commas do not fool it
    ('a,b\n"x;y;z",1\n"p;q",2\n', ","),  # semicolons inside quotes do not count
    ("a\tb\n1\t2\n", "\t"),
    ("a|b\n1|2\n", "|"),
    ("name\nІван\nПетро\n", None),  # one column
    ('a;b\n"line\none";2\n3;4\n', ";"),  # a line break inside quotes
])
def test_delimiter_is_the_one_counted_the_same_in_every_record(text, expected):
    assert detect_delimiter(text) == expected


def test_a_cut_off_last_record_is_not_counted():
    text = "a;b;c\n1;2;3\n4;5"
    assert detect_delimiter(text, whole=False) == ";"


@pytest.mark.parametrize(("extension", "fmt", "expected"), [
    ("csv", "xlsx", True),
    ("csv", "pdf", True),
    ("xlsx", "csv", True),
    ("json", "geojson", False),
    ("geojson", "json", False),
    ("txt", "csv", False),
    ("tsv", "csv", False),
    ("csv", "csv", False),
    ("", "csv", False),
    ("dat", "csv", False),  # an extension we do not know claims nothing
    ("csv", "binary", False),  # unknown content has its own finding
])
def test_mismatch_between_name_and_content(extension, fmt, expected):
    assert mismatch(extension, fmt) is expected


def test_extension_aliases():
    assert extension_of("Фото.JPEG") == "jpg"
    assert extension_of("дані.CSV") == "csv"
    assert extension_of("без-розширення") == ""
