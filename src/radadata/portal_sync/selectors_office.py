"""Reads for the office pages of the portal sync: the list of datasets with their sync state,
and one dataset's sync page."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from radadata.core.errors import NotFound
from radadata.portal_sync import mapping, selectors
from radadata.portal_sync.models import DatasetSync, PortalConnection, SyncState
from radadata.portal_sync.selectors import SyncRow, shown_state
from radadata.registry.models import Dataset, Owner


def _fingerprints(ids: list[int], conn: PortalConnection | None) -> dict[int, str]:
    """What we would send now, hashed, for datasets the portal has in sync (to tell "local
    changes" apart). A few queries for the whole list; no file is read."""
    if conn is None or not ids:
        return {}
    outgoing = mapping.outgoing(selectors.datasets_for_push(ids), conn)
    return {pk: out.fingerprint for pk, out in outgoing.items()}


@dataclass(frozen=True)
class SyncList:
    rows: list[SyncRow]
    counts: list[tuple[str, str, int]]  # (state, label, count) before the state filter


def sync_list(*, state: str = "", owner: Owner | None = None, text: str = "",
              only_pushable: bool = False) -> SyncList:
    datasets = Dataset.objects.select_related("owner").order_by("title", "id")
    if owner is not None:
        datasets = datasets.filter(owner=owner)
    text = " ".join(text.split())
    if text:
        match = Q(identifier__icontains=text) | Q(name__icontains=text)
        for variant in {text, text.lower(), text.capitalize()}:
            match |= Q(title__icontains=variant)
        datasets = datasets.filter(match)
    datasets = list(datasets)
    ids = [d.pk for d in datasets]
    syncs = {s.dataset_id: s for s in DatasetSync.objects.filter(dataset_id__in=ids)}
    pushable = set(selectors.pushable_datasets().filter(pk__in=ids).values_list("pk", flat=True))
    in_sync = [pk for pk, s in syncs.items() if s.state == SyncState.IN_SYNC and not s.drift]
    fingerprints = _fingerprints(in_sync, PortalConnection.current())
    rows = [SyncRow(dataset=d, sync=syncs.get(d.pk),
                    state=shown_state(syncs.get(d.pk), fingerprints.get(d.pk)),
                    pushable=d.pk in pushable)
            for d in datasets if d.pk in pushable or d.pk in syncs or not only_pushable]
    counted = Counter(row.state for row in rows)
    counts = [(value, str(label), counted.get(value, 0)) for value, label in SyncState.choices]
    if state:
        rows = [row for row in rows if row.state == state]
    return SyncList(rows=rows, counts=counts)


def to_push(rows: list[SyncRow]) -> list[Dataset]:
    """The datasets a "push the changes" button sends: ready for the portal and not in sync
    (a dataset changed on the portal waits for the officer's look)."""
    wanted = {SyncState.NEVER, SyncState.LOCAL_CHANGES, SyncState.FAILED}
    return [row.dataset for row in rows if row.pushable and row.state in wanted]


@dataclass(frozen=True)
class SyncPage:
    dataset: Dataset
    sync: DatasetSync | None
    state: SyncState
    pushable: bool
    package_url: str
    problems: list[str]


def dataset_for_sync(name: str) -> Dataset:
    dataset = Dataset.objects.select_related("owner").filter(name=name).first()
    if dataset is None:
        raise NotFound(_("No such dataset."))
    return dataset


def sync_page(dataset: Dataset) -> SyncPage:
    conn = PortalConnection.current()
    sync = selectors.sync_of(dataset)
    out = mapping.outgoing_one(dataset, conn) if conn is not None else None
    fingerprint = out.fingerprint if out is not None else None
    url = conn.package_url(sync.remote_name) if conn and sync and sync.remote_id else ""
    return SyncPage(dataset=dataset, sync=sync, state=shown_state(sync, fingerprint),
                    pushable=selectors.is_pushable(dataset), package_url=url,
                    problems=out.problems if out is not None else [])
