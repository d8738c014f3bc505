"""Every change to people, their roles, sessions and API tokens goes through these functions."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable

from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils.translation import gettext as _

from radadata.accounts import selectors
from radadata.accounts.models import ApiToken, LoginSession, Role, User, UserRole, hash_token
from radadata.core import audit
from radadata.core.errors import Conflict, NotAllowed, ValidationFailed
from radadata.core.validation import clean_or_raise

USER_AUDIT_FIELDS = ("email", "last_name", "first_name", "patronymic", "position", "phone",
                     "is_active")
EDITABLE_FIELDS = {"email", "last_name", "first_name", "patronymic", "position", "phone"}


def _require_office(by: User | None) -> None:
    # Imported here: registry depends on accounts, not the other way round at import time.
    from radadata.registry.access import require_office

    require_office(by)


def _require_may_touch(user: User, by: User | None) -> None:
    """Only an administrator changes, deactivates or reactivates an administrator."""
    if not selectors.may_change_account(user, by):
        raise NotAllowed(_("Only an administrator can change an administrator's account."))


@transaction.atomic
def user_create(
    *,
    email: str,
    last_name: str,
    first_name: str,
    patronymic: str = "",
    position: str = "",
    phone: str = "",
    password: str | None = None,
    roles: Iterable[str] = (),
    by: User | None,
    at: dt.datetime,
) -> User:
    _require_office(by)
    email = (email or "").strip().lower()
    if User.objects.filter(email=email).exists():
        raise ValidationFailed(
            {"email": [_("A person with the e-mail %(email)s is already registered.")
                       % {"email": email}]},
            code="duplicate_email",
        )
    user = User(email=email, last_name=last_name.strip(), first_name=first_name.strip(),
                patronymic=patronymic.strip(), position=position.strip(), phone=phone.strip(),
                date_joined=at)
    if password:
        user.set_password(password)
        # Someone else chose it: the person sets their own at the first sign-in.
        user.must_change_password = by is not None
    else:
        user.set_unusable_password()
    clean_or_raise(user, exclude=["password"])
    user.save()
    _set_roles(user, roles, by=by)
    audit.record(actor=by, action="user.created", obj=user, at=at,
                 changes=audit.diff({}, audit.snapshot(user, USER_AUDIT_FIELDS)))
    return user


@transaction.atomic
def user_update(*, user: User, by: User | None, at: dt.datetime, **fields) -> User:
    _require_office(by)
    _require_may_touch(user, by)
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    before = audit.snapshot(user, USER_AUDIT_FIELDS)
    for name, value in fields.items():
        setattr(user, name, (value or "").strip())
    user.email = user.email.lower()
    if User.objects.filter(email=user.email).exclude(pk=user.pk).exists():
        raise ValidationFailed(
            {"email": [_("A person with the e-mail %(email)s is already registered.")
                       % {"email": user.email}]},
            code="duplicate_email",
        )
    clean_or_raise(user, exclude=["password"])
    user.save()
    changes = audit.diff(before, audit.snapshot(user, USER_AUDIT_FIELDS))
    if changes:
        audit.record(actor=by, action="user.updated", obj=user, at=at, changes=changes)
    return user


def _set_roles(user: User, roles: Iterable[str], *, by: User | None) -> tuple[set, set]:
    wanted = set(roles)
    invalid = wanted - set(Role.values)
    if invalid:
        message = _("Unknown role: %(role)s") % {"role": sorted(invalid)[0]}
        raise ValidationFailed({"roles": [message]})
    current = set(user.roles.values_list("role", flat=True))
    if Role.ADMINISTRATOR in (wanted ^ current):
        from radadata.registry.access import require_admin

        require_admin(by)
    UserRole.objects.filter(user=user, role__in=current - wanted).delete()
    UserRole.objects.bulk_create([UserRole(user=user, role=r) for r in wanted - current])
    user._role_cache = None
    user.is_staff = Role.ADMINISTRATOR in wanted
    user.save(update_fields=["is_staff"])
    return wanted - current, current - wanted


@transaction.atomic
def user_set_roles(*, user: User, roles: Iterable[str], by: User | None, at: dt.datetime) -> None:
    _require_office(by)
    added, removed = _set_roles(user, roles, by=by)
    if added or removed:
        audit.record(actor=by, action="user.roles_changed", obj=user, at=at,
                     changes={"roles": [sorted(removed), sorted(added)]})


@transaction.atomic
def user_deactivate(*, user: User, by: User | None, at: dt.datetime, reason: str = "") -> None:
    """Dismissal (§6.4): access ends at once — sessions deleted, API tokens revoked, logged."""
    _require_office(by)
    _require_may_touch(user, by)
    if by is not None and by.pk == user.pk:
        raise NotAllowed(_("You cannot deactivate yourself; ask another officer."))
    if not user.is_active:
        raise Conflict(_("This person is already deactivated."))
    user.is_active = False
    user.deactivated_at = at
    user.save(update_fields=["is_active", "deactivated_at"])
    keys = list(LoginSession.objects.filter(user=user).values_list("session_key", flat=True))
    ended = Session.objects.filter(session_key__in=keys).delete()[0]
    LoginSession.objects.filter(user=user).delete()
    revoked = ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=at)
    audit.record(actor=by, action="user.deactivated", obj=user, at=at, note=reason,
                 changes={"is_active": [True, False], "sessions_ended": [None, ended],
                          "tokens_revoked": [None, revoked]})


@transaction.atomic
def user_reactivate(*, user: User, by: User | None, at: dt.datetime) -> None:
    _require_office(by)
    _require_may_touch(user, by)
    if user.is_active:
        raise Conflict(_("This person is already active."))
    user.is_active = True
    user.deactivated_at = None
    user.save(update_fields=["is_active", "deactivated_at"])
    audit.record(actor=by, action="user.reactivated", obj=user, at=at,
                 changes={"is_active": [False, True]})


@transaction.atomic
def password_changed(*, user: User, by: User | None, at: dt.datetime, how: str) -> None:
    """After the person set a new password (the form saved it): no longer forced to change it,
    the sign-in lock lifted, and a line in the audit log (never the password)."""
    from radadata.accounts import throttle

    User.objects.filter(pk=user.pk).update(must_change_password=False)
    user.must_change_password = False
    throttle.clear_account(email=user.email)
    audit.record(actor=by, action="user.password_changed", obj=user, at=at, note=how)


def session_started(*, user: User, session_key: str, at: dt.datetime) -> None:
    LoginSession.objects.update_or_create(
        session_key=session_key, defaults={"user": user, "started_at": at}
    )


@transaction.atomic
def token_create(*, user: User, name: str, by: User, at: dt.datetime) -> tuple[ApiToken, str]:
    """A new API token for `user`; the raw value is returned once and never stored."""
    if by.pk != user.pk:
        _require_office(by)
    if not user.is_active:
        raise Conflict(_("A deactivated person cannot get an API token."))
    raw = "rd_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name.strip() or "API", prefix=raw[:10],
                                    token_hash=hash_token(raw), created_at=at)
    audit.record(actor=by, action="token.created", obj=user, at=at, note=str(token))
    return token, raw


@transaction.atomic
def token_revoke(*, token: ApiToken, by: User, at: dt.datetime) -> None:
    if by.pk != token.user_id:
        _require_office(by)
    if token.revoked_at is None:
        token.revoked_at = at
        token.save(update_fields=["revoked_at"])
        audit.record(actor=by, action="token.revoked", obj=token.user, at=at, note=str(token))


def token_authenticate(raw: str, *, at: dt.datetime) -> User | None:
    token = (ApiToken.objects.live().select_related("user")
             .filter(token_hash=hash_token(raw or "")).first())
    if token is None:
        return None
    if token.last_used_at is None or (at - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=at)
    return token.user
