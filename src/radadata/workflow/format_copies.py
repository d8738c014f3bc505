"""«One file, every format»: the clerk uploads one table and its other formats (CSV, XLSX,
JSON) are generated from it, so they never drift apart; and, where a dataset holds hand-made
files of the same table in other formats, the submission warns that they are older.

A generated file is a resource of its own (its versions downloadable as any other), linked to
its source by a FormatCopy. Each new version of the source makes a new version of every copy in
the same transaction (registry.hooks.on_version_added), marked in its note as generated from
that version, so all formats of one table carry the same data, are checked by the same checks
and go out with the same submission.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass
from pathlib import PurePath

from django.db import transaction
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.core import audit
from radadata.core.errors import Conflict
from radadata.registry import access, formats
from radadata.registry.models import Resource, ResourceVersion
from radadata.registry.services import resources as resource_services
from radadata.workflow.models import FormatCopy

logger = logging.getLogger(__name__)

#: Larger tables are not converted while the upload waits; their copies say they are older.
MAX_BYTES = 20 * 1024 * 1024
#: How a generated version's note begins (stored data, shown on the public page as well).
GENERATED = "Створено автоматично"


def _schema(resource: Resource) -> dict | None:
    structure = getattr(resource.dataset, "structure", None)
    return structure.schema if structure is not None else None


def _read(version: ResourceVersion) -> formats.Table:
    with version.file.open("rb") as handle:
        return formats.read_table(handle.read(), version.format)


def _note(source: ResourceVersion) -> str:
    return (f"{GENERATED} з «{source.original_name}» "
            f"(«{source.resource.title}», версія {source.number})")


def is_generated(version: ResourceVersion) -> bool:
    return version.note.startswith(GENERATED)


def _generate(source: ResourceVersion, table: formats.Table, *, by: User | None,
              at: dt.datetime) -> list[ResourceVersion]:
    stem = PurePath(source.original_name).stem or "data"
    schema = _schema(source.resource)
    made = []
    for copy in FormatCopy.objects.filter(source=source.resource).select_related("resource"):
        data = formats.render(table, copy.format, schema)
        made.append(resource_services.version_add(
            resource=copy.resource, stream=io.BytesIO(data),
            filename=f"{stem}.{formats.EXTENSIONS[copy.format]}", by=by, at=at,
            note=_note(source)))
    return made


def _same_table(version: ResourceVersion | None, header: list[str]) -> bool:
    if version is None or version.format.upper() not in formats.TABLE_FORMATS:
        return False
    if version.size > MAX_BYTES:
        return False
    try:
        return _read(version).header == header
    except formats.NotATable:
        return False


@transaction.atomic
def format_copies_enable(*, resource: Resource, by: User | None, at: dt.datetime
                         ) -> list[ResourceVersion]:
    """Publish the resource's table in every format from now on: a file per other format (a
    hand-made one of the same columns is taken over, otherwise a new one), each filled now
    from the newest version and again from every later one."""
    access.require_dataset_edit(by, resource.dataset)
    if FormatCopy.objects.filter(resource=resource).exists():
        raise Conflict(_("This file is itself generated from another one: upload the table "
                         "there."))
    source = resource.current_version
    if source is None:
        raise Conflict(_("Upload the table first."))
    fmt = source.format.upper()
    if fmt not in formats.TABLE_FORMATS:
        raise Conflict(_("Only a CSV, XLSX or JSON table can be published in every format."))
    table = _read(source)
    taken = set(FormatCopy.objects.filter(source=resource).values_list("format", flat=True))
    others = [r for r in resource.dataset.resources.exclude(pk=resource.pk)
              .filter(format_copy__isnull=True, format_copies__isnull=True)]
    for target in formats.TABLE_FORMATS:
        if target == fmt or target in taken:
            continue
        adopted = next((r for r in others if (v := r.current_version) is not None
                        and v.format.upper() == target and _same_table(v, table.header)), None)
        if adopted is not None:
            others.remove(adopted)
        copy = adopted or resource_services.resource_create(
            dataset=resource.dataset, title=f"{resource.title} ({target})",
            description=resource.description, by=by, at=at)
        FormatCopy.objects.create(resource=copy, source=resource, format=target, created_at=at)
    made = _generate(source, table, by=by, at=at)
    audit.record(actor=by, action="resource.every_format", obj=resource, at=at,
                 note=", ".join(v.original_name for v in made))
    return made


def on_version_added(version: ResourceVersion, *, at: dt.datetime) -> None:
    """registry.hooks: a new version of a source table makes new versions of its copies."""
    if is_generated(version) or not FormatCopy.objects.filter(source=version.resource_id
                                                              ).exists():
        return
    if version.format.upper() not in formats.TABLE_FORMATS or version.size > MAX_BYTES:
        return  # its copies stay as they were; the submission warns that they are older
    try:
        table = _read(version)
    except formats.NotATable:
        logger.info("Version %s is not a table: its other formats are not generated.",
                    version.pk)
        return  # the checks tell the clerk what is wrong with the file
    _generate(version, table, by=version.uploaded_by, at=at)


# The warning at submission ----------------------------------------------------------------

@dataclass(frozen=True)
class OlderFormat:
    """A hand-made file of the same table in another format that the submission leaves out."""

    version: ResourceVersion
    newer: ResourceVersion


def older_formats(versions: list[ResourceVersion]) -> list[OlderFormat]:
    """Files of the dataset in another table format, of the same columns as a file the
    submission brings, that the submission does not update: the public page would show them
    older than the new one."""
    tables = [v for v in versions if v.format.upper() in formats.TABLE_FORMATS
              and v.size <= MAX_BYTES]
    if not tables:
        return []
    dataset = tables[0].resource.dataset
    brought = {v.resource_id for v in versions}
    headers: dict[int, list[str]] = {}
    for version in tables:
        try:
            headers[version.pk] = _read(version).header
        except formats.NotATable:
            continue
    older = []
    for resource in dataset.resources.exclude(pk__in=brought):
        current = resource.current_version
        for version in tables:
            if (version.pk in headers and current is not None
                    and current.format.upper() != version.format.upper()
                    and _same_table(current, headers[version.pk])):
                older.append(OlderFormat(version=current, newer=version))
                break
    return older
