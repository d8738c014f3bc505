from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.core import audit
from radadata.core.errors import ValidationFailed
from radadata.core.identifiers import clean_edrpou
from radadata.core.text import latin_slug
from radadata.core.validation import clean_or_raise
from radadata.registry import access, hooks
from radadata.registry.models import Owner, OwnerMembership
from radadata.registry.vocabularies import MembershipRole, OwnerKind

OWNER_FIELDS = ("name", "short_name", "slug", "kind", "edrpou", "managing_owner", "parent",
                "position", "head_name",
                "head_position", "deputy_name", "deputy_position", "email", "phone", "address",
                "registered_on_portal", "is_active")


def _validate(owner: Owner) -> None:
    errors: dict[str, list[str]] = {}
    if owner.edrpou:
        try:
            owner.edrpou = clean_edrpou(owner.edrpou)
        except ValidationFailed as error:
            errors.update(error.errors)
    elif owner.kind in (OwnerKind.DEPARTMENT_LEGAL, OwnerKind.ENTERPRISE):
        errors["edrpou"] = [_("A legal entity must have its ЄДРПОУ code.")]
    if owner.kind == OwnerKind.ENTERPRISE:
        if owner.managing_owner is None:
            errors["managing_owner"] = [
                _("Choose the executive body that manages this enterprise (§6.9).")]
        elif owner.managing_owner.kind == OwnerKind.ENTERPRISE:
            errors["managing_owner"] = [
                _("An enterprise is managed by an executive body, not by another enterprise.")]
    elif owner.managing_owner is not None:
        errors["managing_owner"] = [_("Only an enterprise has a managing executive body.")]
    parent_error = _parent_error(owner)
    if parent_error:
        errors["parent"] = [parent_error]
    if (owner.edrpou and Owner.objects.filter(edrpou=owner.edrpou)
            .exclude(pk=owner.pk).exists()):
        errors["edrpou"] = [_("Another owner already has ЄДРПОУ code %(code)s.")
                            % {"code": owner.edrpou}]
    if Owner.objects.filter(name=owner.name).exclude(pk=owner.pk).exists():
        errors["name"] = [_("An owner with this name already exists.")]
    if errors:
        raise ValidationFailed(errors)
    clean_or_raise(owner)


def _parent_error(owner: Owner) -> str:
    """An owner cannot be under itself, directly or through others (a cycle)."""
    parent = owner.parent
    if parent is None:
        return ""
    if parent is owner or (owner.pk is not None and parent.pk == owner.pk):
        return _("An owner cannot be subordinate to itself.")
    seen: set[int] = set()
    above = parent.parent
    while above is not None and above.pk not in seen:
        if owner.pk is not None and above.pk == owner.pk:
            return (_("“%(owner)s” is already under this owner; choose another, so that the "
                      "subordination does not go round in a circle.") % {"owner": parent})
        seen.add(above.pk)
        above = above.parent
    return ""


def _unique_slug(base: str, *, exclude_pk: int | None) -> str:
    slug, n = base, 2
    while Owner.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug = f"{base[:90]}-{n}"
        n += 1
    return slug


@transaction.atomic
def owner_create(*, by: User | None, at: dt.datetime, **fields) -> Owner:
    access.require_office(by)
    owner = Owner(created_at=at, updated_at=at, **fields)
    owner.name = (owner.name or "").strip()
    owner.slug = _unique_slug(owner.slug or latin_slug(owner.short_name or owner.name),
                              exclude_pk=None)
    _validate(owner)
    owner.save()
    audit.record(actor=by, action="owner.created", obj=owner, at=at,
                 changes=audit.diff({}, audit.snapshot(owner, OWNER_FIELDS)))
    hooks.catalogue_changed()  # organization_list shows every owner
    return owner


@transaction.atomic
def owner_update(*, owner: Owner, by: User | None, at: dt.datetime, **fields) -> Owner:
    access.require_office(by)
    before = audit.snapshot(owner, OWNER_FIELDS)
    for name, value in fields.items():
        if name not in OWNER_FIELDS:
            raise ValueError(f"not editable: {name}")
        setattr(owner, name, value)
    owner.updated_at = at
    _validate(owner)
    owner.save()
    changes = audit.diff(before, audit.snapshot(owner, OWNER_FIELDS))
    if changes:
        audit.record(actor=by, action="owner.updated", obj=owner, at=at, changes=changes)
    if {"name", "short_name", "slug"} & set(changes):
        # The search finds datasets by owner name and filters and counts them by slug.
        for dataset in owner.datasets.all():
            hooks.dataset_changed(dataset)
    if changes:
        hooks.catalogue_changed()  # its e-mail, ЄДРПОУ… show in the APIs
    return owner


@transaction.atomic
def membership_add(*, owner: Owner, user: User, role: str, by: User | None,
                   at: dt.datetime) -> OwnerMembership:
    access.require_office(by)
    if role not in MembershipRole.values:
        raise ValidationFailed({"role": [_("Unknown role.")]})
    membership, created = OwnerMembership.objects.get_or_create(owner=owner, user=user, role=role)
    if created:
        audit.record(actor=by, action="owner.member_added", obj=owner, at=at,
                     changes={role: [None, user.full_name]})
        hooks.catalogue_changed()  # the owner's contact person may have changed
    return membership


@transaction.atomic
def membership_remove(*, membership: OwnerMembership, by: User | None, at: dt.datetime) -> None:
    access.require_office(by)
    owner, role, name = membership.owner, membership.role, membership.user.full_name
    membership.delete()
    audit.record(actor=by, action="owner.member_removed", obj=owner, at=at,
                 changes={role: [name, None]})
    hooks.catalogue_changed()  # the owner's contact person may have changed

