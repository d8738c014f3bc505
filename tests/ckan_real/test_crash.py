"""A worker killed mid-push (as by kill -9: no handler runs, its claim stays) at the worst
moments — right after CKAN created the package, right after it stored a file — and the push
taken over later: one package, each file once."""

from __future__ import annotations

import datetime as dt

import pytest

from radadata.portal_sync.client import PortalClient
from radadata.portal_sync.models import DatasetSync, SyncState
from radadata.portal_sync.push import push_dataset
from tests.factories import AT

pytestmark = [pytest.mark.ckan, pytest.mark.django_db]


class Killed(BaseException):
    """Not an Exception: nothing in the push catches it, as nothing runs after kill -9."""


class DyingClient(PortalClient):
    """Dies right after the portal answered the n-th call of `action`."""

    def __init__(self, *args, action: str, nth: int = 1, **kwargs):
        super().__init__(*args, **kwargs)
        self.action, self.left = action, nth

    def call(self, action, **data):
        result = super().call(action, **data)
        if action == self.action:
            self.left -= 1
            if self.left == 0:
                raise Killed(action)
        return result


@pytest.mark.parametrize(("action", "nth"), [("package_create", 1), ("resource_create", 1),
                                             ("resource_create", 2)])
def test_a_push_killed_mid_way_is_taken_over_without_duplicates(office, conn, portal, action,
                                                                nth):
    with DyingClient(portal.url, portal.token, action=action, nth=nth, retries=0) as dying, \
            pytest.raises(Killed):
        push_dataset(dataset=office.schools, conn=conn, client=dying, by=None, at=AT)
    assert DatasetSync.objects.get(dataset=office.schools).state == SyncState.PUSHING

    later = AT + dt.timedelta(hours=1)  # the dead worker's claim is stale by then
    with portal.client() as client:
        push_dataset(dataset=office.schools, conn=conn, client=client, by=None, at=later)

    [package] = portal.packages()
    assert sorted(r["name"] for r in package["resources"]) == ["Перелік закладів",
                                                               "Структура набору даних"]
    sync = DatasetSync.objects.get(dataset=office.schools)
    assert sync.state == SyncState.IN_SYNC and sync.remote_id == package["id"]
