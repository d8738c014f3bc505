"""Who a person is relative to one dataset's submission (states.Actor)."""

from __future__ import annotations

from radadata.accounts.models import User
from radadata.registry import access
from radadata.registry.models import Dataset, OwnerMembership
from radadata.registry.vocabularies import MembershipRole, OwnerKind
from radadata.workflow.states import Actor


def actor_roles(user: User | None, dataset: Dataset) -> frozenset[Actor]:
    """None is the system itself (the checks, jobs and tests): every role."""
    if user is None:
        return frozenset(Actor)
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    roles: set[Actor] = set()
    if access.is_office(user):
        roles.add(Actor.OFFICE)
    # A role at the owner or at the body that manages it (§6.9). Not owners_editable_by():
    # the officer may change every owner, but that is Actor.OFFICE, not one of the owner's people.
    owners = [pk for pk in (dataset.owner_id, dataset.owner.managing_owner_id) if pk]
    if OwnerMembership.objects.filter(user=user, owner_id__in=owners).exists():
        roles.add(Actor.OWNER)
    # §6.8: an editor of a department with legal status uploads its own data to the portal.
    if dataset.owner.kind == OwnerKind.DEPARTMENT_LEGAL and OwnerMembership.objects.filter(
            owner_id=dataset.owner_id, user=user, role=MembershipRole.EDITOR).exists():
        roles.add(Actor.PORTAL_EDITOR)
    return frozenset(roles)
