"""What importing one package would do: the dry run's line for it, and what applying needs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from radadata.registry.imports.plan import KEEP
from radadata.registry.models import Dataset, Resource, ResourceVersion

from .parties import NewOwner, NewPerson, OwnerRef, PersonRef
from .reverse import Incoming, IncomingFile

CREATE = "create"
UPDATE = "update"
UNCHANGED = "unchanged"
SKIP = "skip"
ACTIONS = (CREATE, UPDATE, UNCHANGED, SKIP)
ACTION_LABELS = {
    CREATE: gettext_lazy("create"),
    UPDATE: gettext_lazy("update"),
    UNCHANGED: gettext_lazy("no change"),
    SKIP: gettext_lazy("skipped"),
}

FILE_NEW = "new"  # a new resource: the file becomes its first version
FILE_REPLACE = "replace"  # the source has other content: a new version
FILE_COMPARE = "compare"  # the source gives no SHA-256: downloaded, kept only if it differs
FILE_SAME = "same"
FILE_SKIP = "skip"
FILE_LABELS = {
    FILE_NEW: gettext_lazy("will be downloaded as the first version of a new file"),
    FILE_REPLACE: gettext_lazy("will be downloaded as a new version (the content differs)"),
    FILE_COMPARE: gettext_lazy("will be downloaded; a new version is added only if the "
                               "content differs"),
    FILE_SAME: gettext_lazy("the registry has this content already"),
    FILE_SKIP: gettext_lazy("not imported"),
}
DOWNLOADS = (FILE_NEW, FILE_REPLACE, FILE_COMPARE)


@dataclass
class FilePlan:
    incoming: IncomingFile
    action: str
    resource: Resource | None = None
    current: ResourceVersion | None = None
    reason: str = ""

    @property
    def downloads(self) -> bool:
        return self.action in DOWNLOADS

    @property
    def label(self) -> str:
        text = str(FILE_LABELS[self.action])
        return f"{text}: {self.reason}" if self.reason else text

    def line(self) -> str:
        name = self.incoming.name or self.incoming.remote_id
        fmt = f" ({self.incoming.format})" if self.incoming.format else ""
        return f"{name}{fmt}: {self.label}"


@dataclass
class PackagePlan:
    incoming: Incoming
    action: str = CREATE
    dataset: Dataset | None = None
    matched_by: str = ""
    owner: OwnerRef | None = None
    responsible: PersonRef | Any | None = KEEP  # None: the owner's responsible person
    new_person: NewPerson | None = None  # to register first (maybe as the owner's)
    fields: dict[str, Any] = field(default_factory=dict)  # service arguments
    keywords: list[str] | None = None
    themes: list[str] | None = None
    changes: list[str] = field(default_factory=list)  # what changes, in words
    publish_on: dt.date | None = None
    #: Keep the portal's ids in DatasetSync (the source is the connected portal).
    link: bool = False
    files: list[FilePlan] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # why it is skipped

    @property
    def title(self) -> str:
        return self.incoming.title or self.incoming.remote_name

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS[self.action])

    @property
    def new_owner(self) -> NewOwner | None:
        return self.owner if isinstance(self.owner, NewOwner) else None

    @property
    def owner_name(self) -> str:
        if self.dataset is not None:
            return str(self.dataset.owner)
        return self.owner.name if self.owner is not None else ""

    @property
    def downloads(self) -> list[FilePlan]:
        return [f for f in self.files if f.downloads]

    def lines(self) -> list[str]:
        """The dry run's text for one package (the command prints it)."""
        head = f"{self.action_label}: {self.title}"
        if self.incoming.remote_name:
            head += f" [{self.incoming.remote_name}]"
        lines = [head]
        if self.dataset is not None:
            lines.append("  " + _("dataset in the registry: %(name)s (matched by %(how)s)")
                         % {"name": self.dataset.name, "how": self.matched_by})
        elif self.owner is not None and self.action == CREATE:
            lines.append("  " + _("owner: %(owner)s") % {"owner": self.owner.name})
        lines += [f"  {_('why')}: {reason}" for reason in self.reasons]
        if self.changes:
            lines.append("  " + _("changes: %(fields)s") % {"fields": ", ".join(self.changes)})
        lines += [f"  {note}" for note in self.notes]
        lines += [f"  - {f.line()}" for f in self.files]
        return lines


@dataclass
class ImportReport:
    """The dry run of a whole source."""

    source_label: str
    plans: list[PackagePlan]
    linked: bool  # the connected portal: remote ids are kept for later pushes

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(ACTIONS, 0)
        for plan in self.plans:
            counts[plan.action] += 1
        return counts

    @property
    def new_owners(self) -> list[NewOwner]:
        return list({id(p.owner): p.owner for p in self.plans
                     if p.new_owner is not None and p.action == CREATE}.values())

    @property
    def downloads(self) -> int:
        return sum(len(p.downloads) for p in self.plans if p.action in (CREATE, UPDATE))

    @property
    def can_apply(self) -> bool:
        return any(p.action in (CREATE, UPDATE) for p in self.plans)
