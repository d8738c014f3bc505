"""The portal pages as the officer uses them: connecting (the key stored encrypted, shown
masked), the datasets' sync states with filters, a dataset's sync page, the dry run, and the
push buttons that start the job and open its progress page. Nobody else gets in."""

from __future__ import annotations

import pytest
from django.urls import reverse

from radadata.core.models import AuditEntry
from radadata.jobs.models import Job
from radadata.jobs.services import job_run
from radadata.portal_sync import keys
from radadata.portal_sync.models import DatasetSync, PortalConnection
from radadata.portal_sync.push import push_dataset
from tests.factories import AT, UserFactory
from tests.portal_sync.conftest import publish_update, reload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
CONNECTION = reverse("portal_sync:connection")
LIST = reverse("portal_sync:list")
PUSH = reverse("portal_sync:push")


def test_the_officer_connects_the_council_and_sees_only_the_keys_last_four(officer_client,
                                                                          portal):
    response = officer_client.post(CONNECTION, {
        "base_url": portal.base_url, "organization": "miska-rada",
        "api_key": "abcd-secret-key-9876"})

    assert response.status_code == 302
    conn = PortalConnection.current()
    assert (conn.base_url, conn.organization) == (portal.base_url, "miska-rada")
    assert "abcd-secret-key-9876" not in conn.api_key_encrypted  # encrypted at rest
    assert conn.api_key == "abcd-secret-key-9876"
    page = officer_client.get(CONNECTION).content.decode()
    assert "••••9876" in page
    assert "abcd-secret-key" not in page
    entry = AuditEntry.objects.get(action="portal.connection_saved")
    assert "abcd-secret-key" not in str(entry.changes)


def test_an_empty_key_keeps_the_stored_one(officer_client, conn, portal):
    response = officer_client.post(CONNECTION, {
        "base_url": portal.base_url, "organization": "insha-rada", "api_key": ""})

    assert response.status_code == 302
    conn = PortalConnection.current()
    assert (conn.organization, conn.api_key) == ("insha-rada", portal.api_key)


def test_another_portal_starts_every_dataset_afresh(officer_client, office, conn, portal,
                                                    portal_client):
    push_dataset(dataset=office.schools, conn=conn, client=portal_client, by=None, at=AT)

    officer_client.post(CONNECTION, {"base_url": "https://test.data.gov.ua",
                                     "organization": "miska-rada", "api_key": ""})

    sync = DatasetSync.objects.get(dataset=office.schools)
    assert (sync.state, sync.remote_id, sync.resources) == ("never", "", {})
    entry = AuditEntry.objects.filter(action="portal.connection_saved").first()
    assert entry.changes["dataset_syncs_reset"] == [None, 1]


def test_a_first_connection_needs_a_key(officer_client, portal):
    response = officer_client.post(CONNECTION, {
        "base_url": portal.base_url, "organization": "miska-rada", "api_key": ""})

    assert response.status_code == 200
    assert response.context["form"].errors["api_key"]
    assert PortalConnection.current() is None


def test_a_changed_secret_asks_for_the_key_again(officer_client, conn, monkeypatch):
    monkeypatch.setenv("RADADATA_PORTAL_KEY", "another secret of the server")

    page = officer_client.get(CONNECTION).content.decode()

    assert 'id="key-unreadable"' in page
    with pytest.raises(keys.KeyUnreadable):
        _key = PortalConnection.current().api_key


def test_the_check_button_asks_the_portal(officer_client, conn, portal):
    response = officer_client.post(reverse("portal_sync:connection-check"), follow=True)

    page = response.content.decode()
    assert "2.10.4" in page
    assert "the first push will verify what it keeps" in page  # the fake has no schema
    # It only reads: who the portal is, the organisation, the dataset schema if published.
    assert [c.action for c in portal.calls] == ["status_show", "organization_show",
                                                "scheming_dataset_schema_show"]


@pytest.mark.parametrize("url", [CONNECTION, LIST])
def test_only_the_officer_gets_in(client, office, url):
    client.force_login(office.clerk)

    assert client.get(url).status_code == 403


