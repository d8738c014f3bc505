"""Every change the portal sync makes goes through these functions.

A push is one audited act ("portal.pushed" or "portal.push_failed"), made of steps that each
save what the portal answered at once (the package id, each resource id), so a push that
stops half-way resumes where it stopped instead of creating anything twice. Those step
functions are bookkeeping inside the one push: they check the push's claim, not the audit
log, which records the push once at its end.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.core import audit
from radadata.core.errors import Conflict, ValidationFailed
from radadata.core.validation import clean_or_raise
from radadata.jobs import heartbeat
from radadata.jobs.models import Job
from radadata.jobs.services import job_start
from radadata.portal_sync import keys, probe, selectors
from radadata.portal_sync.layout import PUSH, Layout
from radadata.portal_sync.models import DatasetSync, Moderation, PortalConnection, SyncState
from radadata.registry import access
from radadata.registry.models import Dataset

PUSH_KIND = "portal_push"


@transaction.atomic
def connection_save(*, base_url: str, organization: str, api_key: str = "",
                    by: User | None, at: dt.datetime) -> PortalConnection:
    """Connect the council's organisation on the portal. An empty `api_key` keeps the stored
    one; the key is stored encrypted and never written to the audit log."""
    access.require_office(by)
    conn = PortalConnection.current() or PortalConnection(pk=1)
    before = {"base_url": conn.base_url, "organization": conn.organization}
    conn.base_url = (base_url or "").strip().rstrip("/")
    conn.organization = (organization or "").strip()
    api_key = (api_key or "").strip()
    errors: dict[str, list[str]] = {}
    if not conn.base_url:
        errors["base_url"] = [_("Enter the portal's address, e.g. https://data.gov.ua.")]
    if not conn.organization:
        errors["organization"] = [_("Enter the organisation's id or short name on the portal.")]
    if api_key:
        conn.api_key_encrypted = keys.encrypt(api_key)
    elif not conn.api_key_encrypted or conn.key_unreadable:
        errors["api_key"] = [_("Enter the API key from the holder's profile on the portal.")]
    if errors:
        raise ValidationFailed(errors)
    conn.updated_at, conn.updated_by = at, by if getattr(by, "pk", None) else None
    clean_or_raise(conn, exclude=["api_key_encrypted", "updated_by"])
    conn.save()
    changes = audit.diff(before, {"base_url": conn.base_url, "organization": conn.organization})
    if before["base_url"] != conn.base_url and conn.layout:
        conn.layout = {}  # another portal: what it keeps is checked again
        conn.save(update_fields=["layout"])
    if changes and any(before.values()):
        # Another portal or organisation: none of the remote ids we kept is there. Datasets
        # start as never pushed (a push in progress loses its claim and stops).
        reset = DatasetSync.objects.update(
            state=SyncState.NEVER, remote_id="", remote_name="", resources={}, pushed_hash="",
            pushed_fields={}, pushed_at=None, remote_modified=None, drift={},
            drift_found_at=None, moderation="", polled_at=None, error="", failed_at=None,
            claim="", claimed_at=None, updated_at=at)
        changes["dataset_syncs_reset"] = [None, reset]
    if api_key:
        changes["api_key"] = ["", str(_("replaced (not shown)"))]
    audit.record(actor=by, action="portal.connection_saved", obj=conn, at=at, changes=changes)
    return conn


@transaction.atomic
def connection_record_layout(*, conn: PortalConnection, layout: Layout,
                             at: dt.datetime) -> PortalConnection:
    """What the portal keeps where, as its schema or a push showed it (not audited: it is
    the portal's fact, not anyone's decision)."""
    stored = layout.stored()
    if conn.layout != stored:
        PortalConnection.objects.filter(pk=conn.pk).update(layout=stored)
        conn.layout = stored
    return conn


def connection_check(*, conn: PortalConnection, at: dt.datetime) -> str:
    """Ask the portal what it is and what it keeps (reads only), remember its layout, and
    say it in words. A layout a push has verified stays when the portal publishes no schema."""
    with selectors.client_for(conn, retries=1, timeout=15) as client:
        report = probe.inspect(client, conn.organization, conn.api_key)
    known = Layout.from_stored(conn.layout)
    if report.layout.source or known.source != PUSH:
        connection_record_layout(conn=conn, layout=report.layout, at=at)
    else:
        report = dataclasses.replace(report, layout=known)
    return report.message()


def push_start(*, datasets: list[Dataset] | None, force: bool = False, by: User | None,
               at: dt.datetime) -> Job:
    """Start the push job: the given datasets, or (None) every dataset ready for the portal.
    `force` pushes over changes made on the portal by hand (the officer confirmed it)."""
    access.require_office(by)
    selectors.usable_connection()
    if datasets is not None and not datasets:
        raise ValidationFailed(_("Choose at least one dataset to push."))
    params: dict[str, Any] = {"force": bool(force)}
    subject = ""
    if datasets is None:
        params["all"] = True
    else:
        params["datasets"] = [d.pk for d in datasets]
        if len(datasets) == 1:
            subject = f"registry.dataset:{datasets[0].pk}"
    return job_start(kind=PUSH_KIND, params=params, by=by, at=at, subject=subject)


# One push's steps -------------------------------------------------------------------------------

@transaction.atomic
def sync_claim(*, dataset: Dataset, by: User | None, at: dt.datetime) -> tuple[DatasetSync, str]:
    """Take the dataset's push lock; returns the sync and the state it had before. A second
    worker gets Conflict. The lock is a compare-and-set on one row, so it holds on SQLite and
    PostgreSQL alike without keeping a transaction open while the portal answers.

    A claim made inside a job names the job ("j<id>-…"): it is free as soon as that job is no
    longer running in a live worker (jobs/heartbeat.py), and the same job taken over by another
    worker takes its own claim back. A claim made outside a job is free after the heartbeat
    rule's WORKER_DEAD_AFTER_SECONDS (every push runs as a job; this is for direct calls)."""
    access.require_office(by)
    sync, _created = DatasetSync.objects.get_or_create(dataset=dataset,
                                                       defaults={"updated_at": at})
    previous = sync.state
    job_id = heartbeat.current_job.get()
    token = (f"j{job_id}-" if job_id else "") + uuid.uuid4().hex
    token = token[:32]
    free = Q(claim="") | (Q(claimed_at__lt=at - heartbeat.dead_after())
                          & ~Q(claim__startswith="j"))
    holder = _claim_job(sync.claim)
    if holder is not None and (holder == job_id or not heartbeat.job_alive(holder, at=at)):
        free |= Q(claim=sync.claim)
    taken = (DatasetSync.objects.filter(pk=sync.pk).filter(free)
             .update(claim=token, claimed_at=at, state=SyncState.PUSHING, updated_at=at))
    if not taken:
        raise Conflict(_("Another job is pushing this dataset right now. Wait until it "
                         "finishes, then look at the result."), code="push_in_progress")
    sync.refresh_from_db()
    return sync, previous


