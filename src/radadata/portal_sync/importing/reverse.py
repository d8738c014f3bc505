"""The reverse of mapping.py: a CKAN package read as our passport.

Where data.gov.ua keeps a field is not certain (REGULATION-NOTES §4.2): each is read from the
top level, then from `extras`, under the names seen on the portal, in plain CKANs and in our own
/api/3. A value that is missing or unusable is left empty here, with a note; the planner
decides what an empty value means (a default for a new dataset, "keep ours" for an update).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from django.utils import timezone
from django.utils.translation import gettext as _

from radadata.core.identifiers import is_valid_edrpou
from radadata.portal_sync import mapping, polling
from radadata.portal_sync.models import Moderation
from radadata.registry.vocabularies import RECOMMENDED_FORMATS, Periodicity, periodicity_from_text

DESCRIPTION_MAX = 4000
PURPOSE_MAX = 512
#: Formats a council may hold besides the §5.2 list (tab-separated is CSV's sibling).
MORE_FORMATS = {"TSV"}
#: What plain CKANs and DCAT catalogues write for an update frequency.
FREQUENCY_ALIASES = {
    "unscheduled": Periodicity.ON_CHANGE, "irregular": Periodicity.ON_CHANGE,
    "irreg": Periodicity.ON_CHANGE, "as needed": Periodicity.ON_CHANGE,
    "cont": Periodicity.MORE_THAN_DAILY, "continuous": Periodicity.MORE_THAN_DAILY,
    "update_cont": Periodicity.MORE_THAN_DAILY, "daily": Periodicity.DAILY,
    "weekly": Periodicity.WEEKLY, "monthly": Periodicity.MONTHLY,
    "quarterly": Periodicity.QUARTERLY, "biannual": Periodicity.HALF_YEARLY,
    "semiannual": Periodicity.HALF_YEARLY, "annual": Periodicity.YEARLY,
    "yearly": Periodicity.YEARLY, "never": Periodicity.NO_LONGER,
}
LANGUAGES = {"uk": "uk", "ua": "uk", "ukr": "uk", "українська": "uk", "ukrainian": "uk",
             "en": "en", "eng": "en", "англійська": "en", "english": "en",
             "ru": "ru", "rus": "ru", "російська": "ru"}
CODE_KEYS = ("publisherIdentifier", "publisher_identifier", "publisherId", "edrpou", "EDRPOU",
             "edrpou_code", "Код ЄДРПОУ")
PUBLISHER_KEYS = ("publisherName", "publisher_name", "publisher")
FREQUENCY_KEYS = ("update_frequency", "frequency", "accrualPeriodicity", "accrual_periodicity")
PURPOSE_KEYS = ("purpose_of_collecting_information", "purpose")
ISSUED_KEYS = ("issued", "dct_issued")
IDENTIFIER_MAX = 100
_HEX64 = re.compile(r"^(?:sha256:)?([0-9a-f]{64})$", re.IGNORECASE)
_CODE_IN_TEXT = re.compile(r"(?<!\d)(\d{8})(?!\d)")


@dataclass(frozen=True)
class IncomingFile:
    remote_id: str
    name: str
    description: str
    format: str  # upper case; "" when the source does not say
    url: str
    size: int | None
    #: The source's hash when it is a SHA-256 (ours and data.gov.ua's are); "" otherwise.
    sha256: str
    #: Our own structure file («Структура набору даних»): not data.
    structure: bool = False

    @property
    def known_format(self) -> bool:
        return not self.format or self.format in RECOMMENDED_FORMATS or \
            self.format in MORE_FORMATS


@dataclass
class Incoming:
    """One package as a passport; empty strings where the package says nothing usable."""

    remote_id: str
    remote_name: str
    #: The identifier the package carries (ours, pushed as `identifier`); "" when none.
    identifier: str
    title: str
    description: str
    purpose: str
    periodicity: str
    language: str
    keywords: list[str]
    groups: list[tuple[str, str]]  # (name, title)
    maintainer: str
    maintainer_email: str
    owner_name: str
    owner_code: str  # valid ЄДРПОУ or ""
    public: bool
    moderation: str  # polling.Moderation value, "" when the portal does not moderate
    published_on: dt.date | None
    modified: dt.datetime | None
    files: list[IncomingFile]
    package: dict[str, Any]
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def published(self) -> bool:
        """Published on the source: public, and not waiting for (or refused by) a moderator."""
        return self.public and self.moderation in ("", Moderation.PUBLISHED,
                                                   Moderation.APPROVED)


def _extras(package: dict[str, Any]) -> dict[str, Any]:
    return {e.get("key"): e.get("value") for e in package.get("extras") or []
            if isinstance(e, dict)}


def _text(value: Any) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    return str(value).strip()


def _first(package: dict[str, Any], extras: dict[str, Any], names: tuple[str, ...]) -> str:
    for name in names:
        for source in (package, extras):
            value = _text(source.get(name))
            if value:
                return value
    return ""


def periodicity(value: str) -> str:
    """Our code for the portal's code, an official label, a plain word or a DCAT URI."""
    found = periodicity_from_text(value)
    if found:
        return found
    word = value.strip().lower().rsplit("/", 1)[-1].replace("-", "_")
    return FREQUENCY_ALIASES.get(word) or FREQUENCY_ALIASES.get(word.replace("_", " ")) or ""


def language(value: str) -> str:
    word = value.strip().lower()
    if not word:
        return ""
    return LANGUAGES.get(word, word[:8] if re.fullmatch(r"[a-z]{2,3}(-[a-z]{2})?", word)
                         else "")


def keyword(word: str) -> str:
    """As the registry stores a keyword: single-spaced, lower case, at most 100 letters."""
    return " ".join(str(word).split()).strip(" ,;").lower()[:100]


