"""Words into the forms the index stores: Ukrainian word forms become their lemma.

Both the index and the query go through `lemmas()`, so any form of a word finds any other form
of the same word: "школа", "школи", "шкіл", "школам" all become "школа". The lemma is the normal
form of pymorphy3's most probable parse (with its Ukrainian dictionaries); a word it does not
know gets the normal form its suffix rules predict, the same on both sides.

Derivatives are not word forms: "шкільний" (an adjective) has its own lemma. Where the meaning
allows, the index adds the noun an adjective is made from (RELATED below: a short explicit
table of the words council data uses), so a search for "школа" also finds "шкільне
харчування". It works one way only: a search for "шкільний" finds that word, not every school.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from radadata.core.morph import analyzer

#: Letters and digits; the apostrophe inside a word ("об'єкт") is dropped, hyphens split.
_WORD = re.compile(r"[^\W_]+(?:['’ʼ`][^\W_]+)*")
_APOSTROPHES = str.maketrans("", "", "'’ʼ`")

#: Words too common to tell datasets apart; dropped from the index and from queries.
STOP_WORDS = frozenset((
    "а", "або", "але", "б", "би", "бо", "в", "від", "во", "до", "для", "же", "з", "за", "й",
    "і", "із", "їх", "на", "над", "не", "ні", "по", "при", "про", "та", "так", "те", "то", "у",
    "чи", "що", "як", "якщо", "щодо", "через", "під", "між", "без", "його", "її", "це", "ці",
    "цей", "ця", "той", "ті",
))

#: Adjective lemma → the noun lemma it is made from (see the module's docstring).
RELATED: dict[str, str] = {
    "шкільний": "школа", "освітній": "освіта", "бюджетний": "бюджет",
    "медичний": "медицина", "земельний": "земля", "дорожній": "дорога",
    "транспортний": "транспорт", "житловий": "житло",
    "міський": "місто", "сільський": "село", "депутатський": "депутат",
    "фінансовий": "фінанси", "податковий": "податок", "спортивний": "спорт",
    "культурний": "культура", "лікарняний": "лікарня",
    "водний": "вода", "енергетичний": "енергетика", "екологічний": "екологія",
    "архітектурний": "архітектура", "містобудівний": "містобудування",
    "дитячий": "дитина", "молодіжний": "молодь", "пенсійний": "пенсія",
    "виборчий": "вибори", "рекламний": "реклама", "торговельний": "торгівля",
    "туристичний": "туризм", "квартирний": "квартира", "тарифний": "тариф",
}

#: The longest query the search reads (characters) and the most words it matches.
MAX_QUERY_CHARS = 500
MAX_QUERY_WORDS = 32



def words(text: str) -> list[str]:
    """Lower-case words of `text`, apostrophes removed, stop words kept."""
    return [w.translate(_APOSTROPHES) for w in _WORD.findall((text or "").lower())]


@lru_cache(maxsize=100_000)
def lemma(word: str) -> str:
    """The normal form of a lower-case word; digits and Latin words stay as they are."""
    if not any("\u0400" <= ch <= "\u04ff" for ch in word):
        return word
    parses = analyzer().parse(word)
    return parses[0].normal_form.translate(_APOSTROPHES) if parses else word


def lemmas(text: str) -> list[str]:
    """The lemmas of the words of `text` that are not stop words, in order."""
    return [lemma(w) for w in words(text) if w not in STOP_WORDS]


@cache
def _related() -> dict[str, str]:
    # Through lemma() on both sides: the analyser's normal form is what the index holds
    # (it spells "дорожній" as "дорожний").
    return {lemma(adjective): lemma(noun) for adjective, noun in RELATED.items()}


def index_text(text: str) -> str:
    """What the index stores for `text`: its lemmas and the nouns of known derivatives."""
    related = _related()
    out: list[str] = []
    for item in lemmas(text):
        out.append(item)
        if item in related:
            out.append(related[item])
    return " ".join(out)


def query_words(text: str) -> list[tuple[str, str]]:
    """(word as typed, lemma) for each distinct searchable word of a query, at most
    MAX_QUERY_WORDS of the first MAX_QUERY_CHARS characters."""
    text = text or ""
    head = words(text[:MAX_QUERY_CHARS])
    if head and text[MAX_QUERY_CHARS - 1:MAX_QUERY_CHARS + 1].isalnum():
        head.pop()  # the limit cut this word in two
    seen: dict[str, str] = {}
    for word in head:
        if word in STOP_WORDS:
            continue
        seen.setdefault(lemma(word), word)
        if len(seen) >= MAX_QUERY_WORDS:
            break
    return [(word, item) for item, word in seen.items()]
