"""Who is calling: a personal API token, the browser's session, or nobody.

Each operation gets an auth list. ninja tries the callables in order and the first truthy
result becomes `request.auth`:

* `BearerToken` — `Authorization: Bearer <token>`; a token that is unknown, revoked or belongs to
  a deactivated person answers 401 at once (it never falls back to anonymous).
* `SessionUser` — a signed-in browser; CSRF is enforced for unsafe methods.
* `anonymous` — the public, for reading published data.

Write operations use `SIGNED_IN` (no `anonymous`), so an anonymous write answers 401.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from radadata.accounts.models import User
from radadata.accounts.services import token_authenticate
from radadata.api.v1.errors import CsrfFailed, Unauthorized

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class BearerToken(HttpBearer):
    """A personal API token from the office page "My API tokens"."""

    def __call__(self, request: HttpRequest) -> User | None:
        header = request.headers.get(self.header)
        if not header:
            return None
        scheme, _sep, token = header.strip().partition(" ")
        if scheme.lower() != self.openapi_scheme or not token.strip():
            raise Unauthorized(_("Send the token as: Authorization: Bearer <token>."))
        return self.authenticate(request, token.strip())

    def authenticate(self, request: HttpRequest, token: str) -> User:
        user = token_authenticate(token, at=timezone.now())
        if user is None:
            raise Unauthorized(_("The API token is not valid: it is unknown, revoked, or its "
                                 "owner no longer has access. Create a new one."))
        return user


class SessionUser(APIKeyCookie):
    """The person signed in to the office in this browser."""

    param_name = settings.SESSION_COOKIE_NAME

    def __call__(self, request: HttpRequest) -> User | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if request.method not in SAFE_METHODS and check_csrf(request) is not None:
            raise CsrfFailed(_("The CSRF check failed: send the X-CSRFToken header with the "
                               "value of the csrftoken cookie, or use an API token."))
        return user

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        return None  # pragma: no cover - __call__ does the work


class Anonymous:
    """Nobody signed in: may read what is published. In the OpenAPI document it becomes the
    empty requirement `{}` beside the others: signing in is optional (api.py)."""

    openapi_security_schema = {"type": "http", "scheme": "none"}  # replaced by {} in api.py

    def __call__(self, request: HttpRequest) -> AnonymousUser:
        return AnonymousUser()


anonymous = Anonymous()


SIGNED_IN = [BearerToken(), SessionUser()]
ANYONE = [*SIGNED_IN, anonymous]


def caller(request: HttpRequest) -> User | AnonymousUser:
    """The person behind the request, never None (None means "the system" to access.py)."""
    who = getattr(request, "auth", None)
    if who is None:
        raise RuntimeError("operation without authentication")
    return who
