"""Reads for monitoring: each dataset's schedule and state (dataset_status_rows) and the
dashboard's figures per owner and overall (figures). The reports app reads both.

A dataset's last update is the latest of its publication facts: the dataset's last change
(`last_modified_at`, set by every publication and by imports from the portal), its newest
published file version (the office can publish a file straight away) and its first
publication. A dataset never published has no last update.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from radadata.accounts.models import User
from radadata.core.calendar import WorkingCalendar, default_calendar
from radadata.registry import access
from radadata.registry.models import ApprovedListItem, Council, Dataset, Owner, ResourceVersion
from radadata.workflow.models import Kind, Submission
from radadata.workflow.states import State

from .models import ReminderSent
from .schedule import change_due, next_due

#: "Due soon": due within this many working days (today included).
SOON_WORKING_DAYS = 10

ON_MODERATION = frozenset({State.UPLOADED, State.PORTAL_APPROVED})


def _local_date(value: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(value).date() if value else None


@dataclass(frozen=True)
class DatasetStatus:
    """One dataset's schedule and where it stands today."""

    dataset: Dataset
    last_update: dt.date | None
    next_due: dt.date | None
    #: Why it is due: "schedule" (§6.17), "first_publication" (§6.18), "change" (§6.12), "".
    due_reason: str
    overdue: bool
    due_soon: bool
    #: The state of the dataset's open submission, if it has one.
    submission_state: str | None
    published: bool
    in_approved_list: bool

    @property
    def owner(self) -> Owner:
        return self.dataset.owner

    @property
    def on_moderation(self) -> bool:
        return self.submission_state in ON_MODERATION

    @property
    def returned(self) -> bool:
        return self.submission_state == State.RETURNED

    @property
    def rejected(self) -> bool:
        return self.submission_state == State.PORTAL_REJECTED

    @property
    def submission_state_label(self) -> str:
        return str(State(self.submission_state).label) if self.submission_state else ""


def _scope(*, owner: Owner | None, owners: QuerySet[Owner] | Iterable[Owner] | None
           ) -> QuerySet[Owner]:
    if owner is not None:
        return Owner.objects.filter(pk=owner.pk)
    if isinstance(owners, QuerySet):
        return Owner.objects.filter(pk__in=owners.values("pk"))
    if owners is not None:
        return Owner.objects.filter(pk__in=[o.pk for o in owners])
    # Every active owner, and a closed one while it still has datasets.
    return Owner.objects.filter(Q(is_active=True) | Q(datasets__isnull=False)).distinct()


def _open_submissions(datasets: QuerySet[Dataset]) -> dict[int, Submission]:
    return {s.dataset_id: s for s in Submission.objects.open().filter(dataset__in=datasets)
            .only("dataset_id", "state", "kind", "change_occurred_on", "submitted_at")}


def _due(*, dataset: Dataset, last_update: dt.date | None, approved_on: dt.date | None,
         submission: Submission | None, calendar: WorkingCalendar) -> tuple[dt.date | None, str]:
    # A dataset on the approved list must be published: its first publication is counted from
    # its creation or from its entry on the list, whichever came later.
    start = max(dataset.created_on, approved_on) if approved_on else None
    due = next_due(last_update=last_update, periodicity=dataset.periodicity, calendar=calendar,
                   created_on=start)
    reason = "" if due is None else ("schedule" if last_update else "first_publication")
    # An unscheduled change not yet submitted has its own term, whatever the periodicity.
    if (submission is not None and submission.kind == Kind.UNSCHEDULED
            and submission.change_occurred_on and submission.submitted_at is None):
        change = change_due(change_occurred_on=submission.change_occurred_on, calendar=calendar)
        if due is None or change < due:
            due, reason = change, "change"
    return due, reason


