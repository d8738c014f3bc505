"""A limit on public messages per client that every web process shares: the hits are rows in
the database, not entries of one process's memory. The client is a salted hash of its address
and the day; no address is stored, and rows older than the window are deleted."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.http import HttpRequest

from radadata.accounts.throttle import client_address
from radadata.audit.models import RateHit

LIMIT = 5
WINDOW = dt.timedelta(hours=1)


def client_key(request: HttpRequest, at: dt.datetime) -> str:
    address = client_address(request) or ""  # the visitor's, behind a trusted proxy
    material = f"{settings.SECRET_KEY}|audit|{address}|{at.date().isoformat()}"
    return hashlib.sha256(material.encode()).hexdigest()


def retry_at(key: str, at: dt.datetime) -> dt.datetime | None:
    """When this client may send again, or None if it may send now."""
    RateHit.objects.filter(at__lt=at - WINDOW).delete()
    recent = list(RateHit.objects.filter(key=key, at__gte=at - WINDOW)
                  .order_by("-at").values_list("at", flat=True)[:LIMIT])
    if len(recent) < LIMIT:
        return None
    return recent[-1] + WINDOW


def note(key: str, at: dt.datetime) -> None:
    RateHit.objects.create(key=key, at=at)
