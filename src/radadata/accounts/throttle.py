"""Password guessing: sign-in is throttled per account and per address.

Failures are rows in the database (`SignInFailure`), so every web process, on every machine,
counts the same. After ACCOUNT_LIMIT failures for one e-mail within WINDOW the account is
locked for LOCK (even the right password is refused meanwhile); after ADDRESS_LIMIT failures
from one address, that address is. Every failure is in the audit log. The way out: wait, or
set a new password through the e-mailed link, which unlocks the account."""

from __future__ import annotations

import datetime as dt
import ipaddress

from django.conf import settings
from django.http import HttpRequest

from radadata.accounts.models import SignInFailure, User
from radadata.core import audit

ACCOUNT_LIMIT = 5
ADDRESS_LIMIT = 20
WINDOW = dt.timedelta(minutes=15)
LOCK = dt.timedelta(minutes=15)


def _valid_ip(text: str) -> str | None:
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str | None:
    """The visitor's address. Behind a reverse proxy listed in RADADATA_TRUSTED_PROXIES, the
    nearest address in X-Forwarded-For that is not one of those proxies; otherwise the
    connection's own (a visitor cannot choose theirs by sending the header)."""
    remote = _valid_ip(request.META.get("REMOTE_ADDR", ""))
    trusted = set(settings.TRUSTED_PROXIES)
    if remote is None or remote not in trusted:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([h for h in forwarded.split(",") if h.strip()]):
        address = _valid_ip(hop)
        if address is None:
            return remote
        if address not in trusted:
            return address
    return remote


def _until(failures, limit: int) -> dt.datetime | None:
    times = list(failures.order_by("-at").values_list("at", flat=True)[:limit])
    return times[0] + LOCK if len(times) >= limit else None


def locked_until(*, email: str, address: str | None, at: dt.datetime) -> dt.datetime | None:
    """When sign-in for this account (or from this address) opens again; None: it is open."""
    recent = SignInFailure.objects.filter(at__gt=at - WINDOW, at__lte=at)
    ends = [_until(recent.filter(email=email.strip().lower()), ACCOUNT_LIMIT)]
    if address:
        ends.append(_until(recent.filter(address=address), ADDRESS_LIMIT))
    ends = [end for end in ends if end is not None and end > at]
    return max(ends) if ends else None


def record_failure(*, email: str, address: str | None, at: dt.datetime,
                   locked: bool = False) -> None:
    """A failed attempt, in the throttle's count (unless refused by a lock already: waiting
    out the lock must be possible) and in the audit log."""
    email = email.strip().lower()[:254]
    user = User.objects.filter(email=email).first()
    failure = SignInFailure(at=at, email=email, address=address)
    if not locked or user is None:  # an audit entry needs an object: the person, or this row
        failure.save()
    audit.record(actor=None, action="auth.sign_in_locked" if locked else "auth.sign_in_failed",
                 obj=user or failure, at=at, note=f"{email} · {address or '?'}")


def clear_account(*, email: str) -> None:
    """The account's count starts again: signed in, or a new password set by link."""
    SignInFailure.objects.filter(email=email.strip().lower()).delete()
