"""Drift: a package changed on the portal by hand since our last push.

The evidence is what differs from what we sent: a managed field (title, description,
keywords…), a file of ours deleted or renamed there, a file added there. The portal's
metadata_modified is only the trigger: a package not modified since our push is not compared,
and one modified by the moderator alone (its fields as we sent them) is no drift.

A push refuses to overwrite drift unless the officer confirms (push.push_dataset(force=True));
the periodic check below finds it without waiting for the next push.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from radadata.core.errors import DomainError
from radadata.jobs.schedule import periodic
from radadata.portal_sync import mapping, selectors, services
from radadata.portal_sync.client import PortalClient, PortalError
from radadata.portal_sync.models import DatasetSync, SyncState

log = logging.getLogger(__name__)

SEARCH_ROWS = 500


def deleted() -> dict[str, Any]:
    return {"deleted": True}


def detect(sync: DatasetSync, package: dict[str, Any]) -> dict[str, Any]:
    """What differs on the portal from what we last sent; {} when nothing does (or we never
    pushed: then nothing was ours to compare)."""
    if not sync.pushed_fields:
        return {}
    result: dict[str, Any] = {}
    theirs = mapping.remote_fields(package,
                                   organization=sync.pushed_fields.get("owner_org", ""))
    fields = {key: [sent, theirs.get(key, "")] for key, sent in sync.pushed_fields.items()
              if key in mapping.FIELDS and not mapping.same(key, sent, theirs.get(key))}
    if fields:
        result["fields"] = fields
    remote = {r.get("id"): r for r in package.get("resources") or []}
    known = {entry.get("id"): entry for entry in sync.resources.values()}
    ours = {rid: entry for rid, entry in known.items() if not entry.get("foreign")}
    files = []
    for rid, entry in ours.items():
        if rid not in remote:
            files.append({"kind": "deleted", "name": entry.get("name", "")})
        elif (remote[rid].get("name") or "") != entry.get("name", ""):
            files.append({"kind": "renamed", "name": entry.get("name", ""),
                          "portal_name": remote[rid].get("name") or ""})
    for rid, resource in remote.items():
        if rid not in known:
            files.append({"kind": "added", "name": resource.get("name") or rid})
    if files:
        result["files"] = files
    return result


def _organization_id(client: PortalClient, organization: str) -> str:
    org = client.call("organization_show", id=organization, include_datasets=False)
    return org.get("id") or organization


def organization_packages(client: PortalClient, organization: str) -> list[dict[str, Any]]:
    """Every package of the organisation (private ones too, which the key may see)."""
    org_id = _organization_id(client, organization)
    packages: list[dict[str, Any]] = []
    start = 0
    while True:
        page = client.call("package_search", fq=f'owner_org:"{org_id}"', rows=SEARCH_ROWS,
                           start=start, include_private=True, sort="name asc")
        results = page.get("results") or []
        packages.extend(results)
        start += len(results)
        if not results or start >= int(page.get("count") or 0):
            return packages


def check_sync(sync: DatasetSync, package: dict[str, Any] | None, *, at: dt.datetime
               ) -> DatasetSync:
    """Record what differs now (or that nothing does any more)."""
    if package is None:
        found = deleted()
    else:
        modified = _modified(package)
        if (not sync.drift and sync.remote_modified and modified
                and modified <= sync.remote_modified):
            return sync  # not touched since our push
        found = detect(sync, package)
    return services.sync_record_drift(sync=sync, drift=found, at=at)


def _modified(package: dict[str, Any]) -> dt.datetime | None:
    return mapping.parse_timestamp(package.get("metadata_modified"))


@periodic("portal_sync.drift", every=dt.timedelta(hours=6))
def check_drift(*, at: dt.datetime) -> int:
    """Compare every pushed package with what we sent; returns how many differ. One search
    for the whole organisation, then a package_show only for packages the search missed."""
    try:
        conn = selectors.usable_connection()
    except DomainError:
        return 0  # not connected: nothing to check
    syncs = list(selectors.pushed_syncs().exclude(state=SyncState.PUSHING))
    if not syncs:
        return 0
    with selectors.client_for(conn) as client:
        try:
            found = {p.get("id"): p for p in organization_packages(client, conn.organization)}
        except PortalError as error:
            log.warning("drift check: %s", error.message)
            return 0
        differing = 0
        for sync in syncs:
            package = found.get(sync.remote_id)
            try:
                if package is None:
                    package = client.show_or_none("package_show", id=sync.remote_id)
                    if package is not None and package.get("state") == "deleted":
                        package = None
            except PortalError as error:
                log.warning("drift check of %s: %s", sync.remote_name, error.message)
                continue
            differing += bool(check_sync(sync, package, at=at).drift)
    return differing
