"""UTF-8 is proved on the whole file; other encodings are recognised; the conversion to UTF-8
never damages text."""

from __future__ import annotations

from pathlib import Path

import pytest

from radadata.checks.encoding import convert_to_utf8, detect, guess_legacy
from radadata.core.errors import ValidationFailed

pytestmark = pytest.mark.usefixtures("english")

DATA = Path(__file__).resolve().parents[1] / "data" / "checks"
TEXT = "Код;Назва;Примітка\r\n1;Ліцей 1;Їжак, ґудзик, подвір'я, єнот\r\n2;Гімназія;Щастя\r\n"


def _file(tmp_path: Path, content: bytes, name: str = "data.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_utf8_with_and_without_bom(tmp_path):
    plain = detect(_file(tmp_path, TEXT.encode(), "a.csv"))
    assert (plain.name, plain.utf8, plain.bom) == ("utf-8", True, False)
    bom = detect(_file(tmp_path, TEXT.encode("utf-8-sig"), "b.csv"))
    assert (bom.utf8, bom.bom, bom.codec) == (True, True, "utf-8-sig")


def test_windows_1251_is_found_even_after_64_kb_of_ascii():
    found = detect(DATA / "windows-1251-ascii-start.csv")
    assert (found.name, found.utf8, found.mixed, found.known) == (
        "windows-1251", False, False, True)
    assert found.first_line == 3002  # the header, 3,000 ASCII rows, then the first Cyrillic


@pytest.mark.parametrize("encoding", ["windows-1251", "koi8-u", "cp1125"])
def test_the_cyrillic_code_page_is_told_apart(tmp_path, encoding):
    found = detect(_file(tmp_path, TEXT.encode(encoding)))
    assert found.name == encoding
    assert not found.mixed


def test_guess_legacy_on_a_few_words():
    assert guess_legacy("Шевченко Тарас".encode("cp1251")) == "windows-1251"
    assert guess_legacy("Шевченко Тарас".encode("koi8-u")) == "koi8-u"
    assert guess_legacy(b"") is None


def test_utf16_from_the_bom_hint(tmp_path):
    found = detect(_file(tmp_path, TEXT.encode("utf-16")), "utf-16")
    assert (found.name, found.utf8) == ("utf-16", False)


def test_mixed_encodings_name_the_first_line_in_the_other_encoding():
    found = detect(DATA / "mixed-encodings.csv")
    assert found.mixed
    assert (found.name, found.first_line, found.lines) == ("windows-1251", 4, 2)
    assert not found.utf8


def test_one_accidental_utf8_pair_in_windows_1251_is_not_mixed(tmp_path):
    # "Рі" in Windows-1251 is the bytes D0 B3: valid UTF-8 for "г". One such pair in a
    # Windows-1251 file must not make it "mixed".
    content = "id;назва\n1;Рі\n2;Рівне\n3;Київ\n".encode("cp1251")
    found = detect(_file(tmp_path, content))
    assert (found.name, found.mixed) == ("windows-1251", False)


def test_convert_windows_1251_to_utf8(tmp_path):
    source = _file(tmp_path, TEXT.encode("cp1251"))
    target = tmp_path / "out.csv"
    convert_to_utf8(source, target, "windows-1251")
    assert target.read_bytes() == TEXT.encode("utf-8")


def test_convert_utf16_drops_the_bom_and_keeps_every_character(tmp_path):
    # More than one read chunk (1 MiB), so characters are split between chunks.
    text = TEXT * 30_000
    source = _file(tmp_path, text.encode("utf-16"), "big.txt")
    target = tmp_path / "out.txt"
    convert_to_utf8(source, target, "utf-16")
    assert target.read_bytes().decode("utf-8") == text
    assert not target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_convert_refuses_a_mixed_file(tmp_path):
    target = tmp_path / "out.csv"
    with pytest.raises(ValidationFailed) as error:
        convert_to_utf8(DATA / "mixed-encodings.csv", target, "windows-1251")
    assert error.value.code == "not_convertible"
    assert "line 4" in error.value.message
    assert not target.exists()


def test_convert_refuses_a_file_already_in_utf8(tmp_path):
    source = _file(tmp_path, TEXT.encode())
    with pytest.raises(ValidationFailed, match="already in UTF-8"):
        convert_to_utf8(source, tmp_path / "out.csv", "windows-1251")


def test_convert_refuses_another_encoding_than_the_file_has(tmp_path):
    # KOI8-U bytes decode as Windows-1251 without an error, into nonsense: refused.
    source = _file(tmp_path, TEXT.encode("koi8-u"))
    with pytest.raises(ValidationFailed, match="does not read cleanly"):
        convert_to_utf8(source, tmp_path / "out.csv", "windows-1251")


def test_convert_refuses_bytes_the_encoding_does_not_have(tmp_path):
    # 0x98 is not a character in Windows-1251.
    source = _file(tmp_path, "назва\n".encode("cp1251") + b"\x98\n")
    target = tmp_path / "out.csv"
    with pytest.raises(ValidationFailed):
        convert_to_utf8(source, target, "windows-1251")
    assert not target.exists()


def test_convert_refuses_an_unknown_encoding_name(tmp_path):
    source = _file(tmp_path, TEXT.encode("cp1251"))
    with pytest.raises(ValidationFailed, match="not a text encoding"):
        convert_to_utf8(source, tmp_path / "out.csv", "klingon-8")
