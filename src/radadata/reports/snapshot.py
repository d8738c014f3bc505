"""The registry as it stood when a day ended: what reports and indicators count.

Nothing here reads "now". Publication dates come from the datasets and from the versions'
`published_at`; the workflow state of a dataset from its submissions' events; a field that
may have changed since (a dataset's periodicity, an owner's portal registration) from the
audit log, which records every change with its old and new value. What the registry keeps no
history of (a dataset's owner, its passport texts, approved-list entries removed since) is
taken as it is now; docs/reports.md says so.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Q

from radadata.core.calendar import WorkingCalendar, default_calendar
from radadata.core.models import AuditEntry
from radadata.registry.models import (
    ApprovedListItem,
    Dataset,
    DatasetFact,
    Owner,
    ResourceVersion,
)
from radadata.registry.vocabularies import OwnerKind
from radadata.reports.periods import local_date, moment_after
from radadata.reports.schedule import change_due, next_due
from radadata.reports.wording import sort_key
from radadata.workflow.models import Kind, Submission, SubmissionEvent
from radadata.workflow.states import State

#: Workflow states as the reports group them (the letter's four portal dates, §6.13).
MODERATION = frozenset({State.UPLOADED, State.PORTAL_APPROVED})
IN_REVIEW = frozenset({State.CHECKING, State.RECEIVED, State.ACCEPTED})
RETURNED = frozenset({State.RETURNED})
REJECTED = frozenset({State.PORTAL_REJECTED})


#: Audit actions that give an object its first values (see values_as_of).
INITIAL_ACTIONS = frozenset({"owner.created", "dataset.registered",
                             "dataset.history_imported"})
#: Imported dated facts (registry.DatasetFact) as the workflow states live use records.
FACT_STATES = {"uploaded": State.UPLOADED, "rejected": State.PORTAL_REJECTED}


@dataclass(frozen=True)
class OwnerAsOf:
    pk: int
    name: str
    short_name: str
    slug: str
    kind: str
    managing_owner_id: int | None
    registered_on_portal: bool
    is_active: bool
    position: int = 0  # the council's order (0: not set)
    parent_id: int | None = None

    @property
    def is_enterprise(self) -> bool:
        return self.kind == OwnerKind.ENTERPRISE


@dataclass(frozen=True)
class DatasetAsOf:
    pk: int
    title: str
    owner_id: int
    data_type: str
    periodicity: str
    created_on: dt.date
    first_published_at: dt.datetime | None  # only if before the moment
    publications: tuple[dt.datetime, ...]  # when its files were made public, oldest first
    formats: tuple[str, ...]  # of its public files (newest version of each resource)
    due: dt.date | None
    overdue: bool
    state: str  # of its latest submission ("" if none)

    @property
    def published(self) -> bool:
        return self.first_published_at is not None

    def updated_between(self, start: dt.datetime, end: dt.datetime) -> bool:
        """Files made public in [start, end) after the first publication: an update."""
        first = self.first_published_at
        return any(start <= moment < end and first is not None and moment > first
                   for moment in self.publications)


@dataclass(frozen=True)
class ItemAsOf:
    pk: int
    title: str
    position: int
    owner_id: int | None
    dataset_id: int | None


@dataclass
class Snapshot:
    as_of: dt.date
    moment: dt.datetime
    owners: dict[int, OwnerAsOf]
    datasets: dict[int, DatasetAsOf]
    items: list[ItemAsOf]
    _by_owner: dict[int, list[DatasetAsOf]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        by_owner: dict[int, list[DatasetAsOf]] = defaultdict(list)
        for dataset in self.datasets.values():
            by_owner[dataset.owner_id].append(dataset)
        self._by_owner = dict(by_owner)

    def datasets_of(self, owner_id: int) -> list[DatasetAsOf]:
        return self._by_owner.get(owner_id, [])

    def items_of(self, owner_id: int) -> list[ItemAsOf]:
        return [item for item in self.items if item.owner_id == owner_id]

    def item_published(self, item: ItemAsOf) -> bool:
        dataset = self.datasets.get(item.dataset_id) if item.dataset_id else None
        return bool(dataset and dataset.published)

    def owners_in_order(self) -> list[OwnerAsOf]:
        """As councils list them: by the order the officer set (Owner.position); an owner
        without one follows the body it is under; where no order is set at all, the
        executive bodies, then the enterprises, by name."""

        def key(owner: OwnerAsOf) -> tuple:
            return (owner.position == 0, owner.position, owner.is_enterprise,
                    sort_key(owner.name))

        placed = sorted((o for o in self.owners.values()
                         if o.position or o.parent_id not in self.owners), key=key)
        followers: dict[int, list[OwnerAsOf]] = defaultdict(list)
        for owner in self.owners.values():
            if not owner.position and owner.parent_id in self.owners:
                followers[owner.parent_id].append(owner)
        ordered: list[OwnerAsOf] = []
        seen: set[int] = set()

        def add(owner: OwnerAsOf) -> None:
            if owner.pk in seen:
                return
            seen.add(owner.pk)
            ordered.append(owner)
            for unit in sorted(followers.get(owner.pk, []), key=key):
                add(unit)

        for owner in placed:
            add(owner)
        # Owners in a circle of parents (the services refuse one) still appear, at the end.
        for owner in sorted(self.owners.values(), key=key):
            add(owner)
        return ordered

    def published(self) -> list[DatasetAsOf]:
        return [d for d in self.datasets.values() if d.published]


def take_snapshot(*, as_of: dt.date, owner_ids: Collection[int] | None = None,
                  calendar: WorkingCalendar | None = None) -> Snapshot:
    """The registry at the end of `as_of` (Kyiv time); `owner_ids` narrows it to some owners."""
    moment = moment_after(as_of)
    calendar = calendar or default_calendar()
    owners = _owners(moment, owner_ids)
    datasets = _datasets(moment, as_of, owner_ids, calendar)
    items = _items(moment, owner_ids)
    return Snapshot(as_of=as_of, moment=moment, owners=owners, datasets=datasets, items=items)


def values_as_of(object_type: str, field_name: str, moment: dt.datetime,
                 current: dict[int, Any]) -> dict[int, Any]:
    """Each object's value of `field_name` at `moment`, from the audit log's old and new values
    (the current value when the log never recorded the field)."""
    entries = (AuditEntry.objects.filter(object_type=object_type, changes__has_key=field_name)
               .order_by("at", "id").values_list("object_id", "at", "changes", "action"))
    if len(current) < 500:
        entries = entries.filter(object_id__in=[str(pk) for pk in current])
    before: dict[int, Any] = {}
    after: dict[int, Any] = {}
    for object_id, at, changes, action in entries:
        if not object_id.isdigit() or int(object_id) not in current:
            continue
        pk = int(object_id)
        old, new = changes[field_name]
        if at < moment:
            before[pk] = new
        else:
            # An object entered, or its history imported, after the moment yet counted then
            # (its dated facts say it existed): what it was entered with held from the start.
            after.setdefault(pk, new if action in INITIAL_ACTIONS else old)
    result = {}
    for pk, value in current.items():
        if pk in before:
            result[pk] = before[pk]
        elif pk in after:
            result[pk] = after[pk]
        else:
            result[pk] = value
    return result


def _owners(moment: dt.datetime, owner_ids: Collection[int] | None) -> dict[int, OwnerAsOf]:
    # An owner entered in the registry later than a dataset of it (an import, a correction)
    # still owns that dataset.
    holding = (Q(datasets__registered_at__lt=moment) | Q(approved_items__added_at__lt=moment)
               # the body whose units held datasets then (they publish through it)
               | Q(units__datasets__registered_at__lt=moment))
    owners = list(Owner.objects.filter(Q(created_at__lt=moment) | holding)
                  .filter(_in(owner_ids, "pk")).distinct())
    registered = values_as_of("registry.owner", "registered_on_portal", moment,
                              {o.pk: o.registered_on_portal for o in owners})
    active = values_as_of("registry.owner", "is_active", moment,
                          {o.pk: o.is_active for o in owners})
    return {o.pk: OwnerAsOf(pk=o.pk, name=o.name, short_name=o.short_name or o.name,
                            slug=o.slug, kind=o.kind, managing_owner_id=o.managing_owner_id,
                            registered_on_portal=bool(registered[o.pk]),
                            is_active=bool(active[o.pk]), position=o.position,
                            parent_id=o.parent_id)
            for o in owners}


def _datasets(moment: dt.datetime, as_of: dt.date, owner_ids: Collection[int] | None,
              calendar: WorkingCalendar) -> dict[int, DatasetAsOf]:
    rows = list(Dataset.objects.filter(registered_at__lt=moment)
                .filter(_in(owner_ids, "owner_id"))
                .values("pk", "title", "owner_id", "data_type", "periodicity", "created_on",
                        "first_published_at", "last_modified_at"))
    ids = [row["pk"] for row in rows] if owner_ids is not None else None
    periodicity = values_as_of("registry.dataset", "periodicity", moment,
                               {row["pk"]: row["periodicity"] for row in rows})
    modified = values_as_of("registry.dataset", "last_modified_at", moment,
                            {row["pk"]: row["last_modified_at"] for row in rows})
    publications, formats = _publications(moment, ids)
    states = _states(moment, ids)
    on_list = dict(ApprovedListItem.objects.filter(added_at__lt=moment, dataset__isnull=False)
                   .values_list("dataset_id", "added_at"))
    changes = _pending_changes(moment, ids)
    result = {}
    for row in rows:
        pk = row["pk"]
        first = row["first_published_at"]
        first = first if first is not None and first < moment else None
        moments = publications.get(pk, ())
        due = _due(first=first, moments=moments, modified=_datetime(modified[pk]),
                   moment=moment, periodicity=periodicity[pk], created_on=row["created_on"],
                   listed=on_list.get(pk), change_on=changes.get(pk), calendar=calendar)
        result[pk] = DatasetAsOf(
            pk=pk, title=row["title"], owner_id=row["owner_id"], data_type=row["data_type"],
            periodicity=periodicity[pk], created_on=row["created_on"], first_published_at=first,
            publications=moments, formats=formats.get(pk, ()), due=due,
            overdue=due is not None and due < as_of, state=states.get(pk, ""))
    return result


def _due(*, first: dt.datetime | None, moments: tuple[dt.datetime, ...],
         modified: dt.datetime | None, moment: dt.datetime, periodicity: str,
         created_on: dt.date, listed: dt.datetime | None, change_on: dt.date | None,
         calendar: WorkingCalendar) -> dt.date | None:
    """The due date as the dashboard computes it (monitoring.selectors), on the facts known at
    `moment`: the schedule after the last update; for a dataset on the approved list not yet
    published, its first publication (§6.18); an unscheduled change not yet submitted (§6.12)
    when that comes sooner."""
    last_update = None
    if first is not None:
        known = [first, *moments]
        if modified is not None and modified < moment:
            known.append(modified)
        last_update = local_date(max(known))
    start = max(created_on, local_date(listed)) if listed else None
    due = next_due(last_update=last_update, periodicity=periodicity, calendar=calendar,
                   created_on=start)
    if change_on is not None:
        change = change_due(change_occurred_on=change_on, calendar=calendar)
        if due is None or change < due:
            due = change
    return due


def _pending_changes(moment: dt.datetime, ids: Iterable[int] | None) -> dict[int, dt.date]:
    """Unscheduled changes announced and not yet submitted at `moment`: the draft of an
    unscheduled update that had no event (submit, withdraw…) before it."""
    drafts = (Submission.objects.filter(kind=Kind.UNSCHEDULED, created_at__lt=moment,
                                        change_occurred_on__isnull=False)
              .filter(_in(ids, "dataset_id"))
              .exclude(Exists(SubmissionEvent.objects.filter(submission=OuterRef("pk"),
                                                             at__lt=moment)))
              .values_list("dataset_id", "change_occurred_on"))
    return dict(drafts)


def _datetime(value: Any) -> dt.datetime | None:
    """A datetime, or the ISO text the audit log stores for one."""
    if isinstance(value, str):
        return dt.datetime.fromisoformat(value)
    return value


def _publications(moment: dt.datetime, ids: Iterable[int] | None
                  ) -> tuple[dict[int, tuple[dt.datetime, ...]], dict[int, tuple[str, ...]]]:
    """When each dataset's files were made public, and the formats of its public files."""
    versions = (ResourceVersion.objects.filter(published_at__lt=moment)
                .filter(_in(ids, "resource__dataset_id"))
                .order_by("resource__position", "resource_id", "number")
                .values_list("resource__dataset_id", "resource_id", "published_at", "format"))
    moments: dict[int, set[dt.datetime]] = defaultdict(set)
    newest: dict[int, tuple[int, str]] = {}  # resource → (dataset, format of its newest)
    for dataset_id, resource_id, published_at, fmt in versions:
        moments[dataset_id].add(published_at)
        newest[resource_id] = (dataset_id, fmt.upper())
    formats: dict[int, list[str]] = defaultdict(list)
    for dataset_id, fmt in newest.values():
        if fmt not in formats[dataset_id]:
            formats[dataset_id].append(fmt)
    return ({pk: tuple(sorted(values)) for pk, values in moments.items()},
            {pk: tuple(values) for pk, values in formats.items()})


