"""Planning an import: which dataset each package is, what it would create or change, and which
files would be downloaded. Nothing is written; the dry run is this, for every package.

A package is the registry's dataset when (in this order) the connected portal's package id is
kept in its DatasetSync, its identifier is the package's id (a dataset imported before), or it
is the one dataset of exactly that title that is not linked to another package yet.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils.translation import gettext as _

from radadata.portal_sync import mapping
from radadata.portal_sync.models import DatasetSync, PortalConnection
from radadata.registry.imports.parties import name_key
from radadata.registry.imports.plan import KEEP
from radadata.registry.models import Council, Dataset, Resource, Theme
from radadata.registry.vocabularies import DatasetStatus, Periodicity

from . import source as sources
from .parties import NewPerson, Parties
from .plan import (
    CREATE,
    FILE_COMPARE,
    FILE_NEW,
    FILE_REPLACE,
    FILE_SAME,
    FILE_SKIP,
    SKIP,
    UNCHANGED,
    UPDATE,
    FilePlan,
    ImportReport,
    PackagePlan,
)
from .reverse import Incoming, IncomingFile, read_package

if TYPE_CHECKING:  # requests is heavy for every command's start; only its types here
    import requests

#: The legal basis every council's open data shares, for a package that states none (a plain
#: CKAN has no such field). Data, in Ukrainian: it goes into the passport.
DEFAULT_PURPOSE = ("Закон України «Про доступ до публічної інформації», постанова Кабінету "
                   "Міністрів України від 21.10.2015 № 835.")
DEFAULT_PERIODICITY = Periodicity.ON_CHANGE
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"


class Planner:
    """Plans packages one after another; what one plans (a new owner, a name) the next sees."""

    def __init__(self, source: sources.Source, conn: PortalConnection | None = None, *,
                 at: dt.datetime) -> None:
        self.at = at
        self.conn = conn if sources.is_connected_portal(source, conn) else None
        self.parties = Parties()
        self.claimed: set[int] = set()  # datasets a package of this run is already
        self.names: set[str] = set()
        self.identifiers: set[str] = set()
        self.themes: dict[str, str] = {}
        for theme in Theme.objects.all():
            self.themes[theme.code.lower()] = theme.code
            self.themes[theme.name.lower()] = theme.code
        self.max_bytes = settings.MAX_UPLOAD_BYTES
        self.prefix = mapping.council_prefix(Council.current()) + "-"

    # Which dataset ----------------------------------------------------------------------------
    def _linked(self, incoming: Incoming) -> bool:
        return self.conn is not None and sources.belongs_to(incoming.package, self.conn)

    def _match(self, incoming: Incoming) -> tuple[Dataset | None, str]:
        datasets = (Dataset.objects.select_related("owner", "responsible")
                    .prefetch_related("keywords", "themes"))
        if self._linked(incoming) and incoming.remote_id:
            sync = DatasetSync.objects.filter(remote_id=incoming.remote_id).first()
            if sync is not None:
                return datasets.get(pk=sync.dataset_id), _("the package id on the portal")
        for identifier in dict.fromkeys(filter(None, [incoming.identifier,
                                                      incoming.remote_id])):
            found = datasets.filter(identifier=identifier).first()
            if found is not None:
                return found, _("identifier")
        same_title = [d for d in datasets.filter(title=incoming.title)[:2]
                      if d.pk not in self.claimed]
        if len(same_title) == 1:
            sync = DatasetSync.objects.filter(dataset=same_title[0]).exclude(remote_id="")
            if not sync.exclude(remote_id=incoming.remote_id).exists():
                return same_title[0], _("title")
        return None, ""

    # The plan ---------------------------------------------------------------------------------
    def plan(self, incoming: Incoming) -> PackagePlan:
        plan = PackagePlan(incoming=incoming, notes=list(incoming.notes),
                           reasons=list(incoming.problems))
        if plan.reasons:
            plan.action = SKIP
            return plan
        plan.dataset, plan.matched_by = self._match(incoming)
        if plan.dataset is None:
            self._create(plan)
        else:
            self.claimed.add(plan.dataset.pk)
            self._update(plan)
        if plan.reasons:
            plan.action = SKIP
            return plan
        self._files(plan)
        self._link(plan)
        if plan.action == UPDATE and not (
                plan.fields or plan.keywords is not None or plan.themes is not None
                or plan.responsible is not KEEP or plan.publish_on or plan.downloads
                or plan.changes):
            plan.action = UNCHANGED
        return plan

    def _themes(self, incoming: Incoming, notes: list[str]) -> list[str]:
        codes = []
        for name, title in incoming.groups:
            code = self.themes.get(name.lower()) or self.themes.get(title.lower())
            if code:
                codes.append(code)
            else:
                notes.append(_("The portal's group “%(group)s” is not one of the registry's "
                               "themes; it is not taken.") % {"group": title or name})
        return sorted(set(codes))

    def _address_name(self, incoming: Incoming) -> str:
        """The package's own name, if it suits an address here (the registry makes one from
        the title otherwise). The council's prefix our pushes add is taken off again."""
        name = incoming.remote_name
        if name.startswith(self.prefix):
            name = name[len(self.prefix):]
        if (not _SLUG.match(name) or _UUID.match(name) or len(name) > 100
                or name in self.names or Dataset.objects.filter(name=name).exists()):
            return ""
        self.names.add(name)
        return name

    def _create(self, plan: PackagePlan) -> None:
        incoming = plan.incoming
        if not incoming.description:
            plan.reasons.append(_("The package has no description, which the passport "
                                  "requires. Add it on the source, then import again."))
            return
        plan.owner = self.parties.owner(incoming, plan.notes, plan.reasons)
        if plan.owner is None:
            return
        plan.action = CREATE
        fields: dict[str, Any] = {
            "title": incoming.title, "description": incoming.description,
            "purpose": incoming.purpose, "periodicity": incoming.periodicity,
            "language": incoming.language or "uk",
            "created_on": incoming.published_on or self.at.date(),
        }
        if not incoming.purpose:
            fields["purpose"] = DEFAULT_PURPOSE
            plan.notes.append(_("The package states no purpose of collection; the common legal "
                                "basis of open data is entered. Check it in the passport."))
        if not incoming.periodicity:
            fields["periodicity"] = DEFAULT_PERIODICITY
            plan.notes.append(_("The package states no update frequency; “immediately after "
                                "making changes” is entered. Check it in the passport."))
        # The identifier the package carries (a package this registry pushed), else its id.
        identifier = incoming.identifier or incoming.remote_id
        if (identifier and len(identifier) <= 100 and identifier not in self.identifiers
                and not Dataset.objects.filter(identifier=identifier).exists()):
            fields["identifier"] = identifier
            self.identifiers.add(identifier)
        name = self._address_name(incoming)
        if name:
            fields["name"] = name
        plan.fields = fields
        plan.keywords = incoming.keywords
        plan.themes = self._themes(incoming, plan.notes)
        contact = self.parties.contact(incoming, plan.owner, plan.notes)
        plan.responsible, plan.new_person = contact.person, contact.new
        if incoming.published:
            plan.publish_on = incoming.published_on or self.at.date()
        else:
            plan.notes.append(_("The package is not public on the source (private, or waiting "
                                "for the portal's moderator): the dataset is entered in the "
                                "registry but not published."))

    def _update(self, plan: PackagePlan) -> None:
        incoming, dataset = plan.incoming, plan.dataset
        assert dataset is not None
        plan.action = UPDATE
        wanted = {"title": incoming.title, "description": incoming.description,
                  "purpose": incoming.purpose, "periodicity": incoming.periodicity,
                  "language": incoming.language}
        labels = {"title": _("title"), "description": _("description"),
                  "purpose": _("legal basis and purpose of collection"),
                  "periodicity": _("update frequency"), "language": _("language")}
        for key, value in wanted.items():
            # What the package leaves empty keeps the registry's value.
            if value and value != (getattr(dataset, key) or "").strip():
                plan.fields[key] = value
                plan.changes.append(labels[key])
        if incoming.keywords and sorted(incoming.keywords) != sorted(
                k.name for k in dataset.keywords.all()):
            plan.keywords = incoming.keywords
            plan.changes.append(_("keywords"))
        themes = self._themes(incoming, plan.notes)
        if themes and themes != sorted(t.code for t in dataset.themes.all()):
            plan.themes = themes
            plan.changes.append(_("themes"))
        owner = dataset.owner
        if incoming.owner_name and name_key(incoming.owner_name) not in {
                name_key(owner.name), name_key(owner.short_name or owner.name)} and not (
                incoming.owner_code and incoming.owner_code == owner.edrpou):
            plan.notes.append(_("The package names the owner “%(name)s”; the dataset stays "
                                "with “%(owner)s”.") % {"name": incoming.owner_name,
                                                       "owner": owner.name})
        contact = self.parties.contact(incoming, owner, plan.notes)
        if contact.known:
            person, current = contact.person, dataset.responsible if dataset.responsible_id \
                else None
            same = (person is None and current is None) or (
                not isinstance(person, NewPerson) and person is not None
                and current is not None and person.pk == current.pk)
            plan.new_person = contact.new
            if not same:
                plan.responsible = person
                plan.changes.append(_("contact person"))
            elif contact.new is not None:
                plan.changes.append(_("the owner's responsible person"))
        if (incoming.published and not dataset.is_published
                and dataset.status != DatasetStatus.ARCHIVED):
            plan.publish_on = incoming.published_on or self.at.date()
            plan.changes.append(_("published"))

    # Files ------------------------------------------------------------------------------------
    def _skip_reason(self, file: IncomingFile) -> str:
        if file.structure:
            return _("the structure file is not data; RadaData makes the structure from the "
                     "data itself")
        if not file.url:
            return _("the resource has no link to a file")
        if not file.known_format:
            return _("the format %(format)s is not among the recommended formats (§5.2)") % {
                "format": file.format}
        if file.size is not None and file.size > self.max_bytes:
            return _("the file is too big (%(size)s MB; the limit is %(limit)s MB)") % {
                "size": _mb(file.size), "limit": _mb(self.max_bytes)}
        return ""

    def _files(self, plan: PackagePlan) -> None:
        resources: list[Resource] = []
        entries: dict[str, int] = {}
        if plan.dataset is not None:
            resources = list(plan.dataset.resources.prefetch_related("versions"))
            sync = DatasetSync.objects.filter(dataset=plan.dataset).first()
            if sync is not None and self._linked(plan.incoming):
                entries = {e.get("id"): int(key) for key, e in sync.resources.items()
                           if key.isdigit() and e.get("id")}
        taken: set[int] = set()
        for file in plan.incoming.files:
            reason = self._skip_reason(file)
            if reason:
                plan.files.append(FilePlan(incoming=file, action=FILE_SKIP, reason=reason))
                continue
            resource = next((r for r in resources if r.pk == entries.get(file.remote_id)
                             and r.pk not in taken), None) or next(
                (r for r in resources if r.title == file.name and r.pk not in taken), None)
            if resource is None:
                plan.files.append(FilePlan(incoming=file, action=FILE_NEW))
                continue
            taken.add(resource.pk)
            current = resource.current_version
            if current is None:
                action = FILE_NEW
            elif file.sha256:
                action = FILE_SAME if file.sha256 == current.sha256 else FILE_REPLACE
            else:
                action = FILE_COMPARE
            plan.files.append(FilePlan(incoming=file, action=action, resource=resource,
                                       current=current))

    def _link(self, plan: PackagePlan) -> None:
        if not self._linked(plan.incoming) or not plan.incoming.remote_id:
            return
        if plan.dataset is None:
            plan.link = True
            return
        sync = DatasetSync.objects.filter(dataset=plan.dataset).first()
        if sync is not None and sync.remote_id and sync.remote_id != plan.incoming.remote_id:
            plan.notes.append(_("The dataset is linked to another package on the portal "
                                "(%(name)s); that link is kept.") % {"name": sync.remote_name})
            return
        plan.link = True
        if sync is None or not sync.remote_id:
            plan.changes.append(_("linked to the package on the portal"))


def dry_run(source: sources.Source, *, at: dt.datetime,
            session: requests.Session | None = None, **client_options: Any) -> ImportReport:
    """Every package of the source, planned; nothing is written and no file is downloaded."""
    conn = PortalConnection.current()
    source = sources.with_connection_key(source, conn)
    planner = Planner(source, conn, at=at)
    session = session or sources.new_session()
    with sources.open_client(source, session, **client_options) as client:
        packages = sources.list_packages(client, source.organization)
    plans = [planner.plan(read_package(package)) for package in packages]
    return ImportReport(source_label=source.describe(), plans=plans,
                        linked=planner.conn is not None)
