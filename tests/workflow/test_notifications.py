"""Who hears about a step: the owner's responsible person and substitute when their
submission is returned, rejected by the portal or published; the officers when one enters
their queue. E-mail and the in-app notice go out after the commit, and a mail server that is
down does not undo the step."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from dataclasses import dataclass

import pytest
from django.core import mail

from radadata.accounts import services as account_services
from radadata.accounts.models import User
from radadata.registry.models import Dataset
from radadata.registry.vocabularies import MembershipRole, OwnerKind
from radadata.workflow import notifications, services
from radadata.workflow.models import Notice, Submission
from radadata.workflow.states import Action, State
from tests.factories import DatasetFactory, OwnerFactory, UserFactory, add_file, officer

pytestmark = pytest.mark.django_db

AT = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
TITLE = "Перелік закладів освіти громади"
REASON = "Додайте стовпець з адресою закладу."


@dataclass
class People:
    dataset: Dataset
    responsible: User
    substitute: User
    editor: User
    officer: User
    other_officer: User


@pytest.fixture
def people() -> People:
    owner = OwnerFactory()
    return People(
        dataset=DatasetFactory(owner=owner, title=TITLE),
        responsible=UserFactory(owner=owner, email="responsible@rada.example.ua"),
        substitute=UserFactory(owner=owner, owner_role=MembershipRole.SUBSTITUTE,
                               email="substitute@rada.example.ua"),
        editor=UserFactory(owner=owner, owner_role=MembershipRole.EDITOR,
                           email="editor@rada.example.ua"),
        officer=officer(email="officer@rada.example.ua"),
        other_officer=officer(email="officer2@rada.example.ua"))


def _step(submission: Submission, action: Action, by: User | None, note: str = ""):
    return services.submission_transition(submission=submission, action=action, by=by,
                                          at=AT, note=note)


def _received(people: People, content: bytes = b"id,name\n1,School\n") -> Submission:
    add_file(people.dataset, content)
    submission = services.submission_open(dataset=people.dataset, by=people.responsible, at=AT)
    return _step(submission, Action.SUBMIT, people.responsible)


def _uploaded(people: People) -> Submission:
    submission = _step(_received(people), Action.ACCEPT, people.officer)
    return _step(submission, Action.UPLOAD, people.officer)


def _recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def _noticed(submission: Submission) -> list[str]:
    return sorted(Notice.objects.filter(submission=submission)
                  .values_list("user__email", flat=True))


OWNER_SIDE = ["responsible@rada.example.ua", "substitute@rada.example.ua"]
OFFICERS = ["officer2@rada.example.ua", "officer@rada.example.ua"]


def test_the_officers_hear_when_a_submission_enters_their_queue(
        people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submission = _received(people)
    assert _recipients() == OFFICERS
    assert _noticed(submission) == OFFICERS
    message = mail.outbox[0]
    assert TITLE in message.subject
    assert TITLE in message.body
    assert f"/office/submissions/{submission.pk}/" in message.body


@pytest.mark.parametrize("how", ["officer", "checks"])
def test_the_owner_s_people_hear_when_their_submission_is_returned(
        people, django_capture_on_commit_callbacks, how):
    if how == "officer":
        submission = _received(people)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            _step(submission, Action.RETURN, people.officer, note=REASON)
        reason = REASON
    else:
        with django_capture_on_commit_callbacks(execute=True):
            submission = _received(people, "код;назва\n1;Школа №1\n".encode("cp1251"))
        assert Submission.objects.get(pk=submission.pk).state == State.RETURNED
        reason = "UTF-8"
    assert _recipients() == OWNER_SIDE  # not the editor, and not the officers
    assert _noticed(submission) == OWNER_SIDE
    assert all(reason in message.body for message in mail.outbox)
    assert all(reason in notice.text for notice in Notice.objects.filter(submission=submission))


def test_the_owner_s_people_hear_of_a_portal_rejection(people, django_capture_on_commit_callbacks):
    submission = _uploaded(people)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _step(submission, Action.PORTAL_REJECT, people.officer, note="Опис занадто короткий.")
    assert _recipients() == OWNER_SIDE
    assert all("Опис занадто короткий." in message.body for message in mail.outbox)


def test_the_owner_s_people_hear_of_the_publication(people, django_capture_on_commit_callbacks):
    submission = _uploaded(people)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _step(submission, Action.PUBLISH, people.officer)
    assert _recipients() == OWNER_SIDE
    assert _noticed(submission) == OWNER_SIDE
    assert all(TITLE in message.subject for message in mail.outbox)


def test_steps_in_between_tell_nobody(people, django_capture_on_commit_callbacks):
    submission = _received(people)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        submission = _step(submission, Action.ACCEPT, people.officer)
        submission = _step(submission, Action.UPLOAD, people.officer)
        _step(submission, Action.PORTAL_APPROVE, people.officer)
    assert len(callbacks) == 3
    assert mail.outbox == []
    assert not Notice.objects.exists()


def test_nothing_is_sent_before_the_commit(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        _received(people)
    assert len(callbacks) == 1
    assert mail.outbox == [] and not Notice.objects.exists()


def test_a_deactivated_person_hears_nothing(people, django_capture_on_commit_callbacks):
    for person in (people.substitute, people.other_officer):
        account_services.user_deactivate(user=person, by=None, at=AT)
    with django_capture_on_commit_callbacks(execute=True):
        submission = _received(people)
    submission = _step(submission, Action.UPLOAD, people.officer)
    with django_capture_on_commit_callbacks(execute=True):
        _step(submission, Action.PUBLISH, people.officer)
    assert _recipients() == ["officer@rada.example.ua", "responsible@rada.example.ua"]
    assert not Notice.objects.filter(user__in=[people.substitute, people.other_officer]).exists()


def test_the_people_of_the_managing_body_hear_about_its_enterprise(
        django_capture_on_commit_callbacks):
    department = OwnerFactory(kind=OwnerKind.DEPARTMENT)
    school = OwnerFactory(kind=OwnerKind.ENTERPRISE, managing_owner=department)
    UserFactory(owner=department, email="department@rada.example.ua")
    clerk = UserFactory(owner=school, email="school@rada.example.ua")
    dataset = DatasetFactory(owner=school)
    add_file(dataset)
    submission = services.submission_open(dataset=dataset, by=clerk, at=AT)
    with django_capture_on_commit_callbacks(execute=True):
        submission = _step(submission, Action.SUBMIT, clerk)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _step(submission, Action.RETURN, None, note=REASON)
    assert _recipients() == ["department@rada.example.ua", "school@rada.example.ua"]


def test_a_mail_server_that_is_down_does_not_undo_the_step(
        people, django_capture_on_commit_callbacks, monkeypatch, caplog):
    submission = _received(people)

    def refuse(*args, **kwargs):
        raise smtplib.SMTPConnectError(421, "Service not available")

    monkeypatch.setattr(notifications, "send_mass_mail", refuse)
    with caplog.at_level(logging.ERROR, logger="radadata.workflow.notifications"), \
            django_capture_on_commit_callbacks(execute=True):
        _step(submission, Action.RETURN, people.officer, note=REASON)
    fresh = Submission.objects.get(pk=submission.pk)
    assert fresh.state == State.RETURNED
    assert fresh.events.filter(action=Action.RETURN).count() == 1
    assert _noticed(submission) == OWNER_SIDE  # the in-app notice still tells them
    assert "could not send the e-mail" in caplog.text
