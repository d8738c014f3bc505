"""Our passport as the portal's package, and our files as its resources.

The fields are those data.gov.ua validates (REGULATION-NOTES §4.2): the dgua extras
(purpose_of_collecting_information, update_frequency, language, tag_string) go as top-level
keys, which CKAN's dataset schema stores as extras. The same fields, read back from a
package (top level or `extras`, `tags` for tag_string), are what the dry run and the drift
check compare.

`Outgoing.fingerprint` hashes everything we would send: equal to the sync's pushed_hash means
the portal already has it. The structure file (CSVW JSON, the portal's recommended form) is
generated only when it must be uploaded; its change is seen from its source (the stored
schema, or the file it is inferred from), so the list page never reads a file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from radadata.catalog import preview
from radadata.catalog.structure import as_csvw, dataset_structure
from radadata.core.text import latin_slug
from radadata.portal_sync import selectors
from radadata.portal_sync.models import PortalConnection
from radadata.registry.models import Council, Dataset, ResourceVersion, Structure
from radadata.registry.selectors import contact_point, responsible_by_owner

NAME_MAX = 100
TITLE_MAX = 254
STRUCTURE_KEY = "structure"
#: The structure's resource on the portal (data, not a message: it is the same in any language).
STRUCTURE_NAME = "Структура набору даних"
STRUCTURE_DESCRIPTION = "Структура набору даних у форматі W3C CSVW (JSON)."

#: The package fields a push manages, in the order the dry run lists them. Where the portal
#: keeps each (top level or extras) is layout.Layout's business.
FIELDS = ("title", "notes", "tag_string", "maintainer", "maintainer_email", "owner_org",
          "purpose_of_collecting_information", "update_frequency", "language", "license_id",
          "url", "author", "publisher_name", "publisher_identifier", "identifier", "issued")
#: What the portal requires filled (its ckanext-dgua schema: not_empty).
REQUIRED = {
    "title": gettext_lazy("title"),
    "notes": gettext_lazy("description"),
    "tag_string": gettext_lazy("keywords"),
    "purpose_of_collecting_information": gettext_lazy("legal basis and purpose of collection"),
    "update_frequency": gettext_lazy("update frequency"),
    "language": gettext_lazy("language"),
}


def council_prefix(council: Council) -> str:
    return latin_slug(council.short_name or council.name or "rada", max_length=40)


def package_name(dataset: Dataset, council: Council) -> str:
    """Lowercase Latin, ≤ 100: the council, then our own unique slug of the title (so two
    datasets of the same title never share a package). Too long: cut, and a hash of the
    identifier keeps it unique and the same on every push."""
    name = latin_slug(f"{council_prefix(council)} {dataset.name}", max_length=10_000)
    if len(name) > NAME_MAX:
        digest = hashlib.sha256(dataset.identifier.encode()).hexdigest()[:8]
        name = f"{name[:NAME_MAX - 9].rstrip('-')}-{digest}"
    return name


@dataclass(frozen=True)
class FileToSend:
    key: str  # the resource's pk as text, or STRUCTURE_KEY
    name: str
    description: str
    format: str
    filename: str
    #: A data file: its SHA-256. The structure: a hash of its source (see the module doc).
    sha256: str
    version: ResourceVersion | None = None
    build: Callable[[], bytes] | None = None

    def open(self) -> IO[bytes]:
        if self.version is not None:
            return self.version.file.open("rb")
        return io.BytesIO(self.build() if self.build else b"")

    def content_sha256(self) -> str:
        """The SHA-256 of the bytes sent (for the structure: of the file built now)."""
        if self.version is not None:
            return self.sha256
        return hashlib.sha256(self.build() if self.build else b"").hexdigest()

    def summary(self) -> list[str]:
        return [self.key, self.name, self.description, self.format, self.sha256]


@dataclass(frozen=True)
class Outgoing:
    dataset: Dataset
    name: str
    fields: dict[str, str]
    files: list[FileToSend]
    problems: list[str] = field(default_factory=list)
    #: What the portal gets differently from the passport (keywords rewritten for CKAN).
    notes: list[str] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        document = {"fields": self.fields, "files": [f.summary() for f in self.files]}
        return hashlib.sha256(json.dumps(document, sort_keys=True,
                                         ensure_ascii=False).encode()).hexdigest()


def _structure_source(dataset: Dataset, versions: list[ResourceVersion]) -> str:
    """What the structure file is made from, hashed: the stored schema, else the first
    tabular file (as catalog.structure infers it); "" when there is none."""
    try:
        stored = dataset.structure
    except Structure.DoesNotExist:
        stored = None
    if stored is not None and (stored.schema or {}).get("fields"):
        text = json.dumps(stored.schema, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()
    for version in versions:
        if preview.is_tabular(version):
            return hashlib.sha256(f"inferred:{version.sha256}".encode()).hexdigest()
    return ""


def _structure_file(dataset: Dataset, versions: list[ResourceVersion]) -> FileToSend | None:
    source = _structure_source(dataset, versions)
    if not source:
        return None

    def build() -> bytes:
        structure = dataset_structure(dataset, versions)
        document = as_csvw(structure) if structure else {}
        return json.dumps(document, ensure_ascii=False, indent=2).encode()

    return FileToSend(key=STRUCTURE_KEY, name=STRUCTURE_NAME, description=STRUCTURE_DESCRIPTION,
                      format="JSON", filename="structure.csvw.json", sha256=source, build=build)


def _tags(dataset: Dataset) -> tuple[str, list[str]]:
    """The keywords as the portal's tag_string, and a note per keyword the portal gets
    differently."""
    # The API's dicts import the search (and numpy): when a dataset is mapped, not at start-up.
    from radadata.api.ckan.dicts import portal_tag

    tags, notes = [], []
    for keyword in dataset.keywords.all():
        tag = portal_tag(keyword.name)
        if tag != keyword.name:
            notes.append(_("The keyword “%(word)s” goes to the portal as “%(tag)s” (the portal "
                           "accepts only letters, digits, spaces, “-”, “_” and “.”).")
                         % {"word": keyword.name, "tag": tag} if tag else
                         _("The keyword “%(word)s” is not sent: the portal refuses it (too short "
                           "or no letters).") % {"word": keyword.name})
        if tag and tag not in tags:
            tags.append(tag)
    return ",".join(tags), notes


def _issued(dataset: Dataset) -> str:
    first = dataset.first_published_at
    return timezone.localdate(first).isoformat() if first else ""


#: Sent only when we know them (an empty one is not a change to make on the portal).
OPTIONAL = ("publisher_identifier", "issued")


def _fields(dataset: Dataset, conn: PortalConnection, contacts: dict,
            tag_string: str) -> dict[str, str]:
    from radadata.api.ckan.dicts import LICENSE, PURPOSE_MAX  # see _tags

    contact = contact_point(dataset, contacts)
    fields = {
        "title": dataset.title[:TITLE_MAX],
        "notes": dataset.description,
        "tag_string": tag_string,
        "maintainer": contact.full_name if contact else "",
        "maintainer_email": contact.email if contact else "",
        "owner_org": conn.organization,
        "purpose_of_collecting_information": dataset.purpose[:PURPOSE_MAX],
        "update_frequency": dataset.periodicity,
        "language": dataset.language or "uk",
        "license_id": LICENSE["id"],
        "url": dataset.landing_page,
        # What an import needs to rebuild the registry: the owner, our identifier, the date.
        "author": dataset.owner.name,
        "publisher_name": dataset.owner.name,
        "publisher_identifier": dataset.owner.edrpou or "",
        "identifier": dataset.identifier,
        "issued": _issued(dataset),
    }
    return {key: value for key, value in fields.items() if value or key not in OPTIONAL}


def _problems(fields: dict[str, str]) -> list[str]:
    return [_("Fill in the %(field)s: the portal requires it.") % {"field": label}
            for key, label in REQUIRED.items() if not str(fields.get(key) or "").strip()]


def outgoing(datasets: list[Dataset], conn: PortalConnection) -> dict[int, Outgoing]:
    """What a push would send for each dataset (from selectors.datasets_for_push), in a few
    queries for the whole list."""
    council = Council.current()
    contacts = responsible_by_owner()
    files_by_dataset = selectors.sendable_versions(d.pk for d in datasets)
    result = {}
    for dataset in datasets:
        versions = list(files_by_dataset.get(dataset.pk, {}).values())
        files = [FileToSend(key=str(v.resource_id), name=v.resource.title,
                            description=v.resource.description, format=v.format,
                            filename=v.original_name, sha256=v.sha256, version=v)
                 for v in versions]
        structure = _structure_file(dataset, versions)
        if structure is not None:
            files.append(structure)
        tag_string, notes = _tags(dataset)
        fields = _fields(dataset, conn, contacts, tag_string)
        result[dataset.pk] = Outgoing(dataset=dataset, name=package_name(dataset, council),
                                      fields=fields, files=files, problems=_problems(fields),
                                      notes=notes)
    return result


def outgoing_one(dataset: Dataset, conn: PortalConnection) -> Outgoing:
    [loaded] = selectors.datasets_for_push([dataset.pk])
    return outgoing([loaded], conn)[loaded.pk]


# Reading a package back ------------------------------------------------------------------------

def parse_timestamp(value: Any) -> dt.datetime | None:
    """CKAN's timestamps (ISO 8601, UTC, usually without an offset)."""
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _text(value: Any) -> str:
    if value is None:
        return ""
    return str(value).strip()


