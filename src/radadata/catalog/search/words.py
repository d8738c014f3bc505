"""Words of a query the index does not know, and whole queries to try instead."""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass

from radadata.catalog.search import cache, memory

#: How alike a word of the index must be to be suggested (difflib's ratio).
CUTOFF = 0.75


def _near(index: memory.Words, word: str) -> list[str]:
    """The words of the index whose length allows a ratio of CUTOFF with `word` (difflib's
    ratio is at most 2·min(a, b)/(a + b)): the others need not be compared."""
    by_length = memory.by_length(index)
    n = len(word)
    # One more on each side: the bounds in floating point may fall a hair inside.
    return [w for length in range(math.ceil(n * CUTOFF / (2 - CUTOFF)) - 1,
                                  math.floor(n * (2 - CUTOFF) / CUTOFF) + 2)
            for w in by_length.get(length, ())]


@dataclass(frozen=True)
class Words:
    unknown_words: tuple[str, ...] = ()  # as typed, lower case
    suggestions: tuple[str, ...] = ()  # best first


def _suggestions(index: memory.Words, typed: list[tuple[str, str]], unknown: set[str]
                 ) -> list[str]:
    """Up to three queries with each unknown word replaced by a close word of the index."""
    options: dict[str, list[str]] = {}
    for word, lemma in typed:
        if lemma in unknown:
            close = difflib.get_close_matches(lemma, _near(index, lemma), n=3, cutoff=CUTOFF)
            close += difflib.get_close_matches(word, _near(index, word), n=3, cutoff=CUTOFF)
            options[word] = list(dict.fromkeys(close))[:3]
    suggestions: list[str] = []
    for i in range(max((len(o) for o in options.values()), default=0) or 1):
        words = []
        for word, _lemma in typed:
            if word in options:
                if options[word]:
                    words.append(options[word][min(i, len(options[word]) - 1)])
            else:
                words.append(word)
        text = " ".join(words)
        if text and text not in suggestions:
            suggestions.append(text)
    return suggestions


def _check(index: memory.Words, typed: list[tuple[str, str]]) -> Words:
    terms = [lemma for _word, lemma in typed]
    found = memory.known(index, terms)
    missing = {lemma for lemma in terms if lemma not in found}
    if not missing:
        return Words()
    return Words(unknown_words=tuple(word for word, lemma in typed if lemma in missing),
                 suggestions=tuple(_suggestions(index, typed, missing)))


def check_words(version: str, typed: list[tuple[str, str]], index: memory.Words) -> Words:
    """Which of the (word as typed, lemma) pairs of a query no published dataset holds, with
    suggestions; remembered for the catalogue's `version` (`index`: memory.current()'s)."""
    return cache.get_or_compute(cache.key(version, "words", *typed),
                                lambda: _check(index, typed))
