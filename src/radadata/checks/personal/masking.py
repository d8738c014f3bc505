"""Masked excerpts: enough of a value for the owner to recognise it, too little to identify
anyone. A fixed run of five dots replaces the middle, so the excerpt does not even tell the
length of what it hides.
"""

from __future__ import annotations

import re

DOTS = "•••••"


def keep_ends(value: str, *, start: int = 1, end: int = 1, fill: str = DOTS) -> str:
    """`value` with only its first `start` and last `end` characters left; shorter values are
    hidden entirely (a three-letter name masked to "І•••н" would still read as itself)."""
    value = value.strip()
    if len(value) <= start + end + 1:
        return fill
    return value[:start] + fill + value[len(value) - end:]


def mask_digits(value: str) -> str:
    """A number (tax number, document number): "1234567890" → "12•••••890"."""
    return keep_ends(value, start=2, end=3)


def mask_word(word: str) -> str:
    """One word of a name: "Петренко" → "П•••••о"; initials ("І.", "І.П.") stay as they are."""
    if word.endswith(".") and len(word.replace(".", "")) <= 2:
        return word
    return keep_ends(word, start=1, end=1)


def mask_name(value: str) -> str:
    """"Петренко І. П." → "П•••••о І. П."; "Іван Петренко" → "І•••••н П•••••о"."""
    return " ".join(mask_word(word) for word in value.split())


def mask_email(value: str) -> str:
    """The mailbox is the person, the domain is not: "ivan.petrenko@ukr.net" → "i•••••o@ukr.net"."""
    local, _, domain = value.strip().partition("@")
    return f"{keep_ends(local, start=1, end=1)}@{domain}"


def mask_phone(value: str) -> str:
    """Keep the country and operator code and the last two digits: "+38050•••••67"."""
    return keep_ends(value, start=6, end=2)


def mask_account(value: str) -> str:
    """Card numbers and IBANs: the first and last four characters, as on a receipt."""
    return keep_ends(re.sub(r"[\s-]", "", value), start=4, end=4)


def mask_document(value: str) -> str:
    """A passport ("АА123456" → "АА•••••56") or an ID-card or УНЗР number."""
    compact = re.sub(r"[\s№]", "", value)
    letters = re.match(r"\D*", compact).group(0)
    return letters + keep_ends(compact[len(letters):], start=0, end=2)


_NUMBERS = re.compile(r"\d+")


def mask_address(value: str) -> str:
    """The street stays, the house and flat numbers go: "вул. Миру, 5, кв. 12" → "вул. Миру,
    ••, кв. ••"."""
    return _NUMBERS.sub("••", value.strip())


def mask_date(value: str) -> str:
    """Keep the year of a date: "1985-03-14" → "1985-••-••", "14.03.1985" → "••.••.1985"."""
    return re.sub(r"\b(?!(?:19|20)\d\d\b)\d{1,2}\b", "••", value.strip())
