"""Which registry field a column of the clerk's file holds.

A header is recognised by the names of the §4.10 structure, of the national structures of 2019
and 2025 (REGULATION-NOTES §5.1), of the data.gov.ua passport, and by the Ukrainian titles those
structures and our own internal export use. Anything else goes to the mapping step, where the
officer says which field a column is, or that it is to be ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from radadata.core.errors import ValidationFailed

#: The mapping value of a column that is read but not imported.
IGNORE = "ignore"


@dataclass(frozen=True)
class Field:
    key: str
    label: Promise
    aliases: tuple[str, ...]

    @property
    def other_names(self) -> tuple[str, ...]:
        return tuple(alias for alias in self.aliases if alias != self.key)


FIELDS: tuple[Field, ...] = (
    Field("identifier", _("identifier"), (
        "identifier", "uid", "id", "ідентифікатор", "ідентифікаційний номер",
        "ідентифікаційний номер набору даних", "ідентифікатор набору даних")),
    Field("title", _("title"), (
        "title", "назва", "найменування", "назва набору даних", "найменування набору даних")),
    Field("description", _("description"), (
        "description", "notes", "опис", "короткий опис", "стислий опис",
        "короткий опис набору даних", "опис набору даних")),
    Field("purpose", _("legal basis and purpose of collection"), (
        "purpose", "purpose_of_collecting_information",
        "підстава та призначення збору інформації", "підстава і призначення збору інформації",
        "підстава та призначення", "підстава", "призначення")),
    Field("accrualPeriodicity", _("update frequency"), (
        "accrualPeriodicity", "update_frequency", "periodicity", "update frequency", "частота",
        "частота оновлення", "періодичність", "періодичність оновлення")),
    Field("keyword", _("keywords"), (
        "keyword", "keywords", "tags", "tag_string", "ключові слова")),
    Field("format", _("formats"), (
        "format", "formats", "distributionFormat", "формат", "формати", "формати ресурсів",
        "формат набору даних")),
    Field("dataPublikation", _("date of first publication"), (
        "dataPublikation", "dataPublication", "datePublication", "issued", "first published",
        "дата",
        "дата публікації", "дата оприлюднення", "дата першого оприлюднення",
        "дата публікації набору даних")),
    Field("landingPage", _("page of the dataset"), (
        "landingPage", "url", "посилання", "посилання на сторінку набору даних",
        "гіперпосилання")),
    Field("publisherName", _("owner's name"), (
        "publisherName", "publisherPrefLabel", "data owner", "назва розпорядника", "розпорядник",
        "розпорядник набору даних")),
    Field("publisherIdentifier", _("owner's ЄДРПОУ code"), (
        "publisherIdentifier", "publisherId", "ідентифікатор розпорядника", "єдрпоу",
        "код єдрпоу", "код єдрпоу розпорядника")),
    Field("contactPointFn", _("responsible person's full name"), (
        "contactPointFn", "contactPointName", "maintainer", "відповідальна особа",
        "піб відповідальної особи")),
    Field("contactPointHasEmail", _("responsible person's e-mail"), (
        "contactPointHasEmail", "contactPointEmail", "maintainer_email",
        "email відповідальної особи", "e-mail відповідальної особи", "email", "e-mail",
        "електронна пошта")),
    Field("createdOn", _("date of creation"), ("createdOn", "created", "дата створення")),
    Field("dataType", _("data type"), ("dataType", "тип даних")),
    # The council's history (a council moves in with years behind it): the owner's place in
    # the council's structure and the dates and state of each dataset on data.gov.ua.
    Field("publisherKind", _("owner's kind"), (
        "publisherKind", "owner kind", "вид розпорядника")),
    Field("publisherParent", _("subordinate to"), (
        "publisherParent", "subordinate to", "parent owner", "підпорядкування",
        "підпорядковується")),
    Field("publisherOrder", _("owner's order"), (
        "publisherOrder", "order", "owner order", "порядок", "порядок розпорядника")),
    Field("uploadedOn", _("date of upload to the portal"), (
        "uploadedOn", "uploaded", "date uploaded", "дата завантаження на портал",
        "дата завантаження")),
    Field("modifiedOn", _("date of the last update"), (
        "modifiedOn", "modified", "last updated", "дата останнього оновлення",
        "дата оновлення")),
    Field("portalState", _("state on the portal"), (
        "portalState", "portal state", "state on the portal", "стан на порталі")),
    Field("onApprovedList", _("on the approved list"), (
        "onApprovedList", "on the approved list", "on list", "у переліку", "в переліку")),
)
FIELD_KEYS = tuple(field.key for field in FIELDS)
LABELS = {field.key: field.label for field in FIELDS}

#: Columns of our own internal export that are not imported (the state changes only through
#: publication, the people through their own pages); recognised so they need no mapping.
IGNORED = ("стан", "state", "відповідальні особи", "№", "№ з/п", "№ п/п")


def normalise(text: str) -> str:
    """Lower case without spaces, punctuation or apostrophes: "Email відповідальної особи",
    "email_vidpovidalnoi" and "contactPointHasEmail" compare as their letters only."""
    return re.sub(r"[\W_]+", "", str(text or "").lower().replace("e-mail", "email"))


_BY_ALIAS: dict[str, str] = {
    normalise(alias): field.key for field in FIELDS for alias in (field.key, *field.aliases)
}
_IGNORED = {normalise(name) for name in IGNORED}


def field_for_header(text: str) -> str | None:
    """The field key a header names, IGNORE for a known column that is not imported, or None.

    "title / назва", as §4.10 writes its columns, is recognised by either part.
    """
    for candidate in (text, *str(text or "").split("/")):
        key = normalise(candidate)
        if key in _BY_ALIAS:
            return _BY_ALIAS[key]
        if key in _IGNORED:
            return IGNORE
    return None


def resolve_field(name: str) -> str | None:
    """A field named by its key, an alias or a label (for `--map`); IGNORE for "ignore"/"-"."""
    text = (name or "").strip()
    if text.lower() in {"", "-", IGNORE}:
        return IGNORE
    found = field_for_header(text)
    if found:
        return found
    for field in FIELDS:
        if normalise(str(field.label)) == normalise(text):
            return field.key
    return None


def recognise(header: list[str]) -> list[str | None]:
    """Per column: its field key, IGNORE, or None when the officer must say what it is.

    A field is taken by its first column only; a second column naming it goes to mapping.
    """
    mapping: list[str | None] = []
    taken: set[str] = set()
    for text in header:
        key = field_for_header(text) if str(text or "").strip() else IGNORE
        if key and key != IGNORE:
            if key in taken:
                key = None
            else:
                taken.add(key)
        mapping.append(key)
    return mapping


def letter(index: int) -> str:
    """Excel's name of the 0-based column index: 0 → A, 27 → AB."""
    from openpyxl.utils import get_column_letter  # openpyxl is heavy for every command's start

    return get_column_letter(index + 1)


def check_mapping(header: list[str], mapping: list[str | None]) -> None:
    """Two columns for one field, or no column to identify a dataset: the mapping is wrong."""
    seen: dict[str, int] = {}
    errors = []
    for index, key in enumerate(mapping):
        if not key or key == IGNORE:
            continue
        if key not in FIELD_KEYS:
            errors.append(gettext("Unknown field “%(field)s”.") % {"field": key})
        elif key in seen:
            errors.append(gettext("Columns %(first)s and %(second)s are both mapped to the "
                                  "%(field)s; keep one and ignore the other.")
                          % {"first": letter(seen[key]), "second": letter(index),
                             "field": LABELS[key]})
        else:
            seen[key] = index
    if not errors and not ({"identifier", "title"} & set(seen)):
        errors.append(gettext("No column holds the identifier or the title of the datasets. "
                              "Map the column that does."))
    if errors:
        raise ValidationFailed({"mapping": errors}, code="bad_mapping")
