"""What an import would do, row by row: the dry run's result and what applying it needs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

from radadata.accounts.models import User
from radadata.registry.models import Dataset, Owner

from .columns import LABELS
from .reading import Table

CREATE = "create"
UPDATE = "update"
UNCHANGED = "unchanged"
REJECT = "reject"
ACTIONS = (CREATE, UPDATE, UNCHANGED, REJECT)
ACTION_LABELS = {
    CREATE: _("create"),
    UPDATE: _("update"),
    UNCHANGED: _("no change"),
    REJECT: _("rejected"),
}


class _Keep:
    """Leave the stored value as it is (an update row without that column or with it empty)."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = _Keep()


@dataclass(frozen=True)
class Problem:
    """Why a row is rejected. `column` names the column as the clerk sees it: «publisherId» (J)."""

    field: str
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.column}: {self.message}"


@dataclass(eq=False)
class NewOwner:
    """An owner the file names that the registry does not know; created once, by its first row."""

    name: str
    edrpou: str
    kind: str
    first_row: int
    #: From the history columns: the kind as the file says it, the parent's name, the order.
    kind_given: bool = False
    parent_name: str = ""
    parent: Owner | NewOwner | None = None
    position: int = 0
    #: Registered on data.gov.ua in its own name (a legal entity with datasets on the portal).
    registered_on_portal: bool = False
    rows: list[int] = field(default_factory=list)  # the rows that name it


@dataclass(eq=False)
class NewPerson:
    """A contact person (by e-mail) the registry does not know; created once."""

    email: str
    last_name: str
    first_name: str
    patronymic: str
    first_row: int
    #: The owner whose responsible person they become (the owner had none), else None.
    responsible_for: Owner | NewOwner | None = None

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)


@dataclass(eq=False)
class RowOutcome:
    row: int
    action: str = CREATE
    identifier: str = ""
    title: str = ""
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)  # field keys that change
    # What applying needs:
    dataset: Dataset | None = None  # the stored dataset an update row changes
    fields: dict[str, Any] = field(default_factory=dict)  # service arguments (model names)
    keywords: list[str] | None = None
    owner: Owner | NewOwner | _Keep = KEEP
    responsible: User | NewPerson | _Keep | None = KEEP  # None: the owner's contact person
    published_on: dt.date | None = None
    # The history columns:
    uploaded_on: dt.date | None = None
    modified_on: dt.date | None = None
    portal_state: str = ""  # a PortalState value, "" when the file does not say
    on_list: bool | None = None
    warnings: list[str] = field(default_factory=list)  # applied anyway, but worth a look

    @property
    def has_history(self) -> bool:
        return bool(self.uploaded_on or self.modified_on or self.portal_state
                    or self.on_list)

    @property
    def rejected(self) -> bool:
        return self.action == REJECT

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS[self.action])

    @property
    def messages(self) -> list[str]:
        return [str(problem) for problem in self.problems]

    @property
    def change_labels(self) -> list[str]:
        return [str(LABELS.get(key, key)) for key in self.changes]


@dataclass
class ImportPlan:
    table: Table
    mapping: list[str | None]
    rows: list[RowOutcome] = field(default_factory=list)
    new_owners: list[NewOwner] = field(default_factory=list)
    new_people: list[NewPerson] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(ACTIONS, 0)
        for outcome in self.rows:
            counts[outcome.action] += 1
        return counts

    @property
    def rejected(self) -> list[RowOutcome]:
        return [outcome for outcome in self.rows if outcome.rejected]

    @property
    def can_apply(self) -> bool:
        return bool(self.rows) and not self.rejected

    @property
    def good_rows(self) -> list[RowOutcome]:
        return [outcome for outcome in self.rows if not outcome.rejected]

    @property
    def can_apply_good_rows(self) -> bool:
        """Some rows are rejected and some are not: the good ones may be applied alone."""
        return bool(self.rejected) and bool(self.good_rows)

    @property
    def warnings(self) -> list[tuple[int, str]]:
        return [(outcome.row, warning) for outcome in self.rows
                for warning in outcome.warnings]
