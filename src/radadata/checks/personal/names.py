"""Is this text the name of a person? pymorphy3 with its Ukrainian dictionaries, plus what it
misses.

The dictionaries tag surnames `Surn` and patronymics `Patr` well, but many given names only as
plain nouns ("Олена", "Марія" come back first as common nouns, "Ірина" as an adjective), and a
masculine patronymic such as "Петрович" as a surname. So a given name is a word of GIVEN_NAMES
or one whose most probable parse is a `Name`; a patronymic is a word with the patronymic suffix
or a `Patr` parse; a surname is a word with a `Surn` parse or a surname suffix. A text is a
person's name when its words fit one of the shapes people are written in:

    Петренко Іван Петрович / Іван Петрович Петренко   (surname, name, patronymic: any order)
    Іван Петренко / Петренко Іван                     (name and surname, nominative case)
    Петренко І. П. / І. П. Петренко / Петренко І.П.   (surname and initials)

Texts with the marks of an organisation (ТОВ, КП, "…рада", "ліцей") or of a street or a
dedication ("вул. Івана Франка", "імені Лесі Українки") are not names of people; "ФОП" is: a
sole trader is a natural person. Each distinct word is analysed once per process.
"""

from __future__ import annotations

import re
from functools import lru_cache

from radadata.core.morph import analyzer

#: Common Ukrainian given names (nominative), the ones the dictionaries do not all tag `Name`.
GIVEN_NAMES = frozenset("""
андрій антон анатолій аркадій артем артур богдан борис вадим валентин валерій василь віктор
віталій владислав володимир в'ячеслав геннадій георгій григорій данило денис дмитро євген
єгор захар зіновій іван ігор ілля йосип кирило костянтин леонід любомир максим марко матвій
микита микола михайло назар никифор олег олександр олексій орест остап павло петро роман
ростислав руслан сергій станіслав степан тарас тимофій тимур федір юрій ярослав яким семен
святослав мирослав всеволод гліб лев платон давид маркіян зенон омелян прохор
аліна алла анастасія ангеліна анна антоніна валентина валерія вероніка віра вікторія
галина ганна дар'я діана євгенія єлизавета жанна зоя зоряна інна ірина катерина христина
лариса леся лідія любов людмила мар'яна марина марія мирослава надія наталія наталя ніна
оксана олександра олена ольга поліна раїса світлана софія соломія тамара тетяна уляна
юлія яна ярослава лілія богдана василина іванна олеся злата таїсія емілія
маргарита нонна майя ліна дарина кіра мілана аліса вікторина стефанія
""".split())  # noqa: SIM905 -- a word list reads better as text

#: Endings of Ukrainian surnames, for the ones the dictionaries do not know.
_SURNAME_END = re.compile(
    r"(?:енко|ук|юк|чук|ський|цький|ська|цька|ович|евич|ишин|ин|ів|їв|ко|ак|як|ар|ій|ий|ець)$"
)
_PATRONYMIC_END = re.compile(r"(?:ович|евич|євич|йович|івна|ївна|овна|ічна|инична)$")

#: Marks of an organisation; "ФОП" (a sole trader, a natural person) is deliberately absent.
ORGANISATION = re.compile(
    r"(?i)(?:^|[^\w])(?:ТОВ|ТзОВ|ПП|КП|ДП|ПАТ|ПрАТ|АТ|ВАТ|ЗАТ|КНП|КЗ|КУ|ЗДО|ЗОШ|ЗЗСО|НВК|ДНЗ|ОСББ"
    r"|ЖБК|ГО|БО|БФ|ФГ|СФГ|ТДВ|МПП|ДЮСШ|ЦНАП|LLC|Ltd|Inc)(?:[^\w]|$)"
    r"|рада\b|ради\b|комітет|управлінн|відділ|департамент|підприємств|товариств|установа"
    r"|заклад|школа|школи|ліцей|гімнасі|гімназі|лікарн|амбулатор|центр\b|центру\b|служба"
    r"|фонд|асоціац|спілка|кооператив|банк\b|інспекці|агенці|міністерств|адміністраці"
    r"|садок|бібліотек|клуб\b|театр|музей|академі|університет|коледж|інститут|об['’]єднанн"
    r"|компані|корпораці|трест|фабрика|завод|комбінат|господарств|партія|церква|парафія"
)
#: Streets and dedications name people who are not the subject of the data.
_STREET_OR_DEDICATION = re.compile(
    r"(?i)(?:^|[^\w])(?:вул|вулиця|просп|проспект|пров|провулок|пл|площа|бульв|бульвар|б-р|узвіз"
    r"|шосе|набережна|майдан|сквер|парк|ім|імені|іменні)(?:[^\w]|$)"
)
_SOLE_TRADER = re.compile(r"(?i)(?:^|[^\w])(?:ФОП|СПД|ФО-П|ФОП-)(?:[^\w]|$)")

_WORD = r"[А-ЯІЇЄҐ][а-яіїєґ'’ʼ-]+"
_UPPER_WORD = r"[А-ЯІЇЄҐ][А-ЯІЇЄҐ'’ʼ-]+"
_INITIAL = r"[А-ЯІЇЄҐ]\."
_PATRONYMIC = r"(?i:ович|евич|євич|йович|івна|ївна|овна)"

