"""Background jobs: the base always finishes, logs each item, resumes without repeating work,
and its page shows the progress to the person who started it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from radadata.core.errors import Conflict, NotAllowed, ValidationFailed
from radadata.core.models import AuditEntry
from radadata.jobs import schedule
from radadata.jobs.base import Item, JobRunner, register
from radadata.jobs.models import ItemStatus, Job, PeriodicRun, Status
from radadata.jobs.services import is_stuck, job_cancel, job_resume, job_run, job_start
from tests.factories import DatasetFactory, OwnerFactory, UserFactory, add_file

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

AT = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
BROKEN: set[str] = set()
PROCESSED: list[str] = []


@register
class CountingJob(JobRunner):
    kind = "test_counting"
    title = "Counting"

    def items(self):
        return [Item(key=str(n), label=f"Item {n}") for n in range(self.params.get("n", 3))]

    def process(self, item: Item) -> str:
        PROCESSED.append(item.key)
        if item.key in BROKEN:
            raise ValidationFailed(f"Item {item.key} has no title; add one and resume.")
        if item.key == "crash":
            raise RuntimeError("boom")
        return f"counted {item.key}"

    def finish(self):
        return {"counted": len(PROCESSED)}


@register
class BrokenListJob(JobRunner):
    kind = "test_broken_list"
    title = "Broken"

    def items(self):
        raise OSError("the source is unreachable")


@pytest.fixture(autouse=True)
def _reset():
    BROKEN.clear()
    PROCESSED.clear()


def test_a_job_runs_every_item_and_records_each(officer):
    job = job_start(kind="test_counting", params={"n": 3}, by=officer, at=AT)
    assert job.status == Status.PENDING
    assert AuditEntry.objects.filter(action="job.start", object_id=str(job.pk)).exists()

    job = job_run(job.pk)

    assert job.status == Status.DONE
    assert (job.done, job.total, job.percent) == (3, 3, 100)
    assert [(i.key, i.status, i.message) for i in job.items.all()] == [
        ("0", "ok", "counted 0"), ("1", "ok", "counted 1"), ("2", "ok", "counted 2")]
    assert job.result == {"counted": 3}


def test_a_failing_item_fails_alone_and_resume_repeats_only_it(officer):
    BROKEN.add("1")
    job = job_run(job_start(kind="test_counting", params={"n": 3}, by=officer, at=AT).pk)
    assert job.status == Status.DONE_WITH_ERRORS
    failed = job.items.get(key="1")
    assert failed.status == ItemStatus.FAILED
    assert "has no title" in failed.message

    BROKEN.clear()
    PROCESSED.clear()
    job = job_resume(job=job, by=officer, at=AT)
    assert job.status == Status.PENDING
    job = job_run(job.pk)
    assert PROCESSED == ["1"]  # items 0 and 2 were done already
    assert job.status == Status.DONE
    assert job.attempts == 2


def test_an_unexpected_error_is_recorded_in_words_not_a_traceback(officer, monkeypatch):
    job = job_start(kind="test_counting", params={"n": 1}, by=officer, at=AT)
    monkeypatch.setattr(CountingJob, "items", lambda self: [Item(key="crash")])
    job = job_run(job.pk)
    item = job.items.get()
    assert job.status == Status.DONE_WITH_ERRORS
    assert "Unexpected error (RuntimeError)" in item.message
    assert "boom" not in item.message


def test_a_job_whose_item_list_fails_ends_failed_with_the_reason(officer):
    job = job_run(job_start(kind="test_broken_list", by=officer, at=AT).pk)
    assert job.status == Status.FAILED
    assert job.finished_at is not None
    assert "OSError" in job.message


def test_a_finished_job_is_not_run_twice(officer):
    job = job_start(kind="test_counting", params={"n": 2}, by=officer, at=AT)
    job_run(job.pk)
    job_run(job.pk)
    assert PROCESSED == ["0", "1"]


def test_a_cancelled_job_stops_and_cannot_be_cancelled_again(officer):
    job = job_start(kind="test_counting", by=officer, at=AT)
    job = job_cancel(job=job, by=officer, at=AT)
    assert job_run(job.pk).status == Status.CANCELLED
    assert PROCESSED == []
    with pytest.raises(Conflict):
        job_cancel(job=job, by=officer, at=AT)


def test_a_job_of_a_dead_worker_is_stuck_and_can_be_resumed(officer, settings):
    settings.WORKER_DEAD_AFTER_SECONDS = 45
    job = job_start(kind="test_counting", by=officer, at=AT)
    Job.objects.filter(pk=job.pk).update(status=Status.RUNNING, heartbeat_at=AT)
    job.refresh_from_db()
    assert not is_stuck(job, at=AT + dt.timedelta(seconds=30))
    with pytest.raises(Conflict):
        job_resume(job=job, by=officer, at=AT + dt.timedelta(seconds=30))
    assert is_stuck(job, at=AT + dt.timedelta(seconds=46))
    job = job_resume(job=job, by=officer, at=AT + dt.timedelta(seconds=46))
    assert job_run(job.pk).status == Status.DONE


def test_only_the_starter_or_the_office_manages_a_job(officer):
    clerk = UserFactory(owner=OwnerFactory())
    other = UserFactory(owner=OwnerFactory())
    job = job_start(kind="test_counting", by=clerk, at=AT)
    with pytest.raises(NotAllowed):
        job_cancel(job=job, by=other, at=AT)
    assert job_cancel(job=job, by=clerk, at=AT).status == Status.CANCELLED


def test_committing_the_start_enqueues_the_job(officer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = job_start(kind="test_counting", params={"n": 2}, by=officer, at=AT)
    job.refresh_from_db()
    assert job.status == Status.DONE


# The worker checks its database connection between tasks, as a real worker must; inside a test
# transaction that check would close it, so this test commits for real.
@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_queued_jobs_from_the_database_queue(officer, settings,
                                                            django_capture_on_commit_callbacks):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        job = job_start(kind="test_counting", params={"n": 2}, by=officer, at=AT)
    job.refresh_from_db()
    assert job.status == Status.PENDING  # queued, waiting for a worker

    call_command("worker", "--batch", "--no-schedule", "--interval", "0")

    job.refresh_from_db()
    assert job.status == Status.DONE
    assert PROCESSED == ["0", "1"]


def test_periodic_tasks_run_once_per_period_across_restarts():
    calls = []
    schedule.periodic("test.tick", every=dt.timedelta(minutes=15))(
        lambda *, at: calls.append(at))
    try:
        assert "test.tick" in schedule.due(at=AT)
        assert "test.tick" not in schedule.due(at=AT + dt.timedelta(minutes=5))
        # a restarted worker reads the stored time, not its own memory
        assert PeriodicRun.objects.get(name="test.tick").last_run_at == AT
        assert "test.tick" in schedule.due(at=AT + dt.timedelta(minutes=15))
        schedule.run_one("test.tick", at=AT)
        assert calls == [AT]
    finally:
        schedule.PERIODIC.pop("test.tick")


def test_the_job_page_shows_progress_and_the_log(client, officer):
    BROKEN.add("2")
    job = job_run(job_start(kind="test_counting", params={"n": 3}, by=officer, at=AT).pk)
    client.force_login(officer)
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert '<progress max="100" value="100"' in page
    assert "3 / 3" in page
    assert "Item 2 has no title; add one and resume." in page
    assert reverse("jobs:resume", args=[job.pk]) in page

    status = client.get(reverse("jobs:status", args=[job.pk])).json()
    assert status["finished"] is True
    assert status["status"] == "done_with_errors"


def test_a_clerk_does_not_see_another_persons_job(client, officer):
    job = job_start(kind="test_counting", by=officer, at=AT)
    clerk = UserFactory(owner=OwnerFactory())
    client.force_login(clerk)
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404
    assert client.get(reverse("jobs:status", args=[job.pk])).status_code == 404


def test_a_colleague_follows_the_check_of_a_file_of_their_owner(client, officer):
    owner = OwnerFactory()
    uploader, colleague = UserFactory(owner=owner), UserFactory(owner=owner)
    dataset = DatasetFactory(owner=owner)
    version = add_file(dataset)
    job = job_start(kind="test_counting", by=uploader, at=AT,
                    subject=f"registry.resourceversion:{version.pk}")
    client.force_login(colleague)
    assert client.get(reverse("jobs:status", args=[job.pk])).status_code == 200
    client.force_login(UserFactory(owner=OwnerFactory()))
    assert client.get(reverse("jobs:status", args=[job.pk])).status_code == 404
