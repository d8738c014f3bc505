"""The workflow pages through HTTP, as the people who use them: the owner's clerk submits, the
officer works the queue and records the portal's answers, the public sees the result."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from docx import Document

from radadata.accounts.models import User
from radadata.core.models import AuditEntry
from radadata.registry.models import Dataset, Owner, ResourceVersion
from radadata.registry.vocabularies import DatasetStatus, MembershipRole, OwnerKind
from radadata.workflow import services
from radadata.workflow.models import Kind, Notice, Submission, SubmissionEvent
from radadata.workflow.states import Action, State
from tests.factories import DatasetFactory, OwnerFactory, UserFactory, add_file, officer

pytestmark = pytest.mark.django_db

CSV = "назва,адреса\nЛіцей №1,вул. Соборна 1\n".encode()


@pytest.fixture(autouse=True)
def _english(settings):
    # The assertions read the English msgids; Ukrainian is the default once translated.
    settings.LANGUAGE_CODE = "en"


@dataclass
class World:
    owner: Owner
    other_owner: Owner
    clerk: User
    other_clerk: User
    officer: User
    second_officer: User
    new_set: Dataset  # never published
    published: Dataset  # published, with version 1 public


@pytest.fixture
def world(db) -> World:
    owner = OwnerFactory(name="Управління освіти", deputy_name="Дем'яненко Олег Васильович",
                         deputy_position="Заступник міського голови")
    other = OwnerFactory(name="Фінансове управління")
    published = DatasetFactory(owner=owner, title="Мережа закладів освіти", name="shkoly",
                               published=True)
    add_file(published, content=CSV, filename="shkoly-2025.csv")
    return World(
        owner=owner, other_owner=other,
        clerk=UserFactory(owner=owner, email="clerk@rada.example.ua", last_name="Мельник"),
        other_clerk=UserFactory(owner=other, email="finance@rada.example.ua"),
        officer=officer(email="officer@rada.example.ua", last_name="Бондар",
                        first_name="Марія", position="Головний спеціаліст"),
        second_officer=officer(email="officer2@rada.example.ua", last_name="Ткач"),
        new_set=DatasetFactory(owner=owner, title="Перелік дитячих садків", name="sadky"),
        published=published,
    )


def client_of(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def upload(client: Client, dataset: Dataset, content: bytes = CSV,
           name: str = "sadky.csv") -> None:
    """A file through the office page: a new resource, or a new version of the first one."""
    resource = dataset.resources.first()
    file = SimpleUploadedFile(name, content, content_type="text/csv")
    if resource is None:
        response = client.post(reverse("registry:resource-create", args=[dataset.name]),
                               {"title": "Дані", "description": "", "file": file})
    else:
        response = client.post(reverse("registry:version-upload",
                                       args=[dataset.name, resource.pk]),
                               {"file": file, "note": ""})
    assert response.status_code == 302


def open_draft(client: Client, dataset: Dataset, **data) -> Submission:
    response = client.post(reverse("workflow:submission-open", args=[dataset.name]),
                           {"note": "", **data})
    assert response.status_code == 302
    submission = Submission.objects.get(dataset=dataset, state=State.DRAFT)
    assert response.url == reverse("workflow:submission-detail", args=[submission.pk])
    return submission


def act(client: Client, submission: Submission, action: str, note: str = "",
        expected: str | None = None, follow: bool = False):
    """Post one step as the page's form does: the action and the state the person saw."""
    if expected is None:
        expected = Submission.objects.get(pk=submission.pk).state
    return client.post(reverse("workflow:submission-act", args=[submission.pk]),
                       {"action": action, "expected_state": expected, "note": note},
                       follow=follow)


def state_of(submission: Submission) -> str:
    return Submission.objects.get(pk=submission.pk).state


def page_of(client: Client, submission: Submission) -> str:
    response = client.get(reverse("workflow:submission-detail", args=[submission.pk]))
    assert response.status_code == 200
    return response.content.decode()


def forms_on(html: str) -> list[str]:
    """The steps the page offers, in order (one form each)."""
    return re.findall(r'class="action-form[^"]*" data-action="([a-z_]+)"', html)


def public_downloads(dataset: Dataset) -> list[str]:
    """The names of the files the public page offers, the current one first."""
    html = Client().get(reverse("registry:dataset-detail", args=[dataset.name])).content.decode()
    links = re.findall(r'href="/dataset/[^"]+/resource/[^"]+/([^"/]+)"', html)
    return list(dict.fromkeys(links))


