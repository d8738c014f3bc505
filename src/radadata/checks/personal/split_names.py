"""Names split over columns («Прізвище», «Ім'я», «По батькові»), the most common layout of
council lists. No cell alone is a name; the columns together are. A column's role is read from
its header, or, under an uninformative header ("col1", "Поле 3"), from its values: most of them
single words that the dictionary knows as surnames, as given names, or with a patronymic's
ending. A surname column with a given-name or a patronymic column beside it makes full names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import polars as pl

from radadata.checks.personal import names
from radadata.checks.table import Table

SURNAME, GIVEN, PATRONYMIC = "surname", "given", "patronymic"
_HEADERS = (
    (SURNAME, re.compile(r"(?i)^\W*(?:прізвище|прізвища|surname|last\s*name|family\s*name)\W*$")),
    (GIVEN, re.compile(r"(?i)^\W*(?:ім['’ʼ`]?я|імена|first\s*name|given\s*name|name)\W*$")),
    (PATRONYMIC, re.compile(r"(?i)^\W*(?:по\s*батькові|patronymic|middle\s*name)\W*$")),
)
_ONE_WORD = re.compile(r"^[А-ЯІЇЄҐ][а-яіїєґ'’ʼ-]+$")
#: The share of a column's distinct sample values that must fit a role.
MAJORITY = 0.7
DISTINCT = 200


@dataclass(frozen=True)
class SplitName:
    columns: dict[str, str]  # frame column → role, in the table's order
    headers: list[str]  # the member columns' headers, in the table's order
    shape: str  # what the values showed, for the finding's explanation
    rows: int  # rows with a surname


def split_names(table: Table, sample: pl.DataFrame, frame: pl.DataFrame) -> SplitName | None:
    """The columns that together hold people's names, if the table has them."""
    roles: dict[str, str] = {}
    evidence: list[str] = []
    for column in sample.columns:
        header = table.header_of(column)
        by_header = next((role for role, rx in _HEADERS if rx.search(header)), None)
        values = [_capitalised(v.strip()) for v in sample[column].drop_nulls()
                  .unique(maintain_order=True).head(DISTINCT).to_list() if v and v.strip()]
        words = [v for v in values if _ONE_WORD.match(v)]
        if not values or len(words) < MAJORITY * len(values) or len(words) < 3:
            continue
        counts = _roles(words)
        role, fits = max(counts.items(), key=lambda pair: pair[1])
        if by_header and counts[by_header] >= 0.5 * len(words):
            role, fits = by_header, counts[by_header]
        elif fits < MAJORITY * len(words):
            continue
        if role in roles.values():
            continue  # one column per role: the first one
        roles[column] = role
        evidence.append(f"{header}: {fits}/{len(words)}")
    if SURNAME not in roles.values() or len(roles) < 2:
        return None
    surname = next(c for c, r in roles.items() if r == SURNAME)
    ordered = {c: roles[c] for c in frame.columns if c in roles}
    return SplitName(columns=ordered, headers=[table.header_of(c) for c in ordered],
                     shape="; ".join(evidence), rows=frame[surname].drop_nulls().len())


def _capitalised(value: str) -> str:
    # Lists in capitals ("ШЕВЧУК") are read as names are written.
    return value.capitalize() if value.isupper() else value


def _roles(words: list[str]) -> dict[str, int]:
    counts = {SURNAME: 0, GIVEN: 0, PATRONYMIC: 0}
    for word in words:
        given, surname, patronymic, _nominative = names.word_facts(word)
        if patronymic and not given:
            counts[PATRONYMIC] += 1
        elif given:
            counts[GIVEN] += 1
        elif surname:
            counts[SURNAME] += 1
    return counts
