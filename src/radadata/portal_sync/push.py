"""Pushing datasets to the portal: the job ("portal_push", one item per dataset) and the push of
one dataset.

Idempotent by construction. The package is looked up before it is created — by the remote id
we saved, else by its deterministic name — so a crash or a lost answer between package_create
and saving the id, a retry, or a resumed job finds the package instead of making a second one;
the dataset's claim (services.sync_claim) keeps two workers off the same dataset. Each remote
id is saved as soon as the portal answers, and a file is uploaded only when its SHA-256
differs from what the portal got last time: a push that fails on the third file resumes with
the third file.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from radadata.accounts.models import User
from radadata.core.errors import Conflict, DomainError, ValidationFailed
from radadata.jobs.base import Item, JobRunner, register
from radadata.portal_sync import drift as drift_check
from radadata.portal_sync import mapping, selectors, services
from radadata.portal_sync.client import (
    PortalClient,
    PortalError,
    PortalRejected,
    PortalUnavailable,
)
from radadata.portal_sync.layout import Layout
from radadata.portal_sync.models import DatasetSync, PortalConnection, SyncState
from radadata.portal_sync.polling import portal_answer
from radadata.registry import access
from radadata.registry.models import Dataset
from radadata.workflow.services import submission_transition
from radadata.workflow.states import Action, State

log = logging.getLogger(__name__)


@dataclass
class PushResult:
    dataset: Dataset
    remote_name: str
    created: bool = False
    fields_changed: list[str] = field(default_factory=list)
    uploaded: list[str] = field(default_factory=list)
    workflow_step: bool = False

    def line(self) -> str:
        if self.created:
            text = _("Created the package %(name)s on the portal") % {"name": self.remote_name}
        elif self.fields_changed or self.uploaded:
            text = _("Updated the package %(name)s") % {"name": self.remote_name}
        else:
            text = _("The portal already has everything (%(name)s)") % {"name": self.remote_name}
        if self.uploaded:
            text += "; " + _("files sent: %(files)s") % {"files": ", ".join(self.uploaded)}
        if self.workflow_step:
            text += "; " + _("the upload is recorded in the submission")
        return text + "."


def _ours(package: dict[str, Any], conn: PortalConnection) -> bool:
    org = package.get("owner_org") or ""
    organization = package.get("organization") or {}
    return conn.organization in {org, organization.get("id"), organization.get("name")}


def _by_name(client: PortalClient, name: str, conn: PortalConnection) -> dict | None:
    if not name:
        return None
    package = client.show_or_none("package_show", id=name)
    if package is not None and not _ours(package, conn):
        raise PortalRejected(
            _("The address %(name)s on the portal belongs to another organisation. Change the "
              "dataset's address name in the passport and push again.") % {"name": name})
    return package


def _locate(client: PortalClient, sync: DatasetSync, out: mapping.Outgoing,
            conn: PortalConnection) -> tuple[dict | None, bool]:
    """The dataset's package on the portal, and whether it was deleted there. A deleted
    package CKAN still shows (to its organisation) comes back too: a push revives it."""
    if sync.remote_id:
        package = client.show_or_none("package_show", id=sync.remote_id)
        return package, package is None or _is_deleted(package)
    # Never saved an id: a crash may have come right after the create. The name we meant to
    # use first, then the name the passport gives now.
    for name in dict.fromkeys([sync.remote_name, out.name]):
        package = _by_name(client, name, conn)
        if package is not None:
            return package, _is_deleted(package)
    return None, False


def _is_deleted(package: dict[str, Any]) -> bool:
    return package.get("state") == "deleted"


def _create(client: PortalClient, sync: DatasetSync, token: str, out: mapping.Outgoing,
            conn: PortalConnection, layout: Layout, at: dt.datetime) -> dict:
    sync = services.sync_intend_name(sync=sync, token=token, name=out.name, at=at)
    try:
        return client.call("package_create", name=out.name, **layout.payload(out.fields),
                           recover=lambda: _by_name(client, out.name, conn))
    except PortalRejected as error:
        # "That URL is already in use": ours, made by an attempt whose answer was lost, or
        # deleted by hand (CKAN keeps a deleted package's name): then it is revived.
        found = _by_name(client, out.name, conn) if "name" in error.fields else None
        if found is None:
            raise
        if _is_deleted(found):
            found = client.call("package_patch", id=found["id"], state="active",
                                **layout.payload(out.fields))
        return found


def _same_file(entry: dict | None, file: mapping.FileToSend) -> bool:
    return bool(entry) and all(entry.get(k) == getattr(file, k)
                               for k in ("sha256", "name", "description", "format"))


def _send_file(client: PortalClient, sync: DatasetSync, token: str, package: dict,
               file: mapping.FileToSend, at: dt.datetime) -> tuple[DatasetSync, bool]:
    """Upload one file if the portal does not have it yet; save its resource id at once."""
    remote = {r["id"]: r for r in package.get("resources") or []}
    entry = sync.resources.get(file.key)
    if entry and entry.get("id") in remote and _same_file(entry, file):
        return sync, False
    claimed = {e.get("id") for e in sync.resources.values()}
    target: dict[str, Any]
    recover = None
    if entry and entry.get("id") in remote:
        action, target = "resource_update", {"id": entry["id"]}
    else:
        # Lost track of it (a crash after the upload)? The resource of that name nobody claims.
        orphan = next((r for r in remote.values()
                       if r.get("name") == file.name and r["id"] not in claimed), None)
        if orphan is not None:
            action, target = "resource_update", {"id": orphan["id"]}
        else:
            action, target = "resource_create", {"package_id": package["id"]}
            known = set(remote)

            def recover() -> dict | None:
                fresh = client.call("package_show", id=package["id"])
                return next((r for r in fresh.get("resources") or []
                             if r.get("name") == file.name and r["id"] not in known
                             and r["id"] not in claimed), None)
    with file.open() as stream:
        # CKAN does not compute a file's hash itself: the SHA-256 goes with the upload.
        result = client.upload(action, stream=stream, filename=file.filename, recover=recover,
                               name=file.name, description=file.description,
                               format=file.format, hash=file.content_sha256(), **target)
    entry = {"id": result["id"], "sha256": file.sha256, "name": file.name,
             "description": file.description, "format": file.format}
    return services.sync_record_resource(sync=sync, token=token, key=file.key, entry=entry,
                                         at=at), True


def _foreign(sync: DatasetSync, package: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Files someone added to the package on the portal, which a push leaves there: kept as
    known, so they are not reported as a change again after the officer's confirmed push."""
    ours = {e.get("id") for e in sync.resources.values() if not e.get("foreign")}
    return {f"portal:{r['id']}": {"id": r["id"], "name": r.get("name") or "", "foreign": True}
            for r in package.get("resources") or [] if r.get("id") not in ours}


