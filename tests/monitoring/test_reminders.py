"""Reminders with a fake clock: before the due date, on the day, then escalation to the head
of the owner and the officer; never twice, not lost by a crash or a mail server that is down;
the substitute (and the officer) when the responsible person is dismissed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.core import mail
from django.db import IntegrityError

from radadata.accounts import services as account_services
from radadata.accounts.models import User
from radadata.core.models import AuditEntry
from radadata.jobs.schedule import PERIODIC, run_one
from radadata.monitoring import services
from radadata.monitoring.models import ReminderSent, Stage
from radadata.registry.models import Dataset
from radadata.registry.services import datasets as dataset_services
from radadata.registry.vocabularies import MembershipRole, OwnerKind, Periodicity
from radadata.workflow.states import State
from tests.factories import DatasetFactory, OwnerFactory, UserFactory
from tests.monitoring.steps import at, publish, submission_in

pytestmark = pytest.mark.django_db

RESPONSIBLE = "responsible@rada.example.ua"
SUBSTITUTE = "substitute@rada.example.ua"
HEAD = "osvita@rada.example.ua"
OFFICER = "officer@rada.example.ua"
TITLE = "Перелік закладів освіти"


@pytest.fixture(autouse=True)
def _calendar(settings):
    settings.HOLIDAYS_ARE_DAYS_OFF = False
    settings.REMINDER_DAYS_BEFORE = 5
    settings.SITE_URL = "https://data.rada.example.ua"


@dataclass
class People:
    dataset: Dataset
    responsible: User
    substitute: User
    officer: User


@pytest.fixture
def people(officer) -> People:
    owner = OwnerFactory(name="Управління освіти", email=HEAD, head_name="Коваленко Ірина")
    dataset = DatasetFactory(owner=owner, title=TITLE, periodicity=Periodicity.MONTHLY)
    publish(dataset, "2026-02-02")  # due Monday 2 March 2026
    return People(
        dataset=dataset,
        responsible=UserFactory(owner=owner, email=RESPONSIBLE, last_name="Петренко"),
        substitute=UserFactory(owner=owner, owner_role=MembershipRole.SUBSTITUTE,
                               email=SUBSTITUTE),
        officer=officer)


def run(day: str, capture, hour: int = 9) -> list[tuple[str, str]]:
    """One run of the worker's reminders at `day` `hour`:00 in Kyiv; (stage, address) sent."""
    mail.outbox.clear()
    with capture(execute=True):
        created = services.reminders_send(at=at(day, hour))
    assert sorted(a for m in mail.outbox for a in m.to) == sorted(r.email for r in created)
    return sorted((str(r.stage), r.email) for r in created)


