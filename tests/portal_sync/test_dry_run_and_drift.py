"""The dry run (a field-by-field diff and the files a push would send; nothing sent) and drift
(hand edits on the portal found, shown, and overwritten only with the officer's confirmation)."""

from __future__ import annotations

import pytest
from django.utils import translation

from radadata.core.errors import Conflict
from radadata.core.models import AuditEntry
from radadata.portal_sync import diff, drift
from radadata.portal_sync.models import DatasetSync, SyncState
from radadata.portal_sync.push import push_dataset
from radadata.portal_sync.selectors import shown_state
from tests.factories import AT
from tests.portal_sync.conftest import CSV_V2, add_file, publish_update, reload

pytestmark = pytest.mark.django_db
NAME = "svitlohirska-mr-merezha-shkil"


def push(dataset, conn, client, **kwargs):
    return push_dataset(dataset=dataset, conn=conn, client=client, by=None, at=AT, **kwargs)


def sync_of(dataset) -> DatasetSync:
    return DatasetSync.objects.get(dataset=dataset)


# The dry run.


def test_the_dry_run_of_a_new_dataset_lists_every_field_and_file(office, conn, portal,
                                                                 portal_client):
    result = diff.dry_run(office.schools, conn=conn, client=portal_client)

    assert not result.exists and result.package_name == NAME
    fields = {c.key: (c.theirs, c.ours) for c in result.fields}
    assert fields["title"] == ("", "Мережа закладів освіти")
    assert fields["tag_string"] == ("", "освіта,школи")
    assert fields["owner_org"] == ("", "miska-rada")
    assert [(f.name, f.action) for f in result.files] == [
        ("Перелік закладів", "create"), ("Структура набору даних", "create")]
    assert {c.action for c in portal.calls} == {"package_show"}
    assert portal.live_packages() == []
    assert not DatasetSync.objects.exists()


def test_the_dry_run_after_changes_shows_only_what_changed(office, conn, portal,
                                                           portal_client):
    push(office.schools, conn, portal_client)
    publish_update(reload(office.schools), description="Новий опис мережі закладів.")
    add_file(office.schools, b"id;x\n1;2\n", "extra.csv", "Додаткові відомості")
    portal.calls.clear()

    result = diff.dry_run(reload(office.schools), conn=conn, client=portal_client)

    assert result.exists
    assert [(c.key, c.ours) for c in result.fields] == [("notes",
                                                         "Новий опис мережі закладів.")]
    assert [(f.name, f.action) for f in result.files] == [
        ("Перелік закладів", "keep"), ("Додаткові відомості", "create"),
        ("Структура набору даних", "keep")]
    with translation.override("en"):
        lines = list(result.lines())
    assert lines[0] == f"Мережа закладів освіти → {NAME} (update)"
    assert "  Додаткові відомості (extra.csv): will be uploaded (new on the portal)" in lines
    assert {c.action for c in portal.calls} == {"package_show"}


def test_the_dry_run_of_a_changed_file_says_it_replaces_the_portals(office, conn,
                                                                    portal_client):
    push(office.schools, conn, portal_client)
    add_file(office.schools, CSV_V2, "schools.csv", "Перелік закладів")

    result = diff.dry_run(reload(office.schools), conn=conn, client=portal_client)

    assert result.fields == []
    assert [f.action for f in result.files] == ["replace", "replace"]  # the file, its structure


# Drift.


