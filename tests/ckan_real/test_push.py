"""A push against a real CKAN, with the data.gov.ua-like schema and without one: the dry run,
the create, an idempotent second push, a hand edit on the portal (drift) and the forced push."""

from __future__ import annotations

import hashlib

import pytest

from radadata.core.errors import Conflict
from radadata.portal_sync.diff import dry_run
from radadata.portal_sync.models import DatasetSync, SyncState
from radadata.portal_sync.push import push_dataset
from tests.factories import AT
from tests.portal_sync.conftest import CSV

pytestmark = [pytest.mark.ckan, pytest.mark.django_db]


def push(dataset, conn, client, **kwargs):
    return push_dataset(dataset=dataset, conn=conn, client=client, by=None, at=AT, **kwargs)


def test_push_creates_once_then_sends_nothing_then_stops_at_a_hand_edit(office, conn, portal,
                                                                       portal_client):
    preview = dry_run(office.schools, conn=conn, client=portal_client)
    assert not preview.exists and preview.changes
    assert portal.packages() == []  # the dry run sent nothing

    result = push(office.schools, conn, portal_client)

    assert result.created
    [package] = portal.packages()
    assert package["title"] == "Мережа закладів освіти"
    assert sorted(t["name"] for t in package["tags"]) == ["освіта", "школи"]
    data, structure = package["resources"]
    assert data["name"] == "Перелік закладів" and data["url_type"] == "upload"
    assert data["hash"] == hashlib.sha256(CSV).hexdigest()
    assert structure["format"] == "JSON"
    assert DatasetSync.objects.get(dataset=office.schools).state == SyncState.IN_SYNC

    again = push(office.schools, conn, portal_client)
    assert not (again.created or again.uploaded or again.fields_changed)
    assert len(portal.packages()) == 1
    assert not dry_run(office.schools, conn=conn, client=portal_client).changes

    portal.action("package_patch", id=package["id"], title="Змінено вручну")
    with pytest.raises(Conflict) as refused:
        push(office.schools, conn, portal_client)
    assert refused.value.code == "portal_drift"
    sync = DatasetSync.objects.get(dataset=office.schools)
    assert sync.drift["fields"] == {"title": ["Мережа закладів освіти", "Змінено вручну"]}

    forced = push(office.schools, conn, portal_client, force=True)
    assert forced.fields_changed == ["title"]
    assert portal.action("package_show", id=package["id"])["title"] == "Мережа закладів освіти"
    assert len(portal.packages()) == 1
