"""The Ukrainian morphological analyser (pymorphy3 with its Ukrainian dictionaries), shared by
the search (lemmas) and the personal-data checks (names): its dictionaries take tens of MB and
a fraction of a second to load, so one per process."""

from __future__ import annotations

from functools import cache


@cache
def analyzer():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")
