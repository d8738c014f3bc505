"""The publishing workflow through its services: whole paths, returns and rejections, updates
of a published dataset, the one-open-submission rule, people acting at once, a crash in the
middle of a step, the checks gate, archiving and the signed letter."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import pytest
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from radadata.accounts.models import User
from radadata.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from radadata.core.models import AuditEntry
from radadata.registry.models import Dataset, Owner, ResourceVersion
from radadata.registry.selectors import datasets_with_files
from radadata.registry.selectors_office import resources_with_versions
from radadata.registry.services import datasets as dataset_services
from radadata.registry.services import resources as resource_services
from radadata.registry.vocabularies import DatasetStatus, MembershipRole, Periodicity
from radadata.workflow import services
from radadata.workflow.models import Kind, Submission, SubmissionEvent, SubmissionQuerySet
from radadata.workflow.states import OPEN, Action, State
from tests.factories import AT, DatasetFactory, OwnerFactory, UserFactory, add_file

pytestmark = pytest.mark.django_db

KYIV = dt.timezone(dt.timedelta(hours=2))  # winter time, as in March 2026
MON = dt.datetime(2026, 3, 2, 10, 0, tzinfo=KYIV)
CSV_V1 = "код,назва\n1,Школа №1\n".encode()
CSV_V2 = "код,назва\n1,Школа №1\n2,Ліцей «Світанок»\n".encode()
CP1251 = ("код;назва;адреса\n1;Школа №1;вул. Шевченка, 5\n"
          "2;Ліцей «Світанок»;просп. Незалежності, 12\n")
REASON = "Додайте стовпець з адресою закладу."


def day(n: int, hour: int = 10) -> dt.datetime:
    """`n` days after Monday 2 March 2026, at `hour` in Kyiv."""
    return MON.replace(hour=hour) + dt.timedelta(days=n)


@dataclass
class Office:
    owner: Owner
    clerk: User
    officer: User
    dataset: Dataset


@pytest.fixture
def office(officer) -> Office:
    owner = OwnerFactory(name="Управління освіти")
    return Office(owner=owner, clerk=UserFactory(owner=owner, email="clerk@rada.example.ua"),
                  officer=officer,
                  dataset=DatasetFactory(owner=owner, title="Заклади освіти громади",
                                         created_on=MON.date()))


def upload(office: Office, content: bytes = CSV_V1, filename: str = "schools.csv",
           at: dt.datetime = MON) -> ResourceVersion:
    """The clerk uploads a file of the dataset (its first resource)."""
    resource = office.dataset.resources.first() or resource_services.resource_create(
        dataset=office.dataset, title="Заклади", by=office.clerk, at=at)
    return resource_services.version_add(resource=resource, stream=io.BytesIO(content),
                                         filename=filename, by=office.clerk, at=at)


def step(submission: Submission, action: Action, by: User | None, at: dt.datetime,
         note: str = "", **kwargs) -> Submission:
    return services.submission_transition(submission=submission, action=action, by=by, at=at,
                                          note=note, **kwargs)


def timeline(submission: Submission) -> list[tuple]:
    return [(e.action, e.from_state, e.to_state, e.by) for e in submission.events.all()]


def brought(submission: Submission) -> list[ResourceVersion]:
    return [item.version for item in submission.items.all()]


def public_numbers(dataset: Dataset) -> list[int]:
    """The version numbers the public sees, newest first (as the dataset page shows them)."""
    dataset = datasets_with_files(Dataset.objects.filter(pk=dataset.pk)).get()
    return [v.number for files in resources_with_versions(dataset, public=True)
            for v in [files.current, *files.earlier]]


def submitted(office: Office, at: dt.datetime = MON) -> Submission:
    submission = services.submission_open(dataset=office.dataset, by=office.clerk, at=at)
    return step(submission, Action.SUBMIT, office.clerk, at)


# Whole paths.


def test_the_whole_path_of_a_new_dataset(office, settings):
    settings.HOLIDAYS_ARE_DAYS_OFF = False
    clerk, officer = office.clerk, office.officer
    version = upload(office)
    submission = services.submission_open(dataset=office.dataset, by=clerk, at=MON)
    assert (submission.kind, submission.state) == (Kind.NEW, State.DRAFT)
    # §4.5: five working days from the creation on Monday 2 March.
    assert (submission.due_rule, submission.due_on) == ("owner_notice", dt.date(2026, 3, 9))

    submission = step(submission, Action.SUBMIT, clerk, day(0, 11))
    assert submission.state == State.RECEIVED
    assert brought(submission) == [version]
    assert submission.received_at == submission.first_received_at == day(0, 11)
    # §6.13: uploaded within one working day of receipt.
    assert (submission.due_rule, submission.due_on) == ("upload", dt.date(2026, 3, 3))

    submission = step(submission, Action.ACCEPT, officer, day(1, 9))
    submission = step(submission, Action.UPLOAD, officer, day(1, 10))
    # §6.18: a new dataset is published within 10 calendar days of its receipt.
    assert (submission.due_rule, submission.due_on) == ("new_published", dt.date(2026, 3, 12))
    submission = step(submission, Action.PORTAL_APPROVE, officer, day(2))
    assert office.dataset.status == DatasetStatus.REGISTERED
    submission = step(submission, Action.PUBLISH, officer, day(3))

    assert submission.state == State.PUBLISHED
    assert (submission.uploaded_at, submission.portal_approved_at, submission.portal_rejected_at,
            submission.published_at) == (day(1, 10), day(2), None, day(3))
    assert (submission.due_on, submission.due_rule) == (None, "")
    assert timeline(submission) == [
        ("submit", "draft", "checking", clerk),
        ("checks_pass", "checking", "received", None),
        ("accept", "received", "accepted", officer),
        ("upload", "accepted", "uploaded", officer),
        ("portal_approve", "uploaded", "portal_approved", officer),
        ("publish", "portal_approved", "published", officer),
    ]
    dataset = Dataset.objects.get(pk=office.dataset.pk)
    assert dataset.status == DatasetStatus.PUBLISHED
    assert dataset.first_published_at == dataset.last_modified_at == day(3)
    assert Dataset.objects.published().filter(pk=dataset.pk).exists()
    assert ResourceVersion.objects.get(pk=version.pk).published_at == day(3)
    assert public_numbers(dataset) == [1]
    logged = AuditEntry.objects.filter(object_type="workflow.submission",
                                       object_id=str(submission.pk))
    assert sorted(logged.values_list("action", flat=True)) == sorted([
        "submission.opened", "submission.submit", "submission.checks_pass",
        "submission.accept", "submission.upload", "submission.portal_approve",
        "submission.publish"])


def test_returned_and_submitted_again_with_a_corrected_file(office):
    first = upload(office)
    submission = submitted(office)
    submission = step(submission, Action.RETURN, office.officer, day(0, 15), note=REASON)
    assert submission.state == State.RETURNED
    assert submission.events.last().note == REASON

    corrected = upload(office, CSV_V2, at=day(1))
    submission = step(submission, Action.RESUBMIT, office.clerk, day(1, 11))
    assert submission.state == State.RECEIVED
    # The returned file stays behind: the submission brings the corrected one only.
    assert brought(submission) == [corrected]
    assert submission.first_received_at == day(0, 10)
    assert submission.received_at == day(1, 11)

    for n, action in enumerate([Action.ACCEPT, Action.UPLOAD, Action.PUBLISH], start=2):
        submission = step(submission, action, office.officer, day(n))
    assert ResourceVersion.objects.get(pk=corrected.pk).published_at == day(4)
    assert ResourceVersion.objects.get(pk=first.pk).published_at is None
    assert public_numbers(office.dataset) == [2]
    assert [a for a, *_ in timeline(submission)] == [
        "submit", "checks_pass", "return", "resubmit", "checks_pass", "accept", "upload",
        "publish"]


def test_while_returned_the_officer_has_no_deadline_and_the_next_receipt_restarts_it(office):
    upload(office)
    submission = submitted(office)
    assert submission.due_rule == "upload"
    submission = step(submission, Action.RETURN, office.officer, day(0, 15), note=REASON)
    # The owner holds it: the §6.13 upload term is not running, nothing is "late" for it.
    assert submission.due_rule != "upload"
    assert [d.rule for d in services.submission_deadlines(submission)
            if d.rule in ("upload", "registry")] == []
    submission = step(submission, Action.RESUBMIT, office.clerk, day(3, 11))
    assert (submission.due_rule, submission.due_on) == ("upload", day(4).date())


def _uploaded(office: Office) -> Submission:
    upload(office)
    submission = submitted(office)
    submission = step(submission, Action.ACCEPT, office.officer, day(0, 12))
    return step(submission, Action.UPLOAD, office.officer, day(0, 13))


def test_rejected_by_the_portal_the_owner_sends_new_files(office):
    submission = _uploaded(office)
    submission = step(submission, Action.PORTAL_REJECT, office.officer, day(1),
                      note="Опис набору занадто короткий.")
    assert submission.state == State.PORTAL_REJECTED
    assert submission.portal_rejected_at == day(1)
    assert submission.portal_rejection_reason == "Опис набору занадто короткий."

    corrected = upload(office, CSV_V2, at=day(2))
    submission = step(submission, Action.RESUBMIT, office.clerk, day(2, 11))
    assert submission.state == State.RECEIVED
    assert brought(submission) == [corrected]
    submission = step(submission, Action.UPLOAD, office.officer, day(3))
    submission = step(submission, Action.PUBLISH, office.officer, day(4))
    assert submission.uploaded_at == day(3)
    assert submission.portal_rejected_at == day(1)  # the letter keeps all four dates
    assert public_numbers(office.dataset) == [2]


def test_rejected_by_the_portal_the_officer_uploads_again(office):
    submission = _uploaded(office)
    files = brought(submission)
    submission = step(submission, Action.PORTAL_REJECT, office.officer, day(1), note="Дубль.")
    submission = step(submission, Action.UPLOAD, office.officer, day(1, 14))
    assert submission.state == State.UPLOADED
    assert submission.uploaded_at == day(1, 14)
    assert brought(submission) == files
    assert [a for a, *_ in timeline(submission)][-2:] == ["portal_reject", "upload"]


# Updates of a published dataset.


@pytest.fixture
def published(office) -> Office:
    """The dataset published with its first file, which the public downloads."""
    add_file(office.dataset, CSV_V1)
    dataset_services.dataset_mark_published(dataset=office.dataset, by=None, at=AT)
    office.dataset.refresh_from_db()
    return office


def test_an_unscheduled_update_keeps_the_old_file_public_until_published(published, settings):
    settings.HOLIDAYS_ARE_DAYS_OFF = False
    office = published
    upload(office, CSV_V2, at=day(3))  # by the clerk: waits for publication
    assert public_numbers(office.dataset) == [1]
    submission = services.submission_open(dataset=office.dataset, by=office.clerk, at=day(3),
                                          unscheduled=True, change_occurred_on=day(3).date())
    assert submission.kind == Kind.UNSCHEDULED
    assert submission.change_occurred_on == dt.date(2026, 3, 5)
    # §6.12: 3 working days from Thursday 5 March: Friday, Monday 9 (8 March is a Sunday
    # and, under martial law, moves nothing), Tuesday 10 March.
    assert (submission.due_rule, submission.due_on) == ("unscheduled", dt.date(2026, 3, 10))

    submission = step(submission, Action.SUBMIT, office.clerk, day(4))
    for n, action in enumerate([Action.ACCEPT, Action.UPLOAD, Action.PORTAL_APPROVE], start=7):
        submission = step(submission, action, office.officer, day(n))
        assert public_numbers(office.dataset) == [1]
    step(submission, Action.PUBLISH, office.officer, day(10))
    dataset = Dataset.objects.get(pk=office.dataset.pk)
    assert public_numbers(dataset) == [2, 1]
    assert dataset.last_modified_at == day(10)
    assert dataset.first_published_at == AT


def test_a_file_overtaken_by_a_newer_public_one_is_not_sent(published):
    office = published
    upload(office, CSV_V2, at=day(1))  # the clerk's file waits ...
    add_file(office.dataset, CSV_V2 + b"3,Gymnasium\n", at=day(2))  # ... the office's is public
    submission = services.submission_open(dataset=office.dataset, by=office.clerk, at=day(3))
    with pytest.raises(Conflict) as error:
        step(submission, Action.SUBMIT, office.clerk, day(3))
    assert error.value.code == "no_files"
    fresh = Submission.objects.get(pk=submission.pk)
    assert (fresh.state, fresh.items.count(), fresh.events.count()) == (State.DRAFT, 0, 0)


def test_a_scheduled_update_has_no_change_date(published):
    submission = services.submission_open(dataset=published.dataset, by=published.clerk,
                                          at=day(3))
    assert (submission.kind, submission.change_occurred_on) == (Kind.SCHEDULED, None)
    assert submission.due_on is None  # nothing is due before the officer receives it


def test_an_unscheduled_change_is_dated_in_kyiv_unless_given(published):
    # 23:30 UTC on Thursday is already Friday in Kyiv.
    late = dt.datetime(2026, 3, 5, 23, 30, tzinfo=dt.UTC)
    submission = services.submission_open(dataset=published.dataset, by=published.clerk,
                                          at=late, unscheduled=True)
    assert submission.change_occurred_on == dt.date(2026, 3, 6)


def test_a_new_dataset_is_new_even_if_called_unscheduled(office):
    submission = services.submission_open(dataset=office.dataset, by=office.clerk, at=MON,
                                          unscheduled=True, change_occurred_on=MON.date())
    assert (submission.kind, submission.change_occurred_on) == (Kind.NEW, None)
    assert [d.rule for d in services.submission_deadlines(submission)] == ["owner_notice"]


# One open submission per dataset.


def test_only_one_open_submission_per_dataset(office):
    upload(office)
    first = services.submission_open(dataset=office.dataset, by=office.clerk, at=MON)
    with pytest.raises(Conflict) as error:
        services.submission_open(dataset=office.dataset, by=office.officer, at=day(1))
    assert error.value.message == gettext(
        "This dataset already has an open submission; continue that one.")
    step(first, Action.WITHDRAW, office.clerk, day(1))
    second = services.submission_open(dataset=office.dataset, by=office.clerk, at=day(1))
    assert second.state == State.DRAFT
    assert Submission.objects.filter(dataset=office.dataset).count() == 2


@pytest.mark.parametrize("state", list(State))
def test_the_database_allows_one_open_submission_whatever_the_services_do(office, state):
    existing = services.submission_open(dataset=office.dataset, by=office.clerk, at=MON)
    Submission.objects.filter(pk=existing.pk).update(state=state)
    another = Submission(dataset=office.dataset, kind=Kind.NEW, created_at=MON, updated_at=MON)
    if state in OPEN:
        with pytest.raises(IntegrityError), transaction.atomic():
            another.save()
    else:
        another.save()
    assert Submission.objects.filter(dataset=office.dataset).open().count() == 1


def test_two_people_opening_at_once_the_second_gets_a_conflict(office, monkeypatch):
    services.submission_open(dataset=office.dataset, by=office.clerk, at=MON)
    # The second one checked before the first had saved: only the database can tell.
    monkeypatch.setattr(SubmissionQuerySet, "open", lambda self: self.none())
    with pytest.raises(Conflict):
        services.submission_open(dataset=office.dataset, by=office.officer, at=MON)
    assert Submission.objects.filter(dataset=office.dataset).count() == 1


# Two people acting at once.


def test_the_second_of_two_officers_acting_at_once_gets_a_conflict(office):
    upload(office)
    submission = submitted(office)
    seen_by_a = Submission.objects.get(pk=submission.pk)
    seen_by_b = Submission.objects.get(pk=submission.pk)
    step(seen_by_a, Action.ACCEPT, office.officer, day(1), expected_state=State.RECEIVED)
    with pytest.raises(Conflict) as error:
        step(seen_by_b, Action.RETURN, office.officer, day(1), note=REASON,
             expected_state=State.RECEIVED)
    assert str(State.ACCEPTED.label) in error.value.message
    with pytest.raises(Conflict):  # a page without expected_state: accepting twice
        step(seen_by_b, Action.ACCEPT, office.officer, day(1))
    fresh = Submission.objects.get(pk=submission.pk)
    assert fresh.state == State.ACCEPTED
    assert fresh.events.filter(action=Action.ACCEPT).count() == 1
    assert not fresh.events.filter(action=Action.RETURN).exists()


# A crash in the middle of a step.


def _boom(*args, **kwargs):
    raise RuntimeError("the disk is full")


@pytest.mark.parametrize(("source", "action", "where"), [
    (State.DRAFT, Action.SUBMIT, "checks"),
    (State.ACCEPTED, Action.UPLOAD, "event"),
    (State.PORTAL_APPROVED, Action.PUBLISH, "registry"),
])
def test_a_crash_in_the_middle_of_a_step_leaves_everything_as_it_was(
        office, monkeypatch, django_capture_on_commit_callbacks, source, action, where):
    version = upload(office)
    submission = services.submission_open(dataset=office.dataset, by=office.clerk, at=MON)
    path = {State.DRAFT: [], State.ACCEPTED: [Action.SUBMIT, Action.ACCEPT],
            State.PORTAL_APPROVED: [Action.SUBMIT, Action.UPLOAD, Action.PORTAL_APPROVE]}
    for action_before in path[source]:
        submission = step(submission, action_before, None, MON)
    events = submission.events.count()
    audit = AuditEntry.objects.count()
    target = {"checks": (services.gate, "verdict", _boom),
              "event": (SubmissionEvent.objects, "create", _boom),
              "registry": (dataset_services, "dataset_mark_published", _boom)}[where]
    with monkeypatch.context() as patch:
        patch.setattr(*target)
        with django_capture_on_commit_callbacks() as callbacks, pytest.raises(RuntimeError):
            step(submission, action, office.officer, day(1))
    assert callbacks == []  # so no notice, no e-mail
    fresh = Submission.objects.get(pk=submission.pk)
    assert fresh.state == source
    assert (fresh.uploaded_at, fresh.published_at, fresh.submitted_at) == (
        submission.uploaded_at, None, submission.submitted_at)
    assert fresh.events.count() == events
    assert AuditEntry.objects.count() == audit
    assert fresh.items.count() == len(brought(submission))
    assert ResourceVersion.objects.get(pk=version.pk).published_at is None
    assert Dataset.objects.get(pk=office.dataset.pk).status == DatasetStatus.REGISTERED
    # Once the fault is gone, the same step goes through, once.
    with django_capture_on_commit_callbacks() as callbacks:
        step(fresh, action, office.officer, day(1))
    assert len(callbacks) == 1
    assert fresh.events.filter(action=action).count() == 1


# The checks gate (§6.14).


def test_a_windows_1251_csv_goes_back_to_the_owner_with_the_reason(office):
    upload(office, CP1251.encode("cp1251"), filename="zaklady.csv")
    submission = submitted(office)
    assert submission.state == State.RETURNED
    assert submission.received_at is None
    assert not submission.events.filter(to_state=State.RECEIVED).exists()
    event = submission.events.last()
    assert (event.action, event.by) == (Action.CHECKS_FAIL, None)
    assert "zaklady.csv" in event.note and "UTF-8" in event.note
    assert [(f["code"], f["severity"]) for f in event.findings] == [("not_utf8", "error")]


def test_a_corrected_file_passes_the_checks_the_returned_one_failed(office):
    upload(office, CP1251.encode("cp1251"), filename="zaklady.csv")
    submission = submitted(office)
    assert submission.state == State.RETURNED
    corrected = upload(office, CP1251.encode(), filename="zaklady.csv", at=day(1))
    submission = step(submission, Action.RESUBMIT, office.clerk, day(1))
    assert submission.state == State.RECEIVED
    assert brought(submission) == [corrected]


def test_a_pdf_passes_with_a_warning(office):
    upload(office, b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n", filename="zvit.pdf")
    submission = submitted(office)
    assert submission.state == State.RECEIVED
    findings = submission.events.get(action=Action.CHECKS_PASS).findings
    assert [(f["code"], f["severity"]) for f in findings] == [
        ("format_not_open", "warning"), ("content_not_checked", "warning")]


@pytest.mark.parametrize(("content", "filename"), [
    (b"MZ\x90\x00\x03\x00\x00\x00", "setup.exe"),
    (b"\x00\x01\x02\x03\x04", "dump"),
])
def test_a_file_of_an_unknown_format_is_returned(office, content, filename):
    upload(office, content, filename=filename)
    submission = submitted(office)
    assert submission.state == State.RETURNED
    event = submission.events.last()
    assert [f["code"] for f in event.findings] == ["format_unknown"]
    assert event.note.startswith(f"{filename}: ")


# Archiving ("no longer updated").


def test_archiving_waits_for_the_open_submission_and_keeps_the_data_public(published):
    office = published
    submission = services.submission_open(dataset=office.dataset, by=office.clerk, at=day(1))
    with pytest.raises(Conflict):
        services.dataset_archive(dataset=office.dataset, by=office.officer, at=day(1),
                                 reason="Заклад реорганізовано.")
    with pytest.raises(NotAllowed):  # "not yours" comes before "not now"
        services.dataset_archive(dataset=office.dataset, by=office.clerk, at=day(1),
                                 reason="Заклад реорганізовано.")
    step(submission, Action.WITHDRAW, office.clerk, day(1))
    services.dataset_archive(dataset=office.dataset, by=office.officer, at=day(2),
                             reason="Заклад реорганізовано.")
    dataset = Dataset.objects.get(pk=office.dataset.pk)
    assert dataset.status == DatasetStatus.ARCHIVED
    assert dataset.periodicity == Periodicity.NO_LONGER
    assert Dataset.objects.published().filter(pk=dataset.pk).exists()
    assert public_numbers(dataset) == [1]
    with pytest.raises(Conflict):  # its publication would be refused at the end
        services.submission_open(dataset=dataset, by=office.clerk, at=day(3))


def test_an_archived_dataset_is_updated_again_on_the_schedule_chosen(published):
    office = published
    periodicity_before = office.dataset.periodicity
    services.dataset_archive(dataset=office.dataset, by=office.officer, at=day(1),
                             reason="Заклад реорганізовано.")
    dataset = Dataset.objects.get(pk=office.dataset.pk)
    assert dataset_services.periodicity_before_archiving(dataset) == periodicity_before
    with pytest.raises(NotAllowed):
        services.dataset_restore(dataset=dataset, by=office.clerk, at=day(2),
                                 periodicity=Periodicity.YEARLY, reason="Відновлено.")
    with pytest.raises(ValidationFailed) as missing:
        services.dataset_restore(dataset=dataset, by=office.officer, at=day(2),
                                 periodicity=Periodicity.NO_LONGER, reason="")
    assert set(missing.value.errors) == {"periodicity", "reason"}

    services.dataset_restore(dataset=dataset, by=office.officer, at=day(2),
                             periodicity=Periodicity.YEARLY, reason="Збір даних відновлено.")
    dataset = Dataset.objects.get(pk=office.dataset.pk)
    assert dataset.status == DatasetStatus.PUBLISHED  # it was published before
    assert dataset.periodicity == Periodicity.YEARLY
    entry = AuditEntry.objects.get(action="dataset.restored")
    assert entry.note == "Збір даних відновлено." and entry.actor == office.officer
    # Its people may submit an update again.
    submission = services.submission_open(dataset=dataset, by=office.clerk, at=day(3))
    assert submission.state == State.DRAFT
    with pytest.raises(Conflict):  # nothing to restore any more
        services.dataset_restore(dataset=dataset, by=office.officer, at=day(4),
                                 periodicity=Periodicity.YEARLY, reason="Ще раз.")


# The signed cover letter.


def test_the_scan_of_the_signed_letter_is_stored(office):
    upload(office)
    submission = submitted(office)
    scan = b"%PDF-1.4 signed letter scan"
    services.submission_attach_letter(submission=submission, stream=io.BytesIO(scan),
                                      filename="lyst-245.pdf", by=office.clerk, at=day(1))
    fresh = Submission.objects.get(pk=submission.pk)
    assert fresh.signed_letter.name.startswith("letters/2026/")
    with default_storage.open(fresh.signed_letter.name) as stored:
        assert stored.read() == scan
    assert AuditEntry.objects.filter(action="submission.letter_attached",
                                     object_id=str(submission.pk), note="lyst-245.pdf").exists()


def test_the_letter_is_refused_after_upload_and_to_strangers(office):
    submission = _uploaded(office)
    with pytest.raises(Conflict):
        services.submission_attach_letter(submission=submission, stream=io.BytesIO(b"x"),
                                          filename="l.pdf", by=office.clerk, at=day(1))
    stranger = UserFactory()
    editor_elsewhere = UserFactory(owner=OwnerFactory(), owner_role=MembershipRole.EDITOR)
    for person in (stranger, editor_elsewhere):
        with pytest.raises(NotFound):
            services.submission_attach_letter(submission=submission, stream=io.BytesIO(b"x"),
                                              filename="l.pdf", by=person, at=day(1))
    assert not Submission.objects.get(pk=submission.pk).signed_letter