def _states(moment: dt.datetime, ids: Iterable[int] | None) -> dict[int, str]:
    """Each dataset's workflow state at `moment`: where its latest event before it led."""
    events = (SubmissionEvent.objects.filter(at__lt=moment)
              .filter(_in(ids, "submission__dataset_id"))
              .order_by("at", "id").values_list("submission__dataset_id", "at", "to_state"))
    facts = list(DatasetFact.objects.filter(at__lt=moment).filter(_in(ids, "dataset_id"))
                 .values_list("dataset_id", "at", "kind", "dataset__first_published_at"))
    if not facts:
        return {dataset_id: state for dataset_id, _at, state in events}
    # An imported history: its upload, its rejection and its first publication are events
    # like those of a submission, in the order they happened.
    timeline = [(at, 1, dataset_id, state) for dataset_id, at, state in events]
    for dataset_id, at, kind, first in facts:
        timeline.append((at, 0, dataset_id, FACT_STATES[kind]))
        if first is not None and first < moment:
            timeline.append((first, 0, dataset_id, State.PUBLISHED))
    timeline.sort(key=lambda event: (event[0], event[1]))
    return {dataset_id: state for _at, _order, dataset_id, state in timeline}


def _items(moment: dt.datetime, owner_ids: Collection[int] | None) -> list[ItemAsOf]:
    items = (ApprovedListItem.objects.filter(added_at__lt=moment)
             .select_related("dataset").order_by("position", "id"))
    result = []
    for item in items:
        owner_id = item.owner_id or (item.dataset.owner_id if item.dataset else None)
        if owner_ids is not None and owner_id not in owner_ids:
            continue
        result.append(ItemAsOf(pk=item.pk, title=item.title, position=item.position,
                               owner_id=owner_id, dataset_id=item.dataset_id))
    return result


def _in(ids: Collection[int] | Iterable[int] | None, lookup: str) -> Q:
    return Q() if ids is None else Q(**{f"{lookup}__in": list(ids)})
