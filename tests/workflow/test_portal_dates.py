"""Steps on the portal take the date they happened on data.gov.ua, not the moment of the click:
the letter's four dates, the publication and the legal terms follow it; it is never later than
now nor before the previous step; the page's timeline shows both dates."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from radadata.core.errors import ValidationFailed
from radadata.registry.models import Dataset, ResourceVersion
from radadata.workflow import services
from radadata.workflow.letter_data import letter_data
from radadata.workflow.states import Action, State
from tests.workflow.test_services import MON, day, office, step, submitted, upload  # noqa: F401

pytestmark = pytest.mark.django_db


def received(office):  # noqa: F811
    upload(office)
    return submitted(office, at=day(0, 11))


def test_each_portal_step_takes_the_date_it_happened_on_the_portal(office, settings):  # noqa: F811
    settings.HOLIDAYS_ARE_DAYS_OFF = False
    officer = office.officer
    submission = received(office)
    # Uploaded on Tuesday, recorded only on Thursday.
    submission = step(submission, Action.UPLOAD, officer, day(3), happened_at=day(1, 15))
    assert submission.uploaded_at == day(1, 15)
    # §6.13 was met on Tuesday, the day after the receipt, not late on Thursday.
    upload_term = next(d for d in services.submission_deadlines(submission)
                       if d.rule == "upload")
    assert upload_term.met_on == dt.date(2026, 3, 3)
    assert not upload_term.met_late
    submission = step(submission, Action.PORTAL_APPROVE, officer, day(4),
                      happened_at=day(2, 9))
    submission = step(submission, Action.PUBLISH, officer, day(4, 12), happened_at=day(3, 16))

    assert (submission.uploaded_at, submission.portal_approved_at,
            submission.published_at) == (day(1, 15), day(2, 9), day(3, 16))
    events = list(submission.events.filter(action__in=["upload", "portal_approve", "publish"]))
    assert [(e.at, e.happened_at) for e in events] == [
        (day(3), day(1, 15)), (day(4), day(2, 9)), (day(4, 12), day(3, 16))]
    dataset = Dataset.objects.get(pk=office.dataset.pk)
    assert dataset.first_published_at == day(3, 16)
    assert ResourceVersion.objects.get().published_at == day(3, 16)
    # The cover letter's dates are the portal's.
    data = letter_data(submission, today=day(5).date())
    assert (data.uploaded_on, data.approved_on, data.published_on) == (
        dt.date(2026, 3, 3), dt.date(2026, 3, 4), dt.date(2026, 3, 5))


def test_a_portal_date_later_than_now_is_refused(office):  # noqa: F811
    submission = received(office)
    with pytest.raises(ValidationFailed) as caught:
        step(submission, Action.UPLOAD, office.officer, day(1), happened_at=day(1, 11))
    assert "happened_at" in caught.value.errors
    assert "пізніш" in caught.value.errors["happened_at"][0]
    submission.refresh_from_db()
    assert submission.state == State.RECEIVED
    assert not submission.events.filter(action="upload").exists()


def test_a_portal_date_before_the_previous_step_is_refused(office):  # noqa: F811
    submission = received(office)
    submission = step(submission, Action.UPLOAD, office.officer, day(2), happened_at=day(1))
    with pytest.raises(ValidationFailed) as caught:
        step(submission, Action.PUBLISH, office.officer, day(2, 12), happened_at=day(0, 18))
    message = caught.value.errors["happened_at"][0]
    assert "раніш" in message and "03.03.2026 10:00" in message
    # The same minute as the previous step is fine.
    submission = step(submission, Action.PUBLISH, office.officer, day(2, 12),
                      happened_at=day(1))
    assert submission.published_at == day(1)


def test_without_a_portal_date_the_step_takes_the_moment_it_is_recorded(office):  # noqa: F811
    submission = received(office)
    submission = step(submission, Action.UPLOAD, office.officer, day(1))
    assert submission.uploaded_at == day(1)
    assert submission.events.get(action="upload").happened_at is None


def test_the_page_asks_for_the_portal_date_and_the_timeline_shows_both(office):  # noqa: F811
    submission = received(office)
    client = Client()
    client.force_login(office.officer)
    url = reverse("workflow:submission-detail", args=[submission.pk])
    html = client.get(url).content.decode()
    # The upload's form asks when it happened; the accept's does not.
    assert 'id="id_upload_happened_at"' in html and 'type="datetime-local"' in html
    assert "id_accept_happened_at" not in html

    act = reverse("workflow:submission-act", args=[submission.pk])
    response = client.post(act, {"action": "upload", "expected_state": "received",
                                 "happened_at": "2099-01-01T10:00"})
    assert response.status_code == 422
    assert "не може бути пізнішою" in response.content.decode()
    response = client.post(act, {"action": "upload", "expected_state": "received",
                                 "happened_at": "2026-03-02T15:30"})
    assert response.status_code == 302
    html = client.get(url).content.decode()
    assert "на порталі 02.03.2026 15:30" in html
    assert "записано" in html


def test_the_page_warns_while_the_signed_scan_is_missing(office):  # noqa: F811
    import io

    submission = received(office)
    client = Client()
    client.force_login(office.clerk)
    url = reverse("workflow:submission-detail", args=[submission.pk])
    assert 'id="scan-missing"' in client.get(url).content.decode()
    services.submission_attach_letter(submission=submission, stream=io.BytesIO(b"%PDF-1.4"),
                                      filename="lyst.pdf", by=office.clerk, at=day(0, 12))
    html = client.get(url).content.decode()
    assert 'id="scan-missing"' not in html and 'id="letter-scan"' in html