def submitted(world: World, dataset: Dataset | None = None) -> Submission:
    """A submission received by the officer, reached through the pages."""
    dataset = dataset or world.new_set
    clerk = client_of(world.clerk)
    if not ResourceVersion.objects.filter(resource__dataset=dataset,
                                          published_at__isnull=True).exists():
        upload(clerk, dataset)
    update = {"kind": Kind.SCHEDULED} if dataset.first_published_at else {}
    submission = open_draft(clerk, dataset, **update)
    assert act(clerk, submission, Action.SUBMIT).status_code == 302
    assert state_of(submission) == State.RECEIVED
    return submission


# The whole path ----------------------------------------------------------------------------

def test_new_dataset_goes_from_the_clerk_through_the_officer_to_the_public_page(world):
    clerk, office = client_of(world.clerk), client_of(world.officer)
    dataset_page = clerk.get(reverse("registry:dataset-office", args=["sadky"])).content.decode()
    assert "Submit for publication" in dataset_page
    assert reverse("workflow:submission-open", args=["sadky"]) in dataset_page

    upload(clerk, world.new_set)
    submission = open_draft(clerk, world.new_set)
    assert submission.kind == Kind.NEW
    draft = page_of(clerk, submission)
    assert "sadky.csv" in draft
    assert forms_on(draft) == ["submit", "withdraw"]
    assert reverse("workflow:letter-docx", args=[submission.pk]) in draft

    response = act(clerk, submission, Action.SUBMIT, follow=True)
    assert "The submission is now received by the officer." in response.content.decode()
    assert forms_on(page_of(clerk, submission)) == ["withdraw"]  # the rest is the office's

    queue = office.get(reverse("workflow:queue")).content.decode()
    assert f'data-submission="{submission.pk}"' in queue
    assert forms_on(page_of(office, submission)) == ["accept", "return", "upload", "withdraw"]
    for action in (Action.ACCEPT, Action.UPLOAD, Action.PORTAL_APPROVE, Action.PUBLISH):
        assert act(office, submission, action).status_code == 302

    submission.refresh_from_db()
    assert submission.state == State.PUBLISHED
    assert all((submission.uploaded_at, submission.portal_approved_at, submission.published_at))
    assert submission.portal_rejected_at is None
    assert f'data-submission="{submission.pk}"' not in office.get(
        reverse("workflow:queue")).content.decode()
    world.new_set.refresh_from_db()
    assert world.new_set.status == DatasetStatus.PUBLISHED
    assert public_downloads(world.new_set) == ["sadky.csv"]

    final = page_of(clerk, submission)
    steps = re.findall(r'data-event-action="([a-z_]+)"', final)
    assert steps == ["submit", "checks_pass", "accept", "upload", "portal_approve", "publish"]
    assert "Бондар Марія" in final and "system" in final
    assert forms_on(final) == []
    office_page = office.get(reverse("registry:dataset-office", args=["sadky"])).content.decode()
    assert f'data-brought-by="{submission.pk}"' in office_page
    assert AuditEntry.objects.filter(action="submission.publish", actor=world.officer,
                                     object_id=str(submission.pk)).exists()


def test_the_officer_returns_with_a_comment_and_the_clerk_submits_again(world):
    clerk, office = client_of(world.clerk), client_of(world.officer)
    submission = submitted(world)

    refused = act(office, submission, Action.RETURN, note="   ")
    assert refused.status_code == 409
    assert "Write the reason" in refused.content.decode()
    assert state_of(submission) == State.RECEIVED

    act(office, submission, Action.RETURN, note="Додайте стовпець з телефонами закладів.")
    assert state_of(submission) == State.RETURNED
    returned = page_of(clerk, submission)
    why = re.search(r'<div class="msg msg-warning reason".*?</div>', returned, re.S).group(0)
    assert "Return to the owner" in why and "Бондар Марія" in why
    assert "Додайте стовпець з телефонами закладів." in why
    assert forms_on(returned) == ["resubmit", "withdraw"]

    upload(clerk, world.new_set, content=CSV + "Ліцей №2,вул. Миру 5\n".encode(),
           name="sadky-v2.csv")
    assert "sadky-v2.csv" in page_of(clerk, submission)  # what the resubmission will take
    assert act(clerk, submission, Action.RESUBMIT).status_code == 302
    assert state_of(submission) == State.RECEIVED
    assert [i.version.original_name for i in submission.items.all()] == ["sadky-v2.csv"]
    assert act(office, submission, Action.ACCEPT).status_code == 302


