"""Who a row names: its owner (by ЄДРПОУ code or by name) and its contact person (by e-mail).

A mixin of the dry run's planner (planning._Planner), which loads what these methods compare
with; an owner or a person the registry does not know is planned once, by the first row that
names them, and later rows refer to the same plan.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.core.errors import ValidationFailed
from radadata.core.identifiers import clean_edrpou
from radadata.registry import selectors
from radadata.registry.models import Dataset, Owner
from radadata.registry.vocabularies import OwnerKind

from . import values
from .plan import CREATE, KEEP, UPDATE, ImportPlan, NewOwner, NewPerson, RowOutcome
from .reading import SourceRow


def name_key(name: str) -> str:
    """Owner names compare without case, quotes or doubled spaces."""
    return re.sub(r"[«»“”„\"'’ʼ`]", "", " ".join(name.split()).lower())


class Parties:
    # Set by the planner before the first row:
    plan: ImportPlan
    owners_by_pk: dict[int, Owner]
    owners_by_code: dict[str, Owner]
    owners_by_name: dict[str, Owner]
    contacts: dict[int, User | None]  # each owner's contact person (selectors)
    users: dict[str, User]  # by e-mail, the people the file names
    new_owners: dict[str, NewOwner]  # by "code:…" and "name:…"
    new_people: dict[str, NewPerson]  # by e-mail
    has_contact: set[int]  # id() of the owners (or NewOwners) that have a contact person

    # Provided by the planner:
    def _raw(self, row: SourceRow, key: str) -> Any:
        raise NotImplementedError

    def _text(self, row: SourceRow, key: str) -> str:
        raise NotImplementedError

    def _problem(self, outcome: RowOutcome, key: str, message: str) -> None:
        raise NotImplementedError

    # Owner ---------------------------------------------------------------------------------
    def _owner(self, row: SourceRow, outcome: RowOutcome, candidate: Dataset) -> None:
        owner = self._find_owner(row, outcome)
        if owner is KEEP or owner is None:
            return
        if outcome.action == CREATE or not (isinstance(owner, Owner)
                                            and owner.pk == candidate.owner_id):
            outcome.owner = owner
            if outcome.action == UPDATE:
                outcome.changes.append("publisherName")

    def _find_owner(self, row: SourceRow, outcome: RowOutcome) -> Owner | NewOwner | None:
        name = self._text(row, "publisherName")
        raw_code = values.edrpou(self._raw(row, "publisherIdentifier"))
        code = ""
        if raw_code:
            try:
                code = clean_edrpou(raw_code, field="publisherIdentifier")
            except ValidationFailed as error:
                self._problem(outcome, "publisherIdentifier", error.message)
                return None
        if code:
            known = self.owners_by_code.get(code) or self.new_owners.get(f"code:{code}")
            if known is not None:
                if name and name_key(name) != name_key(known.name) and not (
                        isinstance(known, Owner)
                        and name_key(name) == name_key(known.short_name)):
                    outcome.notes.append(_("ЄДРПОУ %(code)s is registered as “%(owner)s”; that "
                                           "name is kept.") % {"code": code,
                                                               "owner": known.name})
                return known
        if name:
            key = name_key(name)
            known = self.owners_by_name.get(key) or self.new_owners.get(f"name:{key}")
            if known is not None:
                if code and known.edrpou and known.edrpou != code:
                    self._problem(outcome, "publisherIdentifier", _(
                        "The owner “%(owner)s” has ЄДРПОУ %(registered)s in the registry, not "
                        "%(code)s. Correct the code or the owner's name.")
                        % {"owner": known.name, "registered": known.edrpou, "code": code})
                    return None
                return known
            return self._new_owner(row, outcome, name, code)
        if code:
            self._problem(outcome, "publisherName", _(
                "No owner with ЄДРПОУ %(code)s is registered. Add the owner's name so it can be "
                "created.") % {"code": code})
            return None
        if outcome.action == CREATE:
            self._problem(outcome, "publisherName", _(
                "Fill in the owner of the dataset: its name or its ЄДРПОУ code."))
            return None
        return KEEP

    def _new_owner(self, row: SourceRow, outcome: RowOutcome, name: str,
                   code: str) -> NewOwner | None:
        if len(name) > Owner._meta.get_field("name").max_length:
            self._problem(outcome, "publisherName", _(
                "The owner's name is longer than 255 characters; shorten it."))
            return None
        owner = NewOwner(name=name, edrpou=code, first_row=row.number,
                         kind=OwnerKind.DEPARTMENT_LEGAL if code else OwnerKind.DEPARTMENT)
        self.new_owners[f"name:{name_key(name)}"] = owner
        if code:
            self.new_owners[f"code:{code}"] = owner
        self.plan.new_owners.append(owner)
        if code:
            outcome.notes.append(_("New owner “%(name)s” (ЄДРПОУ %(code)s) is created as an "
                                   "executive body that is a legal entity; check its kind on "
                                   "its page.") % {"name": name, "code": code})
        else:
            outcome.notes.append(_("New owner “%(name)s” is created as an executive body "
                                   "without legal status (publisherIdentifier null).")
                                 % {"name": name})
        return owner

    # Contact person -------------------------------------------------------------------------
    def _contact(self, row: SourceRow, outcome: RowOutcome, candidate: Dataset) -> None:
        email = self._text(row, "contactPointHasEmail").lower()
        if not email:
            return
        try:
            validate_email(email)
        except ValidationError:
            self._problem(outcome, "contactPointHasEmail", _(
                "“%(value)s” is not an e-mail address.") % {"value": email})
            return
        owner = outcome.owner
        if owner is KEEP:
            # The planner's own instance, so "has a contact person" is tracked per owner.
            owner = self.owners_by_pk.get(candidate.owner_id) if outcome.dataset else None
        if owner is None:
            return  # the owner is rejected already
        if outcome.action == UPDATE and outcome.owner is KEEP:
            current = selectors.contact_point(outcome.dataset, self.contacts)
            if current is not None and current.email == email:
                return
        person = self.users.get(email) or self.new_people.get(email)
        self._same_person(row, outcome, email, person)
        if person is None:
            person = self._new_person(row, outcome, email, owner)
            if person is None:
                return
        if isinstance(person, NewPerson):
            owners_person = person.responsible_for is owner
        else:
            contact = self.contacts.get(owner.pk) if isinstance(owner, Owner) else None
            owners_person = contact is not None and contact.pk == person.pk
        target = None if owners_person else person
        if outcome.action == CREATE:
            outcome.responsible = target
            return
        current = candidate.responsible if candidate.responsible_id else None
        unchanged = (target is None and current is None) or (
            isinstance(target, User) and current is not None and target.pk == current.pk)
        if not unchanged:
            outcome.responsible = target
            outcome.changes.append("contactPointHasEmail")

    def _same_person(self, row: SourceRow, outcome: RowOutcome, email: str,
                     person: User | NewPerson | None) -> None:
        """One e-mail with two names: applying would make two people one. A warning, since
        the name may only be spelt differently."""
        given = " ".join(self._text(row, "contactPointFn").split())
        if not given or person is None:
            return
        known = person.full_name
        if name_key(given) != name_key(known):
            first = (_("row %(row)d") % {"row": person.first_row}
                     if isinstance(person, NewPerson) else _("the registry"))
            outcome.warnings.append(_(
                "%(email)s is “%(known)s” in %(where)s but “%(given)s” here: one e-mail would "
                "make two people one. Give each person their own e-mail, or write the name "
                "the same way.") % {"email": email, "known": known, "where": first,
                                    "given": given})

    def _new_person(self, row: SourceRow, outcome: RowOutcome, email: str,
                    owner: Owner | NewOwner) -> NewPerson | None:
        last, first, patronymic = values.person_name(self._raw(row, "contactPointFn"))
        if not last:
            self._problem(outcome, "contactPointFn", _(
                "%(email)s is not registered yet; fill in the person's surname, name and "
                "patronymic so the person can be added.") % {"email": email})
            return None
        person = NewPerson(email=email, last_name=last, first_name=first,
                           patronymic=patronymic, first_row=row.number)
        self.new_people[email] = person
        self.plan.new_people.append(person)
        if id(owner) not in self.has_contact:
            person.responsible_for = owner
            self.has_contact.add(id(owner))
            outcome.notes.append(_("New person %(name)s <%(email)s> is registered as the "
                                   "responsible person of “%(owner)s”.")
                                 % {"name": person.full_name, "email": email,
                                    "owner": owner.name})
        else:
            outcome.notes.append(_("New person %(name)s <%(email)s> is registered as the "
                                   "contact person of this dataset.")
                                 % {"name": person.full_name, "email": email})
        return person
