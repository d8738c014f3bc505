"""Password guessing: 60 wrong passwords no longer end with the right one signing in. The count
is kept in the database (every web process sees it), per account and per address; each failure
is in the audit log; the lockout says until when and how to get out."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client, RequestFactory, override_settings

from radadata.accounts import throttle
from radadata.accounts.models import SignInFailure
from radadata.core.models import AuditEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"  # what UserFactory gives everyone


def _sign_in(client: Client, email: str, password: str, address: str = "203.0.113.7"):
    return client.post("/login/", {"username": email, "password": password},
                       REMOTE_ADDR=address)


def test_sixty_wrong_passwords_then_the_right_one_does_not_sign_in():
    person = UserFactory(email="clerk@rada.example.ua")
    attacker = Client()
    for n in range(60):
        _sign_in(attacker, person.email, f"guess-{n}")

    response = _sign_in(attacker, person.email, PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in attacker.session
    page = response.content.decode()
    assert "Забагато невдалих спроб входу" in page
    assert "Забули пароль?" in page  # the way out is on the page
    assert AuditEntry.objects.filter(action="auth.sign_in_failed",
                                     object_id=str(person.pk)).count() == throttle.ACCOUNT_LIMIT
    assert AuditEntry.objects.filter(action="auth.sign_in_locked").count() == 56


def test_the_lock_lifts_after_its_time_and_the_right_password_then_works(monkeypatch):
    person = UserFactory(email="clerk@rada.example.ua")
    client = Client()
    for n in range(throttle.ACCOUNT_LIMIT):
        _sign_in(client, person.email, f"guess-{n}")
    assert _sign_in(client, person.email, PASSWORD).status_code == 429

    later = dt.datetime.now(dt.UTC) + throttle.LOCK + dt.timedelta(seconds=5)
    monkeypatch.setattr("radadata.accounts.forms.timezone.now", lambda: later)
    response = _sign_in(client, person.email, PASSWORD)

    assert response.status_code == 302
    assert SignInFailure.objects.filter(email=person.email).count() == 0  # count starts again


def test_one_address_guessing_many_accounts_is_locked_out():
    people = [UserFactory() for _ in range(throttle.ADDRESS_LIMIT // 4 + 1)]
    attacker = Client()
    for person in people:
        for n in range(4):  # under the per-account limit each
            _sign_in(attacker, person.email, f"guess-{n}")
    victim = people[-1]

    assert _sign_in(attacker, victim.email, PASSWORD).status_code == 429
    # the person themself, from the office, is not locked out by the attacker's address
    assert _sign_in(Client(), victim.email, PASSWORD, address="198.51.100.20").status_code == 302


def test_failures_of_unknown_accounts_are_recorded_too():
    _sign_in(Client(), "nobody@example.com", "x")
    entry = AuditEntry.objects.get(action="auth.sign_in_failed")
    assert "nobody@example.com" in entry.note and "203.0.113.7" in entry.note


@override_settings(TRUSTED_PROXIES=["10.0.0.2"])
def test_behind_a_trusted_proxy_the_visitor_counts_not_the_proxy():
    factory = RequestFactory()
    via_proxy = factory.get("/", REMOTE_ADDR="10.0.0.2",
                            HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.9")
    assert throttle.client_address(via_proxy) == "203.0.113.9"
    forged = factory.get("/", REMOTE_ADDR="203.0.113.50", HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert throttle.client_address(forged) == "203.0.113.50"
    garbage = factory.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="not-an-ip")
    assert throttle.client_address(garbage) == "10.0.0.2"