def test_the_portal_rejects_with_a_reason_and_the_owner_resubmits(world):
    clerk, office = client_of(world.clerk), client_of(world.officer)
    submission = submitted(world)
    act(office, submission, Action.UPLOAD)  # the officer accepts and uploads in one step
    assert state_of(submission) == State.UPLOADED

    act(office, submission, Action.PORTAL_REJECT,
        note="Структура не відповідає паспорту набору.")
    submission.refresh_from_db()
    assert submission.state == State.PORTAL_REJECTED
    assert submission.portal_rejection_reason == "Структура не відповідає паспорту набору."
    rejected = page_of(clerk, submission)
    assert "Структура не відповідає паспорту набору." in rejected
    assert forms_on(rejected) == ["resubmit", "withdraw"]

    upload(clerk, world.new_set, name="sadky-fixed.csv")
    act(clerk, submission, Action.RESUBMIT)
    assert state_of(submission) == State.RECEIVED
    for action in (Action.UPLOAD, Action.PUBLISH):
        act(office, submission, action)
    assert state_of(submission) == State.PUBLISHED
    assert public_downloads(world.new_set) == [
        "sadky-fixed.csv"]


def test_an_unscheduled_update_leaves_the_previous_version_public_until_published(world):
    clerk, office = client_of(world.clerk), client_of(world.officer)
    upload(clerk, world.published, name="shkoly-2026.csv")
    assert public_downloads(world.published) == [
        "shkoly-2025.csv"]

    page = clerk.get(reverse("registry:dataset-office", args=["shkoly"])).content.decode()
    assert "Submit an update" in page
    changed = timezone.localdate() - dt.timedelta(days=1)
    submission = open_draft(clerk, world.published, kind=Kind.UNSCHEDULED,
                            change_occurred_on=changed.isoformat())
    assert submission.kind == Kind.UNSCHEDULED
    assert submission.change_occurred_on == changed
    assert 'data-rule="unscheduled"' in page_of(clerk, submission)

    act(clerk, submission, Action.SUBMIT)
    act(office, submission, Action.ACCEPT)
    act(office, submission, Action.UPLOAD)
    assert public_downloads(world.published) == [
        "shkoly-2025.csv"]
    act(office, submission, Action.PUBLISH)
    public = public_downloads(world.published)
    assert public[0] == "shkoly-2026.csv" and "shkoly-2025.csv" in public  # the old one stays


def test_a_windows_1251_file_is_returned_by_the_checks_and_never_reaches_the_queue(world):
    clerk, office = client_of(world.clerk), client_of(world.officer)
    upload(clerk, world.new_set, content="назва,адреса\nЛіцей,вул. Соборна\n".encode("cp1251"),
           name="sadky-1251.csv")
    submission = open_draft(clerk, world.new_set)

    response = act(clerk, submission, Action.SUBMIT, follow=True)
    html = response.content.decode()
    assert state_of(submission) == State.RETURNED
    assert "The automatic checks found problems" in html
    assert 'data-code="not_utf8" data-severity="error"' in html
    assert "must be in UTF-8" in html and "sadky-1251.csv" in html
    assert forms_on(html) == ["resubmit", "withdraw"]
    queue = office.get(reverse("workflow:queue")).content.decode()
    assert f'data-submission="{submission.pk}"' not in queue
    assert not SubmissionEvent.objects.filter(submission=submission,
                                              to_state=State.RECEIVED).exists()


# Who may do what --------------------------------------------------------------------------

def test_a_clerk_of_another_owner_gets_404_everywhere(world):
    submission = submitted(world)
    stranger = client_of(world.other_clerk)
    for url in (reverse("workflow:submission-detail", args=[submission.pk]),
                reverse("workflow:letter-docx", args=[submission.pk])):
        assert stranger.get(url).status_code == 404
    assert act(stranger, submission, Action.WITHDRAW).status_code == 404
    assert state_of(submission) == State.RECEIVED
    assert f'data-submission="{submission.pk}"' not in stranger.get(
        reverse("workflow:my-submissions")).content.decode()


