"""Reads for the portal sync: the connection, what may be pushed and which files, each
dataset's sync record and the state a page shows for it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from radadata.core.errors import Conflict, NotFound
from radadata.portal_sync import keys
from radadata.portal_sync.client import PortalClient
from radadata.portal_sync.models import DatasetSync, PortalConnection, SyncState
from radadata.registry.models import Dataset, ResourceVersion
from radadata.registry.models.datasets import public_q
from radadata.workflow.models import Submission
from radadata.workflow.states import State

#: Submissions whose files may go to the portal: the officer accepted them (or they are
#: already there). A received one is accepted first: a push never sends files nobody reviewed.
READY_STATES = frozenset({State.ACCEPTED, State.UPLOADED, State.PORTAL_APPROVED,
                          State.PORTAL_REJECTED})
#: Where the workflow's next step is the officer's upload: a push records it.
UPLOAD_STEP = frozenset({State.ACCEPTED, State.PORTAL_REJECTED})
#: Uploaded, and the portal's moderator has not said the last word yet.
AWAITING_MODERATION = frozenset({State.UPLOADED, State.PORTAL_APPROVED})


def connection() -> PortalConnection | None:
    return PortalConnection.current()


def usable_connection() -> PortalConnection:
    """The connection, with a readable key, or Conflict saying what to set up."""
    current = PortalConnection.current()
    if current is None or not current.api_key_encrypted:
        raise Conflict(_("The portal is not connected yet. Enter the portal address, the "
                         "organisation and the API key on the portal page first."),
                       code="portal_not_connected")
    if current.key_unreadable:
        raise Conflict(_("The stored API key can no longer be read (the server's secret "
                         "changed). Enter the API key again on the portal page."),
                       code="portal_key_unreadable")
    return current


def client_for(conn: PortalConnection, **options) -> PortalClient:
    try:
        api_key = conn.api_key
    except keys.KeyUnreadable as error:
        raise Conflict(_("The stored API key can no longer be read. Enter it again on the "
                         "portal page."), code="portal_key_unreadable") from error
    return PortalClient(conn.base_url, api_key, **options)


def sync_of(dataset: Dataset) -> DatasetSync | None:
    return DatasetSync.objects.filter(dataset=dataset).first()


def ready_submissions(dataset_ids: Iterable[int]) -> dict[int, Submission]:
    """The open submission of each dataset whose files may be pushed."""
    return {s.dataset_id: s for s in Submission.objects.filter(
        dataset_id__in=list(dataset_ids), state__in=READY_STATES)}


def pushable_datasets() -> QuerySet[Dataset]:
    """Published datasets, and those with an accepted submission: what `push --all` sends."""
    ready = Submission.objects.filter(state__in=READY_STATES).values("dataset_id")
    return Dataset.objects.filter(public_q() | Q(pk__in=ready)).order_by("title", "id")


def is_pushable(dataset: Dataset) -> bool:
    return pushable_datasets().filter(pk=dataset.pk).exists()


def sendable_versions(dataset_ids: Iterable[int]) -> dict[int, dict[int, ResourceVersion]]:
    """{dataset: {resource: version}}: each resource's newest version that is published or
    brought by an accepted submission. A file waiting in a draft, or returned to the owner,
    never goes to the portal."""
    ids = list(dataset_ids)
    ready = Submission.objects.filter(dataset_id__in=ids, state__in=READY_STATES)
    versions = (ResourceVersion.objects
                .filter(resource__dataset_id__in=ids)
                .filter(Q(published_at__isnull=False) | Q(submission_items__submission__in=ready))
                .select_related("resource").order_by("resource__position", "resource_id",
                                                     "number"))
    result: dict[int, dict[int, ResourceVersion]] = {}
    for version in versions:
        result.setdefault(version.resource.dataset_id, {})[version.resource_id] = version
    return result


def datasets_for_push(ids: Iterable[int]) -> list[Dataset]:
    """Datasets with what the mapping reads (owner, contact, keywords, structure); the files
    come from sendable_versions()."""
    return list(Dataset.objects.filter(pk__in=list(ids))
                .select_related("owner", "responsible", "structure")
                .prefetch_related("keywords").order_by("title", "id"))


def dataset_by_reference(reference: str) -> Dataset:
    """A dataset by its number, address name or identifier (the CLI's --dataset)."""
    match = Q(name=reference) | Q(identifier=reference)
    if reference.isdigit():
        match |= Q(pk=int(reference))
    dataset = Dataset.objects.filter(match).first()
    if dataset is None:
        raise NotFound(_("No such dataset: %(ref)s.") % {"ref": reference})
    return dataset


def awaiting_moderation() -> QuerySet[DatasetSync]:
    """Pushed datasets whose open submission waits for the portal's moderator."""
    waiting = Submission.objects.filter(state__in=AWAITING_MODERATION).values("dataset_id")
    return (DatasetSync.objects.exclude(remote_id="").filter(dataset_id__in=waiting)
            .select_related("dataset"))


def pushed_syncs() -> QuerySet[DatasetSync]:
    return DatasetSync.objects.exclude(remote_id="").select_related("dataset")


@dataclass(frozen=True)
class SyncRow:
    dataset: Dataset
    sync: DatasetSync | None
    state: SyncState
    pushable: bool


def shown_state(sync: DatasetSync | None, fingerprint: str | None) -> SyncState:
    """What the officer sees: a hand edit on the portal first, then local changes."""
    if sync is None:
        return SyncState.NEVER
    if sync.drift and sync.state != SyncState.PUSHING:
        return SyncState.CHANGED_ON_PORTAL  # whatever the last push's outcome was
    if (sync.state == SyncState.IN_SYNC and fingerprint is not None
            and fingerprint != sync.pushed_hash):
        return SyncState.LOCAL_CHANGES
    return SyncState(sync.state)