def _verify(client: PortalClient, conn: PortalConnection, layout: Layout, package: dict,
            out: mapping.Outgoing, at: dt.datetime) -> tuple[dict, Layout]:
    """Did the portal keep what we sent, where we sent it? A portal whose schema is not known
    drops a top-level field it does not know: send it again in extras, once; a field kept in
    neither place is recorded as dropped. The layout learnt is saved on the connection."""
    for _attempt in range(2):
        learnt = layout.verified(out.fields, package)
        if learnt == layout:
            break
        moved = {key for key in layout.top_level - learnt.top_level if key not in learnt.dropped}
        layout = learnt
        services.connection_record_layout(conn=conn, layout=layout, at=at)
        if not moved:
            break
        log.info("portal %s keeps %s only in extras", conn.base_url, ", ".join(sorted(moved)))
        package = client.call("package_patch", id=package["id"], **layout.payload(out.fields))
    return package, layout


def _record_upload(dataset: Dataset, at: dt.datetime, *, sent: bool) -> bool:
    """The workflow's upload step, by the system, if the open submission waits for it. After
    the portal's rejection, only a push that changed something is a new upload."""
    submission = dataset.submissions.filter(state__in=selectors.UPLOAD_STEP).first()
    if submission is None or (submission.state == State.PORTAL_REJECTED and not sent):
        return False
    try:
        submission_transition(submission=submission, action=Action.UPLOAD, by=None, at=at,
                              note=_("Uploaded to the portal by the sync job."))
    except Conflict:
        return False  # someone recorded it by hand a moment ago
    return True


