"""Heartbeats: a dead worker's job is taken over by the rule (not a 15-minute guess), its dataset
claim is free with it, and the office sees when no worker runs. The real-process tests, with a
worker killed by SIGKILL, are in test_heartbeat_process.py."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from radadata.checks.jobs import CheckVersionJob
from radadata.core.errors import Conflict
from radadata.jobs import heartbeat
from radadata.jobs.base import runner_for
from radadata.jobs.models import Job, Status, WorkerBeat
from radadata.jobs.services import job_start
from radadata.portal_sync import services as sync_services
from radadata.portal_sync.models import DatasetSync
from radadata.portal_sync.push import PortalPush
from tests.factories import DatasetFactory
from tests.jobs.test_jobs import PROCESSED

pytestmark = [pytest.mark.django_db]

AT = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
FAR = "worker-machine-2-4242"  # a worker on another machine: only its heartbeat tells


def _running(officer, *, worker: str = FAR, beat: dt.datetime = AT, attempts: int = 1) -> Job:
    job = job_start(kind="test_counting", params={"n": 2}, by=officer, at=AT)
    Job.objects.filter(pk=job.pk).update(status=Status.RUNNING, worker=worker, heartbeat_at=beat,
                                         attempts=attempts)
    return Job.objects.get(pk=job.pk)


@pytest.fixture(autouse=True)
def _rule(settings):
    settings.WORKER_DEAD_AFTER_SECONDS = 45
    PROCESSED.clear()


def test_a_job_whose_worker_went_quiet_is_taken_over_and_finished(officer):
    job = _running(officer)

    assert heartbeat.take_over(at=AT + dt.timedelta(seconds=30)) == []  # still alive
    assert heartbeat.take_over(at=AT + dt.timedelta(seconds=46)) == [job.pk]

    job.refresh_from_db()
    assert job.status == Status.DONE  # the test queue runs it at once, as the next worker would
    assert job.attempts == 2
    assert PROCESSED == ["0", "1"]


def test_a_job_whose_worker_keeps_beating_is_not_taken_over(officer):
    job = _running(officer, worker=heartbeat.become_worker("worker-machine-1-777"))
    try:
        heartbeat.running_here.add(job.pk)
        heartbeat.beat(at=AT + dt.timedelta(seconds=40))
        assert heartbeat.take_over(at=AT + dt.timedelta(seconds=80)) == []
    finally:
        heartbeat.running_here.discard(job.pk)
        heartbeat.leave_worker()
    job.refresh_from_db()
    assert (job.status, job.heartbeat_at) == (Status.RUNNING, AT + dt.timedelta(seconds=40))


def test_a_job_that_killed_its_worker_three_times_fails_with_the_reason(officer):
    job = _running(officer, attempts=heartbeat.MAX_ATTEMPTS)

    heartbeat.take_over(at=AT + dt.timedelta(minutes=2))

    job.refresh_from_db()
    assert job.status == Status.FAILED
    assert "зупинявся 3 рази" in job.message
    assert PROCESSED == []


def test_the_claim_of_a_dead_push_is_free_and_the_taken_over_job_reclaims_its_own(officer):
    dataset = DatasetFactory()
    job = _running(officer)
    DatasetSync.objects.create(dataset=dataset, claim=f"j{job.pk}-abc", claimed_at=AT,
                               state="pushing", updated_at=AT)

    # the push is alive: a second one waits, even long after the claim was made
    Job.objects.filter(pk=job.pk).update(heartbeat_at=AT + dt.timedelta(minutes=59, seconds=50))
    with pytest.raises(Conflict):
        sync_services.sync_claim(dataset=dataset, by=officer, at=AT + dt.timedelta(hours=1))

    # the same job, taken over by another worker, takes its dataset back at once
    token = heartbeat.current_job.set(job.pk)
    try:
        sync, _previous = sync_services.sync_claim(dataset=dataset, by=officer,
                                                   at=AT + dt.timedelta(hours=1))
    finally:
        heartbeat.current_job.reset(token)
    assert sync.claim.startswith(f"j{job.pk}-")

    # its worker died: another push may take the dataset within a minute, not 30
    Job.objects.filter(pk=job.pk).update(heartbeat_at=AT + dt.timedelta(hours=1))
    sync, _previous = sync_services.sync_claim(
        dataset=dataset, by=officer, at=AT + dt.timedelta(hours=1, seconds=50))
    assert not sync.claim.startswith(f"j{job.pk}-")


def test_long_jobs_have_their_own_queue_and_a_check_runs_in_a_child_process():
    assert PortalPush.queue == "long"
    assert runner_for("portal_import").queue == "long"
    assert CheckVersionJob.queue == "default"
    assert CheckVersionJob.child_process


def test_the_office_is_warned_when_no_worker_was_seen_for_a_minute(client, officer):
    client.force_login(officer)
    page = reverse("jobs:list")

    assert "worker-banner" in client.get(page).content.decode()

    heartbeat.beat(at=dt.datetime.now(dt.UTC), worker="web-1-99")
    html = client.get(page).content.decode()
    assert "worker-banner" not in html

    WorkerBeat.objects.update(seen_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=2))
    html = client.get(page).content.decode()
    assert "Фонова служба не працює" in html


def test_the_public_never_sees_the_worker_warning(client):
    assert "worker-banner" not in client.get(reverse("catalog:list")).content.decode()
