"""The check of every version through the services: stored with the version, publication held
until it passes, the UTF-8 conversion, the rulings on personal-data columns and the three-part
test, and the dataset's structure."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import pytest
from django.core import mail

from radadata.accounts.models import User
from radadata.checks import services
from radadata.checks.models import CheckRun, ColumnRuling, RulingKind, RunStatus
from radadata.checks.services import Column
from radadata.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from radadata.core.models import AuditEntry
from radadata.jobs.models import Job
from radadata.jobs.services import job_run
from radadata.registry import hooks
from radadata.registry.models import Dataset, Resource, ResourceVersion, Structure
from radadata.registry.services import datasets as dataset_services
from radadata.registry.services import resources as resource_services
from tests.factories import DatasetFactory, OwnerFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

AT = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
SCHOOLS = "код,назва,тип\n1,Школа №1,школа\n2,Ліцей «Світанок»,ліцей\n".encode()
# A list of aid recipients: their tax numbers (valid check digits) must never be published.
AID = ("№,Отримувач,РНОКПП,Сума\n"
       "1,Петренко Олена Василівна,3123456789,1500\n"
       "2,Коваль Іван Петрович,2987654320,2000\n"
       "3,Бондар Марія Іванівна,3456789014,1500\n"
       "4,Мельник Олег Сергійович,2876543211,1800\n").encode()
WINDOWS_1251 = ("код;назва;адреса\n1;Школа №1;вул. Шевченка, 5\n"
                "2;Ліцей «Світанок»;просп. Незалежності, 12\n").encode("cp1251")


@dataclass
class Office:
    dataset: Dataset
    clerk: User
    officer: User


@pytest.fixture
def office(officer) -> Office:
    owner = OwnerFactory(name="Управління соціального захисту")
    return Office(dataset=DatasetFactory(owner=owner, name="dopomoha"),
                  clerk=UserFactory(owner=owner, email="clerk@rada.example.ua"),
                  officer=officer)


def upload(dataset: Dataset, content: bytes, *, by: User | None, filename: str = "data.csv",
           at: dt.datetime = AT) -> ResourceVersion:
    resource = dataset.resources.first() or resource_services.resource_create(
        dataset=dataset, title="Дані", by=by, at=at)
    return resource_services.version_add(resource=resource, stream=io.BytesIO(content),
                                         filename=filename, by=by, at=at)


def run_of(version: ResourceVersion) -> CheckRun:
    return CheckRun.objects.get(version=version)


def codes(run: CheckRun) -> list[tuple[str | None, str]]:
    return [(f.column, f.code) for f in run.parsed().findings]


def fresh(version: ResourceVersion) -> ResourceVersion:
    return ResourceVersion.objects.get(pk=version.pk)


def public_numbers(dataset: Dataset) -> list[int]:
    """The version numbers the public sees, newest first."""
    return list(ResourceVersion.objects.filter(resource__dataset=dataset,
                                               published_at__isnull=False)
                .order_by("-number").values_list("number", flat=True))


# Every version is checked -------------------------------------------------------------------

def test_every_new_version_is_checked_and_the_report_kept_with_it(office):
    version = upload(office.dataset, SCHOOLS, by=office.clerk)
    run = run_of(version)
    assert run.status == RunStatus.DONE and run.passed
    report = run.parsed()
    assert (report.format, report.encoding, report.rows) == ("csv", "utf-8", 2)
    assert report.columns == ["код", "назва", "тип"]
    assert report.schema["fields"][0]["name"] == "код"  # the first version's inferred structure
    entry = AuditEntry.objects.get(action="checks.version_checked")
    assert (entry.actor, entry.object_id) == (None, str(version.resource_id))


def test_tax_numbers_block_the_file_column_by_column(office):
    run = run_of(upload(office.dataset, AID, by=office.clerk))
    assert not run.passed
    assert ("РНОКПП", "pd_rnokpp") in codes(run)
    assert ("Отримувач", "pd_person_name") in codes(run)
    assert run.blocking == 2 and run.errors == 0


def test_in_the_background_the_check_is_a_job_that_reports_its_progress(office, monkeypatch):
    from radadata.checks.services import runs

    real = runs._check_file
    seen: list[float] = []

    def slow_file(path, *, progress, **kwargs):
        report = real(path, progress=progress, **kwargs)
        seen.append(Job.objects.get(kind="check_version").status)
        return report

    monkeypatch.setattr(runs, "_check_file", slow_file)
    with hooks.work_inline(False):
        version = upload(office.dataset, SCHOOLS, by=office.clerk)
    run = run_of(version)
    job = Job.objects.get(kind="check_version")
    assert (run.status, run.job, job.status) == (RunStatus.PENDING, job, "pending")
    assert job.subject == f"registry.resourceversion:{version.pk}"
    assert job.created_by == office.clerk  # so the uploader follows its progress bar

    job = job_run(job.pk)
    assert seen == ["running"]
    assert job.status == "done"
    assert job.items.get().message.startswith("Passed")
    assert run_of(version).status == RunStatus.DONE


def test_a_check_that_crashes_is_recorded_and_the_file_stays_unpublished(office, monkeypatch):
    from radadata.checks.services import runs

    def crash(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(runs, "_check_file", crash)
    dataset_services.dataset_mark_published(dataset=office.dataset, by=None, at=AT)
    with hooks.work_inline(False):
        version = upload(office.dataset, SCHOOLS, by=office.officer)
    job = job_run(Job.objects.get(kind="check_version").pk)
    assert job.status == "done_with_errors"
    assert "MemoryError" in job.items.get().message
    run = run_of(version)
    assert run.status == RunStatus.FAILED and "MemoryError" in run.message
    assert fresh(version).published_at is None

    # Once the fault is gone, checking again publishes it.
    monkeypatch.undo()
    later = AT + dt.timedelta(hours=1)
    services.version_recheck(version=version, by=office.clerk, at=later)
    assert run_of(version).passed
    assert fresh(version).published_at == later


# Publication waits for the check ------------------------------------------------------------

def test_an_office_upload_to_a_published_dataset_goes_public_when_its_check_passes(office):
    dataset_services.dataset_mark_published(dataset=office.dataset, by=None, at=AT)
    first = upload(office.dataset, SCHOOLS, by=office.officer)
    assert first.published_at == AT
    later = AT + dt.timedelta(hours=1)
    with hooks.work_inline(False):
        second = upload(office.dataset, SCHOOLS + "3,Гімназія,гімназія\n".encode(),
                        by=office.officer, at=later)
    assert fresh(second).published_at is None  # pending: the public keeps version 1
    assert run_of(second).publish_when_passed
    assert public_numbers(office.dataset) == [1]
    job_run(run_of(second).job_id)
    assert fresh(second).published_at is not None
    assert public_numbers(office.dataset) == [2, 1]
    assert AuditEntry.objects.filter(action="checks.version_published",
                                     object_id=str(second.resource_id)).count() == 1


def test_a_failing_upload_waits_and_its_uploader_hears_why(office,
                                                          django_capture_on_commit_callbacks):
    dataset_services.dataset_mark_published(dataset=office.dataset, by=None, at=AT)
    first = upload(office.dataset, SCHOOLS, by=office.officer)
    with django_capture_on_commit_callbacks(execute=True):
        second = upload(office.dataset, AID, by=office.officer)
    assert fresh(second).published_at is None
    assert fresh(first).published_at == AT  # still what the public sees
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [office.officer.email]
    assert f"/office/datasets/dopomoha/files/{second.pk}/check/" in mail.outbox[0].body


def test_marking_a_dataset_published_holds_a_file_that_fails(office):
    version = upload(office.dataset, AID, by=office.clerk)
    dataset_services.dataset_mark_published(dataset=office.dataset, by=office.officer, at=AT)
    assert Dataset.objects.get(pk=office.dataset.pk).is_published
    assert fresh(version).published_at is None
    assert run_of(version).publish_when_passed  # published once a decision clears it


# Rulings and the three-part test ------------------------------------------------------------

YES_NO_NO = {"interest": {"answer": "yes", "reason": "Захист прав отримувачів допомоги."},
             "harm": {"answer": "no", "reason": "Лише імена, без адрес і номерів."},
             "balance": {"answer": "no", "reason": "Суспільний інтерес переважає."}}


def test_a_ruling_on_every_blocking_column_publishes_the_held_file(office):
    version = upload(office.dataset, AID, by=office.clerk)
    dataset_services.dataset_mark_published(dataset=office.dataset, by=office.officer, at=AT)
    later = AT + dt.timedelta(days=1)
    services.column_rule(dataset=office.dataset, column="Отримувач",
                         kind=RulingKind.THREE_PART_TEST, answers=YES_NO_NO, by=office.clerk,
                         at=later)
    assert run_of(version).blocking == 1 and fresh(version).published_at is None
    services.column_rule(dataset=office.dataset, column="РНОКПП",
                         kind=RulingKind.THREE_PART_TEST, answers=YES_NO_NO,
                         note="Рішення виконкому №12", by=office.officer, at=later)
    assert run_of(version).blocking == 0
    assert fresh(version).published_at == later
    ruling = ColumnRuling.objects.get(column="РНОКПП")
    assert (ruling.decided_by, ruling.decided_at, ruling.answers) == (office.officer, later,
                                                                     YES_NO_NO)
    entry = AuditEntry.objects.filter(action="checks.column_ruled").order_by("id").last()
    assert (entry.actor, entry.object_id) == (office.officer, str(office.dataset.pk))


def test_a_lawful_column_is_scanned_as_lawful_in_later_versions(office):
    officials = ("Прізвище ім'я по батькові,Округ\n"
                 "Коваленко Ірина Петрівна,1\nШевчук Андрій Миколайович,2\n").encode()
    first = upload(office.dataset, officials, by=office.clerk)
    assert run_of(first).blocking == 1
    services.column_rule(dataset=office.dataset, column="Прізвище ім'я по батькові",
                         kind=RulingKind.OFFICIAL, note="Керівники відділу у службі.",
                         by=office.clerk, at=AT)
    assert run_of(first).passed
    second = upload(office.dataset, officials, by=office.clerk)
    assert run_of(second).passed
    assert ("Прізвище ім'я по батькові", "pd_marked_lawful") in codes(run_of(second))


def test_withdrawing_a_ruling_blocks_the_column_again(office):
    version = upload(office.dataset, AID, by=office.clerk)
    for column in ("Отримувач", "РНОКПП"):
        services.column_rule(dataset=office.dataset, column=column,
                             kind=RulingKind.THREE_PART_TEST, answers=YES_NO_NO,
                             by=office.clerk, at=AT)
    assert run_of(version).passed
    services.column_ruling_remove(ruling=ColumnRuling.objects.get(column="РНОКПП"),
                                  by=office.clerk, at=AT)
    assert run_of(version).blocking == 1
    assert AuditEntry.objects.filter(action="checks.column_ruling_removed").exists()


@pytest.mark.parametrize(("answers", "fields"), [
    ({}, {"interest_answer", "interest_reason", "harm_answer", "harm_reason",
          "balance_answer", "balance_reason"}),
    ({**YES_NO_NO, "harm": {"answer": "no", "reason": "  "}}, {"harm_reason"}),
    ({**YES_NO_NO, "balance": {"answer": "maybe", "reason": "?"}}, {"balance_answer"}),
])
def test_the_three_part_test_needs_every_answer_with_its_reason(office, answers, fields):
    with pytest.raises(ValidationFailed) as error:
        services.column_rule(dataset=office.dataset, column="РНОКПП",
                             kind=RulingKind.THREE_PART_TEST, answers=answers,
                             by=office.clerk, at=AT)
    assert set(error.value.errors) == fields
    assert not ColumnRuling.objects.exists()


def test_a_test_whose_three_conditions_hold_forbids_publication(office):
    all_yes = {key: {"answer": "yes", "reason": "Так."} for key in YES_NO_NO}
    with pytest.raises(ValidationFailed) as error:
        services.column_rule(dataset=office.dataset, column="РНОКПП",
                             kind=RulingKind.THREE_PART_TEST, answers=all_yes,
                             by=office.clerk, at=AT)
    assert error.value.code == "three_part_test_restricts"
    assert "Anonymise the column instead" in error.value.message


def test_marking_lawful_needs_a_note_and_a_known_reason(office):
    with pytest.raises(ValidationFailed) as error:
        services.column_rule(dataset=office.dataset, column="ПІБ", kind=RulingKind.OFFICIAL,
                             by=office.clerk, at=AT)
    assert set(error.value.errors) == {"note"}
    with pytest.raises(ValidationFailed):
        services.column_rule(dataset=office.dataset, column="ПІБ", kind="friend",
                             note="x", by=office.clerk, at=AT)


def test_only_the_owners_people_and_the_office_decide(office):
    stranger = UserFactory(owner=OwnerFactory())
    reader = UserFactory(roles=["working_group"])
    with pytest.raises(NotFound):
        services.column_rule(dataset=office.dataset, column="ПІБ", kind=RulingKind.OFFICIAL,
                             note="x", by=stranger, at=AT)
    with pytest.raises(NotAllowed):
        services.column_rule(dataset=office.dataset, column="ПІБ", kind=RulingKind.OFFICIAL,
                             note="x", by=reader, at=AT)
    assert not ColumnRuling.objects.exists()


# UTF-8 conversion ---------------------------------------------------------------------------

def test_a_windows_1251_file_is_converted_into_a_new_utf8_version(office):
    original = upload(office.dataset, WINDOWS_1251, by=office.clerk, filename="zaklady.csv")
    assert ("not_utf8" in [code for _column, code in codes(run_of(original))])
    converted = services.version_convert_utf8(version=original, by=office.clerk, at=AT)
    assert converted.number == 2 and converted.original_name == "zaklady.csv"
    assert converted.note == "Перетворено в UTF-8 з windows-1251 (з версії 1)"
    with converted.file.open("rb") as handle:
        assert handle.read() == WINDOWS_1251.decode("cp1251").encode()
    assert run_of(converted).passed
    with original.file.open("rb") as handle:
        assert handle.read() == WINDOWS_1251  # the old version is evidence: untouched
    entry = AuditEntry.objects.get(action="checks.converted_to_utf8")
    assert entry.changes["encoding"] == ["windows-1251", "utf-8"]


def test_a_file_mixing_encodings_is_not_converted(office):
    mixed = (("код;назва\n" + "".join(f"{n};Школа №{n}\n" for n in range(1, 40))).encode()
             + "40;Ліцей «Світанок»\n".encode("cp1251"))
    version = upload(office.dataset, mixed, by=office.clerk)
    with pytest.raises((ValidationFailed, Conflict)):
        services.version_convert_utf8(version=version, by=office.clerk, at=AT)
    assert Resource.objects.get().versions.count() == 1


def test_only_the_newest_version_of_a_utf8_problem_is_converted(office):
    original = upload(office.dataset, WINDOWS_1251, by=office.clerk)
    upload(office.dataset, SCHOOLS, by=office.clerk)
    with pytest.raises(Conflict) as error:
        services.version_convert_utf8(version=original, by=office.clerk, at=AT)
    assert error.value.code == "not_newest_version"
    with pytest.raises(Conflict) as error:
        services.version_convert_utf8(version=office.dataset.resources.get().current_version,
                                      by=office.clerk, at=AT)
    assert error.value.code == "nothing_to_convert"


# The structure ------------------------------------------------------------------------------

def test_the_owner_confirms_the_inferred_structure_and_later_versions_follow_it(office):
    from radadata.checks import selectors

    upload(office.dataset, SCHOOLS, by=office.clerk)
    view = selectors.structure_view(office.dataset)
    assert view.structure is None and [c.name for c in view.columns] == ["код", "назва", "тип"]
    columns = view.columns
    columns[0].title, columns[0].unique, columns[0].required = "Код закладу", True, True
    columns[2].enum = ["школа", "ліцей", "гімназія"]
    columns[2].description = "Тип закладу освіти"
    structure = services.structure_save(dataset=office.dataset, columns=columns,
                                        base=view.base, by=office.clerk, at=AT)
    assert structure.source == Structure.Source.INFERRED
    fields = {f["name"]: f for f in structure.schema["fields"]}
    assert fields["код"]["title"] == "Код закладу"
    assert fields["код"]["constraints"] == {"required": True, "unique": True}
    assert fields["тип"]["constraints"]["enum"] == ["школа", "ліцей", "гімназія"]
    assert fields["тип"]["description"] == "Тип закладу освіти"
    assert AuditEntry.objects.filter(action="checks.structure_saved",
                                     object_id=str(office.dataset.pk)).exists()

    later = upload(office.dataset, SCHOOLS + "2,Коледж,коледж\n".encode(), by=office.clerk)
    found = [f.key() for f in run_of(later).parsed().findings]
    assert (4, "тип", "constraint_enum") in found
    assert (4, "код", "constraint_unique") in found
    assert not run_of(later).passed


def test_a_structure_with_two_columns_of_one_name_is_refused(office):
    with pytest.raises(ValidationFailed) as error:
        services.structure_save(dataset=office.dataset, by=office.clerk, at=AT, columns=[
            Column(name="код", type="integer"), Column(name="код", type="string"),
            Column(name="сума", type="number", enum=["1,5", "два"])])
    assert set(error.value.errors) == {"1-name", "2-enum"}
    assert not Structure.objects.exists()
