"""Who may read and change what in the registry. The only place these rules live.

Council-wide roles (accounts.Role) see every owner; the open-data officer and the administrator
also change everything. A person with a role at an owner (OwnerMembership) sees and changes that
owner's datasets and those of the enterprises it manages (§6.9), and nothing else: other
datasets answer 404, so their existence is not disclosed.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from radadata.accounts.models import Role, User
from radadata.core.errors import NotAllowed, NotFound
from radadata.registry.models import Dataset, Owner

OFFICE_ROLES = (Role.ADMINISTRATOR, Role.OFFICER)
READ_ALL_ROLES = (*OFFICE_ROLES, Role.WORKING_GROUP, Role.AUDITOR)


def is_office(user: User | None) -> bool:
    """Open-data officer or administrator: manages the whole registry."""
    return user is None or (user.is_active and user.has_role(*OFFICE_ROLES))


def is_admin(user: User | None) -> bool:
    return user is None or (user.is_active and user.has_role(Role.ADMINISTRATOR))


def reads_all(user: User | None) -> bool:
    return user is None or (user.is_active and user.has_role(*READ_ALL_ROLES))


def reads_audit_log(user: User | None) -> bool:
    """The officer and the administrator, and the auditor (§3) who checks their work."""
    return user is None or (user.is_active and user.has_role(*OFFICE_ROLES, Role.AUDITOR))


def is_staff_member(user: User | None) -> bool:
    """Anyone with some role: may enter the office pages."""
    if user is None:
        return True
    if not user.is_authenticated or not user.is_active:
        return False
    return reads_all(user) or user.memberships.exists()


def owners_editable_by(user: User | None) -> QuerySet[Owner]:
    if is_office(user):
        return Owner.objects.all()
    if user is None or not user.is_authenticated or not user.is_active:
        return Owner.objects.none()
    own = Q(memberships__user=user) | Q(managing_owner__memberships__user=user)
    return Owner.objects.filter(own).distinct()


def owners_readable_by(user: User | None) -> QuerySet[Owner]:
    if reads_all(user):
        return Owner.objects.all()
    return owners_editable_by(user)


def datasets_readable_by(user: User | None) -> QuerySet[Dataset]:
    if reads_all(user):
        return Dataset.objects.all()
    return Dataset.objects.filter(owner__in=owners_readable_by(user))


def require_office(user: User | None) -> None:
    if not is_office(user):
        raise NotAllowed(_("Only the open-data officer can do this."))


def require_admin(user: User | None) -> None:
    if not is_admin(user):
        raise NotAllowed(_("Only an administrator can do this."))


def require_audit_read(user: User | None) -> None:
    if not reads_audit_log(user):
        raise NotAllowed(_("Only the open-data officer, an administrator or an auditor can read "
                           "the audit log."))


def require_owner_edit(user: User | None, owner: Owner) -> None:
    if not owners_editable_by(user).filter(pk=owner.pk).exists():
        raise NotAllowed(
            _("You may change only the datasets of your own owner (%(owner)s is not yours).")
            % {"owner": owner}
        )


def require_dataset_read(user: User | None, dataset: Dataset) -> None:
    if not datasets_readable_by(user).filter(pk=dataset.pk).exists():
        raise NotFound(_("No such dataset."))


def require_dataset_edit(user: User | None, dataset: Dataset) -> None:
    require_dataset_read(user, dataset)
    if not owners_editable_by(user).filter(pk=dataset.owner_id).exists():
        raise NotAllowed(_("You may read this dataset but not change it."))
