"""Requests for data that is not published (§2.18): anyone asks, the officer answers, and the
answer is public."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from radadata.catalog import services
from radadata.catalog.models import DataRequest, RequestState
from radadata.core.errors import NotAllowed, ValidationFailed
from radadata.core.models import AuditEntry
from tests.factories import AT, DatasetFactory, UserFactory

pytestmark = pytest.mark.django_db

REQUEST = {"title": "Графік вивезення сміття", "reason": "Щоб планувати прибирання двору.",
           "contact_name": "Олена", "contact_email": "olena@example.com", "website": ""}


@pytest.fixture(autouse=True)
def _english_and_fresh_limits(settings):
    settings.LANGUAGE_CODE = "en"
    cache.clear()
    yield
    cache.clear()


def _send(client: Client, data: dict | None = None):
    return client.post("/requests/new/", data or REQUEST, REMOTE_ADDR="192.0.2.20")


def test_anyone_requests_and_the_request_is_listed_without_the_contact(db):
    client = Client()
    assert client.get("/requests/new/").status_code == 200
    response = _send(client)
    assert response.status_code == 302 and response["Location"] == "/requests/"
    item = DataRequest.objects.get()
    assert (item.state, item.contact_email) == (RequestState.NEW, "olena@example.com")
    assert AuditEntry.objects.filter(action="data_request.sent").count() == 1
    html = client.get("/requests/").content.decode()
    assert "Графік вивезення сміття" in html and "Not answered yet." in html
    assert "olena@example.com" not in html and "Олена" not in html


def test_only_what_is_required(db):
    assert _send(Client(), {"title": "Реєстр дерев", "website": ""}).status_code == 302
    assert DataRequest.objects.get().contact_email == ""
    response = _send(Client(), {"title": "", "website": ""})
    assert response.status_code == 200 and DataRequest.objects.count() == 1


def test_the_officer_answers_publicly_and_links_the_dataset(db, officer, officer_client):
    dataset = DatasetFactory(name="smittia", title="Графік вивезення ТПВ", published=True)
    _send(Client())
    item = DataRequest.objects.get()
    page = officer_client.get("/office/requests/").content.decode()
    assert "olena@example.com" in page  # the officer sees the contact to reply
    response = officer_client.post(f"/office/requests/{item.pk}/", {
        "state": RequestState.PUBLISHED, "answer": "Опубліковано.", "dataset": dataset.pk})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.state, item.dataset, item.answered_by) == (RequestState.PUBLISHED, dataset,
                                                             officer)
    html = Client().get("/requests/").content.decode()
    assert "Опубліковано." in html and 'href="/dataset/smittia"' in html
    assert AuditEntry.objects.filter(action="data_request.answered").count() == 1


def test_published_needs_a_published_dataset(db, officer):
    item = services.request_send(title="Реєстр дерев", by=None, at=AT)
    draft = DatasetFactory(name="dereva")
    with pytest.raises(ValidationFailed) as error:
        services.request_answer(data_request=item, answer="Ось", state=RequestState.PUBLISHED,
                                by=officer, at=AT)
    assert "dataset" in error.value.errors
    with pytest.raises(ValidationFailed):
        services.request_answer(data_request=item, answer="Ось", state=RequestState.PUBLISHED,
                                dataset=draft, by=officer, at=AT)
    item.refresh_from_db()
    assert item.state == RequestState.NEW


def test_a_declined_request_shows_the_reason(db, officer_client):
    item = services.request_send(title="Паролі від Wi-Fi", by=None, at=AT)
    officer_client.post(f"/office/requests/{item.pk}/",
                        {"state": RequestState.DECLINED, "answer": "Це інформація з "
                         "обмеженим доступом."})
    html = Client().get("/requests/").content.decode()
    assert "Це інформація з обмеженим доступом." in html and "declined" in html


def test_only_the_officer_answers(db, client):
    item = services.request_send(title="Реєстр дерев", by=None, at=AT)
    clerk = UserFactory(owner=DatasetFactory().owner)
    with pytest.raises(NotAllowed):
        services.request_answer(data_request=item, answer="x", state=RequestState.ANSWERED,
                                by=clerk, at=AT)
    client.force_login(clerk)
    assert client.get(f"/office/requests/{item.pk}/").status_code == 403


def test_honeypot_and_rate_limit(db):
    assert _send(Client(), {**REQUEST, "website": "spam"}).status_code == 302
    assert not DataRequest.objects.exists()
    client = Client()
    for _ in range(5):
        assert _send(client).status_code == 302
    assert _send(client).status_code == 429
    assert DataRequest.objects.count() == 5


def test_script_in_a_request_is_shown_as_text(db):
    _send(Client(), {**REQUEST, "title": "<script>alert(1)</script>"})
    html = Client().get("/requests/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
