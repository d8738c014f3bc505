"""The dry run: each row checked as the services would check it, without saving anything.

Everything a row is compared with — owners, people, the datasets the file names — is loaded
before the first row, in a few queries, so 10,000 rows take seconds, not a query each. A row is
validated by the model's own field rules (title ≤ 254 characters, description ≤ 4000, …) and the
passport rule of services.datasets; applying (apply.py) runs the services themselves.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.core.errors import ValidationFailed
from radadata.registry import selectors
from radadata.registry.exports.rows import keywords_by_dataset, published_on
from radadata.registry.exports.structures import DATA_TYPE_UK
from radadata.registry.models import Dataset, Owner
from radadata.registry.services.datasets import passport_errors
from radadata.registry.vocabularies import (
    PERIODICITY_UK,
    DatasetStatus,
    DataType,
    periodicity_from_text,
)

from . import values
from .columns import IGNORE, LABELS, check_mapping, letter
from .history import History
from .parties import Parties, name_key
from .plan import (
    CREATE,
    REJECT,
    UNCHANGED,
    UPDATE,
    ImportPlan,
    NewOwner,
    NewPerson,
    Problem,
    RowOutcome,
)
from .reading import SourceRow, Table

# Model field → import field, to name the column of a model validation message.
_MODEL_FIELDS = {
    "identifier": "identifier", "title": "title", "description": "description",
    "purpose": "purpose", "periodicity": "accrualPeriodicity", "declared_formats": "format",
    "landing_page_override": "landingPage", "created_on": "createdOn", "data_type": "dataType",
}
_CHUNK = 900  # under SQLite's limit of variables in one query


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


class _Planner(Parties, History):
    def __init__(self, table: Table, mapping: list[str | None], *, at: dt.datetime):
        self.table = table
        self.at = at
        self.today = timezone.localdate(at)
        self.columns = {key: index for index, key in enumerate(mapping)
                        if key and key != IGNORE}
        self.plan = ImportPlan(table=table, mapping=mapping)
        self.seen: dict[str, int] = {}
        self.new_owners: dict[str, NewOwner] = {}
        self.new_people: dict[str, NewPerson] = {}
        self.has_contact: set[int] = set()  # ids of owners (or NewOwners) with a contact person
        self._load()

    # Everything the rows are compared with, in a few queries --------------------------------
    def _column_values(self, key: str) -> list[str]:
        index = self.columns.get(key)
        if index is None:
            return []
        found = {values.text(row.cell(index)) for row in self.table.rows}
        return sorted(found - {""})

    def _load(self) -> None:
        self.datasets: dict[str, Dataset] = {}
        self.file_formats: dict[int, list[str]] = {}
        self.keywords: dict[int, list[str]] = {}
        for chunk in _chunks(self._column_values("identifier")):
            # Formats and keywords in one query each: prefetching them costs seconds at 10,000.
            queryset = Dataset.objects.filter(identifier__in=chunk)
            self.datasets.update((d.identifier, d)
                                 for d in queryset.select_related("owner", "responsible"))
            self.file_formats.update(selectors.file_formats_by_dataset(queryset))
            self.keywords.update(keywords_by_dataset(queryset))
        self.users: dict[str, User] = {}
        emails = [email.lower() for email in self._column_values("contactPointHasEmail")]
        for chunk in _chunks(emails):
            self.users.update((u.email, u) for u in User.objects.filter(email__in=chunk))
        owners = list(Owner.objects.select_related("parent"))
        self.owners_by_pk = {o.pk: o for o in owners}
        self.owners_by_code = {o.edrpou: o for o in owners if o.edrpou}
        self.owners_by_name: dict[str, Owner] = {}
        for owner in owners:
            self.owners_by_name[name_key(owner.name)] = owner
        for owner in owners:
            if owner.short_name:
                self.owners_by_name.setdefault(name_key(owner.short_name), owner)
        self.contacts = selectors.responsible_by_owner()
        self.has_contact = {id(o) for o in owners if self.contacts.get(o.pk)}

    # Reading a row ----------------------------------------------------------------------------
    def _raw(self, row: SourceRow, key: str) -> Any:
        index = self.columns.get(key)
        return None if index is None else row.cell(index)

    def _text(self, row: SourceRow, key: str) -> str:
        return values.text(self._raw(row, key))

    def _column(self, key: str) -> str:
        index = self.columns.get(key)
        if index is None:
            return f"«{key}»"
        return f"«{self.table.header[index]}» ({letter(index)})"

    def _problem(self, outcome: RowOutcome, key: str, message: str) -> None:
        outcome.problems.append(Problem(field=key, column=self._column(key), message=message))

    def _set(self, outcome: RowOutcome, candidate: Dataset, attr: str, value: Any,
             key: str) -> None:
        """Put a value on the candidate; for an update, only when it differs."""
        if outcome.action == CREATE or getattr(candidate, attr) != value:
            setattr(candidate, attr, value)
            outcome.fields[attr] = value
            if outcome.action == UPDATE:
                outcome.changes.append(key)

    # The row ------------------------------------------------------------------------------------
    def plan_row(self, row: SourceRow) -> RowOutcome:
        outcome = RowOutcome(row=row.number)
        identifier = self._text(row, "identifier")
        outcome.identifier = identifier
        existing = self.datasets.get(identifier) if identifier else None
        if existing is not None:
            outcome.action, outcome.dataset = UPDATE, existing
            candidate = copy.copy(existing)
        else:
            candidate = Dataset(identifier=identifier, created_on=self.today,
                                registered_at=self.at, updated_at=self.at)
            if identifier:
                outcome.fields["identifier"] = identifier
            else:
                outcome.notes.append(_("The file gives no identifier; a new one is assigned."))
        if identifier in self.seen:
            self._problem(outcome, "identifier", _(
                "Identifier %(id)s is used again: row %(row)d has it already. Each dataset "
                "needs its own identifier.") % {"id": identifier, "row": self.seen[identifier]})
        elif identifier:
            self.seen[identifier] = row.number

        self._texts(row, outcome, candidate)
        self._periodicity(row, outcome, candidate)
        self._optional(row, outcome, candidate)
        self._owner(row, outcome, candidate)
        self._contact(row, outcome, candidate)
        self._publication(row, outcome, existing)
        self._owner_place(row, outcome)
        self._history(row, outcome, outcome.fields.get("created_on"))
        self._history_start(outcome, candidate)
        self._validate(outcome, candidate)
        outcome.title = candidate.title or identifier

        if outcome.problems:
            outcome.action = REJECT
        elif outcome.action == UPDATE and not (outcome.changes or outcome.fields
                                               or outcome.keywords is not None
                                               or outcome.published_on
                                               or outcome.has_history):
            outcome.action = UNCHANGED
        return outcome

    def _texts(self, row: SourceRow, outcome: RowOutcome, candidate: Dataset) -> None:
        for key in ("title", "description", "purpose"):
            if key not in self.columns:
                continue
            value = self._text(row, key)
            stored = getattr(candidate, key) or ""
            if outcome.action == UPDATE and value.split() == stored.split():
                continue  # only spacing differs (Excel and the cell reader tidy it)
            # An empty required cell is set too: the passport check then names it.
            self._set(outcome, candidate, key, value, key)

    def _periodicity(self, row: SourceRow, outcome: RowOutcome, candidate: Dataset) -> None:
        key = "accrualPeriodicity"
        raw = self._text(row, key)
        allowed = ", ".join(PERIODICITY_UK.values())
        if not raw:
            if key in self.columns or outcome.action == CREATE:
                self._problem(outcome, key, _("Fill in the update frequency, one of: "
                                              "%(allowed)s.") % {"allowed": allowed})
            return
        code = periodicity_from_text(raw)
        if code is None:
            self._problem(outcome, key, _("“%(value)s” is not an update frequency. Write one "
                                          "of: %(allowed)s.") % {"value": raw,
                                                                 "allowed": allowed})
            return
        self._set(outcome, candidate, "periodicity", code, key)

    def _optional(self, row: SourceRow, outcome: RowOutcome, candidate: Dataset) -> None:
        """Optional fields: an empty cell keeps what is stored."""
        if self._text(row, "keyword"):
            words = values.keywords(self._raw(row, "keyword"))
            stored = self.keywords.get(outcome.dataset.pk, []) if outcome.dataset else []
            if sorted(words) != sorted(stored):
                outcome.keywords = words
                if outcome.action == UPDATE:
                    outcome.changes.append("keyword")
        if self._text(row, "format"):
            formats = values.formats(self._raw(row, "format"))
            stored = (selectors.dataset_formats(outcome.dataset, self.file_formats)
                      if outcome.dataset else [])
            if formats != stored:
                self._set(outcome, candidate, "declared_formats", ", ".join(formats), "format")
        page = self._text(row, "landingPage")
        own_pages = f"{settings.SITE_URL}/dataset/"
        if page and not page.startswith(own_pages) and page != candidate.landing_page:
            # Only a page elsewhere is stored; our own address follows the dataset's name.
            self._set(outcome, candidate, "landing_page_override", page, "landingPage")
        try:
            created = values.date(self._raw(row, "createdOn"))
        except ValueError as error:
            self._problem(outcome, "createdOn", str(error))
        else:
            if created:
                self._set(outcome, candidate, "created_on", created, "createdOn")
        kind = self._text(row, "dataType")
        if kind:
            by_label = {label.lower(): code for code, label in DATA_TYPE_UK.items()}
            code = kind if kind in DataType.values else by_label.get(kind.lower())
            if code is None:
                self._problem(outcome, "dataType", _("“%(value)s” is not a data type. Write "
                                                     "one of: %(allowed)s.")
                              % {"value": kind, "allowed": ", ".join(DATA_TYPE_UK.values())})
            else:
                self._set(outcome, candidate, "data_type", code, "dataType")

    # Publication -----------------------------------------------------------------------------
    def _publication(self, row: SourceRow, outcome: RowOutcome,
                     existing: Dataset | None) -> None:
        key = "dataPublikation"
        try:
            day = values.date(self._raw(row, key))
        except ValueError as error:
            self._problem(outcome, key, str(error))
            return
        if day is None:
            return
        if day > self.today:
            self._problem(outcome, key, _("The date of publication %(date)s is in the future. "
                                          "Give the date it was first published, or leave the "
                                          "cell empty.") % {"date": day.isoformat()})
            return
        if existing is not None:
            if existing.status == DatasetStatus.ARCHIVED:
                self._problem(outcome, key, _("The dataset is archived (no longer updated); "
                                              "restore it first or leave the date empty."))
                return
            if existing.is_published and published_on(existing) == day.isoformat():
                return
            outcome.changes.append(key)
        else:
            outcome.notes.append(_("It is recorded as published on %(date)s.")
                                 % {"date": day.isoformat()})
        outcome.published_on = day

    def _history_start(self, outcome: RowOutcome, candidate: Dataset) -> None:
        """A new dataset with a history and no date of creation was created by its first
        dated event, not on the day of the import."""
        if outcome.action != CREATE or "created_on" in outcome.fields:
            return
        first = min((d for d in (outcome.uploaded_on, outcome.published_on) if d),
                    default=None)
        if first is not None:
            self._set(outcome, candidate, "created_on", first, "createdOn")

    # The services' own checks -------------------------------------------------------------------
    def _validate(self, outcome: RowOutcome, candidate: Dataset) -> None:
        done = {p.field for p in outcome.problems}
        for attr, messages in passport_errors(candidate).items():
            key = _MODEL_FIELDS.get(attr, attr)
            if key not in self.columns:
                messages = [_("The file has no column for the %(field)s, which a new dataset "
                              "needs. Add the column, or map one to it.")
                            % {"field": LABELS[key]}]
            for message in messages:
                self._problem(outcome, key, message)
            done.add(key)
        exclude = ["owner", "responsible", "name"] + [
            attr for attr, key in _MODEL_FIELDS.items() if key in done]
        if not candidate.identifier:
            exclude.append("identifier")
        try:
            candidate.full_clean(exclude=exclude, validate_unique=False,
                                 validate_constraints=False)
        except ValidationError as error:
            for attr, messages in error.message_dict.items():
                key = _MODEL_FIELDS.get(attr, attr)
                for message in messages:
                    self._problem(outcome, key, message)


def plan_import(table: Table, mapping: list[str | None], *, at: dt.datetime) -> ImportPlan:
    """The dry run. Saves nothing; `mapping` gives each column's field (columns.recognise)."""
    check_mapping(table.header, mapping)
    if not table.rows:
        raise ValidationFailed({"file": [_("The file has a header but no rows of datasets. "
                                           "Put one dataset in each row below the header.")]},
                               code="empty_file")
    planner = _Planner(table, mapping, at=at)
    planner.plan.rows = [planner.plan_row(row) for row in table.rows]
    planner.resolve_parents(planner.plan)
    planner.mark_registrations(planner.plan)
    return planner.plan
