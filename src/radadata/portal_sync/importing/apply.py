"""Importing one package: plan it against the registry as it is now, download its files (outside
any transaction: a slow source never holds the database), then write everything in one
transaction through the registry's services, so a package is imported whole or not at all.

A file that can never be imported (too big, empty) is skipped and reported; a file that cannot
be fetched now fails the package, which the next run imports (nothing of it was written).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from radadata.accounts import services as account_services
from radadata.accounts.models import User
from radadata.core import audit
from radadata.portal_sync import mapping
from radadata.portal_sync.models import PortalConnection
from radadata.registry import access
from radadata.registry.imports.plan import KEEP
from radadata.registry.imports.services import dataset_record_publication
from radadata.registry.models import Dataset, Owner, Resource, ResourceVersion
from radadata.registry.services import datasets as dataset_services
from radadata.registry.services import owners as owner_services
from radadata.registry.services import resources as resource_services
from radadata.registry.vocabularies import MembershipRole

from . import services
from . import source as sources
from .download import Downloaded, DownloadFailed, Unusable, fetch
from .parties import NewOwner, NewPerson
from .plan import CREATE, FILE_SKIP, SKIP, UNCHANGED, UPDATE, FilePlan, PackagePlan
from .planning import Planner

if TYPE_CHECKING:  # requests is heavy for every command's start; only its types here
    import requests
from .reverse import read_package

STRUCTURE_MAX_BYTES = 5 * 1024 * 1024


@dataclass
class ImportResult:
    plan: PackagePlan
    dataset: Dataset | None = None
    added: list[str] = field(default_factory=list)  # files stored as a new version
    same: list[str] = field(default_factory=list)  # downloaded, but the registry had them

    @property
    def action(self) -> str:
        return self.plan.action

    def line(self) -> str:
        """The job log's line for the package."""
        plan = self.plan
        if plan.action == SKIP:
            return _("Skipped: %(why)s") % {"why": " ".join(plan.reasons)}
        if plan.action == UNCHANGED:
            text = _("No change (dataset %(name)s).") % {
                "name": self.dataset.name if self.dataset else ""}
        elif plan.action == CREATE:
            text = _("Created the dataset %(name)s (owner: %(owner)s).") % {
                "name": self.dataset.name if self.dataset else "",
                "owner": self.dataset.owner if self.dataset else ""}
        else:
            text = _("Updated the dataset %(name)s: %(changes)s.") % {
                "name": self.dataset.name if self.dataset else "",
                "changes": ", ".join(plan.changes + ([_("files")] if self.added else []))}
        if self.added:
            text += " " + _("Files: %(files)s.") % {"files": ", ".join(self.added)}
        skipped = [f for f in plan.files if f.action == FILE_SKIP and not f.incoming.structure]
        if skipped:
            text += " " + _("Not imported: %(files)s.") % {"files": "; ".join(
                f"{f.incoming.name} ({f.reason})" for f in skipped)}
        return text


class _Writer:
    """Turns the plan's new owners and people into rows, once each."""

    def __init__(self, by: User | None, at: dt.datetime) -> None:
        self.by, self.at = by, at
        self.owners: dict[int, Owner] = {}
        self.people: dict[int, User] = {}

    def owner(self, ref: Owner | NewOwner) -> Owner:
        if isinstance(ref, Owner):
            return ref
        if id(ref) not in self.owners:
            self.owners[id(ref)] = owner_services.owner_create(
                name=ref.name, edrpou=ref.edrpou, kind=ref.kind, by=self.by, at=self.at)
        return self.owners[id(ref)]

    def person(self, ref: Any) -> User | None:
        if not isinstance(ref, NewPerson):
            return ref
        if id(ref) not in self.people:
            user = account_services.user_create(
                email=ref.email, last_name=ref.last_name, first_name=ref.first_name,
                patronymic=ref.patronymic, by=self.by, at=self.at)
            if ref.responsible_for is not None:
                owner_services.membership_add(owner=self.owner(ref.responsible_for), user=user,
                                              role=MembershipRole.RESPONSIBLE, by=self.by,
                                              at=self.at)
            self.people[id(ref)] = user
        return self.people[id(ref)]


