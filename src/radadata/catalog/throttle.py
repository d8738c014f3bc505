"""A limit on messages from one client (feedback and data requests share it), against spam
without a captcha (§2.20: nobody must prove they are human to use the site).

Counted in the database, so every web process sees the same count (accounts/ratelimit.py); the
client is its real address behind a trusted proxy (RADADATA_TRUSTED_PROXIES), known only as a
salted hash of the address and the day."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest

from radadata.accounts import ratelimit

LIMIT = 5
WINDOW = dt.timedelta(hours=1)
SCOPE = "catalog:messages"


def retry_at(request: HttpRequest, at: dt.datetime) -> dt.datetime | None:
    """When this client may send again, or None if it may send now."""
    return ratelimit.retry_at(scope=SCOPE, key=ratelimit.client_key(request, scope=SCOPE, at=at),
                              limit=LIMIT, window=WINDOW, at=at)


def note_sent(request: HttpRequest, at: dt.datetime) -> None:
    ratelimit.note(scope=SCOPE, key=ratelimit.client_key(request, scope=SCOPE, at=at), at=at)
