"""The words of the cover letter, shared by the DOCX and the PDF so that both say the same.

The text follows the appendix «ЗРАЗОК» of the regulation word for word, with its blanks filled:
the choice "оприлюднення / оновлення" is made, the dataset's full title stands in «…» where the
form has a line, and "Електронний (нні) файл(и) ... додається (ються)" agrees with the number
of files. Two typos of the form ("декржавного") are corrected. Signature names follow
ДСТУ 4163:2020: given name, then the surname in capitals.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from .data import LetterData

BLANK_DATE = "«___»__________20__"
BLANK_NAME = "________________"
SIGN_HERE = "(підпис)"
SUBJECT_LINES = ("Щодо оприлюднення", "наборів відкритих даних")
AGREED = "ПОГОДЖЕНО:"  # the word of the documents (ДСТУ 4163:2020, п. 5.26)
ATTACHMENTS = "Додатки:"
DEFAULT_OFFICER_POSITION = "Відповідальний за відкриті дані"
_ACTION = {"new": "оприлюднення", "update": "оновлення"}
_PORTAL = (
    ("uploaded_on", "Завантажено на Єдиний державний портал відкритих даних"),
    ("approved_on", "Схвалено адміністратором Єдиного державного порталу відкритих даних"),
    ("rejected_on", "Відхилено адміністратором Єдиного державного порталу відкритих даних"),
    ("published_on", "Оприлюднено на Єдиному державному порталі відкритих даних"),
)
_INITIALS = re.compile(r"^(?:\w\.)+$")  # "І." or "І.П."


@dataclasses.dataclass(frozen=True)
class Signature:
    position: str
    name: str  # already in the signature form, or a blank line to fill in by hand


@dataclasses.dataclass(frozen=True)
class PortalMark:
    label: str
    date: str  # dd.mm.yyyy or the blank form


def signature_name(full_name: str) -> str:
    """ "Коваленко Ірина Петрівна" -> "Ірина КОВАЛЕНКО" (ДСТУ 4163:2020, п. 5.21).

    Accepts the registry's "Прізвище Ім'я По батькові", two parts, a bare surname, the old
    "Коваленко І.П." (kept as "І. КОВАЛЕНКО": the given name is unknown) and a name that is
    already in the short form or has the surname in capitals, as lists often print it.
    """
    parts = full_name.split()
    if not parts:
        return ""
    initials = [part for part in parts if _INITIALS.match(part)]
    capitals = [part for part in parts if part.isupper() and len(part) > 1 and part not in initials]
    if capitals:
        surname = capitals[0]
        rest = [part for part in parts if part is not surname]
    elif initials:
        surname = next((part for part in parts if not _INITIALS.match(part)), "")
        rest = initials
    else:
        surname, rest = parts[0], parts[1:]
    if not rest:
        return surname.upper()
    given = rest[0]
    if _INITIALS.match(given):
        given = given[:2]  # the first initial with its dot
    return f"{given} {surname.upper()}" if surname else given


def council_genitive(council_name: str) -> str:
    """ "Світлогірська міська рада" -> "Світлогірської міської ради".

    Council names are adjectives followed by "рада"; other shapes come back unchanged, and
    `LetterData.council_name_genitive` is there for them.
    """
    words = council_name.split()
    if not words or words[-1].lower() != "рада":
        return council_name
    changed = [_adjective_genitive(word) for word in words[:-1]]
    changed.append(_same_case(words[-1], words[-1][:-1] + "и"))
    return " ".join(changed)


def _adjective_genitive(word: str) -> str:
    lower = word.lower()
    if lower.endswith("я"):  # soft stem: "верхня" -> "верхньої"
        return _same_case(word, word[:-1] + "ьої")
    if lower.endswith("а"):
        return _same_case(word, word[:-1] + "ої")
    return word


def _same_case(original: str, changed: str) -> str:
    return changed.upper() if original.isupper() else changed


def format_date(day: dt.date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else BLANK_DATE


def letterhead(data: LetterData) -> tuple[str, str]:
    return data.council_name.upper(), data.owner_name.upper()


def reference(data: LetterData) -> str:
    return f"{format_date(data.date)} № {data.number.strip() or '__________'}"


def body(data: LetterData) -> str:
    council = data.council_name_genitive or council_genitive(data.council_name)
    title = dataset_title(data.dataset_title)
    return (
        f"Відповідно до Положення про відкриті дані {council} та відповідно до Переліку наборів "
        "даних, які підлягають оприлюдненню у формі відкритих даних, надаємо для "
        f"{_ACTION[data.kind]} на Єдиному державному порталі відкритих даних "
        f"Набір даних у формі відкритих даних «{title}»."
    )


def dataset_title(title: str) -> str:
    """The title without quotes around the whole of it (the letter sets it in «…»), keeping
    quotes that belong to it: «…КП «Світлогірськтеплоенерго»» keeps the name's closing one."""
    title = title.strip()
    if title.startswith("«") and title.endswith("»"):
        inner = title[1:-1]
        # Only quotes that wrap the whole title: the inner ones must stay balanced.
        depth = 0
        for char in inner:
            depth += {"«": 1, "»": -1}.get(char, 0)
            if depth < 0:
                return title
        if depth == 0:
            return inner
    return title


def attachments(data: LetterData) -> tuple[str, list[str]]:
    """The attachment line of the form and one dash line per file (empty: no attachments).

    File names carry no closing punctuation: a dot after "schools.csv" would read as part of it.
    """
    files = [name.strip() for name in data.files if name.strip()]
    lines = [f"– {name}" for name in files]
    if len(files) == 1:
        return "1. Електронний файл Набору даних додається:", lines
    if files:
        return f"1. Електронні файли Набору даних ({len(files)}) додаються:", lines
    return "", []


def head_signature(data: LetterData) -> Signature:
    return Signature(data.head_position, signature_name(data.head_name) or BLANK_NAME)


def deputy_signature(data: LetterData) -> Signature:
    return Signature(data.deputy_position, signature_name(data.deputy_name) or BLANK_NAME)


def officer_signature(data: LetterData) -> Signature:
    position = data.officer_position or DEFAULT_OFFICER_POSITION
    return Signature(position, signature_name(data.officer_name) or BLANK_NAME)


def portal_marks(data: LetterData) -> list[PortalMark]:
    return [PortalMark(label, format_date(getattr(data, field))) for field, label in _PORTAL]


def document_title(data: LetterData) -> str:
    return f"Супровідний лист: {data.dataset_title.strip()}"