def test_the_list_shows_each_datasets_state_and_filters_by_it(officer_client, office, conn,
                                                              portal, portal_client):
    push_dataset(dataset=office.schools, conn=conn, client=portal_client, by=None, at=AT)

    page = officer_client.get(LIST)

    rows = {row.dataset.name: row.state for row in page.context["page"].object_list}
    assert rows == {"merezha-shkil": "in_sync", "vydatky-osvita": "never"}
    html = page.content.decode()
    assert 'data-dataset="merezha-shkil" data-state="in_sync"' in html
    assert f'{portal.base_url}/dataset/svitlohirska-mr-merezha-shkil' in html

    publish_update(reload(office.schools), description="Оновлений опис.")
    changed = officer_client.get(LIST, {"state": "local_changes"})
    assert [r.dataset.name for r in changed.context["page"].object_list] == ["merezha-shkil"]


def test_the_sync_page_shows_the_remote_ids_and_the_error_in_words(officer_client, office,
                                                                   conn, portal,
                                                                   portal_client):
    push_dataset(dataset=office.schools, conn=conn, client=portal_client, by=None, at=AT)
    sync = DatasetSync.objects.get(dataset=office.schools)
    DatasetSync.objects.filter(pk=sync.pk).update(state="failed", error="Портал не відповів.")

    html = officer_client.get(reverse("portal_sync:detail", args=["merezha-shkil"])).content
    html = html.decode()

    assert sync.remote_id in html
    assert 'id="package-link"' in html
    assert "Портал не відповів." in html
    for entry in sync.resources.values():
        assert entry["id"] in html


def test_the_dry_run_page_shows_the_diff_and_sends_nothing(officer_client, office, conn,
                                                           portal):
    response = officer_client.get(reverse("portal_sync:dry-run", args=["merezha-shkil"]))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-field="title"' in html and "Мережа закладів освіти" in html
    assert html.count('data-file-action="create"') == 2
    assert {c.action for c in portal.calls} == {"package_show"}


def test_the_push_button_starts_the_job_and_opens_its_progress_page(officer_client, office,
                                                                    conn, portal, officer):
    response = officer_client.post(PUSH, {"datasets": "merezha-shkil", "next": LIST})

    job = Job.objects.get()
    assert response.status_code == 302
    assert response.url.startswith(reverse("jobs:detail", args=[job.pk]))
    assert (job.kind, job.params, job.created_by) == (
        "portal_push", {"force": False, "datasets": [office.schools.pk]}, officer)
    assert job.subject == f"registry.dataset:{office.schools.pk}"

    job_run(job.pk)

    assert [p["name"] for p in portal.live_packages()] == ["svitlohirska-mr-merezha-shkil"]
    progress = officer_client.get(response.url).content.decode()
    assert "Created the package svitlohirska-mr-merezha-shkil" in progress


def test_push_the_changed_sends_only_what_the_portal_lacks(officer_client, office, conn,
                                                           portal, portal_client):
    push_dataset(dataset=office.schools, conn=conn, client=portal_client, by=None, at=AT)

    officer_client.post(PUSH, {"scope": "changed"})

    assert Job.objects.get().params["datasets"] == [office.budget.pk]


def test_pushing_needs_a_connection(officer_client, office):
    response = officer_client.post(PUSH, {"datasets": "merezha-shkil"})

    assert response.status_code == 409
    assert not Job.objects.exists()


def test_the_dataset_and_submission_pages_offer_the_push(officer_client, office, conn):
    submission = office.budget.submissions.get()

    dataset_page = officer_client.get(reverse("registry:dataset-office",
                                              args=["vydatky-osvita"])).content.decode()
    submission_page = officer_client.get(reverse("workflow:submission-detail",
                                                 args=[submission.pk])).content.decode()

    for html in (dataset_page, submission_page):
        assert 'id="portal-panel"' in html
        assert 'id="push-button"' in html


def test_the_clerk_sees_no_portal_panel(client, office, conn):
    client.force_login(office.clerk)

    html = client.get(reverse("registry:dataset-office", args=["vydatky-osvita"])).content

    assert b'id="portal-panel"' not in html


def test_a_stranger_cannot_push(client, office, conn):
    client.force_login(UserFactory(email="stranger@rada.example.ua"))

    assert client.post(PUSH, {"datasets": "merezha-shkil"}).status_code == 403
    assert not Job.objects.exists()
