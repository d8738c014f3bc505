"""Reads for the office pages of owners: the list with its counts and §6.7.1 warnings, one
owner with its people, enterprises and datasets."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.core.errors import NotFound
from radadata.registry.models import Dataset, Owner, OwnerMembership
from radadata.registry.models.datasets import public_q
from radadata.registry.vocabularies import MembershipRole, OwnerKind


def _has_active(role: str) -> Exists:
    return Exists(OwnerMembership.objects.filter(owner=OuterRef("pk"), role=role,
                                                 user__is_active=True))


def owners_for_office() -> QuerySet[Owner]:
    """Every owner with its dataset counts and whether it has an active responsible person and
    an active substitute (a dismissed person does not count, §6.4, §6.7.1)."""
    return (Owner.objects.select_related("managing_owner", "parent")
            .annotate(dataset_count=Count("datasets", distinct=True),
                      published_count=Count("datasets", distinct=True,
                                            filter=public_q("datasets__")),
                      has_responsible=_has_active(MembershipRole.RESPONSIBLE),
                      has_substitute=_has_active(MembershipRole.SUBSTITUTE))
            .order_by("position", "name"))


def owner_for_office(slug: str) -> Owner:
    owner = owners_for_office().filter(slug=slug).first()
    if owner is None:
        raise NotFound(_("No such owner."))
    return owner


def owner_warnings(owner: Owner) -> list[str]:
    """What §6.7.1 asks of an active owner and it lacks. Expects owners_for_office()."""
    if not owner.is_active:
        return []
    warnings = []
    if not owner.has_responsible:
        warnings.append(_("No responsible person: name one so that the owner's datasets are "
                          "kept up to date (§6.7.1)."))
    if not owner.has_substitute:
        warnings.append(_("No substitute of the responsible person: name one for leave or "
                          "dismissal (§6.7.1)."))
    return warnings


@dataclass(frozen=True)
class OwnerPage:
    owner: Owner
    warnings: list[str]
    memberships: list[OwnerMembership]
    enterprises: list[Owner]
    datasets: list[Dataset]


def owner_page(owner: Owner) -> OwnerPage:
    memberships = (owner.memberships.select_related("user")
                   .order_by("role", "user__last_name", "user__first_name"))
    return OwnerPage(
        owner=owner,
        warnings=owner_warnings(owner),
        memberships=list(memberships),
        enterprises=list(owner.managed_owners.order_by("name")),
        datasets=list(owner.datasets.order_by("title")),
    )


def membership_of(owner: Owner, membership_id: int) -> OwnerMembership:
    membership = (owner.memberships.select_related("user", "owner")
                  .filter(pk=membership_id).first())
    if membership is None:
        raise NotFound(_("This person has no such role at this owner."))
    return membership


def member_candidates() -> QuerySet[User]:
    """People who may be given a role at an owner: the active ones."""
    return User.objects.filter(is_active=True).order_by("last_name", "first_name", "email")


def parent_candidates(owner: Owner | None = None) -> QuerySet[Owner]:
    """Owners another may be subordinate to: any but the owner itself (cycles are refused by
    the service, which names the owner that closes them)."""
    owners = Owner.objects.order_by("position", "name")
    if owner is not None and owner.pk:
        owners = owners.exclude(pk=owner.pk)
    return owners


def managing_candidates(owner: Owner | None = None) -> QuerySet[Owner]:
    """Owners that may manage an enterprise: executive bodies, never the owner itself."""
    owners = Owner.objects.exclude(kind=OwnerKind.ENTERPRISE).order_by("name")
    if owner is not None and owner.pk:
        owners = owners.exclude(pk=owner.pk)
    return owners
