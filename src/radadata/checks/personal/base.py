"""What a personal-data detector is: a cheap filter for whole columns and an exact test for the
few cells that pass it.

`pattern` is a regular expression for polars (the Rust dialect). Keep to ASCII classes such as
[0-9] rather than \\d (Unicode digits): the patterns of a column run combined in one pass, and
Unicode classes in counted repetitions make that pass many times slower. Only the cells a
pattern matches reach `items()`, the exact test (a check digit, the phone-number rules, the
morphology of a name) in Python. Every real item must match `pattern`: it may let through too
much, never too little.
"""

from __future__ import annotations

import re
from typing import ClassVar


class Detector:
    code: ClassVar[str]
    pattern: ClassVar[str]
    #: Header words that make the column's meaning certain (then one valid item is enough).
    hint: ClassVar[re.Pattern[str] | None] = None
    #: Without a hint, the share of candidate cells that must pass `items()`: random numbers
    #: pass a check digit one time in ten, a column of them must not look like tax numbers.
    min_share: ClassVar[float] = 0.0
    #: A kind looked for only in the columns whose sample shows it: no pass over the whole
    #: of every column.
    sample_only: ClassVar[bool] = False

    def pattern_for(self, header: str) -> str:
        """The filter for a column with this header (some items need the header's context)."""
        return self.pattern

    def hinted(self, header: str) -> bool:
        return bool(self.hint and self.hint.search(header))

    def applies(self, header: str) -> bool:
        """Is a column with this header looked at for this kind at all? A column of codes
        ("Код КОАТУУ", "Номер постанови") holds codes, whatever shape a cell has."""
        return self.hinted(header) or not (self.not_under and self.not_under.search(header))

    #: Headers of columns that never hold this kind unless the hint says so.
    not_under: ClassVar[re.Pattern[str] | None] = None

    def column_ok(self, items: list[str]) -> bool:
        """Judge the column, not the cell: do the items found, taken together, look like this
        kind? (A column of budget codes has phone-shaped cells that all end in zeros.)"""
        return True

    def items(self, cell: str, *, hinted: bool = False) -> list[str]:
        """The items of this kind in one cell, as written there; `hinted` when the column's
        header names this kind."""
        raise NotImplementedError

    def mask(self, item: str) -> str:
        raise NotImplementedError


#: Headers of columns of codes, identifiers and times: their numbers are not people's.
CODES_HEADER = re.compile(
    r"(?i)(?:^|[^а-яіїєґa-z])(?:коатуу|катоттг|кпквк|ткпквк|кекв|кфквк|кадастр|бюджет"
    r"|код\w*\s+(?:території|населен|адмін|класифік|програм|послуг|товар|дк|cpv|бюджет)"
    r"|ідентифікатор|identifier|timestamp|час|time|дата|date|чип|chip|постанов|протокол"
    r"|рішенн|наказ|справ|ліценз|дозвол|договор)|(?:^|[^a-z])id(?:[^a-z]|$)|[a-z]Id(?:[^a-z]|$)"
    r"|(?:^|[^а-яіїєґ])номер\s+(?:постанов|рішенн|справ|договор|протокол|наказ|ліценз|дозвол)")


def few_end_in_zeros(items: list[str]) -> bool:
    """Codes of places and budgets ("0510100000", "0653100000") end in zeros; phone and tax
    numbers of people seldom do."""
    return sum(digits(i).endswith("000") for i in items) < 0.5 * len(items)


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)