def push_dataset(*, dataset: Dataset, conn: PortalConnection, client: PortalClient,
                 force: bool = False, by: User | None, at: dt.datetime) -> PushResult:
    """Push one dataset's passport and changed files. Raises a DomainError the officer can
    act on; everything the portal confirmed before the error stays saved."""
    access.require_office(by)
    if not selectors.is_pushable(dataset):
        raise Conflict(_("The dataset is not ready for the portal: publish it, or accept its "
                         "submission, first."), code="not_ready")
    out = mapping.outgoing_one(dataset, conn)
    layout = Layout.from_stored(conn.layout)
    sync, previous = services.sync_claim(dataset=dataset, by=by, at=at)
    token = sync.claim
    try:
        if out.problems:
            raise ValidationFailed(" ".join(out.problems), code="passport_incomplete")
        package, deleted = _locate(client, sync, out, conn)
        if not force:
            found = (drift_check.deleted() if deleted
                     else drift_check.detect(sync, package) if package is not None else {})
            if found:
                # The portal answered: an earlier failure's error is stale now.
                restore = previous if previous != SyncState.FAILED else (
                    SyncState.IN_SYNC if sync.pushed_at else SyncState.NEVER)
                services.sync_record_drift(sync=sync, drift=found, at=at, token=token,
                                           restore_state=restore)
                raise Conflict(_("The package was changed on the portal by hand since the last "
                                 "push. Look at the differences, then push again and confirm "
                                 "that the portal's changes may be overwritten."),
                               code="portal_drift")
        result = PushResult(dataset=dataset, remote_name=out.name)
        if package is None:
            package = _create(client, sync, token, out, conn, layout, at)
            result.created = True
            package, layout = _verify(client, conn, layout, package, out, at)
        else:
            theirs = mapping.remote_fields(package, organization=conn.organization)
            result.fields_changed = list(mapping.field_changes(layout.kept(out.fields), theirs))
            revive = {"state": "active"} if _is_deleted(package) else {}
            if result.fields_changed or revive:
                package = client.call("package_patch", id=package["id"], **revive,
                                      **layout.payload(out.fields))
                package, layout = _verify(client, conn, layout, package, out, at)
        result.remote_name = package.get("name") or out.name
        if sync.remote_id != package["id"] or sync.remote_name != result.remote_name:
            sync = services.sync_record_package(sync=sync, token=token, remote_id=package["id"],
                                                remote_name=result.remote_name, at=at)
        for file in out.files:
            sync, sent = _send_file(client, sync, token, package, file, at)
            if sent:
                result.uploaded.append(file.name)
        final = client.call("package_show", id=package["id"])
        answer = portal_answer(final)
        services.sync_finish(sync=sync, token=token, fields=layout.kept(out.fields),
                             # A portal with no moderation field publishes at once.
                             moderation="" if answer.explicit else answer.status,
                             fingerprint=out.fingerprint, foreign=_foreign(sync, final),
                             remote_modified=mapping.parse_timestamp(
                                 final.get("metadata_modified")),
                             uploaded=result.uploaded, by=by, at=at)
    except Conflict as error:
        if error.code not in ("portal_drift", "push_claim_lost"):
            services.sync_fail(sync=sync, token=token, message=error.message, by=by, at=at)
        raise
    except DomainError as error:
        services.sync_fail(sync=sync, token=token, message=error.message, by=by, at=at)
        raise
    except Exception:
        log.exception("push of dataset %s failed", dataset.pk)
        services.sync_fail(sync=sync, token=token, by=by, at=at,
                           message=_("Unexpected error during the push; it can be resumed."))
        raise
    sent = result.created or bool(result.fields_changed or result.uploaded)
    result.workflow_step = _record_upload(dataset, at, sent=sent)
    return result


@register
class PortalPush(JobRunner):
    """params: {"datasets": [pk, ...]} or {"all": true}; "force": push over hand edits."""

    kind = services.PUSH_KIND
    queue = "long"
    title = gettext_lazy("Upload to data.gov.ua")

    _client: PortalClient | None = None
    #: Set when the portal stayed down through a dataset's retries: the rest are not tried.
    _down: str = ""
    #: When to suggest trying again.
    RETRY_AFTER = dt.timedelta(hours=1)

    def items(self) -> Iterable[Item]:
        if self.params.get("all"):
            datasets = selectors.pushable_datasets()
        else:
            ids = [int(pk) for pk in self.params.get("datasets") or []]
            datasets = Dataset.objects.filter(pk__in=ids).order_by("title", "id")
        for dataset in datasets.only("pk", "title"):
            yield Item(key=f"dataset:{dataset.pk}", label=dataset.title, payload=dataset.pk)

    def _connection(self) -> tuple[PortalConnection, PortalClient]:
        conn = selectors.usable_connection()
        if self._client is None:  # one HTTP session for the whole job
            self._client = selectors.client_for(conn)
        return conn, self._client

    def process(self, item: Item) -> str:
        dataset = Dataset.objects.filter(pk=item.payload).first()
        if dataset is None:
            raise PortalError(_("The dataset no longer exists."))
        if self._down:
            raise PortalUnavailable(self._down)
        conn, client = self._connection()
        # The clock per dataset, not the job's start: claims must not look old in a long job.
        now = timezone.now()
        try:
            result = push_dataset(dataset=dataset, conn=conn, client=client,
                                  force=bool(self.params.get("force")), by=self.job.created_by,
                                  at=now)
        except PortalUnavailable as error:
            # Every other dataset would wait through the same retries (an hour for a large
            # council): stop asking, and say when to try again.
            later = timezone.localtime(now + self.RETRY_AFTER).strftime("%H:%M")
            self._down = _("Not tried: the portal was not available (%(reason)s). Push again "
                           "after %(time)s.") % {"reason": error.message, "time": later}
            raise
        return result.line()

    def finish(self) -> dict[str, Any] | None:
        if self._client is not None:
            self._client.close()
        return None
