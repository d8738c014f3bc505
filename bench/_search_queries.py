"""Queries nobody asked before, for bench/catalog_search.py's cold workload.

Distinct real Ukrainian words: every word of the generated catalogue's titles, keywords,
descriptions and owners (bench/_catalog_data.py) in each of its inflected forms (pymorphy3's
Ukrainian dictionaries), and everyday words a citizen types that no dataset holds. Each request
pairs a word (or two) never used before with a page (changing offsets) and, often, a filter
(theme, format, update frequency or owner). Deterministic: a fixed random seed.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from _catalog_data import QUALIFIERS, SENTENCES, SUBJECTS

#: Words no dataset of the generated catalogue holds (they answer "nothing found" with
#: suggestions).
ABSENT = [
    "погода", "футбол", "кава", "вишиванка", "електрички", "маршрутка", "квитки", "паспорт",
    "пенсія", "субсидія", "ліфт", "каналізація", "світлофор", "велодоріжка", "парковка",
    "кладовище", "пляж", "ринок", "ковзанка", "басейн", "концерт", "фестиваль", "податки",
    "вакансії", "зарплата", "вибори", "поліція", "пожежа", "повінь", "опалення",
]

THEMES = sorted({theme for _title, theme, _words in SUBJECTS})
FORMATS = ["CSV", "JSON", "XLSX"]
PERIODICITIES = ["once a month", "once a quarter", "once a year", "once a day", "once a week"]


@dataclass(frozen=True)
class Request:
    text: str
    page: int  # from 1
    theme: str = ""
    format: str = ""
    periodicity: str = ""
    owner: str = ""

    @property
    def filters(self) -> dict[str, str]:
        return {name: value for name, value in (
            ("theme", self.theme), ("format", self.format),
            ("periodicity", self.periodicity), ("owner", self.owner)) if value}


def catalogue_words() -> list[str]:
    texts = [title for title, _theme, _words in SUBJECTS]
    texts += [word for _title, _theme, words in SUBJECTS for word in words]
    texts += SENTENCES + QUALIFIERS
    found = re.findall(r"[а-яіїєґ']{4,}", " ".join(texts).lower())
    return sorted(set(found))


def word_forms(words: list[str]) -> list[str]:
    """Every inflected form of each word that is itself a Cyrillic word of 4+ letters."""
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer(lang="uk")
    forms: set[str] = set()
    for word in words:
        parses = morph.parse(word)
        if not parses:
            continue
        for form in parses[0].lexeme:
            text = form.word.replace("'", "")
            if len(text) >= 4 and re.fullmatch(r"[а-яіїєґ]+", text):
                forms.add(text)
    return sorted(forms)


def cold_requests(count: int, *, owners: int = 15, seed: int = 2026) -> list[Request]:
    """`count` requests, no two with the same text: mostly one word form of the catalogue,
    some two-word phrases, one in ten a word nobody published; pages 1 to 5; two in three
    with a filter."""
    rng = random.Random(seed)
    forms = word_forms(catalogue_words())
    rng.shuffle(forms)
    absent = list(ABSENT)
    requests: list[Request] = []
    seen: set[str] = set()
    position = 0
    while len(requests) < count:
        roll = rng.random()
        if roll < 0.1 and absent:
            text = absent.pop()
        elif roll < 0.3:
            text = f"{forms[position % len(forms)]} {rng.choice(forms)}"
            position += 1
        else:
            text = forms[position % len(forms)]
            position += 1
            if position > len(forms):
                text = f"{text} {rng.choice(forms)}"
        if text in seen:
            continue
        seen.add(text)
        kind = rng.randrange(6)
        requests.append(Request(
            text=text, page=rng.randint(1, 5),
            theme=rng.choice(THEMES) if kind == 1 else "",
            format=rng.choice(FORMATS) if kind == 2 else "",
            periodicity=rng.choice(PERIODICITIES) if kind == 3 else "",
            owner=f"owner-{rng.randrange(owners)}" if kind == 4 else ""))
    return requests