def test_a_hand_edit_on_the_portal_is_found_and_shown(office, conn, portal, portal_client):
    push(office.schools, conn, portal_client)
    portal.edit(NAME, title="Школи (виправлено модератором)", tag_string="освіта")
    hand_made = portal.add_resource_by_hand(NAME, "Пояснювальна записка")

    assert drift.check_drift(at=AT) == 1

    sync = sync_of(office.schools)
    assert sync.drift["fields"] == {
        "title": ["Мережа закладів освіти", "Школи (виправлено модератором)"],
        "tag_string": ["освіта,школи", "освіта"]}
    assert sync.drift["files"] == [{"kind": "added", "name": "Пояснювальна записка"}]
    assert shown_state(sync, None) == SyncState.CHANGED_ON_PORTAL
    assert AuditEntry.objects.filter(action="portal.drift_found").count() == 1
    assert hand_made in {r["id"] for r in portal.package(NAME)["resources"]}
    # Checking again finds the same: no second audit entry.
    drift.check_drift(at=AT)
    assert AuditEntry.objects.filter(action="portal.drift_found").count() == 1


def test_moderation_alone_is_no_drift(office, conn, portal, portal_client):
    push(office.schools, conn, portal_client)
    portal.moderate(NAME, "approved")

    assert drift.check_drift(at=AT) == 0
    assert sync_of(office.schools).drift == {}


def test_a_push_does_not_overwrite_hand_edits_without_confirmation(office, conn, portal,
                                                                   portal_client):
    push(office.schools, conn, portal_client)
    portal.edit(NAME, notes="Опис, змінений на порталі.")
    publish_update(reload(office.schools), title="Мережа закладів освіти громади")
    portal.calls.clear()

    with pytest.raises(Conflict) as error:
        push(reload(office.schools), conn, portal_client)

    assert error.value.code == "portal_drift"
    assert [c.action for c in portal.calls] == ["package_show"]
    assert portal.package(NAME)["notes"] == "Опис, змінений на порталі."
    sync = sync_of(office.schools)
    assert sync.drift["fields"]["notes"][1] == "Опис, змінений на порталі."
    assert (sync.state, sync.claim) == (SyncState.IN_SYNC, "")

    push(reload(office.schools), conn, portal_client, force=True)

    package = portal.package(NAME)
    assert package["notes"] == office.schools.description
    assert package["title"] == "Мережа закладів освіти громади"
    assert sync_of(office.schools).drift == {}


def test_a_file_added_on_the_portal_stays_and_is_not_reported_again(office, conn, portal,
                                                                    portal_client):
    push(office.schools, conn, portal_client)
    hand_made = portal.add_resource_by_hand(NAME, "Пояснювальна записка")
    with pytest.raises(Conflict):
        push(reload(office.schools), conn, portal_client)

    push(reload(office.schools), conn, portal_client, force=True)

    assert hand_made in {r["id"] for r in portal.package(NAME)["resources"]}
    assert drift.check_drift(at=AT) == 0
    portal.edit(NAME, notes="Знову змінено.")  # a later hand edit is still found
    assert drift.check_drift(at=AT) == 1
    assert "files" not in sync_of(office.schools).drift


def test_a_package_deleted_on_the_portal_is_revived_only_when_confirmed(
        office, conn, portal, portal_client):
    push(office.schools, conn, portal_client)
    remote_id = sync_of(office.schools).remote_id
    portal.delete(NAME)

    drift.check_drift(at=AT)
    assert sync_of(office.schools).drift == {"deleted": True}
    with pytest.raises(Conflict):
        push(reload(office.schools), conn, portal_client)
    assert portal.live_packages() == []

    push(reload(office.schools), conn, portal_client, force=True)

    [package] = portal.live_packages()
    assert package["id"] == remote_id  # the same package, active again
    assert len(package["resources"]) == 2


def test_a_purged_package_is_created_anew_when_confirmed(office, conn, portal, portal_client):
    push(office.schools, conn, portal_client)
    portal.purge(NAME)

    result = diff.dry_run(reload(office.schools), conn=conn, client=portal_client)
    assert result.drift == {"deleted": True}

    push(reload(office.schools), conn, portal_client, force=True)

    [package] = portal.live_packages()
    assert package["id"] == sync_of(office.schools).remote_id
    assert [r["name"] for r in package["resources"]] == ["Перелік закладів",
                                                         "Структура набору даних"]
