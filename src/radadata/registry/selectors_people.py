"""Reads for the office pages of people: the filtered list and one person with their roles.

They live in registry, not accounts, because a person's roles at owners (OwnerMembership) are
registry's; accounts must not depend on registry."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from radadata.accounts.models import ApiToken, Role, User
from radadata.core.errors import NotFound
from radadata.registry.models import Owner, OwnerMembership
from radadata.registry.vocabularies import MembershipRole

ACTIVE, DEACTIVATED = "active", "deactivated"


def _case_variants(text: str) -> set[str]:
    # SQLite folds case for ASCII only; the usual spellings make "шевченко" find "Шевченко".
    return {text, text.lower(), text.capitalize(), text.upper()}


def _with_roles(people: QuerySet[User]) -> QuerySet[User]:
    memberships = OwnerMembership.objects.select_related("owner").order_by("owner__name", "role")
    return people.prefetch_related("roles", Prefetch("memberships", queryset=memberships))


def people_for_office(*, state: str = "", role: str = "", owner: Owner | None = None,
                      text: str = "") -> QuerySet[User]:
    """People matching every given filter. `role` is a council-wide role or a role at an owner."""
    people = User.objects.all()
    if state == ACTIVE:
        people = people.filter(is_active=True)
    elif state == DEACTIVATED:
        people = people.filter(is_active=False)
    if role in Role.values:
        people = people.filter(roles__role=role)
    elif role in MembershipRole.values:
        people = people.filter(memberships__role=role)
    if owner is not None:
        people = people.filter(memberships__owner=owner)
    text = " ".join(text.split())
    if text:
        match = Q(email__icontains=text.lower())
        for variant in _case_variants(text):
            match |= (Q(last_name__icontains=variant) | Q(first_name__icontains=variant)
                      | Q(patronymic__icontains=variant))
        people = people.filter(match)
    return _with_roles(people.distinct()).order_by("last_name", "first_name", "email")


def person_for_office(pk: int) -> User:
    person = _with_roles(User.objects.filter(pk=pk)).first()
    if person is None:
        raise NotFound(_("No such person."))
    return person


@dataclass(frozen=True)
class PersonPage:
    person: User
    roles: list[str]
    memberships: list[OwnerMembership]
    live_tokens: int


def person_page(person: User) -> PersonPage:
    """Expects a person from person_for_office() (roles and memberships prefetched)."""
    labels = dict(Role.choices)
    return PersonPage(
        person=person,
        roles=[labels[r.role] for r in person.roles.all() if r.role in labels],
        memberships=list(person.memberships.all()),
        live_tokens=ApiToken.objects.live().filter(user=person).count(),
    )


def owner_choices() -> QuerySet[Owner]:
    return Owner.objects.order_by("name")
