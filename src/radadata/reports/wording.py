"""Ukrainian wording shared by the documents: numbers with their nouns, shares, lists of titles.

The documents are official texts in Ukrainian whatever the language of the page (they are
data, like the periodicity labels of the registry), so these helpers are not translated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from radadata.workflow.letters.wording import council_genitive, signature_name

__all__ = ["HeadWords", "council_genitive", "count", "head_words", "percent", "plural",
           "quoted_list", "signature_name", "sort_key"]

BLANK = "________________"

DATASETS = ("набір даних", "набори даних", "наборів даних")
#: After "з" (out of): "з 21 набору даних", "з 143 наборів даних".
DATASETS_GENITIVE = ("набору даних", "наборів даних", "наборів даних")
SETS = ("набір", "набори", "наборів")
OWNERS = ("розпорядник", "розпорядники", "розпорядників")


@dataclass(frozen=True)
class HeadWords:
    """How a council and its head are named: a city's "міська рада" and "міський голова", a
    village's "сільська" and "сільський", a settlement's "селищна" and "селищний"."""

    council_genitive: str  # "міської ради"
    head: str  # "міський голова"
    head_genitive: str  # "міського голови"
    head_dative: str  # "міському голові"
    head_accusative: str  # "міського голову"


_STEMS = {"city": "міськ", "settlement": "селищн", "village": "сільськ"}


def head_words(council_name: str, *, kind: str = "") -> HeadWords:
    """By the council's name when it says (“… сільська рада”), else by its kind
    (Council.kind), else a city's."""
    name = council_name.lower()
    stem = next((s for s in ("сільськ", "селищн", "міськ") if s in name), "")
    stem = stem or _STEMS.get(kind, "міськ")
    return HeadWords(council_genitive=f"{stem}ої ради", head=f"{stem}ий голова",
                     head_genitive=f"{stem}ого голови", head_dative=f"{stem}ому голові",
                     head_accusative=f"{stem}ого голову")


def plural(number: int, forms: tuple[str, str, str]) -> str:
    """The noun form after `number`: 1 набір, 2 набори, 5 наборів, 11 наборів, 21 набір."""
    one, few, many = forms
    if number % 10 == 1 and number % 100 != 11:
        return one
    if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
        return few
    return many


def count(number: int, forms: tuple[str, str, str]) -> str:
    return f"{number} {plural(number, forms)}"


def percent(share: float | None) -> str:
    """ "90%", "87,5%" (a decimal comma, as Ukrainian documents write it); "—" for no share."""
    if share is None:
        return "—"
    value = round(share * 100, 1)
    text = f"{value:.0f}" if value == int(value) else f"{value:.1f}".replace(".", ",")
    return f"{text}%"


def quoted_list(titles: Sequence[str], *, limit: int = 5) -> str:
    """ "«А», «Б» та ще 3" — the first titles, enough to act on without a page of them."""
    shown = [f"«{title.strip().strip('«»')}»" for title in titles[:limit]]
    rest = len(titles) - len(shown)
    text = ", ".join(shown)
    return f"{text} та ще {rest}" if rest > 0 else text


_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
_RANK = {letter: n for n, letter in enumerate(_ALPHABET)}
_IGNORED = set("«»\"'’ʼ`()")


def sort_key(text: str) -> tuple[int, ...]:
    """Order by the Ukrainian alphabet (і after и, ґ after г), ignoring quotes: Python's code
    point order would put «Центр…» first and every "і" after "я"."""
    return tuple(_RANK.get(char, 100 + ord(char)) for char in text.lower()
                 if char not in _IGNORED)