def _claim_job(claim: str) -> int | None:
    head, sep, _rest = claim.partition("-")
    return int(head[1:]) if sep and head[:1] == "j" and head[1:].isdigit() else None


def _owned(sync: DatasetSync, token: str) -> DatasetSync:
    locked = DatasetSync.objects.select_for_update().get(pk=sync.pk)
    if locked.claim != token:
        raise Conflict(_("This push was taken over by another job (it seemed stopped). Look "
                         "at the dataset's sync state before pushing again."),
                       code="push_claim_lost")
    return locked


@transaction.atomic
def sync_intend_name(*, sync: DatasetSync, token: str, name: str, at: dt.datetime
                     ) -> DatasetSync:
    """Remember the package name before creating it: a crash right after the create finds
    the package by this name next time, even if the title changed meanwhile."""
    sync = _owned(sync, token)
    if not sync.remote_id and sync.remote_name != name:
        sync.remote_name, sync.updated_at = name, at
        sync.save(update_fields=["remote_name", "updated_at"])
    return sync


@transaction.atomic
def sync_record_package(*, sync: DatasetSync, token: str, remote_id: str, remote_name: str,
                        at: dt.datetime) -> DatasetSync:
    sync = _owned(sync, token)
    if sync.remote_id and sync.remote_id != remote_id:
        # Another package now (the old one was deleted on the portal): its resources are gone.
        sync.resources = {}
    sync.remote_id, sync.remote_name, sync.updated_at = remote_id, remote_name, at
    sync.save(update_fields=["remote_id", "remote_name", "resources", "updated_at"])
    return sync


