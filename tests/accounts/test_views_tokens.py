import re

import pytest
from django.test import Client

from radadata.accounts import services
from radadata.accounts.models import ApiToken, LoginSession, User
from radadata.core.models import AuditEntry
from tests.factories import OwnerFactory, UserFactory, now

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"  # what UserFactory gives everyone


@pytest.fixture(autouse=True)
def _english(settings):
    # Assert on the msgids, whatever the Ukrainian catalogue says later.
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def clerk() -> User:
    return UserFactory(owner=OwnerFactory(), email="clerk@rada.example.ua")


@pytest.fixture
def browser(clerk) -> Client:
    browser = Client()
    response = browser.post("/login/", {"username": clerk.email, "password": PASSWORD})
    assert response.status_code == 302
    return browser


def _api(raw: str):
    return Client().get("/api/v1/datasets", headers={"Authorization": f"Bearer {raw}"})


def _create(browser: Client, name: str = "upload script") -> str:
    response = browser.post("/office/tokens/", {"name": name})
    assert response.status_code == 200
    assert "no-cache" in response.headers["Cache-Control"]
    found = re.search(r'id="token-value" type="text" readonly value="(rd_[^"]+)"',
                      response.content.decode())
    assert found, "the new token is not shown"
    return found.group(1)


def test_token_is_shown_once_and_works_as_bearer(browser, clerk):
    raw = _create(browser)

    assert _api(raw).status_code == 200
    token = ApiToken.objects.get(user=clerk)
    assert token.name == "upload script" and token.token_hash != raw
    listing = browser.get("/office/tokens/").content.decode()
    assert "upload script" in listing and token.prefix in listing
    assert raw not in listing
    assert AuditEntry.objects.filter(action="token.created", actor=clerk).exists()


def test_created_page_says_how_to_use_the_token(browser):
    response = browser.post("/office/tokens/", {"name": "x"})
    html = response.content.decode()
    assert "it is shown only this once" in html
    assert "Authorization: Bearer rd_" in html and "/api/v1/datasets" in html


def test_revoking_makes_the_token_401(browser, clerk):
    raw = _create(browser)
    token = ApiToken.objects.get(user=clerk)

    response = browser.post(f"/office/tokens/{token.pk}/revoke/")

    assert response.status_code == 302 and response.url == "/office/tokens/"
    assert _api(raw).status_code == 401
    assert "revoked" in browser.get("/office/tokens/").content.decode()
    assert AuditEntry.objects.filter(action="token.revoked", actor=clerk).exists()


def test_revoke_needs_post(browser, clerk):
    raw = _create(browser)
    token = ApiToken.objects.get(user=clerk)

    assert browser.get(f"/office/tokens/{token.pk}/revoke/").status_code == 405
    assert _api(raw).status_code == 200


def test_another_persons_token_cannot_be_revoked_here(browser):
    other = UserFactory()
    token, raw = services.token_create(user=other, name="theirs", by=other, at=now())

    response = browser.post(f"/office/tokens/{token.pk}/revoke/")

    assert response.status_code == 404
    assert _api(raw).status_code == 200
    assert "theirs" not in browser.get("/office/tokens/").content.decode()


def test_a_person_without_any_role_manages_their_own_tokens():
    UserFactory(email="reader@rada.example.ua")
    browser = Client()
    browser.post("/login/", {"username": "reader@rada.example.ua", "password": PASSWORD})

    assert browser.get("/office/tokens/").status_code == 200
    assert _api(_create(browser)).status_code == 200


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get("/office/tokens/")
    assert response.status_code == 302 and response.url.startswith("/login/")
    assert client.post("/office/tokens/", {"name": "x"}).status_code == 302
    assert not ApiToken.objects.exists()


def test_changing_the_password_keeps_the_session_known_for_dismissal(browser, clerk):
    response = browser.post("/office/password/", {
        "old_password": PASSWORD, "new_password1": "Nova-Parol-2026", "new_password2":
        "Nova-Parol-2026"})

    assert response.status_code == 302
    assert browser.get("/office/tokens/").status_code == 200  # still signed in
    assert LoginSession.objects.filter(user=clerk,
                                       session_key=browser.cookies["sessionid"].value).exists()
    assert Client().post("/login/", {"username": clerk.email,
                                     "password": "Nova-Parol-2026"}).status_code == 302


def test_wrong_old_password_changes_nothing(browser, clerk):
    response = browser.post("/office/password/", {
        "old_password": "wrong", "new_password1": "Nova-Parol-2026", "new_password2":
        "Nova-Parol-2026"})

    assert response.status_code == 200
    assert User.objects.get(pk=clerk.pk).check_password(PASSWORD)