def _dataset(plan: PackagePlan, writer: _Writer, by: User | None, at: dt.datetime) -> Dataset:
    fields = dict(plan.fields)
    if plan.new_person is not None:
        writer.person(plan.new_person)
    if plan.responsible is not KEEP:
        fields["responsible"] = writer.person(plan.responsible)
    if plan.action == CREATE:
        assert plan.owner is not None
        dataset = dataset_services.dataset_register(
            owner=writer.owner(plan.owner), keywords=plan.keywords or (),
            themes=plan.themes or (), by=by, at=at, **fields)
    else:
        dataset = plan.dataset
        assert dataset is not None
        if fields or plan.keywords is not None or plan.themes is not None:
            dataset = dataset_services.dataset_update(
                dataset=dataset, keywords=plan.keywords, themes=plan.themes, by=by, at=at,
                **fields)
    if plan.publish_on:
        dataset = dataset_record_publication(dataset=dataset, published_on=plan.publish_on,
                                             by=by, at=at)
    return dataset


def _entry(resource: Resource, version: ResourceVersion, remote_id: str) -> dict[str, str]:
    """As push.py records a file it uploaded: the next push leaves an unchanged file alone."""
    return {"id": remote_id, "sha256": version.sha256, "name": resource.title,
            "description": resource.description, "format": version.format}


def _sync_resources(plan: PackagePlan, stored: dict[int, tuple[Resource, ResourceVersion]]
                    ) -> dict[str, dict[str, Any]]:
    entries: dict[str, dict[str, Any]] = {}
    for index, file in enumerate(plan.files):
        remote_id = file.incoming.remote_id
        if index in stored:
            resource, version = stored[index]
            entries[str(resource.pk)] = _entry(resource, version, remote_id)
        elif file.incoming.structure:
            entries[mapping.STRUCTURE_KEY] = {
                "id": remote_id, "sha256": "", "name": mapping.STRUCTURE_NAME,
                "description": mapping.STRUCTURE_DESCRIPTION, "format": "JSON"}
        elif remote_id:
            # Left on the portal as it is: a later push neither touches nor reports it.
            entries[f"portal:{remote_id}"] = {"id": remote_id, "name": file.incoming.name,
                                              "foreign": True}
    return entries


@transaction.atomic
def package_import(*, plan: PackagePlan, downloads: dict[int, Downloaded],
                   source: sources.Source, by: User | None, at: dt.datetime,
                   structure: bytes | None = None) -> ImportResult:
    """Write one planned package: its owner and contact person if new, the dataset, its
    publication, a version of each downloaded file whose content is new, and (from the
    connected portal) the remote ids. All or nothing; one audit entry for the package."""
    access.require_office(by)
    result = ImportResult(plan=plan)
    if plan.action not in (CREATE, UPDATE):
        result.dataset = plan.dataset
        return result
    writer = _Writer(by, at)
    dataset = _dataset(plan, writer, by, at)
    stored: dict[int, tuple[Resource, ResourceVersion]] = {}
    for index, file in enumerate(plan.files):
        if file.action == FILE_SKIP:
            continue
        got = downloads.get(index)
        if got is None or (file.current is not None and got.sha256 == file.current.sha256):
            if file.current is not None and file.resource is not None:
                stored[index] = (file.resource, file.current)
                if got is not None:
                    result.same.append(file.incoming.name)
            continue
        resource = file.resource or resource_services.resource_create(
            dataset=dataset, title=file.incoming.name or got.filename,
            description=file.incoming.description, by=by, at=at)
        version = resource_services.version_add(
            resource=resource, stream=got.stream, filename=got.filename, by=by, at=at,
            note=_("Imported from %(source)s") % {"source": source.base_url})
        stored[index] = (resource, version)
        result.added.append(file.incoming.name or got.filename)
    conn = PortalConnection.current()
    if plan.link and conn is not None:
        services.sync_record_import(dataset=dataset, package=plan.incoming.package,
                                    resources=_sync_resources(plan, stored), conn=conn,
                                    by=by, at=at, structure=structure)
    if plan.action == UPDATE and not (plan.fields or plan.keywords is not None
                                      or plan.themes is not None or plan.changes
                                      or plan.responsible is not KEEP or result.added
                                      or plan.new_person is not None):
        plan.action = UNCHANGED  # every downloaded file was the registry's already
    else:
        audit.record(actor=by, action="portal.package_imported", obj=dataset, at=at,
                     note=source.describe(), changes={
                         "package": [None, plan.incoming.remote_name or plan.incoming.remote_id],
                         "import": [None, plan.action],
                         **({"files": [None, result.added]} if result.added else {})})
    result.dataset = dataset
    return result