@transaction.atomic
def sync_record_resource(*, sync: DatasetSync, token: str, key: str, entry: dict[str, str],
                         at: dt.datetime) -> DatasetSync:
    sync = _owned(sync, token)
    sync.resources = {**sync.resources, key: entry}
    sync.updated_at = at
    sync.save(update_fields=["resources", "updated_at"])
    return sync


@transaction.atomic
def sync_finish(*, sync: DatasetSync, token: str, fields: dict[str, str], fingerprint: str,
                remote_modified: dt.datetime | None, uploaded: list[str],
                by: User | None, at: dt.datetime,
                foreign: dict[str, dict[str, Any]] | None = None,
                moderation: str = "") -> DatasetSync:
    """The push is complete. `foreign`: the files others added on the portal, as they are;
    `moderation`: the portal's answer when it has no moderation (published at once), else
    "" (the moderator's answer is polled)."""
    sync = _owned(sync, token)
    first = sync.pushed_at is None
    sync.resources = {**{key: entry for key, entry in sync.resources.items()
                         if not entry.get("foreign")}, **(foreign or {})}
    sync.state = SyncState.IN_SYNC
    sync.pushed_fields, sync.pushed_hash, sync.pushed_at = fields, fingerprint, at
    sync.remote_modified = remote_modified
    sync.error, sync.failed_at = "", None
    sync.drift, sync.drift_found_at = {}, None
    sync.moderation = moderation or sync.moderation or Moderation.PENDING
    sync.claim, sync.claimed_at, sync.updated_at = "", None, at
    sync.save()
    changes: dict[str, Any] = {"files": [None, uploaded]} if uploaded else {}
    if first:
        changes["remote_name"] = [None, sync.remote_name]
    audit.record(actor=by, action="portal.pushed", obj=sync.dataset, at=at, changes=changes,
                 note=sync.remote_name)
    return sync


@transaction.atomic
def sync_fail(*, sync: DatasetSync, token: str, message: str, by: User | None,
              at: dt.datetime) -> DatasetSync:
    """The push stopped; what it saved so far stays, so the next push resumes from there."""
    sync = DatasetSync.objects.select_for_update().get(pk=sync.pk)
    if sync.claim and sync.claim != token:
        return sync  # taken over by another worker: its result, not ours, stands
    sync.state, sync.error, sync.failed_at = SyncState.FAILED, message[:2000], at
    sync.claim, sync.claimed_at, sync.updated_at = "", None, at
    sync.save()
    audit.record(actor=by, action="portal.push_failed", obj=sync.dataset, at=at,
                 note=message[:500])
    return sync


@transaction.atomic
def sync_record_drift(*, sync: DatasetSync, drift: dict[str, Any], at: dt.datetime,
                      token: str = "", restore_state: str = "") -> DatasetSync:
    """What differs on the portal from what we sent (empty: nothing, any more). With `token`
    a push that found it releases its claim, back to `restore_state`."""
    sync = _owned(sync, token) if token else DatasetSync.objects.select_for_update().get(
        pk=sync.pk)
    news = bool(drift) and drift != sync.drift
    sync.drift = drift
    sync.drift_found_at = (sync.drift_found_at if not news else at) if drift else None
    if token:
        sync.state = restore_state or SyncState.IN_SYNC
        sync.claim, sync.claimed_at = "", None
        if sync.state != SyncState.FAILED:
            sync.error, sync.failed_at = "", None
    sync.updated_at = at
    sync.save()
    if news:
        audit.record(actor=None, action="portal.drift_found", obj=sync.dataset, at=at,
                     changes={key: value for key, value in drift.get("fields", {}).items()},
                     note=sync.remote_name)
    return sync


@transaction.atomic
def sync_record_moderation(*, sync: DatasetSync, moderation: str, at: dt.datetime
                           ) -> DatasetSync:
    """The portal's moderation answer as last seen by the poller (its workflow step is
    recorded, and audited, by the workflow)."""
    DatasetSync.objects.filter(pk=sync.pk).update(moderation=moderation, polled_at=at)
    sync.moderation, sync.polled_at = moderation, at
    return sync
