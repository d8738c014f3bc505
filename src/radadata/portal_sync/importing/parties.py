"""Who a package names: its owner (by ЄДРПОУ, else by name — case, spaces and quotes aside —
else a new owner) and its contact person (by e-mail, else a new person).

The dry run of a whole catalogue plans each new owner or person once, for the first package
that names them; the packages after it refer to that same plan. The job plans one package at a
time against the database, where the earlier packages' owners already exist.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.registry import selectors as registry_selectors
from radadata.registry.imports.parties import name_key
from radadata.registry.imports.values import person_name
from radadata.registry.models import Owner
from radadata.registry.vocabularies import OwnerKind

from .reverse import Incoming


@dataclass(eq=False)
class NewOwner:
    name: str
    edrpou: str

    @property
    def kind(self) -> str:
        # As the registry import does: a code means a legal entity; the officer checks the kind.
        return OwnerKind.DEPARTMENT_LEGAL if self.edrpou else OwnerKind.DEPARTMENT


@dataclass(eq=False)
class NewPerson:
    email: str
    last_name: str
    first_name: str
    patronymic: str
    #: The owner whose responsible person they become (it had none), else None.
    responsible_for: Owner | NewOwner | None = None

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)


OwnerRef = Owner | NewOwner
PersonRef = User | NewPerson


@dataclass(frozen=True)
class Contact:
    """What the package says of its contact person."""

    known: bool  # it names a usable one
    #: The dataset's own contact person; None when it is the owner's responsible person.
    person: PersonRef | None = None
    #: A person the registry does not know yet, to register (maybe as the owner's responsible).
    new: NewPerson | None = None


class Parties:
    """Owners and people as the registry knows them, plus those planned in this run."""

    def __init__(self) -> None:
        owners = list(Owner.objects.all())
        self.by_code = {o.edrpou: o for o in owners if o.edrpou}
        self.by_name: dict[str, Owner] = {}
        for owner in owners:
            for name in (owner.short_name, owner.name):
                if name:
                    self.by_name[name_key(name)] = owner
        self.new_owners: dict[str, NewOwner] = {}  # "code:…" and "name:…"
        self.new_people: dict[str, NewPerson] = {}
        self._users: dict[str, User | None] = {}
        self._contacts: dict[int, User | None] | None = None
        self._given_contact: set[int] = set()  # id() of owners a new person is planned for

    # Owner ------------------------------------------------------------------------------------
    def owner(self, incoming: Incoming, notes: list[str], problems: list[str]
              ) -> OwnerRef | None:
        name, code = incoming.owner_name, incoming.owner_code
        if code:
            known = self.by_code.get(code) or self.new_owners.get(f"code:{code}")
            if known is not None:
                if name and name_key(name) not in {name_key(known.name), name_key(
                        getattr(known, "short_name", "") or known.name)}:
                    notes.append(_("ЄДРПОУ %(code)s is registered as “%(owner)s”; the package "
                                   "calls it “%(name)s”.") % {"code": code,
                                                              "owner": known.name,
                                                              "name": name})
                return known
        if not name:
            problems.append(_("The package names no owner: neither a publisher nor an "
                              "organisation. Fill in the organisation on the source."))
            return None
        known = self.by_name.get(name_key(name)) or self.new_owners.get(f"name:{name_key(name)}")
        if known is not None:
            if code and known.edrpou and known.edrpou != code:
                problems.append(_(
                    "The owner “%(owner)s” has ЄДРПОУ %(registered)s in the registry, but the "
                    "package gives %(code)s. Correct the code on the owner's page or on the "
                    "source.") % {"owner": known.name, "registered": known.edrpou,
                                  "code": code})
                return None
            if code and not known.edrpou:
                notes.append(_("The package gives ЄДРПОУ %(code)s for “%(owner)s”; add it on "
                               "the owner's page.") % {"code": code, "owner": known.name})
            return known
        return self._new_owner(name, code, notes)

    def _new_owner(self, name: str, code: str, notes: list[str]) -> NewOwner:
        owner = NewOwner(name=name, edrpou=code)
        self.new_owners[f"name:{name_key(name)}"] = owner
        if code:
            self.new_owners[f"code:{code}"] = owner
            notes.append(_("New owner “%(name)s” (ЄДРПОУ %(code)s) is created as an executive "
                           "body that is a legal entity; check its kind on its page.")
                         % {"name": name, "code": code})
        else:
            notes.append(_("New owner “%(name)s” is created as an executive body without "
                           "legal status; check its kind on its page.") % {"name": name})
        return owner

    # Contact person ---------------------------------------------------------------------------
    def _user(self, email: str) -> User | None:
        if email not in self._users:
            self._users[email] = User.objects.filter(email=email).first()
        return self._users[email]

    def contact_of(self, owner: OwnerRef) -> User | None:
        if not isinstance(owner, Owner):
            return None
        if self._contacts is None:
            self._contacts = registry_selectors.responsible_by_owner()
        return self._contacts.get(owner.pk)

    def _has_contact(self, owner: OwnerRef) -> bool:
        return id(owner) in self._given_contact or self.contact_of(owner) is not None

    def contact(self, incoming: Incoming, owner: OwnerRef, notes: list[str]) -> Contact:
        email = incoming.maintainer_email
        if not email:
            return Contact(known=False)
        try:
            validate_email(email)
        except ValidationError:
            notes.append(_("The contact e-mail “%(email)s” is not an address; the owner's "
                           "responsible person is the contact.") % {"email": email})
            return Contact(known=False)
        person: PersonRef | None = self._user(email) or self.new_people.get(email)
        if person is None:
            person = self._new_person(email, incoming.maintainer, owner, notes)
            if person is None:
                return Contact(known=False)
        if isinstance(person, NewPerson):
            return Contact(known=True, new=person,
                           person=None if person.responsible_for is owner else person)
        contact = self.contact_of(owner)
        return Contact(known=True, person=None if contact is not None
                       and contact.pk == person.pk else person)

    def _new_person(self, email: str, full_name: str, owner: OwnerRef,
                    notes: list[str]) -> NewPerson | None:
        last, first, patronymic = person_name(full_name)
        if not (last and first):
            notes.append(_("%(email)s is not registered and the package gives no full name "
                           "for it; the owner's responsible person is the contact.")
                         % {"email": email})
            return None
        person = NewPerson(email=email, last_name=last, first_name=first,
                           patronymic=patronymic)
        self.new_people[email] = person
        if not self._has_contact(owner):
            person.responsible_for = owner
            self._given_contact.add(id(owner))
            notes.append(_("New person %(name)s <%(email)s> is registered as the responsible "
                           "person of “%(owner)s”.") % {"name": person.full_name,
                                                        "email": email, "owner": owner.name})
        else:
            notes.append(_("New person %(name)s <%(email)s> is registered as the contact "
                           "person of this dataset.") % {"name": person.full_name,
                                                         "email": email})
        return person
