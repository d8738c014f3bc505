"""Applying an import: all rows or none.

The file is planned again inside the transaction (the registry may have changed since the dry
run). If any row is rejected nothing is saved; otherwise every new owner, person and dataset is
made and every change written through the ordinary services — each with its own audit entry —
and any error on the way rolls the whole import back. Many new datasets are written in bulk
(bulk.py: the same rows and audit entries, a few queries for all of them).
"""

from __future__ import annotations

import datetime as dt
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from radadata.accounts import services as account_services
from radadata.accounts.models import User
from radadata.core.errors import ValidationFailed
from radadata.registry import access
from radadata.registry.models import Owner
from radadata.registry.services import datasets as dataset_services
from radadata.registry.services import owners as owner_services
from radadata.registry.vocabularies import MembershipRole, OwnerKind

from . import services as import_services
from .bulk import register_new
from .plan import CREATE, KEEP, UPDATE, ImportPlan, NewOwner, NewPerson, RowOutcome
from .planning import plan_import
from .reading import Table

#: From this many new datasets on an import writes them in bulk (bulk.py); a few rows go
#: through the services one by one, as the officer's own edits do (well under a second).
BULK_FROM = 20


_GC_LOCK = threading.Lock()
_GC_USERS = [0, (0, 0, 0)]  # imports running in this process, the thresholds before them


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Python's cyclic garbage collector runs every 700 new objects and walks everything alive;
    an import makes hundreds of thousands of model objects, none in a cycle worth collecting
    mid-way: collecting the youngest objects every 50,000 saves a quarter of the time."""
    with _GC_LOCK:
        if not _GC_USERS[0]:
            _GC_USERS[1] = gc.get_threshold()
            gc.set_threshold(50_000, 20, 100)
        _GC_USERS[0] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _GC_USERS[0] -= 1
            if not _GC_USERS[0]:
                gc.set_threshold(*_GC_USERS[1])


def row_message(row: int, message: str) -> str:
    return _("Row %(row)d: %(message)s") % {"row": row, "message": message}


class ImportRejected(ValidationFailed):
    """Some rows are rejected, so nothing is imported; `plan` is the dry run that says why."""

    code = "import_rejected"

    def __init__(self, plan: ImportPlan):
        self.plan = plan
        super().__init__({"rows": [row_message(outcome.row, message)
                                   for outcome in plan.rejected
                                   for message in outcome.messages]})


def _at_row(row: int, call: Callable[..., Any], **kwargs) -> Any:
    """Run a service for one row; a refusal names the row (and undoes the whole import)."""
    try:
        return call(**kwargs)
    except ValidationFailed as error:
        messages = [f"{field}: {message}" if field != "__all__" else message
                    for field, items in error.errors.items() for message in items]
        raise ValidationFailed({"rows": [row_message(row, m) for m in messages]},
                               code="import_failed") from error


class _Applier:
    def __init__(self, plan: ImportPlan, *, by: User | None, at: dt.datetime):
        self.plan, self.by, self.at = plan, by, at
        self.owners: dict[int, Owner] = {}  # id(NewOwner) → the owner made for it
        self.people: dict[int, User] = {}  # id(NewPerson) → the user made for them

    def owner(self, ref: Owner | NewOwner) -> Owner:
        return self.owners[id(ref)] if isinstance(ref, NewOwner) else ref

    def person(self, ref: User | NewPerson | None) -> User | None:
        return self.people[id(ref)] if isinstance(ref, NewPerson) else ref

    def run(self, *, bulk: bool | None = None) -> None:
        rows = self.plan.good_rows
        if bulk is None:
            bulk = sum(outcome.action == CREATE for outcome in rows) >= BULK_FROM
        needed = self._owners_needed(rows)
        for new in self.plan.new_owners:  # parents before their units (planning sorts them)
            if id(new) not in needed:
                continue
            parent = self.owner(new.parent) if new.parent is not None else None
            self.owners[id(new)] = _at_row(
                new.first_row, owner_services.owner_create, by=self.by, at=self.at,
                name=new.name, edrpou=new.edrpou, kind=new.kind, parent=parent,
                position=new.position, registered_on_portal=new.registered_on_portal,
                managing_owner=parent if new.kind == OwnerKind.ENTERPRISE else None)
        people = {id(row.responsible) for row in rows if isinstance(row.responsible, NewPerson)}
        applied = {row.row for row in rows}
        for person in self.plan.new_people:
            if id(person) in people or person.first_row in applied:
                self._add_person(person)
        if bulk:
            register_new([outcome for outcome in rows if outcome.action == CREATE],
                         owner=self.owner, person=self.person, by=self.by, at=self.at)
        for outcome in rows:
            if outcome.action == UPDATE or (outcome.action == CREATE and not bulk):
                self._dataset(outcome)

    def _owners_needed(self, rows: list[RowOutcome]) -> set[int]:
        """The new owners the applied rows name, and the bodies above them."""
        needed: set[int] = set()
        for outcome in rows:
            owner = outcome.owner
            while isinstance(owner, NewOwner) and id(owner) not in needed:
                needed.add(id(owner))
                owner = owner.parent
        return needed

    def _add_person(self, new: NewPerson) -> None:
        if id(new) in self.people:
            return
        user = _at_row(new.first_row, account_services.user_create, by=self.by, at=self.at,
                       email=new.email, last_name=new.last_name, first_name=new.first_name,
                       patronymic=new.patronymic)
        self.people[id(new)] = user
        owner = new.responsible_for
        if owner is not None and (not isinstance(owner, NewOwner) or id(owner) in self.owners):
            _at_row(new.first_row, owner_services.membership_add,
                    owner=self.owner(new.responsible_for), user=user,
                    role=MembershipRole.RESPONSIBLE, by=self.by, at=self.at)

    def _dataset(self, outcome: RowOutcome) -> None:
        fields = dict(outcome.fields)
        if outcome.owner is not KEEP:
            fields["owner"] = self.owner(outcome.owner)
        if outcome.responsible is not KEEP:
            fields["responsible"] = self.person(outcome.responsible)
        if outcome.action == CREATE:
            dataset = _at_row(outcome.row, dataset_services.dataset_register, by=self.by,
                              at=self.at, keywords=outcome.keywords or (), **fields)
        else:
            dataset = outcome.dataset
            if fields or outcome.keywords is not None:
                dataset = _at_row(outcome.row, dataset_services.dataset_update,
                                  dataset=dataset, by=self.by, at=self.at,
                                  keywords=outcome.keywords, **fields)
        if outcome.has_history:
            _at_row(outcome.row, import_services.dataset_record_history, dataset=dataset,
                    uploaded_on=outcome.uploaded_on, published_on=outcome.published_on,
                    modified_on=outcome.modified_on, state=outcome.portal_state,
                    on_list=outcome.on_list, by=self.by, at=self.at)
        elif outcome.published_on:
            _at_row(outcome.row, import_services.dataset_record_publication, dataset=dataset,
                    published_on=outcome.published_on, by=self.by, at=self.at)


@transaction.atomic
def registry_import(*, table: Table, mapping: list[str | None], by: User | None,
                    at: dt.datetime, good_rows: bool = False,
                    bulk: bool | None = None) -> ImportPlan:
    """Import the registry file in one transaction. Officer only (or the system, by=None).

    Every row or none: raises ImportRejected (a ValidationFailed listing the bad rows) when any
    row is rejected. With `good_rows` the rows that pass are applied and the rejected ones left
    out (rejected_workbook() gives them back to correct).

    From BULK_FROM new datasets on they are written in bulk (bulk.py), fewer one by one through
    the services; `bulk` True or False chooses (the same rows either way).
    """
    access.require_office(by)
    with _fewer_collections():
        plan = plan_import(table, mapping, at=at)
        if plan.rejected and not (good_rows and plan.good_rows):
            raise ImportRejected(plan)
        _Applier(plan, by=by, at=at).run(bulk=bulk)
    return plan
