"""The council's own details: set once when an installation starts, edited later, audited.

`council_set_up` is the first-run door (the set-up page and `radadata council init`): it makes
the first administrator and the council row in one transaction, and only while the
installation has nobody in it. `council_update` is every later edit.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from radadata.accounts import services as account_services
from radadata.accounts.models import Role, User
from radadata.core import audit
from radadata.core.errors import Conflict, ValidationFailed
from radadata.core.identifiers import clean_edrpou
from radadata.core.validation import clean_or_raise
from radadata.registry import access, hooks
from radadata.registry.models import Council
from radadata.registry.models.council import CouncilKind

COUNCIL_FIELDS = ("name", "short_name", "kind", "edrpou", "city", "address", "website",
                  "email", "head_name", "head_title", "signer_name", "signer_title",
                  "officer_name", "officer_title", "reports_count_moderation")
_TEXT_FIELDS = tuple(name for name in COUNCIL_FIELDS if name != "reports_count_moderation")


def _validate(council: Council) -> None:
    errors: dict[str, list[str]] = {}
    for name in _TEXT_FIELDS:
        setattr(council, name, " ".join(str(getattr(council, name) or "").split()))
    if not council.name:
        errors["name"] = [_("Write the council's official name, e.g. «Світлогірська міська "
                            "рада»; every page, letter and report names the council by it.")]
    if council.kind not in CouncilKind.values:
        errors["kind"] = [_("Choose the kind of council: city, settlement or village.")]
    if council.edrpou:
        try:
            council.edrpou = clean_edrpou(council.edrpou)
        except ValidationFailed as error:
            errors.update(error.errors)
    if errors:
        raise ValidationFailed(errors, code="bad_council")
    clean_or_raise(council, exclude=["set_up_at"])


@transaction.atomic
def council_update(*, by: User | None, at: dt.datetime, **fields: Any) -> Council:
    """Change the council's details (officer or administrator); one audit entry."""
    access.require_office(by)
    unknown = set(fields) - set(COUNCIL_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    council = Council.objects.select_for_update().filter(pk=1).first() or Council(pk=1)
    before = audit.snapshot(council, COUNCIL_FIELDS) if council.set_up_at else {}
    for name, value in fields.items():
        setattr(council, name, value)
    _validate(council)
    council.set_up_at = council.set_up_at or at
    council.save()
    changes = audit.diff(before, audit.snapshot(council, COUNCIL_FIELDS))
    if changes:
        audit.record(actor=by, action="council.updated", obj=council, at=at, changes=changes)
        hooks.catalogue_changed()  # the APIs name the council
    return council


@transaction.atomic
def council_set_up(*, admin_email: str, admin_last_name: str, admin_first_name: str,
                   admin_patronymic: str = "", admin_password: str, at: dt.datetime,
                   **fields: Any) -> tuple[Council, User]:
    """A new installation: its first administrator and the council's details, or nothing."""
    if User.objects.exists():
        raise Conflict(_("This installation is already set up; sign in and change the "
                         "council's details on its page."))
    errors: dict[str, list[str]] = {}
    if len(admin_password or "") < 10:
        errors["admin_password"] = [_("Choose a password of at least 10 characters.")]
    if not (admin_last_name or "").strip() or not (admin_first_name or "").strip():
        errors["admin_last_name"] = [_("Write the administrator's surname and given name.")]
    try:
        council = council_update(by=None, at=at, **fields)
    except ValidationFailed as error:
        errors.update(error.errors)
    if errors:
        raise ValidationFailed(errors, code="bad_set_up")
    try:
        admin = account_services.user_create(
            email=admin_email, last_name=admin_last_name, first_name=admin_first_name,
            patronymic=admin_patronymic, password=admin_password,
            roles=[Role.ADMINISTRATOR, Role.OFFICER], by=None, at=at)
    except ValidationFailed as error:
        raise ValidationFailed({f"admin_{key}": value for key, value in error.errors.items()},
                               code="bad_set_up") from error
    return council, admin


def installation_is_new() -> bool:
    """Nobody can sign in yet: the first page offers the set-up."""
    return not User.objects.exists()
