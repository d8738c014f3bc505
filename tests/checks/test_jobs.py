"""The background check job: one item per file, progress while a big file is read, a line in
the log, and a resume that finishes what a crash interrupted."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse

from radadata.checks.models import CheckRun, RunStatus
from radadata.checks.services import runs
from radadata.jobs import services as job_services
from radadata.jobs.models import Job
from radadata.jobs.services import job_resume, job_run
from radadata.registry import hooks
from radadata.registry.services import resources as resource_services
from tests.factories import DatasetFactory, OwnerFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

AT = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
AID = ("Отримувач,РНОКПП\nПетренко Олена Василівна,3123456789\n"
       "Коваль Іван Петрович,2987654320\n").encode()


@pytest.fixture
def clerk(officer):
    return UserFactory(owner=OwnerFactory(), email="clerk@rada.example.ua")


@pytest.fixture
def queued(clerk):
    """A file uploaded by the clerk whose check waits for the worker."""
    dataset = DatasetFactory(owner=clerk.memberships.get().owner)
    resource = resource_services.resource_create(dataset=dataset, title="Дані", by=clerk,
                                                 at=AT)
    with hooks.work_inline(False):
        version = resource_services.version_add(resource=resource, stream=io.BytesIO(AID),
                                                filename="dopomoha.csv", by=clerk, at=AT)
    return Job.objects.get(kind="check_version", subject=f"registry.resourceversion:{version.pk}")


def test_the_job_checks_its_file_and_logs_what_it_found(queued):
    job = job_run(queued.pk)
    assert (job.status, job.done, job.total) == ("done", 1, 1)
    item = job.items.get()
    assert item.label == "dopomoha.csv"
    assert item.message == "Found problems: 0 errors, 2 blocking findings, 0 warnings."
    run = CheckRun.objects.get(job=job)
    assert (run.status, run.blocking) == (RunStatus.DONE, 2)
    assert run.started_at is not None and run.finished_at is not None


def test_the_progress_of_a_long_file_reaches_the_job(queued, monkeypatch):
    monkeypatch.setattr(job_services, "PROGRESS_EVERY", 0)
    real = runs._check_file
    seen = []

    def halfway(path, *, progress, **kwargs):
        progress(0.5)
        job = Job.objects.get(pk=queued.pk)
        seen.append((job.status, job.percent))
        return real(path, progress=progress, **kwargs)

    monkeypatch.setattr(runs, "_check_file", halfway)
    job_run(queued.pk)
    assert seen == [("running", 50)]
    assert CheckRun.objects.get(job=queued).status == RunStatus.DONE


def test_a_crashed_check_is_finished_by_resuming_the_job(queued, clerk, monkeypatch):
    def crash(*args, **kwargs):
        raise MemoryError

    with monkeypatch.context() as patch:
        patch.setattr(runs, "_check_file", crash)
        job = job_run(queued.pk)
    assert job.status == "done_with_errors"
    assert CheckRun.objects.get(job=job).status == RunStatus.FAILED
    job = job_run(job_resume(job=job, by=clerk, at=AT).pk)
    assert job.status == "done"
    assert CheckRun.objects.get(job=job).status == RunStatus.DONE


def test_the_job_page_names_the_check(queued, client, clerk):
    job_run(queued.pk)
    client.force_login(clerk)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("jobs:detail", args=[queued.pk])).content.decode()
    assert "Check of a file" in page and "dopomoha.csv" in page