def test_a_clerk_taking_the_officers_step_gets_403_and_no_queue(world):
    submission = submitted(world)
    clerk = client_of(world.clerk)
    response = act(clerk, submission, Action.ACCEPT)
    assert response.status_code == 403
    assert "You may not “accept” this submission." in response.content.decode()
    assert state_of(submission) == State.RECEIVED
    assert clerk.get(reverse("workflow:queue")).status_code == 403


def test_a_step_impossible_in_the_state_gets_409_with_the_reason(world):
    submission = submitted(world)
    response = act(client_of(world.officer), submission, Action.PUBLISH)
    assert response.status_code == 409
    html = response.content.decode()
    assert ("“record publication on the portal” is not possible now: the submission is "
            "received by the officer.") in html
    assert forms_on(html) == ["accept", "return", "upload", "withdraw"]  # the page as it is
    assert state_of(submission) == State.RECEIVED


def test_submitting_without_files_is_refused_with_what_to_do(world):
    clerk = client_of(world.clerk)
    submission = open_draft(clerk, world.new_set)
    response = act(clerk, submission, Action.SUBMIT)
    assert response.status_code == 409
    assert "Add at least one file of the dataset before submitting." in response.content.decode()
    assert state_of(submission) == State.DRAFT


def test_two_officers_at_once_the_second_gets_the_conflict_and_nothing_doubles(world):
    submission = submitted(world)
    first, second = client_of(world.officer), client_of(world.second_officer)
    seen = state_of(submission)  # both pages were loaded while it was received

    assert act(first, submission, Action.ACCEPT, expected=seen).status_code == 302
    response = act(second, submission, Action.ACCEPT, expected=seen)
    assert response.status_code == 409
    assert "Someone has just changed this submission: it is accepted for upload now." in (
        response.content.decode())
    response = act(second, submission, Action.UPLOAD, expected=seen)
    assert response.status_code == 409
    assert state_of(submission) == State.ACCEPTED
    assert submission.events.filter(action=Action.ACCEPT).count() == 1
    assert not submission.events.filter(action=Action.UPLOAD).exists()


# The queue and the lists ---------------------------------------------------------------------

def _received_at(world: World, title: str, name: str, at: dt.datetime) -> Submission:
    dataset = DatasetFactory(owner=world.owner, title=title, name=name)
    add_file(dataset, content=CSV, at=at)
    submission = services.submission_open(dataset=dataset, by=world.clerk, at=at)
    return services.submission_transition(submission=submission, action=Action.SUBMIT,
                                          by=world.clerk, at=at)


def test_the_queue_is_sorted_by_due_date_and_flags_the_late(world):
    now = timezone.now()
    recent = _received_at(world, "Тарифи на послуги", "taryfy", now - dt.timedelta(days=10))
    fresh = _received_at(world, "Бюджет громади", "biudzhet", now)
    oldest = _received_at(world, "Перелік укриттів", "ukryttia", now - dt.timedelta(days=20))
    services.submission_transition(submission=recent, action=Action.ACCEPT, by=world.officer,
                                   at=now - dt.timedelta(days=9))
    draft = services.submission_open(dataset=world.new_set, by=world.clerk, at=now)
    other = DatasetFactory(owner=world.other_owner, title="Видатки бюджету", name="vydatky")
    add_file(other, content=CSV)
    foreign = services.submission_transition(
        submission=services.submission_open(dataset=other, by=None, at=now),
        action=Action.SUBMIT, by=None, at=now)

    html = client_of(world.officer).get(reverse("workflow:queue")).content.decode()
    order = [int(pk) for pk in re.findall(r'<tr data-submission="(\d+)"', html)]
    assert order == [oldest.pk, recent.pk, foreign.pk, fresh.pk] or order == [
        oldest.pk, recent.pk, fresh.pk, foreign.pk]  # the last two are due the same day
    assert draft.pk not in order
    late = re.findall(r'<tr data-submission="(\d+)"[^>]*>\s*<td><span class="late"', html)
    assert sorted(int(pk) for pk in late) == sorted([oldest.pk, recent.pk])
    assert re.search(r'data-count="late"><p class="big">2<', html)
    assert re.search(r'data-count="total"><p class="big">4<', html)

    accepted = client_of(world.officer).get(reverse("workflow:queue"),
                                            {"state": State.ACCEPTED}).content.decode()
    assert re.findall(r'<tr data-submission="(\d+)"', accepted) == [str(recent.pk)]
    theirs = client_of(world.officer).get(reverse("workflow:queue"),
                                          {"owner": world.other_owner.pk}).content.decode()
    assert re.findall(r'<tr data-submission="(\d+)"', theirs) == [str(foreign.pk)]


