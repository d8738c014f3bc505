"""The push when things go wrong: a crash or a lost answer between package_create and saving
the id, a slow or overloaded portal, a refusal in words, a failed upload in the middle, and two
workers at once. Never a second package, never a lost resource, always resumable."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.utils import translation

from radadata.core.errors import Conflict
from radadata.portal_sync import services
from radadata.portal_sync.client import PortalRejected, PortalUnavailable
from radadata.portal_sync.models import DatasetSync, SyncState
from radadata.portal_sync.push import push_dataset
from radadata.registry.models import Dataset
from tests.factories import AT
from tests.portal_sync.conftest import add_file, quick_client, reload


def push(dataset, conn, client, **kwargs):
    return push_dataset(dataset=dataset, conn=conn, client=client, by=None, at=AT, **kwargs)


pytestmark = pytest.mark.django_db


def test_a_crash_after_package_create_does_not_make_a_second_package(office, conn, portal,
                                                                     portal_client,
                                                                     monkeypatch):
    real = services.sync_record_package

    def crash(**kwargs):
        raise RuntimeError("the worker died before saving the id")

    monkeypatch.setattr(services, "sync_record_package", crash)
    with pytest.raises(RuntimeError):
        push(office.schools, conn, portal_client)
    assert len(portal.live_packages()) == 1
    sync = DatasetSync.objects.get(dataset=office.schools)
    assert (sync.state, sync.remote_id) == (SyncState.FAILED, "")

    monkeypatch.setattr(services, "sync_record_package", real)
    push(reload(office.schools), conn, portal_client)

    assert len(portal.calls_of("package_create")) == 1
    [package] = portal.live_packages()
    assert DatasetSync.objects.get(dataset=office.schools).remote_id == package["id"]
    assert len(package["resources"]) == 2


def test_the_crashed_create_is_found_by_the_name_meant_even_after_a_rename(
        office, conn, portal, portal_client, monkeypatch):
    monkeypatch.setattr(services, "sync_record_package",
                        lambda **kwargs: (_ for _ in ()).throw(RuntimeError("crash")))
    with pytest.raises(RuntimeError):
        push(office.schools, conn, portal_client)
    monkeypatch.undo()
    # The officer renames the dataset's address before the next push.
    Dataset.objects.filter(pk=office.schools.pk).update(name="shkoly-hromady")

    push(reload(office.schools), conn, portal_client)

    assert [p["name"] for p in portal.live_packages()] == ["svitlohirska-mr-merezha-shkil"]


def test_a_lost_answer_to_package_create_is_recovered(office, conn, portal, portal_client):
    portal.drop("package_create", after=True)

    result = push(office.schools, conn, portal_client)

    assert result.created
    assert len(portal.calls_of("package_create")) == 1
    assert len(portal.live_packages()) == 1


def test_a_lost_answer_to_resource_create_does_not_duplicate_the_file(office, conn, portal,
                                                                      portal_client):
    portal.fail("resource_create", 504, after=True)

    push(office.schools, conn, portal_client)

    [package] = portal.live_packages()
    assert [r["name"] for r in package["resources"]] == ["Перелік закладів",
                                                         "Структура набору даних"]


def test_an_overloaded_portal_is_waited_for(office, conn, portal):
    portal.fail("package_create", 429, retry_after="2")
    portal.fail("resource_create", 503, times=2)
    sleeps: list[float] = []
    with quick_client(portal, sleeps=sleeps) as client:
        push(office.schools, conn, client)

    assert sleeps == [2.0, 0.5, 1.0]
    assert DatasetSync.objects.get(dataset=office.schools).state == SyncState.IN_SYNC


def test_a_refusal_is_kept_in_words_for_the_officer(office, conn, portal, portal_client):
    # The portal's own rule the passport passed here: say, an organisation that is not ours.
    conn.organization = "nema-takoi"
    conn.save()

    with translation.override("en"), pytest.raises(PortalRejected):
        push(office.schools, conn, portal_client)

    sync = DatasetSync.objects.get(dataset=office.schools)
    assert sync.state == SyncState.FAILED
    assert "organisation on the portal — Organization does not exist" in sync.error
    assert len(portal.calls_of("package_create")) == 1  # not retried


def test_a_failed_upload_leaves_a_resumable_push_and_no_lost_file(office, conn, portal):
    add_file(office.schools, b"id;x\n1;2\n", "extra.csv", "Додаткові відомості")
    # The first file goes through; the second fails on every try.
    portal.fail("resource_create", 500, times=2, skip=1)
    with quick_client(portal, retries=1) as client:
        with pytest.raises(PortalUnavailable):
            push(reload(office.schools), conn, client)

        sync = DatasetSync.objects.get(dataset=office.schools)
        assert sync.state == SyncState.FAILED
        first = office.schools.resources.get(title="Перелік закладів")
        assert list(sync.resources) == [str(first.pk)]
        [package] = portal.live_packages()
        assert len(package["resources"]) == 1  # consistent: the first file is complete

        portal.calls.clear()
        result = push(reload(office.schools), conn, client)

    assert result.uploaded == ["Додаткові відомості", "Структура набору даних"]
    assert [c.action for c in portal.calls if c.action.startswith("resource")] == [
        "resource_create", "resource_create"]
    [package] = portal.live_packages()
    assert [r["name"] for r in package["resources"]] == [
        "Перелік закладів", "Додаткові відомості", "Структура набору даних"]


def test_a_second_push_of_the_same_dataset_waits_for_the_first(office, conn, portal,
                                                               portal_client):
    services.sync_claim(dataset=office.schools, by=None, at=AT)  # a worker is pushing it

    with pytest.raises(Conflict) as error:
        push(office.schools, conn, portal_client)

    assert error.value.code == "push_in_progress"
    assert portal.calls == []
    assert DatasetSync.objects.get(dataset=office.schools).state == SyncState.PUSHING


def test_the_claim_of_a_dead_worker_is_taken_over(office, conn, portal, portal_client):
    services.sync_claim(dataset=office.schools, by=None, at=AT - dt.timedelta(hours=1))

    push(office.schools, conn, portal_client)

    assert len(portal.live_packages()) == 1
    assert DatasetSync.objects.get(dataset=office.schools).claim == ""


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_make_one_package(office, conn, portal):
    """While the first worker waits for the portal, a second starts on the same dataset."""
    second: list[str] = []

    def another_worker() -> None:
        try:
            with quick_client(portal) as client:
                push(Dataset.objects.get(pk=office.schools.pk), conn, client)
            second.append("pushed")
        except Conflict as error:
            second.append(error.code)
        finally:
            connection.close()

    portal.on("package_show", another_worker)
    with quick_client(portal) as client:
        push(office.schools, conn, client)

    assert second == ["push_in_progress"]
    assert len(portal.live_packages()) == 1
    assert len(portal.calls_of("package_create")) == 1
    assert DatasetSync.objects.get(dataset=office.schools).state == SyncState.IN_SYNC


def test_a_job_stops_asking_a_portal_that_is_down_and_says_when_to_retry(office, conn, portal,
                                                                        monkeypatch):
    from radadata.jobs.models import ItemStatus
    from radadata.jobs.services import job_run
    from radadata.portal_sync import selectors

    monkeypatch.setattr(selectors, "client_for",
                        lambda conn, **options: quick_client(portal, retries=2))
    portal.fail(None, 503, times=1000)  # down for good

    job = job_run(services.push_start(datasets=None, by=office.officer, at=AT).pk)

    items = list(job.items.order_by("id"))
    assert len(items) == 2 and all(i.status == ItemStatus.FAILED for i in items)
    assert len(portal.calls) == 3  # one dataset's three tries; the other is not tried
    assert "Not tried: the portal was not available" in items[1].message
    assert "Push again after" in items[1].message
