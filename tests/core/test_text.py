import pytest

from radadata.core.text import latin_slug, transliterate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Згорани", "zghorany"),
        ("Юрій", "yurii"),
        ("Їжакевич", "yizhakevych"),
        ("Щербухи", "shcherbukhy"),
        ("Знам'янка", "znamianka"),
    ],
)
def test_national_transliteration(text, expected):
    assert transliterate(text) == expected


def test_slug_is_lowercase_latin_with_hyphens_and_bounded():
    slug = latin_slug("Перелік об'єктів комунальної власності — 2026 рік!" * 5, max_length=60)
    assert slug.startswith("perelik-obiektiv-komunalnoi-vlasnosti-2026-rik")
    assert len(slug) <= 60 and not slug.endswith("-")
    assert set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")


def test_slug_of_nothing_is_still_a_name():
    assert latin_slug("!!!") == "dataset"