def _keywords(package: dict[str, Any], extras: dict[str, Any]) -> list[str]:
    words = [t.get("name") or t.get("display_name") or "" for t in package.get("tags") or []
             if isinstance(t, dict) and not t.get("vocabulary_id")]
    if not words:
        words = re.split(r"[,;]", _first(package, extras, ("tag_string", "keywords")))
    return list(dict.fromkeys(k for k in (keyword(w) for w in words) if k))


def _code(package: dict[str, Any], extras: dict[str, Any], notes: list[str]) -> str:
    """The owner's ЄДРПОУ: the package's extras, the organisation's, or a valid code written
    in the maintainer's or author's fields."""
    org = package.get("organization") or {}
    for raw in (_first(package, extras, CODE_KEYS), _first(org, _extras(org), CODE_KEYS)):
        code = raw.zfill(8) if raw.isdigit() and 5 <= len(raw) < 8 else raw
        if not code or code.lower() == "null":
            continue
        if is_valid_edrpou(code):
            return code
        notes.append(_("ЄДРПОУ “%(code)s” in the package is not a valid code; the owner is "
                       "matched by its name.") % {"code": raw})
        return ""
    for key in ("maintainer", "author"):
        for candidate in _CODE_IN_TEXT.findall(_text(package.get(key))):
            if is_valid_edrpou(candidate):
                return candidate
    return ""


def _owner_name(package: dict[str, Any], extras: dict[str, Any]) -> str:
    org = package.get("organization") or {}
    return " ".join((_first(package, extras, PUBLISHER_KEYS) or _text(org.get("title"))
                     or _text(org.get("name"))).split())


def _hash(value: Any) -> str:
    match = _HEX64.match(_text(value))
    return match.group(1).lower() if match else ""


def _format(resource: dict[str, Any], url: str) -> str:
    declared = _text(resource.get("format")).upper().lstrip(".")
    if "/" in declared:  # a media type, e.g. text/csv
        declared = declared.rsplit("/", 1)[-1]
    if declared:
        return {"JPEG": "JPG", "YML": "YAML", "HTM": "HTML"}.get(declared, declared)
    suffix = PurePosixPath(unquote(urlsplit(url).path)).suffix.lstrip(".").upper()
    return suffix


def _size(value: Any) -> int | None:
    try:
        size = int(value)
    except (TypeError, ValueError):
        return None
    return size if size >= 0 else None


def _files(package: dict[str, Any]) -> list[IncomingFile]:
    files = []
    for resource in package.get("resources") or []:
        if not isinstance(resource, dict) or resource.get("state") == "deleted":
            continue
        url = _text(resource.get("url"))
        name = " ".join(_text(resource.get("name")).split())
        files.append(IncomingFile(
            remote_id=_text(resource.get("id")), name=name[:254],
            description=_text(resource.get("description")), format=_format(resource, url),
            url=url, size=_size(resource.get("size")),
            sha256=_hash(resource.get("hash") or resource.get("file_hash_sum")),
            structure=name == mapping.STRUCTURE_NAME))
    return files


def _date(value: Any) -> dt.date | None:
    moment = mapping.parse_timestamp(value)
    return timezone.localtime(moment).date() if moment else None


def _identifier(package: dict[str, Any], extras: dict[str, Any]) -> str:
    value = " ".join(_first(package, extras, ("identifier",)).split())
    return value if len(value) <= IDENTIFIER_MAX else ""


def read_package(package: dict[str, Any]) -> Incoming:
    extras = _extras(package)
    notes: list[str] = []
    problems: list[str] = []
    title = " ".join(_text(package.get("title")).split()) or _text(package.get("name"))
    if len(title) > mapping.TITLE_MAX:
        notes.append(_("The title is longer than 254 characters; it is cut."))
        title = title[:mapping.TITLE_MAX]
    description = _text(package.get("notes"))
    if len(description) > DESCRIPTION_MAX:
        notes.append(_("The description is longer than 4000 characters; it is cut."))
        description = description[:DESCRIPTION_MAX]
    purpose = _first(package, extras, PURPOSE_KEYS)[:PURPOSE_MAX]
    raw_frequency = _first(package, extras, FREQUENCY_KEYS)
    frequency = periodicity(raw_frequency) if raw_frequency else ""
    if raw_frequency and not frequency:
        notes.append(_("The update frequency “%(value)s” is not one of the portal's; it is not "
                       "taken.") % {"value": raw_frequency})
    raw_language = _first(package, extras, ("language",))
    groups = [(_text(g.get("name")), _text(g.get("title") or g.get("display_name")))
              for g in package.get("groups") or [] if isinstance(g, dict)]
    if not title:
        problems.append(_("The package has no title."))
    if package.get("state") not in (None, "", "active"):
        problems.append(_("The package is deleted or a draft on the source."))
    answer = polling.portal_answer(package)
    return Incoming(
        remote_id=_text(package.get("id")), remote_name=_text(package.get("name")),
        identifier=_identifier(package, extras), title=title, description=description,
        purpose=purpose, periodicity=frequency,
        language=language(raw_language), keywords=_keywords(package, extras), groups=groups,
        maintainer=" ".join(_text(package.get("maintainer")).split()),
        maintainer_email=_text(package.get("maintainer_email")).lower(),
        owner_name=_owner_name(package, extras)[:255], owner_code=_code(package, extras, notes),
        public=not package.get("private") and package.get("state", "active") == "active",
        moderation=answer.status if answer.explicit else "",
        published_on=(_date(_first(package, extras, ISSUED_KEYS))
                      or _date(package.get("metadata_created"))),
        modified=mapping.parse_timestamp(package.get("metadata_modified")),
        files=_files(package), package=package, notes=notes, problems=problems)
