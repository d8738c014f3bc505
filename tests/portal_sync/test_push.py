"""Pushing datasets to the fake portal: a new dataset, an unchanged one, changed metadata, a
changed file, the structure file, the workflow's upload step, and the push job."""

from __future__ import annotations

import hashlib
import json

import pytest

from radadata.core.errors import Conflict, ValidationFailed
from radadata.core.models import AuditEntry
from radadata.jobs.models import ItemStatus, Status
from radadata.jobs.services import job_run
from radadata.portal_sync import services
from radadata.portal_sync.models import DatasetSync, SyncState
from radadata.portal_sync.push import push_dataset
from radadata.portal_sync.selectors import shown_state
from radadata.portal_sync.selectors_office import sync_list
from radadata.workflow.states import State
from tests.factories import AT, DatasetFactory
from tests.portal_sync.conftest import CSV, CSV_V2, add_file, publish_update, reload

pytestmark = pytest.mark.django_db


def push(office_or_dataset, conn, client, **kwargs):
    return push_dataset(dataset=office_or_dataset, conn=conn, client=client, by=None, at=AT,
                        **kwargs)


def test_a_new_dataset_becomes_a_package_with_its_file_and_structure(office, conn, portal,
                                                                        portal_client):
    result = push(office.schools, conn, portal_client)

    assert result.created
    [package] = portal.live_packages()
    assert package["name"] == "svitlohirska-mr-merezha-shkil"
    assert package["title"] == "Мережа закладів освіти"
    assert package["owner_org"] == portal.org_id("miska-rada")
    assert package["tag_string"] == "освіта,школи"
    assert package["update_frequency"] == "once a quarter"
    assert package["language"] == "uk"
    assert package["maintainer"] == "Коваленко Ірина Петрівна"
    assert package["maintainer_email"] == "kovalenko@rada.example.ua"
    assert package["purpose_of_collecting_information"].startswith("Закон України")
    data, structure = package["resources"]
    assert (data["name"], data["format"]) == ("Перелік закладів", "CSV")
    assert portal.files[data["id"]] == CSV
    assert data["hash"] == hashlib.sha256(CSV).hexdigest()
    assert (structure["name"], structure["format"]) == ("Структура набору даних", "JSON")
    csvw = json.loads(portal.files[structure["id"]])
    columns = csvw["tableSchema"]["columns"]
    assert [c["titles"] for c in columns] == ["код", "назва", "адреса"]
    assert [c["name"] for c in columns] == ["kod", "nazva", "adresa"]  # CSVW names are ASCII
    assert csvw["@context"][0] == "http://www.w3.org/ns/csvw"

    sync = DatasetSync.objects.get(dataset=office.schools)
    assert sync.state == SyncState.IN_SYNC
    assert (sync.remote_id, sync.remote_name) == (package["id"], package["name"])
    assert set(sync.resources) == {str(office.schools.resources.get().pk), "structure"}
    entry = AuditEntry.objects.get(action="portal.pushed")
    assert entry.object_id == str(office.schools.pk)


def test_pushing_again_without_changes_sends_nothing(office, conn, portal, portal_client):
    push(office.schools, conn, portal_client)
    portal.calls.clear()

    result = push(office.schools, conn, portal_client)

    assert not result.created and not result.uploaded and not result.fields_changed
    assert {c.action for c in portal.calls} == {"package_show"}
    sync = DatasetSync.objects.get(dataset=office.schools)
    assert shown_state(sync, None) == SyncState.IN_SYNC


def test_changed_metadata_is_patched_and_files_are_left_alone(office, conn, portal,
                                                                portal_client):
    push(office.schools, conn, portal_client)
    publish_update(reload(office.schools), title="Мережа закладів освіти громади",
                   keywords=["освіта", "ліцеї"])
    listing = sync_list()
    row = next(r for r in listing.rows if r.dataset.pk == office.schools.pk)
    assert row.state == SyncState.LOCAL_CHANGES
    portal.calls.clear()

    result = push(reload(office.schools), conn, portal_client)

    assert result.fields_changed == ["title", "tag_string"]
    assert [c.action for c in portal.calls if c.action != "package_show"] == ["package_patch"]
    package = portal.package("svitlohirska-mr-merezha-shkil")
    assert package["title"] == "Мережа закладів освіти громади"
    assert sorted(t["name"] for t in package["tags"]) == ["ліцеї", "освіта"]
    assert len(package["resources"]) == 2
    row = next(r for r in sync_list().rows if r.dataset.pk == office.schools.pk)
    assert row.state == SyncState.IN_SYNC