def test_the_submission_page_shows_every_deadline_met_or_late(world):
    received = timezone.now() - dt.timedelta(days=20)
    submission = _received_at(world, "Перелік укриттів", "ukryttia", received)
    office = client_of(world.officer)

    html = page_of(office, submission)
    nearest = re.search(r'<p class="deadline late" id="nearest-deadline"[^>]*>(.*?)</p>',
                        html, re.S).group(1)
    assert "Late" in nearest and "within 1 working day of receipt (§6.13)" in nearest

    def status(rule: str) -> str:
        row = re.search(rf'<tr data-rule="{rule}"[^>]*>(.*?)</tr>', html, re.S).group(1)
        return re.sub(r"<[^>]+>", "", row.rsplit("<td>", 1)[-1]).strip()

    assert status("owner_notice") == "met late"  # the dataset was created in March
    assert status("upload") == "late" and status("registry") == "late"
    assert status("new_published") == "late"

    act(office, submission, Action.UPLOAD)
    html = page_of(office, submission)
    assert status("upload") == "met late" and status("registry") == "met late"
    assert status("new_published") == "late"


def test_my_submissions_lists_the_owners_submissions_open_first(world):
    old = submitted(world, world.published)
    act(client_of(world.clerk), old, Action.WITHDRAW)
    current = submitted(world)
    html = client_of(world.clerk).get(reverse("workflow:my-submissions")).content.decode()
    assert re.findall(r'<tr data-submission="(\d+)"', html) == [str(current.pk), str(old.pk)]
    assert "withdrawn" in html


def test_a_portal_editor_of_a_legal_department_finds_and_uploads_its_submission(world):
    department = OwnerFactory(name="Управління ЦНАП", kind=OwnerKind.DEPARTMENT_LEGAL)
    editor = UserFactory(owner=department, owner_role=MembershipRole.EDITOR,
                         email="editor@rada.example.ua")
    dataset = DatasetFactory(owner=department, title="Перелік адмінпослуг", name="posluhy")
    add_file(dataset, content=CSV)
    submission = services.submission_transition(
        submission=services.submission_open(dataset=dataset, by=editor, at=timezone.now()),
        action=Action.SUBMIT, by=editor, at=timezone.now())
    client = client_of(editor)
    listing = client.get(reverse("workflow:my-submissions")).content.decode()
    assert 'id="portal-work"' in listing and f'data-submission="{submission.pk}"' in listing
    assert "upload" in forms_on(page_of(client, submission))
    assert act(client, submission, Action.UPLOAD).status_code == 302
    assert state_of(submission) == State.UPLOADED


# The dataset page ------------------------------------------------------------------------

def test_the_dataset_page_links_the_open_submission_and_its_history(world):
    submission = submitted(world)
    html = client_of(world.clerk).get(
        reverse("registry:dataset-office", args=["sadky"])).content.decode()
    assert f'data-open-submission="{submission.pk}"' in html
    assert "Submit for publication" not in html
    assert reverse("workflow:submission-detail", args=[submission.pk]) in html
    assert "Mark as no longer updated" not in html  # the officer's decision
    again = client_of(world.clerk).get(reverse("workflow:submission-open", args=["sadky"]))
    assert again.status_code == 302 and again.url.endswith(f"/submissions/{submission.pk}/")


def test_the_officer_archives_a_dataset_with_a_reason(world):
    office = client_of(world.officer)
    url = reverse("workflow:dataset-archive", args=["shkoly"])
    page = office.get(reverse("registry:dataset-office", args=["shkoly"])).content.decode()
    assert url in page
    assert client_of(world.clerk).get(url).status_code == 403

    missing = office.post(url, {"reason": ""})
    assert "Write why the dataset is no longer updated." in missing.content.decode()
    office.post(url, {"reason": "Рішення виконкому №12 від 01.11.2026"})
    world.published.refresh_from_db()
    assert world.published.status == DatasetStatus.ARCHIVED
    assert public_downloads(world.published)  # its data stay open
    page = client_of(world.clerk).get(
        reverse("registry:dataset-office", args=["shkoly"])).content.decode()
    assert "Submit an update" not in page


