"""The import's own changes of state: starting the job, and keeping the portal's ids of an
imported package in its DatasetSync (bookkeeping inside one package's import, which records
its audit entry once, in apply.package_import)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.core.errors import Conflict
from radadata.jobs.models import Job
from radadata.jobs.services import job_start
from radadata.portal_sync import mapping
from radadata.portal_sync.layout import Layout
from radadata.portal_sync.models import DatasetSync, Moderation, PortalConnection, SyncState
from radadata.portal_sync.polling import portal_answer
from radadata.registry import access
from radadata.registry.models import Dataset

from . import source as sources

IMPORT_KIND = "portal_import"


def import_start(*, source: sources.Source, by: User | None, at: dt.datetime) -> Job:
    """Start the import job: every package of the source, one item each."""
    access.require_office(by)
    params = sources.to_params(source, PortalConnection.current())
    return job_start(kind=IMPORT_KIND, params=params, by=by, at=at)


def _same_file(entry: dict[str, Any] | None, file: mapping.FileToSend) -> bool:
    return bool(entry) and all(entry.get(k) == getattr(file, k)
                               for k in ("sha256", "name", "description", "format"))


def _fingerprint_if_in_sync(dataset: Dataset, conn: PortalConnection,
                            theirs: dict[str, str], resources: dict[str, dict],
                            structure: bytes | None) -> str:
    """The push fingerprint of the dataset when the portal has everything a push would send
    (so the dataset shows "in sync"); "" when a push would still change something. The
    portal's structure file counts as ours when it is, byte for byte, the one a push would
    make (a package this registry pushed before)."""
    out = mapping.outgoing_one(dataset, conn)
    ours = next((f for f in out.files if f.key == mapping.STRUCTURE_KEY), None)
    entry = resources.get(mapping.STRUCTURE_KEY)
    if ours is not None and entry and structure is not None and ours.build \
            and ours.build() == structure:
        entry["sha256"] = ours.sha256
    kept = Layout.from_stored(conn.layout).kept(out.fields)
    if out.problems or mapping.field_changes(kept, theirs):
        return ""
    if not all(_same_file(resources.get(file.key), file) for file in out.files):
        return ""
    return out.fingerprint


@transaction.atomic
def sync_record_import(*, dataset: Dataset, package: dict[str, Any],
                       resources: dict[str, dict[str, Any]], conn: PortalConnection,
                       by: User | None, at: dt.datetime,
                       structure: bytes | None = None) -> DatasetSync:
    """Keep the package's and its resources' ids, so the next push updates this package.
    What the portal has now is the baseline of the drift check (as if we had pushed it);
    `structure` is the content of the portal's structure file, if it has one."""
    access.require_office(by)
    sync, _created = DatasetSync.objects.select_for_update().get_or_create(
        dataset=dataset, defaults={"updated_at": at})
    if sync.claim:
        raise Conflict(_("A push of this dataset is running; import it again when the push "
                         "has finished."), code="push_in_progress")
    if sync.remote_id and sync.remote_id != package.get("id"):
        raise Conflict(_("The dataset is linked to another package on the portal; the import "
                         "does not change that link."), code="linked_elsewhere")
    remote_ids = {r.get("id") for r in package.get("resources") or []}
    now_known = {entry.get("id") for entry in resources.values()}
    kept = {key: entry for key, entry in sync.resources.items()
            if entry.get("id") in remote_ids - now_known and key not in resources}
    sync.resources = {**kept, **resources}
    sync.remote_id, sync.remote_name = package["id"], package.get("name") or ""
    theirs = mapping.remote_fields(package, organization=conn.organization)
    sync.pushed_fields = theirs
    sync.remote_modified = mapping.parse_timestamp(package.get("metadata_modified"))
    answer = portal_answer(package)
    sync.moderation = answer.status if answer.explicit else (
        Moderation.PUBLISHED if answer.status == Moderation.PUBLISHED else "")
    sync.state = SyncState.IN_SYNC
    sync.drift, sync.drift_found_at = {}, None
    sync.error, sync.failed_at = "", None
    sync.updated_at = at
    sync.save()
    sync.pushed_hash = _fingerprint_if_in_sync(dataset, conn, theirs, sync.resources,
                                               structure)
    sync.save(update_fields=["pushed_hash", "resources"])
    return sync
