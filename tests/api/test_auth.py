import pytest
from django.test import Client

from radadata.accounts import services as account_services
from radadata.accounts.models import ApiToken
from tests.api.conftest import ApiClient
from tests.factories import now

pytestmark = pytest.mark.django_db

DRAFT = "/api/v1/datasets/shkoly"


def test_valid_token_reads_own_draft(clerk, council):
    assert clerk.get(DRAFT).status_code == 200


def test_deactivated_persons_token_is_401(client, council, officer):
    account_services.user_deactivate(user=council.clerk_a, by=officer, at=now())
    response = ApiClient(client, council.token_a).get(DRAFT)
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"


def test_revoked_token_is_401(client, council):
    token = ApiToken.objects.get(user=council.clerk_a)
    account_services.token_revoke(token=token, by=council.clerk_a, at=now())
    response = ApiClient(client, council.token_a).get("/api/v1/datasets")
    assert response.status_code == 401
    assert set(response.json()) >= {"code", "message"}


def test_unknown_token_is_401_not_anonymous(client, council):
    assert ApiClient(client, "rd_not-a-token").get("/api/v1/datasets").status_code == 401


def test_malformed_authorization_header_is_401(client, council):
    response = client.get("/api/v1/datasets", headers={"Authorization": "Token abc"})
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"


def test_session_reads_like_a_token(client, council):
    client.force_login(council.clerk_a)
    assert client.get(DRAFT).status_code == 200


def test_session_write_needs_the_csrf_token(council):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(council.clerk_a)
    response = browser.patch(DRAFT, '{"title": "Нова назва"}', content_type="application/json")
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"

    secret = "s3cr3t" * 5 + "ok"  # what the csrftoken cookie of a page holds: 32 characters
    browser.cookies["csrftoken"] = secret
    response = browser.patch(DRAFT, '{"title": "Нова назва"}', content_type="application/json",
                             headers={"X-CSRFToken": secret})
    assert response.status_code == 200, response.json()


def test_token_write_needs_no_csrf_token(council):
    api = ApiClient(Client(enforce_csrf_checks=True), council.token_a)
    assert api.patch(DRAFT, {"title": "Нова назва"}).status_code == 200
