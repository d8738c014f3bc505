"""Reads of people's account data: their API tokens, who may change an account."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from radadata.accounts.models import ApiToken, Role, User
from radadata.core.errors import NotFound


def tokens_of(user: User) -> QuerySet[ApiToken]:
    """The person's tokens, working ones first, newest first."""
    return ApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at", "-id")


def token_of(user: User, pk: int) -> ApiToken:
    """One of the person's own tokens; another person's answers 404."""
    token = ApiToken.objects.filter(user=user, pk=pk).select_related("user").first()
    if token is None:
        raise NotFound(_("No such API token among yours."))
    return token


def may_change_account(user: User, by: User | None) -> bool:
    """Only an administrator changes, deactivates or reactivates an administrator's account
    (the services enforce it; pages offer only what will be allowed)."""
    from radadata.registry.access import is_admin

    return not user.has_role(Role.ADMINISTRATOR) or is_admin(by)
