"""What the officer sees after pushes to a real CKAN: moderation on a portal with and without
moderation fields, a failure followed by a hand edit on the portal, and the dry run of a
package the portal already has."""

from __future__ import annotations

import datetime as dt

import pytest

from radadata.core.errors import Conflict
from radadata.portal_sync import polling
from radadata.portal_sync.client import PortalClient, PortalUnavailable
from radadata.portal_sync.diff import dry_run
from radadata.portal_sync.models import DatasetSync, Moderation, SyncState
from radadata.portal_sync.push import push_dataset
from radadata.portal_sync.selectors_office import sync_list
from radadata.workflow.states import State
from tests.factories import AT

pytestmark = [pytest.mark.ckan, pytest.mark.django_db]

LATER = AT + dt.timedelta(hours=1)


def push(dataset, conn, client, **kwargs):
    return push_dataset(dataset=dataset, conn=conn, client=client, by=None, at=AT, **kwargs)


def test_a_portal_without_moderation_shows_the_package_published(office, stock, officer):
    from tests.ckan_real.conftest import connect
    conn = connect(stock, officer)
    with stock.client() as client:
        push(office.budget, conn, client)

    sync = DatasetSync.objects.get(dataset=office.budget)
    assert sync.moderation == Moderation.PUBLISHED  # not "waiting for the moderator" forever
    polling.poll_moderation(at=LATER)
    assert office.budget.submissions.get().state == State.PUBLISHED


def test_the_moderators_answer_is_read_from_the_dgua_fields(office, dgua, officer):
    from tests.ckan_real.conftest import connect
    conn = connect(dgua, officer)
    with dgua.client() as client:
        push(office.budget, conn, client)
    sync = DatasetSync.objects.get(dataset=office.budget)
    dgua.action("package_patch", id=sync.remote_id, moderation_status="pending")

    polling.poll_moderation(at=LATER)
    assert office.budget.submissions.get().state == State.UPLOADED

    dgua.action("package_patch", id=sync.remote_id, moderation_status="rejected",
                moderation_comment="Не той формат.")
    polling.poll_moderation(at=LATER)
    submission = office.budget.submissions.get()
    assert submission.state == State.PORTAL_REJECTED
    assert DatasetSync.objects.get(dataset=office.budget).moderation == Moderation.REJECTED


def test_a_hand_edit_after_a_failure_shows_as_changed_on_the_portal(office, conn, portal,
                                                                   portal_client):
    push(office.schools, conn, portal_client)
    sync = DatasetSync.objects.get(dataset=office.schools)
    with PortalClient("http://127.0.0.1:9", portal.token, retries=0, timeout=2) as down, \
            pytest.raises(PortalUnavailable):
        push(office.schools, conn, down, force=True)
    assert DatasetSync.objects.get(pk=sync.pk).state == SyncState.FAILED
    portal.action("package_patch", id=sync.remote_id, notes="Змінено на порталі")

    with pytest.raises(Conflict):
        push(office.schools, conn, portal_client)

    sync.refresh_from_db()
    assert sync.error == ""  # the failure is over: the portal answered
    counts = {state: count for state, _label, count in sync_list().counts}
    assert counts[SyncState.CHANGED_ON_PORTAL] == 1
    assert counts[SyncState.FAILED] == 0


def test_the_dry_run_of_a_package_the_portal_has_says_nothing_will_be_sent(office, conn,
                                                                          portal_client):
    push(office.schools, conn, portal_client)

    preview = dry_run(office.schools, conn=conn, client=portal_client)

    assert not preview.changes
    head, *body = list(preview.lines())
    assert head.endswith("(nothing to send)")
    assert body[-1].strip() == "nothing to send"