def test_only_the_changed_file_is_uploaded(office, conn, portal, portal_client):
    push(office.schools, conn, portal_client)
    add_file(office.schools, CSV_V2, "schools.csv", "Перелік закладів")
    add_file(office.schools, b"id;x\n1;2\n", "extra.csv", "Додаткові відомості")
    portal.calls.clear()

    result = push(reload(office.schools), conn, portal_client)

    # The structure is inferred from the first file, which changed: it goes again too.
    assert result.uploaded == ["Перелік закладів", "Додаткові відомості",
                               "Структура набору даних"]
    uploads = [(c.action, c.data["name"]) for c in portal.calls
               if c.action.startswith("resource_")]
    assert uploads == [("resource_update", "Перелік закладів"),
                       ("resource_create", "Додаткові відомості"),
                       ("resource_update", "Структура набору даних")]
    package = portal.package("svitlohirska-mr-merezha-shkil")
    assert len(package["resources"]) == 3
    first = package["resources"][0]
    assert portal.files[first["id"]] == CSV_V2


def test_the_accepted_submission_is_pushed_and_its_upload_recorded(office, conn, portal,
                                                                   portal_client):
    submission = office.budget.submissions.get()
    assert submission.state == State.ACCEPTED

    result = push(office.budget, conn, portal_client)

    assert result.workflow_step
    submission.refresh_from_db()
    assert submission.state == State.UPLOADED
    assert submission.uploaded_at == AT
    event = submission.events.get(action="upload")
    assert event.by is None  # the system
    [package] = portal.live_packages()
    assert [r["name"] for r in package["resources"]] == ["Видатки", "Структура набору даних"]


def test_a_draft_file_never_reaches_the_portal(office, conn, portal, portal_client):
    push(office.schools, conn, portal_client)
    # A clerk uploads a new version; it waits for its submission and is not reviewed yet.
    add_file(office.schools, CSV_V2, "schools.csv", "Перелік закладів", by=office.clerk)
    portal.calls.clear()

    result = push(reload(office.schools), conn, portal_client)

    assert result.uploaded == []
    package = portal.package("svitlohirska-mr-merezha-shkil")
    assert portal.files[package["resources"][0]["id"]] == CSV


def test_a_dataset_not_ready_for_the_portal_is_refused(office, conn, portal, portal_client):
    draft = DatasetFactory(owner=office.owner, title="Ще не опублікований", keywords=["x"])

    with pytest.raises(Conflict) as error:
        push(draft, conn, portal_client)

    assert error.value.code == "not_ready"
    assert portal.calls == []


def test_an_incomplete_passport_is_refused_before_anything_is_sent(office, conn, portal,
                                                                    portal_client):
    dataset = DatasetFactory(owner=office.owner, title="Без ключових слів", published=True)

    with pytest.raises(ValidationFailed) as error:
        push(dataset, conn, portal_client)

    assert "keywords" in error.value.message
    assert portal.calls == []
    sync = DatasetSync.objects.get(dataset=dataset)
    assert sync.state == SyncState.FAILED
    assert "keywords" in sync.error


def test_the_job_pushes_every_ready_dataset_one_item_each(office, conn, portal, officer):
    unready = DatasetFactory(owner=office.owner, title="Ще не опублікований")
    job = services.push_start(datasets=None, by=officer, at=AT)

    job = job_run(job.pk)

    assert job.status == Status.DONE
    items = {item.label: item for item in job.items.all()}
    assert set(items) == {"Мережа закладів освіти", "Видатки на освіту"}
    assert all(item.status == ItemStatus.OK for item in items.values())
    assert "Created the package" in items["Видатки на освіту"].message
    assert len(portal.live_packages()) == 2
    assert not DatasetSync.objects.filter(dataset=unready).exists()


def test_a_failed_dataset_does_not_stop_the_job(office, conn, portal, officer):
    blank = DatasetFactory(owner=office.owner, title="Без ключових слів", published=True)
    job = services.push_start(datasets=[blank, office.schools], by=officer, at=AT)

    job = job_run(job.pk)

    assert job.status == Status.DONE_WITH_ERRORS
    failed = job.items.get(status=ItemStatus.FAILED)
    assert failed.label == blank.title
    assert "keywords" in failed.message
    assert [p["title"] for p in portal.live_packages()] == ["Мережа закладів освіти"]