def test_before_on_the_day_then_escalation(people, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    assert run("2026-02-20", capture) == []  # 6 working days before
    assert run("2026-02-23", capture) == [("before", RESPONSIBLE), ("before", SUBSTITUTE)]
    assert run("2026-02-23", capture, hour=10) == []  # the next run: nothing twice
    assert run("2026-02-27", capture) == []
    assert run("2026-03-02", capture) == [("on_day", RESPONSIBLE), ("on_day", SUBSTITUTE)]
    assert run("2026-03-03", capture) == [("overdue_escalation", OFFICER),
                                          ("overdue_escalation", HEAD)]
    assert run("2026-03-10", capture) == []  # escalated once per due date

    head = ReminderSent.objects.get(email=HEAD)
    assert head.recipient is None
    assert "Коваленко Ірина" in head.text and TITLE in head.text and "02.03.2026" in head.text
    # In the app: each person's own reminders.
    assert list(people.responsible.reminders.values_list("stage", flat=True)) == [
        Stage.ON_DAY, Stage.BEFORE]
    entries = AuditEntry.objects.filter(action="monitoring.reminder_sent",
                                        object_id=str(people.dataset.pk))
    assert sorted(e.changes["stage"][1] for e in entries) == [
        "before", "on_day", "overdue_escalation"]


def test_a_reminder_is_also_a_notice_in_the_app(people, django_capture_on_commit_callbacks,
                                                client):
    run("2026-03-02", django_capture_on_commit_callbacks)
    notice = people.responsible.notices.get()
    assert notice.dataset == people.dataset and notice.submission is None
    assert TITLE in notice.text
    client.force_login(people.responsible)
    page = client.get("/office/notices/").content.decode()
    assert TITLE in page
    assert f"/office/datasets/{people.dataset.name}/" in page


def test_the_e_mail_names_the_dataset_and_links_to_it(people, django_capture_on_commit_callbacks):
    run("2026-03-02", django_capture_on_commit_callbacks)
    message = mail.outbox[0]
    assert TITLE in message.subject
    assert TITLE in message.body and "02.03.2026" in message.body
    assert f"https://data.rada.example.ua/office/datasets/{people.dataset.name}/" in message.body


def test_an_update_published_in_time_ends_the_reminders(people, django_capture_on_commit_callbacks):
    run("2026-02-23", django_capture_on_commit_callbacks)
    publish(people.dataset, "2026-02-25")  # next due 25 March
    assert run("2026-03-02", django_capture_on_commit_callbacks) == []
    assert run("2026-03-03", django_capture_on_commit_callbacks) == []


def test_no_reminder_once_the_owner_has_submitted_the_update(
        people, django_capture_on_commit_callbacks):
    submission_in(people.dataset, State.RECEIVED, by=people.responsible, officer=people.officer,
                  day="2026-02-20")
    assert run("2026-03-02", django_capture_on_commit_callbacks) == []


def test_a_changed_periodicity_reminds_of_the_new_due_date(
        people, django_capture_on_commit_callbacks):
    dataset_services.dataset_update(dataset=people.dataset, by=None, at=at("2026-02-03"),
                                    periodicity=Periodicity.WEEKLY)
    sent = run("2026-02-09", django_capture_on_commit_callbacks)  # 2 Feb + 7 days
    assert sent == [("on_day", RESPONSIBLE), ("on_day", SUBSTITUTE)]
    assert set(ReminderSent.objects.values_list("due_on", flat=True)) == {dt.date(2026, 2, 9)}


def test_a_dataset_no_longer_updated_gets_no_reminder(people, django_capture_on_commit_callbacks):
    dataset_services.dataset_archive(dataset=people.dataset, by=None, at=at("2026-02-10"),
                                     reason="Більше не ведеться.")
    assert run("2026-03-03", django_capture_on_commit_callbacks) == []


def test_a_dismissed_responsible_person_the_substitute_and_the_officer_are_told(
        people, django_capture_on_commit_callbacks):
    account_services.user_deactivate(user=people.responsible, by=people.officer,
                                     at=at("2026-02-10"))
    assert run("2026-02-23", django_capture_on_commit_callbacks) == [
        ("before", OFFICER), ("before", SUBSTITUTE)]
    told = ReminderSent.objects.get(recipient=people.officer)
    assert "Петренко" in told.text and TITLE in told.text


def test_nobody_at_the_owner_the_officer_gets_the_reminder(officer,
                                                           django_capture_on_commit_callbacks):
    dataset = DatasetFactory(owner=OwnerFactory(email=""), periodicity=Periodicity.MONTHLY)
    publish(dataset, "2026-02-02")
    assert run("2026-03-02", django_capture_on_commit_callbacks) == [("on_day", OFFICER)]
    # Late, with no address for the head: the officer alone hears of it.
    assert run("2026-03-03", django_capture_on_commit_callbacks) == [
        ("overdue_escalation", OFFICER)]


def test_an_enterprise_without_people_the_managing_body_is_reminded(
        officer, django_capture_on_commit_callbacks):
    department = OwnerFactory(name="Управління ЖКГ")
    UserFactory(owner=department, email="zhkg@rada.example.ua")
    enterprise = OwnerFactory(name="КП «Водоканал»", kind=OwnerKind.ENTERPRISE,
                              managing_owner=department)
    dataset = DatasetFactory(owner=enterprise, periodicity=Periodicity.MONTHLY)
    publish(dataset, "2026-02-02")
    assert run("2026-03-02", django_capture_on_commit_callbacks) == [
        ("on_day", "zhkg@rada.example.ua")]


def test_a_mail_server_that_is_down_loses_nothing(people, django_capture_on_commit_callbacks,
                                                  monkeypatch):
    def refuse(self, *args, **kwargs):
        raise ConnectionRefusedError("SMTP down")

    with monkeypatch.context() as patched:
        patched.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
        with django_capture_on_commit_callbacks(execute=True):
            services.reminders_send(at=at("2026-03-02", 9))
    assert ReminderSent.objects.count() == 2
    assert not ReminderSent.objects.filter(mailed_at__isnull=False).exists()
    assert mail.outbox == []
    # The next run, 15 minutes later: the same two e-mails go, nothing new is recorded.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(at=at("2026-03-02", 9) + dt.timedelta(minutes=15)) == []
    assert sorted(a for m in mail.outbox for a in m.to) == [RESPONSIBLE, SUBSTITUTE]
    assert ReminderSent.objects.filter(mailed_at__isnull=True).count() == 0


def test_a_crash_after_recording_mails_on_the_next_run(people,
                                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):  # the worker dies after the commit
        services.reminders_send(at=at("2026-03-02", 9))
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        services.reminders_send(at=at("2026-03-02", 10))
    assert sorted(a for m in mail.outbox for a in m.to) == [RESPONSIBLE, SUBSTITUTE]
    with django_capture_on_commit_callbacks(execute=True):
        services.reminders_send(at=at("2026-03-02", 11))
    assert len(mail.outbox) == 2  # never twice


def test_the_database_refuses_the_same_reminder_twice(people):
    fields = {"dataset": people.dataset, "due_on": dt.date(2026, 3, 2), "stage": Stage.ON_DAY,
              "text": "…", "sent_at": at("2026-03-02")}
    ReminderSent.objects.create(recipient=people.responsible, email=RESPONSIBLE, **fields)
    ReminderSent.objects.create(email=HEAD, **fields)
    with pytest.raises(IntegrityError):
        ReminderSent.objects.create(recipient=people.responsible, email="other@x.ua", **fields)


def test_two_workers_at_once_record_each_reminder_once(people, django_capture_on_commit_callbacks,
                                                       monkeypatch):
    run("2026-03-02", django_capture_on_commit_callbacks)
    # A second worker that did not yet see the first one's rows: the constraint stops it.
    monkeypatch.setattr(services, "_already_sent", lambda planned: set())
    assert run("2026-03-02", django_capture_on_commit_callbacks, hour=10) == []
    assert ReminderSent.objects.count() == 2


def test_the_worker_runs_the_reminders_every_15_minutes(people,
                                                        django_capture_on_commit_callbacks):
    entry = PERIODIC["monitoring.reminders"]
    assert entry.every == dt.timedelta(minutes=15)
    with django_capture_on_commit_callbacks(execute=True):
        run_one("monitoring.reminders", at=at("2026-03-02"))
    assert ReminderSent.objects.filter(stage=Stage.ON_DAY).count() == 2