def test_the_officer_restores_an_archived_dataset(world):
    office = client_of(world.officer)
    office.post(reverse("workflow:dataset-archive", args=["shkoly"]),
                {"reason": "Рішення виконкому №12 від 01.11.2026"})
    url = reverse("workflow:dataset-restore", args=["shkoly"])
    page = office.get(reverse("registry:dataset-office", args=["shkoly"])).content.decode()
    assert url in page
    assert client_of(world.clerk).get(url).status_code == 403

    form = office.get(url).content.decode()
    assert 'name="periodicity"' in form
    missing = office.post(url, {"periodicity": "once a year", "reason": ""})
    assert "Write why the dataset is updated again." in missing.content.decode()
    response = office.post(url, {"periodicity": "once a quarter",
                                 "reason": "Рішення виконкому №20 від 01.12.2026"})
    assert response.status_code == 302
    world.published.refresh_from_db()
    assert world.published.status == DatasetStatus.PUBLISHED
    assert world.published.periodicity == "once a quarter"
    page = client_of(world.clerk).get(
        reverse("registry:dataset-office", args=["shkoly"])).content.decode()
    assert "Submit an update" in page


def test_archiving_a_dataset_with_an_open_submission_is_refused(world):
    submitted(world, world.published)
    response = client_of(world.officer).post(
        reverse("workflow:dataset-archive", args=["shkoly"]), {"reason": "Більше не ведеться"})
    assert response.status_code == 409
    assert "finish or withdraw it first" in response.content.decode()
    world.published.refresh_from_db()
    assert world.published.status == DatasetStatus.PUBLISHED


# The cover letter ----------------------------------------------------------------------------

def test_the_letter_downloads_as_docx_with_the_dataset_title_and_as_pdf(world):
    submission = submitted(world)
    clerk = client_of(world.clerk)
    response = clerk.get(reverse("workflow:letter-docx", args=[submission.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert f"cover-letter-{submission.pk}.docx" in response["Content-Disposition"]
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "«Перелік дитячих садків»" in text
    assert "sadky.csv" in text
    assert "УПРАВЛІННЯ ОСВІТИ" in text
    pdf = clerk.get(reverse("workflow:letter-pdf", args=[submission.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_the_signed_scan_is_attached_and_downloads(world):
    submission = submitted(world)
    clerk = client_of(world.clerk)
    url = reverse("workflow:letter-attach", args=[submission.pk])
    wrong = clerk.post(url, {"file": SimpleUploadedFile("letter.exe", b"MZ")})
    assert wrong.status_code == 200
    assert "File extension “exe” is not allowed." in wrong.content.decode()
    clerk.post(url, {"file": SimpleUploadedFile("lyst.pdf", b"%PDF-1.4 signed")})
    response = clerk.get(reverse("workflow:letter-scan", args=[submission.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 signed"
    assert AuditEntry.objects.filter(action="submission.letter_attached").count() == 1


# Notices ---------------------------------------------------------------------------------

def test_the_owner_gets_a_notice_after_a_return(world, django_capture_on_commit_callbacks):
    submission = submitted(world)
    with django_capture_on_commit_callbacks(execute=True):
        act(client_of(world.officer), submission, Action.RETURN,
            note="Додайте стовпець з телефонами.")
    clerk = client_of(world.clerk)
    office = clerk.get(reverse("registry:office")).content.decode()
    assert 'data-unread="1"' in office and "Notices (1)" in office

    notices = clerk.get(reverse("workflow:notices")).content.decode()
    assert "“Перелік дитячих садків” is returned to you: Додайте стовпець з телефонами." in (
        notices)
    assert reverse("workflow:submission-detail", args=[submission.pk]) in notices
    assert 'class="badge badge-new"' in notices
    assert Notice.objects.get(user=world.clerk).read_at is not None
    assert 'data-unread="0"' in clerk.get(reverse("workflow:notices")).content.decode()
    assert any(world.clerk.email in m.to for m in mail.outbox)


def test_the_version_row_links_the_submission_that_published_it(world):
    submission = submitted(world, world.published)
    office = client_of(world.officer)
    for action in (Action.UPLOAD, Action.PUBLISH):
        act(office, submission, action)
    version = ResourceVersion.objects.get(original_name="sadky.csv")
    assert version.published_at is not None
    html = office.get(reverse("registry:dataset-office", args=["shkoly"])).content.decode()
    assert html.count(f'data-brought-by="{submission.pk}"') == 1  # v1 was published directly
