"""Limits that every web process and machine shares: each counted action is a row in the
database (`RateHit`), not an entry in one process's memory, so five messages an hour means five
whichever process answers. Rows older than the window are deleted as new ones come."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.http import HttpRequest

from radadata.accounts.models import RateHit
from radadata.accounts.throttle import client_address


def client_key(request: HttpRequest, *, scope: str, at: dt.datetime) -> str:
    """The visitor as a salted hash of their real address (behind a trusted proxy, the one it
    names) and the day: no address is stored, and the hash changes every day."""
    address = client_address(request) or ""
    material = f"{settings.SECRET_KEY}|{scope}|{address}|{at.date().isoformat()}"
    return hashlib.sha256(material.encode()).hexdigest()


def retry_at(*, scope: str, key: str, limit: int, window: dt.timedelta,
             at: dt.datetime) -> dt.datetime | None:
    """When this client may act again, or None if it may now."""
    RateHit.objects.filter(scope=scope, at__lt=at - window).delete()
    recent = list(RateHit.objects.filter(scope=scope, key=key, at__gt=at - window)
                  .order_by("-at").values_list("at", flat=True)[:limit])
    if len(recent) < limit:
        return None
    return recent[-1] + window


def note(*, scope: str, key: str, at: dt.datetime) -> None:
    RateHit.objects.create(scope=scope, key=key, at=at)