#: Cells that may hold a person's name: the cheap filter, also run by polars on whole columns
#: (the Rust and Python regex dialects agree on this subset).
PATTERN = "|".join((
    # the whole cell is two or three capitalised words or initials
    rf"^\s*{_WORD}(?:\s+(?:{_WORD}|{_INITIAL})){{1,2}}\s*$",
    rf"^\s*{_UPPER_WORD}(?:\s+(?:{_UPPER_WORD}|{_INITIAL})){{1,2}}\s*$",
    rf"^\s*{_INITIAL}\s?{_INITIAL}?\s?{_WORD}\s*$",
    # anywhere in a text: a given name and a patronymic, or a surname and initials
    rf"{_WORD}\s+{_WORD}{_PATRONYMIC}(?:[^\w]|$)",
    rf"{_UPPER_WORD}\s+{_UPPER_WORD}{_PATRONYMIC}(?:[^\w]|$)",
    rf"{_WORD}\s+{_INITIAL}\s?{_INITIAL}",
    rf"{_INITIAL}\s?{_INITIAL}\s?{_WORD}",
))

# The spans of a free text that may be names: three words around a patronymic, or initials
# with a surname.
_SPANS = re.compile(
    rf"(?:(?:{_WORD}|{_UPPER_WORD})\s+)?(?:{_WORD}|{_UPPER_WORD})\s+"
    rf"(?:{_WORD}|{_UPPER_WORD}){_PATRONYMIC}(?:\s+(?:{_WORD}|{_UPPER_WORD}))?"
    rf"|{_WORD}\s+{_INITIAL}\s?(?:{_INITIAL})?"
    rf"|{_INITIAL}\s?(?:{_INITIAL}\s?)?{_WORD}"
)
_INITIAL_TOKEN = re.compile(r"^(?:[А-ЯІЇЄҐ]\.){1,2}$")
_APOSTROPHES = str.maketrans("’ʼ`", "'''")



@lru_cache(maxsize=50_000)
def _word(word: str) -> tuple[bool, bool, bool, bool]:
    """(given name, surname, patronymic, nominative) for a lower-case word."""
    parses = analyzer().parse(word)
    tags = [p.tag for p in parses]
    given = word in GIVEN_NAMES or bool(tags and "Name" in tags[0])
    surname = any("Surn" in t for t in tags) or (
        not analyzer().word_is_known(word) and bool(_SURNAME_END.search(word)))
    patronymic = bool(_PATRONYMIC_END.search(word)) or any("Patr" in t for t in tags)
    nominative = word in GIVEN_NAMES or any("nomn" in t for t in tags) or not tags
    return given, surname, patronymic, nominative


def _is_person(words: list[str]) -> bool:
    """Do these words (capitalised, no punctuation but the initials' dots) name a person?"""
    initials = [w for w in words if _INITIAL_TOKEN.match(w)]
    full = [w.lower().translate(_APOSTROPHES) for w in words if not _INITIAL_TOKEN.match(w)]
    if not full or len(full) > 3:
        return False
    facts = [_word(w) for w in full]
    if initials:
        # "Петренко І. П.": one surname and one or two initials.
        return len(full) == 1 and facts[0][1] and not facts[0][0]
    if len(full) == 3:
        # Surname, given name, patronymic in some order: the patronymic is the surest sign.
        patronymic = [i for i, f in enumerate(facts) if f[2] and not f[0]]
        given = [i for i, f in enumerate(facts) if f[0]]
        return bool(patronymic) and any(i not in patronymic for i in given)
    if len(full) == 2:
        # "Іван Петренко": a given name and a surname, both in the nominative (the genitive
        # "Тараса Шевченка" is a street or a dedication), or a given name and a patronymic.
        (g1, s1, _, n1), (g2, s2, p2, n2) = facts
        if g1 and p2 and not g2:
            return True
        return n1 and n2 and ((g1 and s2 and not g2) or (g2 and s1 and not g1))
    return False


@lru_cache(maxsize=100_000)
def person_names(cell: str) -> tuple[str, ...]:
    """The names of people in a cell: the whole cell when it is one, else the spans of a
    longer text that are."""
    text = " ".join(cell.split())
    if not text or ORGANISATION.search(text) or _STREET_OR_DEDICATION.search(text):
        return ()
    text = _SOLE_TRADER.sub(" ", text).strip()
    words = re.findall(r"[А-ЯІЇЄҐа-яіїєґ'’ʼ-]+\.?", text)
    if 2 <= len(words) <= 4 and " ".join(words) == text and _is_person(_split_initials(words)):
        return (text,)
    found = []
    for match in _SPANS.finditer(text):
        span = match.group(0)
        if _is_person(_split_initials(span.split())):
            found.append(span)
    return tuple(found)


def _split_initials(words: list[str]) -> list[str]:
    # "І.П." is two initials written together.
    out: list[str] = []
    for word in words:
        out.extend(re.findall(r"[А-ЯІЇЄҐ]\.", word) if _INITIAL_TOKEN.match(word) else [word])
    return out


def is_organisation(cell: str) -> bool:
    """Does the cell name an organisation (§2.8: not personal data)?"""
    return bool(ORGANISATION.search(cell)) and not _SOLE_TRADER.search(cell)