def dataset_status_rows(*, council: Council | None = None, owner: Owner | None = None,
                        today: dt.date, owners: QuerySet[Owner] | None = None,
                        calendar: WorkingCalendar | None = None) -> list[DatasetStatus]:
    """Every dataset of the owner (or of `owners`, or of the council) with its next due date
    and its state, ordered by due date (none last), then title. `council` names the one
    council this installation serves and is accepted for symmetry with the reports."""
    calendar = calendar or default_calendar()
    soon_until = calendar.add_working_days(today, SOON_WORKING_DAYS)
    newest_version = (ResourceVersion.objects
                      .filter(resource__dataset=OuterRef("pk"), published_at__isnull=False)
                      .order_by("-published_at").values("published_at")[:1])
    approved_at = ApprovedListItem.objects.filter(dataset=OuterRef("pk")).values("added_at")[:1]
    datasets = (Dataset.objects.filter(owner__in=_scope(owner=owner, owners=owners))
                .select_related("owner", "responsible")
                .annotate(newest_version_at=Subquery(newest_version),
                          approved_at=Subquery(approved_at)))
    submissions = _open_submissions(datasets)
    rows = []
    for dataset in datasets:
        published = dataset.is_published
        last_update = None
        if dataset.first_published_at is not None:
            last_update = max(d for d in (_local_date(dataset.first_published_at),
                                          _local_date(dataset.last_modified_at),
                                          _local_date(dataset.newest_version_at)) if d)
        submission = submissions.get(dataset.pk)
        due, reason = _due(dataset=dataset, last_update=last_update,
                           approved_on=_local_date(dataset.approved_at),
                           submission=submission, calendar=calendar)
        overdue = due is not None and today > due
        rows.append(DatasetStatus(
            dataset=dataset, last_update=last_update, next_due=due, due_reason=reason,
            overdue=overdue, due_soon=due is not None and not overdue and due <= soon_until,
            submission_state=submission.state if submission else None, published=published,
            in_approved_list=dataset.approved_at is not None))
    rows.sort(key=lambda r: (r.next_due is None, r.next_due or today, r.dataset.title,
                             r.dataset.pk))
    return rows


def blocking_findings_count(datasets_qs: QuerySet[Dataset]) -> int | None:
    """How many of these datasets have findings that block publication (personal data, §2.9).

    The checks app supplies this figure; until it is wired in this returns None and the
    dashboard leaves the column out."""
    return None


# The dashboard's figures ---------------------------------------------------------------------

@dataclass(frozen=True)
class OwnerFigures:
    """The dashboard's numbers for one owner, or for all of them (`owner` None)."""

    owner: Owner | None
    datasets: int = 0
    published: int = 0
    approved: int = 0
    approved_published: int = 0
    #: Entries of the approved list that point at no dataset of the registry yet.
    approved_without_dataset: int = 0
    #: Datasets with a due date (the others are not updated by the calendar).
    scheduled: int = 0
    overdue: int = 0
    due_soon: int = 0
    on_moderation: int = 0
    returned: int = 0
    rejected: int = 0
    blocking: int | None = None

    @property
    def share(self) -> float | None:
        """Published share of the approved list, 0..1; None when the list has no entry."""
        return self.approved_published / self.approved if self.approved else None

    @property
    def percent(self) -> int | None:
        return None if self.share is None else round(self.share * 100)

    @property
    def on_schedule(self) -> int:
        """Datasets with a due date that is neither past nor near."""
        return self.scheduled - self.overdue - self.due_soon


@dataclass(frozen=True)
class Figures:
    today: dt.date
    #: The last day of "due soon".
    soon_until: dt.date
    total: OwnerFigures
    by_owner: list[OwnerFigures] = field(default_factory=list)

    @property
    def shows_blocking(self) -> bool:
        return self.total.blocking is not None


def _count(rows: list[DatasetStatus], test: Callable[[DatasetStatus], bool]) -> int:
    return sum(1 for row in rows if test(row))


def _owner_figures(owner: Owner | None, rows: list[DatasetStatus],
                   items: list[tuple[int | None, bool, bool]],
                   blocking: int | None) -> OwnerFigures:
    return OwnerFigures(
        owner=owner, datasets=len(rows), published=_count(rows, lambda r: r.published),
        approved=len(items), approved_published=sum(1 for _o, has, pub in items if pub),
        approved_without_dataset=sum(1 for _o, has, _p in items if not has),
        scheduled=_count(rows, lambda r: r.next_due is not None),
        overdue=_count(rows, lambda r: r.overdue), due_soon=_count(rows, lambda r: r.due_soon),
        on_moderation=_count(rows, lambda r: r.on_moderation),
        returned=_count(rows, lambda r: r.returned), rejected=_count(rows, lambda r: r.rejected),
        blocking=blocking)


