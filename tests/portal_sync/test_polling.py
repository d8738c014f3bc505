"""Moderation follow-up: the portal's answers become workflow steps with the portal's dates,
by the system; manual entry still works and is not repeated; old answers are not re-read."""

from __future__ import annotations

import datetime as dt

import pytest

from radadata.portal_sync import polling
from radadata.portal_sync.models import DatasetSync, Moderation
from radadata.portal_sync.push import push_dataset
from radadata.registry.vocabularies import DatasetStatus
from radadata.workflow import services as workflow
from radadata.workflow.states import Action, State
from tests.factories import AT
from tests.portal_sync.conftest import publish_update, reload

pytestmark = pytest.mark.django_db
NAME = "svitlohirska-mr-vydatky-osvita"
NOW = AT + dt.timedelta(days=2)  # when the worker asks


@pytest.fixture
def uploaded(office, conn, portal, portal_client):
    """The budget dataset pushed: its submission is "uploaded", the portal moderates it."""
    portal.now = lambda: AT.replace(tzinfo=None)  # the portal's clock in the test's story
    push_dataset(dataset=office.budget, conn=conn, client=portal_client, by=None, at=AT)
    submission = office.budget.submissions.get()
    assert submission.state == State.UPLOADED
    return submission


def test_approval_then_publication_are_recorded_with_the_portals_dates(uploaded, portal):
    approved_on = AT + dt.timedelta(hours=5)
    portal.moderate(NAME, "approved", at=approved_on)

    assert polling.poll_moderation(at=NOW) == 1

    uploaded.refresh_from_db()
    assert uploaded.state == State.PORTAL_APPROVED
    assert abs(uploaded.portal_approved_at - approved_on) < dt.timedelta(seconds=1)
    assert uploaded.events.get(action=Action.PORTAL_APPROVE).by is None

    published_on = AT + dt.timedelta(days=1)
    portal.moderate(NAME, "published", at=published_on)
    polling.poll_moderation(at=NOW)

    uploaded.refresh_from_db()
    assert uploaded.state == State.PUBLISHED
    assert abs(uploaded.published_at - published_on) < dt.timedelta(seconds=1)
    dataset = reload(uploaded.dataset)
    assert dataset.status == DatasetStatus.PUBLISHED
    assert DatasetSync.objects.get(dataset=dataset).moderation == Moderation.PUBLISHED


def test_a_rejection_is_recorded_with_the_portals_reason(uploaded, portal):
    portal.moderate(NAME, "rejected", reason="Додайте структуру набору даних у форматі CSV.")

    polling.poll_moderation(at=NOW)

    uploaded.refresh_from_db()
    assert uploaded.state == State.PORTAL_REJECTED
    assert uploaded.portal_rejection_reason == "Додайте структуру набору даних у форматі CSV."


def test_a_rejection_without_a_reason_still_says_where_to_read_it(uploaded, portal):
    portal.moderate(NAME, "rejected")

    polling.poll_moderation(at=NOW)

    uploaded.refresh_from_db()
    assert uploaded.state == State.PORTAL_REJECTED
    assert uploaded.portal_rejection_reason  # the guard needs a reason: ours, in words


def test_polling_again_records_nothing_new(uploaded, portal):
    portal.moderate(NAME, "approved")
    polling.poll_moderation(at=NOW)
    events = uploaded.events.count()

    assert polling.poll_moderation(at=NOW) == 0
    assert uploaded.events.count() == events


def test_an_answer_entered_by_hand_is_not_recorded_twice(uploaded, portal, officer):
    workflow.submission_transition(submission=uploaded, action=Action.PORTAL_APPROVE,
                                   by=officer, at=NOW)
    portal.moderate(NAME, "approved")

    assert polling.poll_moderation(at=NOW) == 0

    uploaded.refresh_from_db()
    assert [e.action for e in uploaded.events.filter(action=Action.PORTAL_APPROVE)] == [
        "portal_approve"]


def test_a_pending_package_changes_nothing(uploaded, portal):
    assert polling.poll_moderation(at=NOW) == 0
    uploaded.refresh_from_db()
    assert uploaded.state == State.UPLOADED
    assert DatasetSync.objects.get(dataset=uploaded.dataset).moderation == Moderation.PENDING


def test_last_rounds_rejection_is_not_read_again_after_a_new_upload(uploaded, portal, office,
                                                                    conn, portal_client):
    portal.moderate(NAME, "rejected", reason="Не той формат.")
    polling.poll_moderation(at=NOW)
    # The officer corrects it and pushes again: the submission is uploaded once more.
    publish_update(reload(office.budget), description="Видатки на освіту, у форматі CSV.")
    push_dataset(dataset=reload(office.budget), conn=conn, client=portal_client, by=None,
                 at=AT + dt.timedelta(days=1))
    uploaded.refresh_from_db()
    assert uploaded.state == State.UPLOADED

    polling.poll_moderation(at=NOW)

    uploaded.refresh_from_db()
    assert uploaded.state == State.UPLOADED


def test_a_portal_without_moderation_publishes_at_once(office, conn, portal, portal_client):
    portal.moderation = False
    push_dataset(dataset=office.budget, conn=conn, client=portal_client, by=None, at=AT)

    polling.poll_moderation(at=NOW)

    submission = office.budget.submissions.get()
    assert submission.state == State.PUBLISHED


def test_answers_are_read_from_fields_or_extras():
    answer = polling.portal_answer({
        "metadata_modified": "2026-03-05T08:00:00",
        "extras": [{"key": "moderation_status", "value": "Rejected"},
                   {"key": "moderation_date", "value": "2026-03-04T12:30:00"},
                   {"key": "moderation_comment", "value": "Немає опису."}]})

    assert answer.status == Moderation.REJECTED
    assert answer.at == dt.datetime(2026, 3, 4, 12, 30, tzinfo=dt.UTC)
    assert answer.reason == "Немає опису."


def test_a_push_after_a_rejection_that_changes_nothing_is_no_new_upload(uploaded, portal,
                                                                        office, conn,
                                                                        portal_client):
    portal.moderate(NAME, "rejected", reason="Не той формат.")
    polling.poll_moderation(at=NOW)
    uploaded.refresh_from_db()
    assert uploaded.state == State.PORTAL_REJECTED

    result = push_dataset(dataset=reload(office.budget), conn=conn, client=portal_client,
                          by=None, at=AT + dt.timedelta(days=1))

    assert not result.workflow_step
    uploaded.refresh_from_db()
    assert uploaded.state == State.PORTAL_REJECTED
    assert uploaded.events.filter(action="upload").count() == 1