def _download_all(plan: PackagePlan, source: sources.Source, session: requests.Session,
                  progress: Callable[[float], None] | None) -> dict[int, Downloaded]:
    total = sum(f.incoming.size or 0 for f in plan.files if f.downloads) or 0
    received = [0]

    def advance(chunk: int) -> None:
        received[0] += chunk
        if progress is not None and total:
            progress(min(1.0, received[0] / total))

    downloads: dict[int, Downloaded] = {}
    try:
        for index, file in enumerate(plan.files):
            if not file.downloads:
                continue
            try:
                downloads[index] = fetch(
                    file.incoming.url, session=session, cap=settings.MAX_UPLOAD_BYTES,
                    fallback=_fallback_name(file), api_key=source.api_key,
                    key_host=source.host, expected_sha256=file.incoming.sha256,
                    progress=advance)
            except Unusable as error:
                file.action, file.reason = FILE_SKIP, error.message
            except DownloadFailed as error:
                raise DownloadFailed(_("The file “%(file)s” failed: %(reason)s. Nothing of this "
                                       "dataset was imported.") % {
                    "file": file.incoming.name or file.incoming.url, "reason": error.message}
                ) from error
    except BaseException:
        for got in downloads.values():
            got.close()
        raise
    return downloads


def _structure(plan: PackagePlan, source: sources.Source, session: requests.Session
               ) -> bytes | None:
    """The portal's structure file of a package linked for later pushes: if a push would make
    the same file, the portal has it already. Not having it only means a push sends it."""
    file = next((f for f in plan.files if f.incoming.structure and f.incoming.url), None)
    if not plan.link or file is None:
        return None
    try:
        got = fetch(file.incoming.url, session=session, cap=STRUCTURE_MAX_BYTES,
                    api_key=source.api_key, key_host=source.host, retries=0)
    except (Unusable, DownloadFailed):
        return None
    try:
        return got.stream.read()
    finally:
        got.close()


def _fallback_name(file: FilePlan) -> str:
    extension = file.incoming.format.lower() or "bin"
    return f"{file.incoming.remote_id or 'file'}.{extension}"


def import_package(*, package: dict[str, Any], source: sources.Source,
                   session: requests.Session, by: User | None, at: dt.datetime,
                   progress: Callable[[float], None] | None = None) -> ImportResult:
    """Plan, download and write one package (one item of the import job)."""
    access.require_office(by)
    plan = Planner(source, PortalConnection.current(), at=at).plan(read_package(package))
    if plan.action in (SKIP, UNCHANGED):
        return ImportResult(plan=plan, dataset=plan.dataset)
    downloads = _download_all(plan, source, session, progress)
    try:
        structure = _structure(plan, source, session)
        return package_import(plan=plan, downloads=downloads, source=source, by=by, at=at,
                              structure=structure)
    finally:
        for got in downloads.values():
            got.close()
