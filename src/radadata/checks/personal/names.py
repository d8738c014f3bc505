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
from pathlib import Path

from radadata.core.morph import analyzer

#: Common Ukrainian given names (nominative), the ones the dictionaries do not all tag `Name`.
_COMMON_NAMES = frozenset("""
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
#: Given names of both genders in the nominative: the common ones above and the broad list in
#: data/given_names.txt (its header says where it comes from and under which licence).
GIVEN_NAMES = _COMMON_NAMES | frozenset(
    line.strip() for line in (Path(__file__).parent / "data" / "given_names.txt")
    .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))
#: Case endings of given names, and what the nominative may end with instead: "Олегу" → "олег",
#: "Олені" → "олена", "Андрієві" → "андрій".
_CASE_ENDINGS = ("ові", "еві", "єві", "ою", "ею", "єю", "ом", "ем", "єм", "у", "ю", "а", "я",
                 "і", "ї", "е", "є")
_NOMINATIVE_ENDINGS = ("", "а", "я", "й", "о", "ь", "ія")

#: Endings of Ukrainian surnames, for the ones the dictionaries do not know.
_SURNAME_END = re.compile(
    r"(?:енко|ук|юк|чук|ський|цький|ська|цька|ович|евич|ишин|ин|ів|їв|ко|ак|як|ар|ій|ий|ець)$"
)
_NOMINATIVE_PATRONYMIC = re.compile(r"(?:ович|евич|євич|івна|ївна|овна|ічна|инична)$")
_PATRONYMIC_END = re.compile(r"(?:(?:ович|евич|євич)(?:а|у|ем|еві|ові|і)?"
                             r"|(?:івн|ївн|овн|ічн|иничн)(?:а|и|і|у|ою|о))$")

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
#: Words in a cell up to which it is judged whole (a name, an organisation, a street).
SHORT_TEXT = 5
#: A street or a dedication with the capitalised words that follow it ("вул. Івана Франка").
_STREET_SPAN = re.compile(
    r"(?i:(?<![\w])(?:вул|вулиця|вулиці|просп|проспект|пров|провулок|пл|площа|бульв|бульвар|б-р"
    r"|узвіз|шосе|набережна|майдан|сквер|парк|ім|імені|іменні|с|смт|м|село|селище|місто)\.?)"
    r"(?:\s+(?:[А-ЯІЇЄҐ][\w'’ʼ-]*\.?|\d+\w*)(?![\w'’ʼ-])){1,2}"
    # not when a person's name follows straight on ("вул. Садова Костенко Володимир …")
    r"(?!\s+[А-ЯІЇЄҐ][\w'’ʼ-]*\s+[А-ЯІЇЄҐ])")
_SOLE_TRADER = re.compile(r"(?i)(?:^|[^\w])(?:ФОП|СПД|ФО-П|ФОП-)(?:[^\w]|$)")

_WORD = r"[А-ЯІЇЄҐ][а-яіїєґ'’ʼ-]+"
_UPPER_WORD = r"[А-ЯІЇЄҐ][А-ЯІЇЄҐ'’ʼ-]+"
_INITIAL = r"[А-ЯІЇЄҐ]\."
_PATRONYMIC = r"(?i:(?:ович|евич|євич)(?:а|у|ем|еві|ові|і)?|(?:івн|ївн|овн)(?:а|и|і|у|ою))"

#: Words that mark a private person ("гр. Петренко", "заявник Марчук Тетяна").
_CITIZEN_WORDS = (r"гр\.", "громадянин", "громадянка", "громадянину", "громадянці", "заявник",
                  "заявниця", "мешканець", "мешканка", "мешканці", "жителька", "житель")
CITIZEN = re.compile("|".join(rf"(?:^|[^\w]){marker}(?:[^\w]|$)" for marker in _CITIZEN_WORDS))

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
    rf"(?:гр\.|громадян[а-яі]+|заявни[кц][а-яі]*|мешкан[а-яі]+)\s+{_WORD}",
))

# The spans of a free text that may be names: three words around a patronymic, or initials
# with a surname.
_SPANS = re.compile(
    rf"(?:(?:{_WORD}|{_UPPER_WORD})\s+)?(?:{_WORD}|{_UPPER_WORD})\s+"
    rf"(?:{_WORD}|{_UPPER_WORD}){_PATRONYMIC}(?:\s+(?:{_WORD}|{_UPPER_WORD}))?"
    # two or three capitalised words after a word that marks a private person
    + "".join(rf"|(?<={marker}\s)(?:{_WORD}\s+){{1,2}}{_WORD}" for marker in _CITIZEN_WORDS)
    + rf"|{_WORD}\s+{_INITIAL}\s?(?:{_INITIAL})?"
    rf"|{_INITIAL}\s?(?:{_INITIAL}\s?)?{_WORD}"
)
_MARKED_SURNAME = re.compile(rf"(?:гр\.|громадян[а-яі]+|мешкан[а-яі]+)\s+({_WORD})(?![\w.])")
_INITIAL_TOKEN = re.compile(r"^(?:[А-ЯІЇЄҐ]\.){1,2}$")
_APOSTROPHES = str.maketrans("’ʼ`", "'''")



@lru_cache(maxsize=50_000)
def _word(word: str) -> tuple[bool, bool, bool, bool]:
    """(given name, surname, patronymic, nominative) for a lower-case word."""
    parses = analyzer().parse(word)
    tags = [p.tag for p in parses]
    given = _given(word, parses) or bool(tags and "Name" in tags[0])
    surname = any("Surn" in t for t in tags) or (
        not analyzer().word_is_known(word) and bool(_SURNAME_END.search(word)))
    patronymic = bool(_PATRONYMIC_END.search(word)) or any("Patr" in t for t in tags)
    nominative = word in GIVEN_NAMES or any("nomn" in t for t in tags) or not tags
    return given, surname, patronymic, nominative


@lru_cache(maxsize=50_000)
def _given_nominative(word: str) -> bool:
    return word in GIVEN_NAMES or any("Name" in p.tag and "nomn" in p.tag and "plur" not in p.tag
                                      for p in analyzer().parse(word))


def _given(word: str, parses: list) -> bool:
    """Is the word a given name in some case? Its dictionary lemma, or the word with a case
    ending taken off, is in GIVEN_NAMES."""
    if word in GIVEN_NAMES or any(p.normal_form in GIVEN_NAMES and "NOUN" in p.tag
                                  for p in parses):
        return True
    for ending in _CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[:len(word) - len(ending)]
            if any(stem + nominative in GIVEN_NAMES for nominative in _NOMINATIVE_ENDINGS):
                return True
    return False


#: Settlements: "Велика Олександрівка", "Червона Гірка", "Нова Ушиця" are places, not people.
_PLACE_END = re.compile(r"(?:івка|ївка|инка|івці|ївці|ичі|овичі|ове|еве|єве|ине|пілля|поле"
                        r"|гірка|город|брід|гай|ушиця|івськ|ськ|цьк|бор|яр|балка|лука)$")


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
        if any(_PLACE_END.search(w) for w in full):
            return False
        # "Іван Петренко": a given name and a surname, both in the nominative (the genitive
        # "Тараса Шевченка" is a street or a dedication), or a given name and a patronymic.
        (g1, s1, _, n1), (g2, s2, p2, n2) = facts
        if g1 and p2 and not g2:
            # "Олег Іванович"; not "Романа Шухевича", a street's genitive.
            return bool(_NOMINATIVE_PATRONYMIC.search(full[1]))
        if not (n1 and n2):
            return False
        # The given name itself in the nominative: "Лесі Українки" is a dedication.
        return ((g1 and s2 and not g2 and _given_nominative(full[0]))
                or (g2 and s1 and not g1 and _given_nominative(full[1])))
    return False


@lru_cache(maxsize=100_000)
def person_names(cell: str) -> tuple[str, ...]:
    """The names of people in a cell: the whole cell when it is one, else the spans of a
    longer text that are."""
    text = " ".join(cell.split())
    if not text:
        return ()
    if len(text.split()) <= SHORT_TEXT:
        # A short cell with the mark of an organisation or a street is that, not a person.
        if ORGANISATION.search(text) or _STREET_OR_DEDICATION.search(text):
            return ()
    else:
        # A longer text (an appeal, an agenda item) may name a street and a person: the
        # street's words are taken out, the person's stay.
        text = _STREET_SPAN.sub(" , ", text)
    text = _SOLE_TRADER.sub(" ", text).strip()
    words = re.findall(r"[А-ЯІЇЄҐа-яіїєґ'’ʼ-]+\.?", text)
    if 2 <= len(words) <= 4 and " ".join(words) == text and _is_person(_split_initials(words)):
        return (text,)
    found = []
    for match in _SPANS.finditer(text):
        span = match.group(0)
        if _is_person(_split_initials(span.split())):
            found.append(span)
    if not found:
        # "мешканка будинку гр. Іваненко": a marked citizen named by the surname alone.
        found = [m.group(1) for m in _MARKED_SURNAME.finditer(text)
                 if _word(m.group(1).lower().translate(_APOSTROPHES))[1]]
    return tuple(found)


def _split_initials(words: list[str]) -> list[str]:
    # "І.П." is two initials written together.
    out: list[str] = []
    for word in words:
        out.extend(re.findall(r"[А-ЯІЇЄҐ]\.", word) if _INITIAL_TOKEN.match(word) else [word])
    return out


_NAME_WORD = re.compile(r"[А-ЯІЇЄҐа-яіїєґA-Za-z'’ʼ]{3,}")


def is_business(cell: str) -> bool:
    """Does the cell name an organisation or a sole trader ("ФОП Петренко І.П.")? A mark
    with only a number after it ("ПП 012345") is a number of a document."""
    return bool((ORGANISATION.search(cell) or _SOLE_TRADER.search(cell))
                and _NAME_WORD.search(cell))


def is_sole_trader(cell: str) -> bool:
    return bool(_SOLE_TRADER.search(cell))


def is_organisation(cell: str) -> bool:
    """Does the cell name an organisation (§2.8: not personal data)?"""
    return bool(ORGANISATION.search(cell)) and not _SOLE_TRADER.search(cell)


def word_facts(word: str) -> tuple[bool, bool, bool, bool]:
    """(given name, surname, patronymic, nominative) for one capitalised word."""
    return _word(word.lower().translate(_APOSTROPHES))
