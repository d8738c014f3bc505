"""Password reset by a signed, expiring e-mail link; the first sign-in with a password chosen by
the officer asks for a new one; only an administrator touches an administrator."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from radadata.accounts import services, throttle
from radadata.accounts.models import SignInFailure, User
from radadata.core.errors import NotAllowed
from radadata.core.models import AuditEntry
from tests.factories import UserFactory, now, officer

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
NEW = "a-much-better-secret-42"


def _link() -> str:
    [letter] = mail.outbox
    return re.search(r"https?://[^/\s]+(/\S+)", letter.body).group(1)


def test_a_forgotten_password_is_replaced_through_the_e_mailed_link(client):
    person = UserFactory(email="clerk@rada.example.ua")
    for n in range(throttle.ACCOUNT_LIMIT):  # locked out, too
        client.post("/login/", {"username": person.email, "password": f"guess-{n}"})

    response = client.post("/login/password-reset/", {"email": "Clerk@rada.example.ua"})
    assert response.status_code == 302
    assert mail.outbox[0].to == [person.email]
    assert "новий пароль" in mail.outbox[0].subject.lower()

    form = client.get(_link(), follow=True)  # Django moves the token out of the address
    assert form.status_code == 200
    response = client.post(form.redirect_chain[-1][0],
                           {"new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302

    assert not SignInFailure.objects.filter(email=person.email).exists()  # unlocked
    assert AuditEntry.objects.filter(action="user.password_changed",
                                     object_id=str(person.pk)).exists()
    assert Client().post("/login/", {"username": person.email, "password": NEW}).status_code == 302
    # the link worked once
    again = client.get(_link(), follow=True)
    assert "посилання більше не діє" in again.content.decode()


def test_an_unknown_e_mail_gets_the_same_answer_and_no_letter(client):
    response = client.post("/login/password-reset/", {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_an_old_link_no_longer_works(client, settings):
    UserFactory(email="clerk@rada.example.ua")
    client.post("/login/password-reset/", {"email": "clerk@rada.example.ua"})
    settings.PASSWORD_RESET_TIMEOUT = -1  # the two hours have passed
    page = client.get(_link(), follow=True).content.decode()
    assert "посилання більше не діє" in page


def test_the_first_sign_in_with_the_officers_password_asks_for_a_new_one():
    office = officer()
    person = services.user_create(email="new@rada.example.ua", last_name="Коваль",
                                  first_name="Ірина", password=PASSWORD, by=office, at=now())
    browser = Client()
    browser.post("/login/", {"username": person.email, "password": PASSWORD})

    response = browser.get("/office/", follow=True)
    assert response.redirect_chain[-1][0] == "/office/password/"
    assert "оберіть власний пароль" in response.content.decode()

    browser.post("/office/password/", {"old_password": PASSWORD, "new_password1": NEW,
                                       "new_password2": NEW})
    person.refresh_from_db()
    assert not person.must_change_password
    assert browser.get("/office/tokens/").status_code == 200  # no longer sent back


def test_only_an_administrator_touches_an_administrator():
    admin = UserFactory(roles=["administrator"])
    office = officer()
    with pytest.raises(NotAllowed):
        services.user_deactivate(user=admin, by=office, at=now())
    with pytest.raises(NotAllowed):
        services.user_update(user=admin, by=office, at=now(), position="хтось інший")
    admin.refresh_from_db()
    assert admin.is_active
    other_admin = UserFactory(roles=["administrator"])
    services.user_deactivate(user=admin, by=other_admin, at=now())
    assert not User.objects.get(pk=admin.pk).is_active
