"""The changes an import makes that no other service makes: recording what happened before the
registry was kept here — a publication, an upload, an update, a rejection, a place on the
approved list — with the dates the council's own list gives."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.core import audit
from radadata.core.errors import Conflict
from radadata.core.models import AuditEntry
from radadata.registry import access, hooks
from radadata.registry.models import ApprovedListItem, Dataset, DatasetFact, FactKind
from radadata.registry.services import lists as list_services
from radadata.registry.services.datasets import DATASET_FIELDS
from radadata.registry.vocabularies import DatasetStatus, Periodicity

#: The audit action of an imported history. The reports take the values it sets as the
#: dataset's values from its first dated event on (reports/snapshot.values_as_of).
HISTORY_ACTION = "dataset.history_imported"
_HISTORY_FIELDS = (*DATASET_FIELDS, "registered_at")


def start_of_day(day: dt.date) -> dt.datetime:
    """Midnight of `day` in the council's time zone (what the exports print back as that day)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


@transaction.atomic
def dataset_record_publication(*, dataset: Dataset, published_on: dt.date, by: User | None,
                               at: dt.datetime) -> Dataset:
    """Mark the dataset published on `published_on` (its date of first publication)."""
    access.require_office(by)
    if dataset.status == DatasetStatus.ARCHIVED:
        raise Conflict(_("An archived dataset is no longer updated; restore it first."))
    entry = mark_publication(dataset, published_on=published_on, by=by, at=at)
    dataset.save()
    entry.save()
    hooks.dataset_changed(dataset)
    return dataset


def mark_publication(dataset: Dataset, *, published_on: dt.date, by: User | None,
                     at: dt.datetime) -> AuditEntry:
    """dataset_record_publication's change, on the instance only: returns its audit entry,
    unsaved (the bulk import saves many at once)."""
    before = audit.snapshot(dataset, DATASET_FIELDS)
    was_published = dataset.status == DatasetStatus.PUBLISHED
    first = start_of_day(published_on)
    dataset.status = DatasetStatus.PUBLISHED
    dataset.first_published_at = first
    if dataset.last_modified_at is None or dataset.last_modified_at < first:
        dataset.last_modified_at = first
    dataset.updated_at = at
    return audit.entry(actor=by,
                       action="dataset.updated" if was_published else "dataset.published",
                       obj=dataset, at=at,
                       changes=audit.diff(before, audit.snapshot(dataset, DATASET_FIELDS)),
                       note=_("Date of first publication from the imported registry."))


@transaction.atomic
def dataset_record_history(*, dataset: Dataset, uploaded_on: dt.date | None = None,
                           published_on: dt.date | None = None,
                           modified_on: dt.date | None = None, state: str = "",
                           on_list: bool | None = None, by: User | None,
                           at: dt.datetime) -> Dataset:
    """Record the dataset's life before RadaData: it is in the registry from its first dated
    event, uploaded to the portal on `uploaded_on` (a dated fact, as an upload recorded here
    would be), first published on `published_on`, last updated on `modified_on`, rejected or
    no longer updated as `state` says (imports.history.PortalState), and on the approved list
    from its start when `on_list`. One audit entry."""
    access.require_office(by)
    before = audit.snapshot(dataset, _HISTORY_FIELDS)
    facts = mark_history(dataset, uploaded_on=uploaded_on, published_on=published_on,
                         modified_on=modified_on, state=state, at=at)
    dataset.save()
    for kind, moment in facts.items():
        DatasetFact.objects.update_or_create(dataset=dataset, kind=kind,
                                             defaults={"at": moment, "recorded_at": at})
    if on_list and not ApprovedListItem.objects.filter(dataset=dataset).exists():
        item = list_services.approved_item_add(title=dataset.title, dataset=dataset, by=by,
                                               at=at)
        item.added_at = dataset.registered_at  # on the list since its start
        item.save(update_fields=["added_at"])
    history_entry(dataset, before, facts, by=by, at=at).save()
    hooks.dataset_changed(dataset)
    return dataset


def history_entry(dataset: Dataset, before: dict, facts: dict[str, dt.datetime], *,
                  by: User | None, at: dt.datetime) -> AuditEntry:
    """The one audit entry of an imported history (unsaved)."""
    changes = audit.diff(before, audit.snapshot(dataset, _HISTORY_FIELDS))
    changes.update({f"fact:{kind}": [None, moment.isoformat()]
                    for kind, moment in facts.items()})
    return audit.entry(actor=by, action=HISTORY_ACTION, obj=dataset, at=at, changes=changes,
                       note=_("History from the imported registry."))


def history_snapshot(dataset: Dataset) -> dict:
    return audit.snapshot(dataset, _HISTORY_FIELDS)


def mark_history(dataset: Dataset, *, uploaded_on: dt.date | None,
                 published_on: dt.date | None, modified_on: dt.date | None, state: str,
                 at: dt.datetime) -> dict[str, dt.datetime]:
    """dataset_record_history's change of the dataset's own fields, on the instance only;
    returns the dated facts to record ({kind: moment})."""
    days = [d for d in (dataset.created_on, uploaded_on, published_on, modified_on) if d]
    start = start_of_day(min(days))
    if start < dataset.registered_at:
        dataset.registered_at = start
    if published_on:
        first = start_of_day(published_on)
        dataset.first_published_at = first
        dataset.status = DatasetStatus.PUBLISHED
        dataset.last_modified_at = max(first, dataset.last_modified_at or first)
    if modified_on and dataset.first_published_at:
        dataset.last_modified_at = max(start_of_day(modified_on), dataset.first_published_at)
    if state == "no_longer_updated":
        dataset.status = DatasetStatus.ARCHIVED
        dataset.periodicity = Periodicity.NO_LONGER
    dataset.updated_at = at
    facts = {}
    if uploaded_on:
        facts[FactKind.UPLOADED] = start_of_day(uploaded_on)
    if state == "rejected":
        facts[FactKind.REJECTED] = start_of_day(modified_on or uploaded_on or published_on)
    return facts
