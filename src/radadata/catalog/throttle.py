"""A limit on messages from one client (feedback and data requests share it), against spam
without a captcha (§2.20: nobody must prove they are human to use the site).

The client is known only as a hash of its address and the day, kept in the cache for an hour:
no address is stored, and the hash changes every day."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

LIMIT = 5
WINDOW = dt.timedelta(hours=1)


def _key(request: HttpRequest, at: dt.datetime) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    # The secret key salts the hash, so the cache never holds a reversible address.
    material = f"{settings.SECRET_KEY}|{address}|{at.date().isoformat()}"
    return "catalog:messages:" + hashlib.sha256(material.encode()).hexdigest()


def _recent(request: HttpRequest, at: dt.datetime) -> list[float]:
    since = (at - WINDOW).timestamp()
    return [t for t in cache.get(_key(request, at), []) if t > since]


def retry_at(request: HttpRequest, at: dt.datetime) -> dt.datetime | None:
    """When this client may send again, or None if it may send now."""
    recent = _recent(request, at)
    if len(recent) < LIMIT:
        return None
    return dt.datetime.fromtimestamp(sorted(recent)[-LIMIT], tz=dt.UTC) + WINDOW


def note_sent(request: HttpRequest, at: dt.datetime) -> None:
    recent = [*_recent(request, at), at.timestamp()]
    cache.set(_key(request, at), recent[-LIMIT:], int(WINDOW.total_seconds()))
