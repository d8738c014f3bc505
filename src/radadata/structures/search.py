"""Finding a national structure by Ukrainian words in any form: «захисних споруд» finds
«Дані про розташування захисних споруд». Titles and the query are reduced to lemmas by the
project's one morphological analyser (core.morph); every word of the query must match a lemma
(or the start of one, for a word still being typed) of the title, the table or the id."""

from __future__ import annotations

import re
from functools import cache

from radadata.core.morph import analyzer
from radadata.structures.catalog import NationalStructure, all_structures

_WORD = re.compile(r"[\w’'ʼ-]+", re.UNICODE)


@cache
def lemma(word: str) -> str:
    word = word.casefold().replace("’", "'").replace("ʼ", "'")
    if not re.search(r"[а-яіїєґ]", word):
        return word
    return analyzer().parse(word)[0].normal_form


def lemmas(text: str) -> set[str]:
    return {lemma(w) for w in _WORD.findall(text or "")}


@cache
def _index(ident: str) -> frozenset[str]:
    structure = next(s for s in all_structures() if s.id == ident)
    words = lemmas(structure.title) | lemmas(structure.table) | {structure.stem.casefold(),
                                                                  structure.table.casefold()}
    if structure.appendix:
        words.add(structure.appendix)
    return frozenset(words)


def search(query: str, *, edition: str = "") -> list[NationalStructure]:
    """The structures whose title holds every word of the query, by edition and appendix."""
    wanted = [lemma(w) for w in _WORD.findall(query or "")]
    found = []
    for structure in all_structures():
        if edition and structure.edition.code != edition:
            continue
        words = _index(structure.id)
        if all(w in words or any(x.startswith(w) for x in words if len(w) >= 3)
               for w in wanted):
            found.append(structure)
    return found