def remote_fields(package: dict[str, Any], *, organization: str = "") -> dict[str, str]:
    """The managed fields of a portal package, wherever the portal keeps them. The portal
    answers owner_org with its id: `organization` (ours, an id or a name) stands for it when
    it names the same organisation."""
    extras = {e.get("key"): e.get("value") for e in package.get("extras") or []
              if isinstance(e, dict)}
    values = {}
    for key in FIELDS:
        value = package.get(key)
        if value in (None, "") and key in extras:
            value = extras[key]
        values[key] = _text(value)
    org = package.get("organization") or {}
    if organization and organization in {values["owner_org"], org.get("id"), org.get("name")}:
        values["owner_org"] = organization
    if not values["tag_string"] and package.get("tags"):
        values["tag_string"] = ",".join(t.get("name", "") for t in package["tags"])
    return values


def same(key: str, ours: Any, theirs: Any) -> bool:
    """Equal as the portal means it: keywords in any order, blanks trimmed."""
    if key == "tag_string":
        def words(value: Any) -> list[str]:
            return sorted(w.strip() for w in _text(value).split(",") if w.strip())
        return words(ours) == words(theirs)
    return _text(ours) == _text(theirs)


def field_changes(ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, list[str]]:
    """{field: [ours, theirs]} for each managed field that differs."""
    return {key: [_text(ours.get(key)), _text(theirs.get(key))] for key in FIELDS
            if key in ours and not same(key, ours.get(key), theirs.get(key))}
