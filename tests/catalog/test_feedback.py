"""Feedback on a dataset (§6.15.4): stored for moderation, shown after the officer approves
it, protected from spam by a honeypot and a rate limit (no captcha)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from radadata.catalog import services
from radadata.catalog.models import Feedback, Moderation
from radadata.core.audit_labels import action_label
from radadata.core.errors import NotAllowed, NotFound
from radadata.core.models import AuditEntry
from tests.factories import AT, DatasetFactory, UserFactory

pytestmark = pytest.mark.django_db

MESSAGE = {"text": "У рядку 5 неправильна адреса школи.", "author_name": "Іван",
           "author_email": "ivan@example.com", "website": ""}


@pytest.fixture(autouse=True)
def _english_and_fresh_limits(settings):
    settings.LANGUAGE_CODE = "en"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def dataset():
    return DatasetFactory(name="shkoly", published=True)


def _send(client: Client, data: dict | None = None, address: str = "192.0.2.10"):
    return client.post("/dataset/shkoly/feedback", data or MESSAGE, REMOTE_ADDR=address)


def test_the_form_is_on_the_page_with_a_hidden_honeypot(dataset):
    html = Client().get("/dataset/shkoly").content.decode()
    assert 'action="/dataset/shkoly/feedback"' in html
    assert 'name="text"' in html and 'name="author_email"' in html
    assert 'class="hp-field"' in html and 'tabindex="-1"' in html


def test_a_message_is_stored_pending_and_not_shown(dataset):
    response = _send(Client())
    assert response.status_code == 302 and response["Location"] == "/dataset/shkoly"
    item = Feedback.objects.get()
    assert (item.state, item.text, item.author_email) == (
        Moderation.PENDING, MESSAGE["text"], "ivan@example.com")
    assert AuditEntry.objects.filter(action="feedback.sent", object_id=str(item.pk)).exists()
    assert str(action_label("feedback.sent")) == "feedback received"
    page = Client().get("/dataset/shkoly")
    assert MESSAGE["text"] not in page.content.decode()


def test_the_thanks_says_what_happens_next(dataset):
    page = Client().post("/dataset/shkoly/feedback", MESSAGE, follow=True).content.decode()
    assert "after the open-data officer reviews it" in page


def test_approved_message_and_answer_are_shown(dataset, officer, officer_client):
    _send(Client())
    item = Feedback.objects.get()
    assert MESSAGE["text"] in officer_client.get("/office/feedback/").content.decode()
    response = officer_client.post(f"/office/feedback/{item.pk}/",
                                   {"decision": "approve", "answer": "Виправлено, дякуємо."})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.state, item.moderated_by) == (Moderation.APPROVED, officer)
    html = Client().get("/dataset/shkoly").content.decode()
    assert MESSAGE["text"] in html and "Виправлено, дякуємо." in html
    assert "ivan@example.com" not in html  # the e-mail is for the officer only


def test_a_hidden_message_is_not_shown(dataset, officer_client):
    _send(Client())
    item = Feedback.objects.get()
    officer_client.post(f"/office/feedback/{item.pk}/", {"decision": "hide", "answer": ""})
    item.refresh_from_db()
    assert item.state == Moderation.REJECTED
    assert MESSAGE["text"] not in Client().get("/dataset/shkoly").content.decode()


def test_a_bot_filling_the_honeypot_is_thanked_and_nothing_is_stored(dataset):
    response = _send(Client(), {**MESSAGE, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not Feedback.objects.exists()


def test_the_sixth_message_within_an_hour_is_refused(dataset):
    client = Client()
    for _ in range(5):
        assert _send(client).status_code == 302
    response = _send(client)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 3000
    assert "Please try again after" in response.content.decode()
    assert Feedback.objects.count() == 5
    # Another client is not affected.
    assert _send(Client(), address="198.51.100.7").status_code == 302


def test_script_in_a_message_is_shown_as_text(dataset):
    _send(Client(), {**MESSAGE, "text": "<script>alert('x')</script> дякую"})
    item = Feedback.objects.get()
    services.feedback_moderate(feedback=item, approve=True, by=None, at=AT)
    html = Client().get("/dataset/shkoly").content.decode()
    assert "<script>alert('x')</script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; дякую" in html


def test_an_empty_message_is_shown_with_the_form_again(dataset):
    response = _send(Client(), {**MESSAGE, "text": "  "})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Feedback.objects.exists()


def test_no_feedback_on_an_unpublished_dataset(db):
    draft = DatasetFactory(name="chernetka")
    assert Client().post("/dataset/chernetka/feedback", MESSAGE).status_code == 404
    with pytest.raises(NotFound):
        services.feedback_send(dataset=draft, text="x", by=None, at=AT)


def test_only_the_officer_moderates(dataset, client):
    item = services.feedback_send(dataset=dataset, text="Питання", by=None, at=AT)
    clerk = UserFactory(owner=dataset.owner)
    with pytest.raises(NotAllowed):
        services.feedback_moderate(feedback=item, approve=True, by=clerk, at=AT)
    client.force_login(clerk)
    assert client.post(f"/office/feedback/{item.pk}/", {"decision": "approve"}).status_code == 403
    assert client.get("/office/feedback/").status_code == 403