def _approved_items(scope: QuerySet[Owner], *, everything: bool
                    ) -> list[tuple[int | None, bool, bool]]:
    """(owner id, has a dataset, dataset published) per approved-list entry. An entry's owner
    is the one named on the list, else its dataset's owner."""
    items = ApprovedListItem.objects.select_related("dataset")
    result = []
    owner_ids = set(scope.values_list("pk", flat=True))
    for item in items:
        owner_id = item.owner_id or (item.dataset.owner_id if item.dataset else None)
        if owner_id in owner_ids or (everything and owner_id is None):
            result.append((owner_id, item.dataset_id is not None,
                           bool(item.dataset and item.dataset.is_published)))
    return result


def figures(*, council: Council | None = None, owner: Owner | None = None, today: dt.date,
            owners: QuerySet[Owner] | None = None,
            calendar: WorkingCalendar | None = None) -> Figures:
    """The dashboard's numbers per owner and in total: for one owner, for `owners` (what a
    person may see), or for the whole council."""
    calendar = calendar or default_calendar()
    scope = _scope(owner=owner, owners=owners)
    rows = dataset_status_rows(council=council, today=today, owners=scope, calendar=calendar)
    items = _approved_items(scope, everything=owner is None and owners is None)
    rows_of: dict[int, list[DatasetStatus]] = {}
    for row in rows:
        rows_of.setdefault(row.dataset.owner_id, []).append(row)
    items_of: dict[int | None, list[tuple[int | None, bool, bool]]] = {}
    for item in items:
        items_of.setdefault(item[0], []).append(item)
    by_owner = [_owner_figures(each, rows_of.get(each.pk, []), items_of.get(each.pk, []),
                               blocking_findings_count(Dataset.objects.filter(owner=each)))
                for each in scope.order_by("name")]
    total = _owner_figures(None, rows, items,
                           blocking_findings_count(Dataset.objects.filter(owner__in=scope)))
    return Figures(today=today, soon_until=calendar.add_working_days(today, SOON_WORKING_DAYS),
                   total=total, by_owner=by_owner)


# What the pages show -------------------------------------------------------------------------

def owners_seen_by(user: User) -> QuerySet[Owner] | None:
    """The owners a person's dashboard covers: None (the whole council) for council-wide
    roles, else the owners they work for and the enterprises those manage (§6.9)."""
    if access.reads_all(user):
        return None
    return access.owners_editable_by(user)


def first_step(user: User) -> str | None:
    """What a person new to an empty office does first, or None once there is work to follow
    (and for those who only read): "owners" (the officer: no owners yet), "datasets" (no
    dataset yet), "files" (datasets, none published and no file yet)."""
    if access.is_office(user):
        if not Owner.objects.exists():
            return "owners"
        datasets = Dataset.objects.all()
    elif access.reads_all(user):
        return None
    else:
        datasets = Dataset.objects.filter(owner__in=access.owners_editable_by(user))
    if not datasets.exists():
        return "datasets"
    # A council that moved in with its history has published datasets without files here:
    # it is at work, not starting.
    if not (datasets.filter(first_published_at__isnull=False).exists()
            or ResourceVersion.objects.filter(resource__dataset__in=datasets).exists()):
        return "files"
    return None


#: The filters of the dataset list: each dashboard number links to one of them.
FILTERS: dict[str, tuple[str, Callable[[DatasetStatus], bool]]] = {
    "overdue": (_("overdue"), lambda r: r.overdue),
    "due_soon": (_("due in the next 10 working days"), lambda r: r.due_soon),
    "on_moderation": (_("on moderation at the portal"), lambda r: r.on_moderation),
    "returned": (_("returned to the owner"), lambda r: r.returned),
    "rejected": (_("rejected by the portal"), lambda r: r.rejected),
    "published": (_("published"), lambda r: r.published),
    "approved": (_("on the approved list"), lambda r: r.in_approved_list),
    "approved_published": (_("on the approved list and published"),
                           lambda r: r.in_approved_list and r.published),
    "approved_unpublished": (_("on the approved list, not published yet"),
                             lambda r: r.in_approved_list and not r.published),
}


def rows_filtered(rows: list[DatasetStatus], status: str) -> list[DatasetStatus]:
    if status not in FILTERS:
        return rows
    test = FILTERS[status][1]
    return [row for row in rows if test(row)]


def reminders_of(user: User, limit: int = 10) -> list[ReminderSent]:
    """The person's latest reminders, for the dashboard (the in-app side of the e-mails)."""
    return list(ReminderSent.objects.filter(recipient=user).select_related("dataset")
                .order_by("-sent_at", "-id")[:limit])
