"""The workflow gate (§6.14) on the full checks: a submission waits in "being checked" until
every file's check is done, then passes or goes back to the owner with the findings' messages;
personal data with a ruling passes, without one it fails."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from radadata.checks import services as check_services
from radadata.checks.models import CheckRun, RulingKind
from radadata.jobs.models import Job
from radadata.jobs.services import job_run
from radadata.registry import hooks
from radadata.registry.services import resources as resource_services
from radadata.workflow import services
from radadata.workflow.models import Notice, Submission
from radadata.workflow.states import Action, State
from tests.factories import DatasetFactory, OwnerFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

AT = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
GOOD = "код,назва\n1,Школа №1\n2,Ліцей «Світанок»\n".encode()
AID = ("№,Отримувач,РНОКПП\n1,Петренко Олена Василівна,3123456789\n"
       "2,Коваль Іван Петрович,2987654320\n").encode()
JUSTIFIED = {"interest": {"answer": "yes", "reason": "Права отримувачів."},
             "harm": {"answer": "no", "reason": "Шкоди немає."},
             "balance": {"answer": "no", "reason": "Суспільний інтерес переважає."}}


@pytest.fixture
def clerk(officer):
    owner = OwnerFactory(name="Управління соціального захисту")
    return UserFactory(owner=owner, email="clerk@rada.example.ua")


@pytest.fixture
def dataset(clerk):
    return DatasetFactory(owner=clerk.memberships.get().owner, name="dopomoha")


def add(dataset, content: bytes, *, by, title: str = "Дані", filename: str = "data.csv"):
    resource = dataset.resources.filter(title=title).first() or resource_services.resource_create(
        dataset=dataset, title=title, by=by, at=AT)
    return resource_services.version_add(resource=resource, stream=io.BytesIO(content),
                                         filename=filename, by=by, at=AT)


def submit(dataset, clerk) -> Submission:
    submission = services.submission_open(dataset=dataset, by=clerk, at=AT)
    return services.submission_transition(submission=submission, action=Action.SUBMIT,
                                          by=clerk, at=AT)


def steps(submission: Submission) -> list[tuple[str, str | None]]:
    return [(e.action, e.by and e.by.email) for e in submission.events.order_by("id")]


def test_the_submission_waits_for_every_files_check_and_then_reaches_the_queue(
        dataset, clerk, officer, django_capture_on_commit_callbacks):
    with hooks.work_inline(False):
        add(dataset, GOOD, by=clerk, title="Школи")
        add(dataset, GOOD, by=clerk, title="Ліцеї", filename="licei.csv")
    submission = submit(dataset, clerk)
    assert submission.state == State.CHECKING

    first, second = Job.objects.filter(kind="check_version").order_by("id")
    job_run(first.pk)
    assert Submission.objects.get(pk=submission.pk).state == State.CHECKING  # one to go

    with django_capture_on_commit_callbacks(execute=True):
        job_run(second.pk)
    submission = Submission.objects.get(pk=submission.pk)
    assert submission.state == State.RECEIVED
    assert steps(submission) == [("submit", clerk.email), ("checks_pass", None)]
    # The officer hears of it, as when the checks passed at once.
    assert Notice.objects.filter(user=officer, submission=submission).exists()


def test_personal_data_without_a_ruling_sends_the_submission_back_with_the_messages(
        dataset, clerk, django_capture_on_commit_callbacks):
    add(dataset, AID, by=clerk)
    with django_capture_on_commit_callbacks(execute=True):
        submission = submit(dataset, clerk)
    assert submission.state == State.RETURNED
    event = submission.events.get(action=Action.CHECKS_FAIL)
    assert event.by is None
    assert {(f["column"], f["code"], f["severity"]) for f in event.findings} >= {
        ("РНОКПП", "pd_rnokpp", "blocking"), ("Отримувач", "pd_person_name", "blocking")}
    assert "data.csv: " in event.note and "РНОКПП" in event.note
    notice = Notice.objects.get(user=clerk, submission=submission)
    assert "РНОКПП" in notice.text


def test_rulings_on_the_columns_let_the_resubmission_through(dataset, clerk):
    add(dataset, AID, by=clerk)
    submission = submit(dataset, clerk)
    assert submission.state == State.RETURNED
    for column in ("РНОКПП", "Отримувач"):
        check_services.column_rule(dataset=dataset, column=column,
                                   kind=RulingKind.THREE_PART_TEST, answers=JUSTIFIED,
                                   by=clerk, at=AT)
    submission = services.submission_transition(submission=submission,
                                                action=Action.RESUBMIT, by=clerk, at=AT)
    assert submission.state == State.RECEIVED
    findings = submission.events.get(action=Action.CHECKS_PASS).findings
    # Still on the record, as warnings naming the decision.
    assert {(f["column"], f["severity"]) for f in findings} >= {("РНОКПП", "warning")}


def test_a_check_that_could_not_run_fails_the_gate(dataset, clerk, monkeypatch):
    from radadata.checks.services import runs

    def crash(*args, **kwargs):
        raise OSError("disk")

    with hooks.work_inline(False):
        add(dataset, GOOD, by=clerk)
    submission = submit(dataset, clerk)
    monkeypatch.setattr(runs, "_check_file", crash)
    job_run(Job.objects.get(kind="check_version").pk)
    submission = Submission.objects.get(pk=submission.pk)
    assert submission.state == State.RETURNED
    event = submission.events.get(action=Action.CHECKS_FAIL)
    assert "could not finish (OSError)" in event.note
    assert [f["code"] for f in event.findings] == ["check_failed"]


def test_a_file_stored_before_the_checks_is_checked_when_submitted(dataset, clerk):
    version = add(dataset, GOOD, by=clerk)
    CheckRun.objects.filter(version=version).delete()
    submission = submit(dataset, clerk)
    assert submission.state == State.RECEIVED
    assert CheckRun.objects.get(version=version).passed


def test_many_findings_are_capped_on_the_timeline(dataset, clerk):
    # Sixty rows with a cell too many: sixty errors in the report.
    version = add(dataset, ("код,назва\n" + "".join(f"{n},Школа,зайве\n" for n in range(60)))
                  .encode(), by=clerk)
    assert CheckRun.objects.get(version=version).errors == 60
    submission = submit(dataset, clerk)
    event = submission.events.last()
    assert event.action == Action.CHECKS_FAIL
    shown = [f for f in event.findings if f["code"] == "ragged_row"]
    assert len(shown) == 20
    assert [f["code"] for f in event.findings if f not in shown] == ["more"]
    assert "40 more findings" in event.findings[-1]["message"]
    lines = event.note.splitlines()
    assert len(lines) == 11 and "50 more problems" in lines[-1]


def test_the_submission_page_says_the_files_are_being_checked(dataset, clerk, client):
    with hooks.work_inline(False):
        version = add(dataset, GOOD, by=clerk)
    submission = submit(dataset, clerk)
    client.force_login(clerk)
    client.cookies["django_language"] = "en"
    page = client.get(f"/office/submissions/{submission.pk}/").content.decode()
    assert 'id="state" data-state="checking"' in page
    assert 'id="checks-waiting"' in page
    assert f'href="/office/datasets/dopomoha/files/{version.pk}/check/"' in page
