"""The cover letter is filled from the submission: council, owner, head and deputy, dataset,
files, kind, the four portal dates and the officer who records them."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from radadata.accounts import services as account_services
from radadata.registry.models import Council
from radadata.registry.services import resources as resource_services
from radadata.workflow import services
from radadata.workflow.letter_data import letter_data
from radadata.workflow.states import Action
from tests.factories import DatasetFactory, OwnerFactory, UserFactory, add_file, officer

pytestmark = pytest.mark.django_db

KYIV = dt.timezone(dt.timedelta(hours=2))
MON = dt.datetime(2026, 3, 2, 10, 0, tzinfo=KYIV)
TODAY = dt.date(2026, 3, 20)
CSV = "код,назва\n1,Ліцей №1\n".encode()


def day(n: int, hour: int = 10) -> dt.datetime:
    return MON.replace(hour=hour) + dt.timedelta(days=n)


@pytest.fixture
def setting(db):
    Council.objects.update_or_create(pk=1, defaults={"name": "Світлогірська міська рада"})
    owner = OwnerFactory(
        name="Управління освіти Світлогірської міської ради",
        head_position="Начальник управління освіти", head_name="Коваленко Ірина Петрівна",
        deputy_position="Заступник міського голови", deputy_name="Дем'яненко Олег Васильович")
    clerk = UserFactory(owner=owner, email="clerk@rada.example.ua")
    dataset = DatasetFactory(owner=owner, title="Перелік закладів загальної середньої освіти",
                             created_on=MON.date())
    return owner, clerk, dataset


def test_a_draft_letter_is_dated_today_and_lists_the_waiting_files(setting):
    owner, clerk, dataset = setting
    add_file(dataset, content=CSV, filename="shkoly.csv", at=MON)
    officer(email="first@rada.example.ua", last_name="Бондар", first_name="Марія",
            position="Головний спеціаліст з питань відкритих даних")
    submission = services.submission_open(dataset=dataset, by=clerk, at=day(1))

    data = letter_data(submission, today=TODAY)

    assert data.council_name == "Світлогірська міська рада"
    assert data.recipient == "Відповідальному за відкриті дані Світлогірської міської ради"
    assert data.owner_name == owner.name
    assert (data.head_position, data.head_name) == ("Начальник управління освіти",
                                                    "Коваленко Ірина Петрівна")
    assert (data.deputy_position, data.deputy_name) == ("Заступник міського голови",
                                                        "Дем'яненко Олег Васильович")
    assert data.dataset_title == "Перелік закладів загальної середньої освіти"
    assert data.kind == "new"
    assert data.files == ("shkoly.csv",)
    assert data.date == TODAY
    assert (data.uploaded_on, data.approved_on, data.rejected_on, data.published_on) == (
        None, None, None, None)
    assert data.officer_name == "Бондар Марія Василівна"
    assert data.officer_position == "Головний спеціаліст з питань відкритих даних"


def test_after_the_portal_the_letter_carries_the_dates_and_the_officer_who_recorded_them(
        setting):
    _owner, clerk, dataset = setting
    add_file(dataset, content=CSV, filename="shkoly.csv", at=MON)
    first = officer(email="first@rada.example.ua", last_name="Антоненко")
    second = officer(email="second@rada.example.ua", last_name="Шиян", first_name="Ірина",
                     position="Відповідальний за відкриті дані")
    submission = services.submission_open(dataset=dataset, by=clerk, at=day(1))
    services.submission_transition(submission=submission, action=Action.SUBMIT, by=clerk,
                                   at=day(1, 15))
    services.submission_transition(submission=submission, action=Action.UPLOAD, by=first,
                                   at=day(2))
    services.submission_transition(submission=submission, action=Action.PORTAL_REJECT,
                                   by=first, at=day(3), note="Немає структури")
    services.submission_transition(submission=submission, action=Action.UPLOAD, by=second,
                                   at=day(4))
    services.submission_transition(submission=submission, action=Action.PORTAL_APPROVE,
                                   by=second, at=day(7))
    # Just after midnight in Kyiv it is already the 10th; in UTC still the 9th.
    services.submission_transition(submission=submission, action=Action.PUBLISH, by=second,
                                   at=day(8, 0).replace(minute=30))
    # A file uploaded after the publication belongs to the next submission, not this letter.
    add_file(dataset, content=CSV, filename="shkoly-2027.csv", at=day(9))
    submission.refresh_from_db()

    data = letter_data(submission, today=TODAY)

    assert data.date == dt.date(2026, 3, 3)
    assert data.files == ("shkoly.csv",)
    assert data.uploaded_on == dt.date(2026, 3, 6)
    assert data.rejected_on == dt.date(2026, 3, 5)
    assert data.approved_on == dt.date(2026, 3, 9)
    assert data.published_on == dt.date(2026, 3, 10)
    assert (data.officer_name, data.officer_position) == ("Шиян Ірина Василівна",
                                                          "Відповідальний за відкриті дані")


def test_an_update_letter_lists_only_the_newest_version_of_each_file(setting):
    _owner, clerk, dataset = setting
    add_file(dataset, content=CSV, filename="shkoly-2025.csv", at=MON)
    services.submission_transition(
        submission=services.submission_open(dataset=dataset, by=clerk, at=day(1)),
        action=Action.SUBMIT, by=clerk, at=day(1))
    submission = dataset.submissions.get()
    for action in (Action.UPLOAD, Action.PUBLISH):
        services.submission_transition(submission=submission, action=action, by=None,
                                       at=day(2))
    dataset.refresh_from_db()  # published now
    resource = dataset.resources.get()
    for name in ("shkoly-2026-draft.csv", "shkoly-2026.csv"):
        resource_services.version_add(resource=resource, stream=io.BytesIO(CSV), filename=name,
                                      by=clerk, at=day(10))
    update = services.submission_open(dataset=dataset, by=clerk, at=day(11), unscheduled=True)

    data = letter_data(update, today=TODAY)

    assert data.kind == "update"
    assert data.files == ("shkoly-2026.csv",)


def test_a_deactivated_officer_does_not_sign_and_without_officers_the_line_stays_blank(
        setting):
    _owner, clerk, dataset = setting
    gone = officer(email="gone@rada.example.ua", last_name="Антоненко")
    account_services.user_deactivate(user=gone, reason="Звільнення", by=None, at=MON)
    submission = services.submission_open(dataset=dataset, by=clerk, at=day(1))

    data = letter_data(submission, today=TODAY)

    assert (data.officer_name, data.officer_position) == ("", "")
