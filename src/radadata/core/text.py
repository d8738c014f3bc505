"""Small text helpers shared by the apps."""

from __future__ import annotations

import re

# Ukrainian national transliteration (КМУ №55 of 27.01.2010), simplified to word-initial forms
# where the rule differs only at the start of a word.
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia", "'": "", "’": "", "ʼ": "", "ё": "e", "ы": "y", "э": "e", "ъ": "",
}
_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def transliterate(text: str) -> str:
    out: list[str] = []
    previous = ""
    for char in text.lower():
        # An apostrophe sits inside a word: "Знам'янка" is "Znamianka", not "Znamyanka".
        in_word = previous.isalpha() or (previous != "" and previous in "'’ʼ")
        if not in_word and char in _INITIAL:
            out.append(_INITIAL[char])
        elif char == "г" and previous == "з":
            out.append("gh")  # "зг" is "zgh" to keep it apart from "ж" (Згорани: Zghorany)
        else:
            out.append(_TRANSLIT.get(char, char))
        previous = char
    return "".join(out)


def latin_slug(text: str, *, max_length: int = 100) -> str:
    """Lowercase Latin letters, digits and hyphens, as data.gov.ua wants package names."""
    slug = re.sub(r"[^a-z0-9]+", "-", transliterate(text)).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug or "dataset"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def neutralise_formula(value: str) -> str:
    """`value` safe for a CSV that people open in a spreadsheet: a cell starting with = + - @
    (or a tab or carriage return) is prefixed with an apostrophe, so it shows as text and never
    runs. Plain numbers ("-12.5", "+380501234567") are left alone: they cannot be formulas."""
    if value and value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value

