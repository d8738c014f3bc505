"""The dry run: what a push would change on the portal, per dataset, before anything is sent.

Only reads the portal (package_show): a field-by-field diff of the package's metadata (ours
against the portal's current package) and, per file, whether it would be created, replaced or
left as it is. Drift (hand edits on the portal) is shown too, since a push would stop at it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from radadata.core.errors import DomainError
from radadata.portal_sync import drift, mapping, selectors
from radadata.portal_sync.client import FIELD_LABELS, PortalClient
from radadata.portal_sync.layout import Layout
from radadata.portal_sync.models import DatasetSync, PortalConnection
from radadata.registry.models import Dataset


@dataclass(frozen=True)
class FieldChange:
    key: str
    label: str
    ours: str
    theirs: str


@dataclass(frozen=True)
class FileAction:
    name: str
    filename: str
    action: str  # "create", "replace" or "keep"

    @property
    def label(self) -> str:
        return {"create": _("will be uploaded (new on the portal)"),
                "replace": _("will be uploaded (replaces the portal's file)"),
                "keep": _("unchanged, not sent")}[self.action]


@dataclass
class DryRun:
    dataset: Dataset
    package_name: str
    exists: bool
    fields: list[FieldChange] = field(default_factory=list)
    files: list[FileAction] = field(default_factory=list)
    drift: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    #: Warnings that do not stop the push (a keyword the portal gets rewritten).
    notes: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def changes(self) -> bool:
        return bool(self.fields) or any(f.action != "keep" for f in self.files)

    def lines(self) -> Iterator[str]:
        """The dry run as text, for the command line."""
        head = (_("create") if not self.exists
                else _("update") if self.changes else _("nothing to send"))
        yield f"{self.dataset.title} → {self.package_name} ({head})"
        if self.error:
            yield "  ! " + self.error
            return
        for problem in self.problems:
            yield "  ! " + problem
        for note in self.notes:
            yield "  ~ " + note
        if self.drift:
            yield "  ! " + _("changed on the portal by hand; a push needs --force")
            for key, (sent, theirs) in self.drift.get("fields", {}).items():
                yield f"    {FIELD_LABELS.get(key, key)}: {sent!r} → {theirs!r}"
        for change in self.fields:
            yield f"  {change.label}: {change.theirs!r} → {change.ours!r}"
        for item in self.files:
            yield f"  {item.name} ({item.filename}): {item.label}"
        if not self.changes and not self.problems:
            yield "  " + _("nothing to send")


def _file_actions(out: mapping.Outgoing, sync: DatasetSync | None,
                  package: dict | None) -> list[FileAction]:
    remote = {r.get("id"): r for r in (package or {}).get("resources") or []}
    stored = sync.resources if sync is not None and package is not None else {}
    result = []
    for file in out.files:
        entry = stored.get(file.key)
        if entry and entry.get("id") in remote:
            same = all(entry.get(k) == getattr(file, k)
                       for k in ("sha256", "name", "description", "format"))
            action = "keep" if same else "replace"
        else:
            action = "create"
        result.append(FileAction(name=file.name, filename=file.filename, action=action))
    return result


def dry_run(dataset: Dataset, *, conn: PortalConnection, client: PortalClient,
            out: mapping.Outgoing | None = None) -> DryRun:
    out = out or mapping.outgoing_one(dataset, conn)
    sync = selectors.sync_of(dataset)
    result = DryRun(dataset=dataset, package_name=(sync.remote_name if sync and sync.remote_name
                                                   else out.name),
                    exists=False, problems=list(out.problems), notes=list(out.notes))
    try:
        package = None
        if sync is not None and sync.remote_id:
            package = client.show_or_none("package_show", id=sync.remote_id)
            if package is None:
                result.drift = drift.deleted()
        if package is None and not result.drift:
            package = client.show_or_none("package_show", id=result.package_name)
    except DomainError as error:
        result.error = error.message
        return result
    result.exists = package is not None
    theirs = (mapping.remote_fields(package, organization=conn.organization) if package
              else {})
    result.fields = [FieldChange(key=key, label=str(FIELD_LABELS.get(key, key)), ours=ours,
                                 theirs=theirs)
                     for key, (ours, theirs) in mapping.field_changes(
                         Layout.from_stored(conn.layout).kept(out.fields), theirs).items()]
    if package is not None and package.get("state") == "deleted":
        result.drift = drift.deleted()
    elif package is not None and sync is not None:
        result.drift = drift.detect(sync, package)
    result.files = _file_actions(out, sync, package)
    return result


def dry_run_many(datasets: list[Dataset], *, conn: PortalConnection,
                 client: PortalClient) -> Iterator[DryRun]:
    loaded = selectors.datasets_for_push(d.pk for d in datasets)
    outgoing = mapping.outgoing(loaded, conn)
    for dataset in loaded:
        yield dry_run(dataset, conn=conn, client=client, out=outgoing[dataset.pk])
