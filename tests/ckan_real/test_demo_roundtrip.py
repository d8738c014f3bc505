"""The demo council pushed to a real CKAN and imported back into an empty registry: every
published dataset comes back with its owner (and ЄДРПОУ), identifier, first publication date,
periodicity, keywords and files."""

from __future__ import annotations

import pytest
from django.utils import timezone

from radadata.api.ckan.dicts import portal_tag
from radadata.audit.models import AuditBody
from radadata.jobs.models import Status
from radadata.jobs.services import job_run
from radadata.portal_sync.importing import import_start, make_source
from radadata.portal_sync.models import DatasetSync
from radadata.portal_sync.push import push_dataset
from radadata.registry.models import ApprovedListItem, Dataset, Owner
from tests.factories import AT

pytestmark = [pytest.mark.ckan, pytest.mark.django_db]


def _record(dataset: Dataset) -> tuple:
    return (dataset.owner.name, dataset.owner.edrpou, dataset.identifier, dataset.periodicity,
            timezone.localdate(dataset.first_published_at),
            # a keyword's apostrophe comes back as ʼ, the one CKAN accepts
            tuple(sorted(portal_tag(k.name) for k in dataset.keywords.all())),
            tuple(sorted(v.sha256 for r in dataset.resources.all()
                         for v in r.versions.filter(published_at__isnull=False)
                         .order_by("-number")[:1])))


def test_the_demo_council_survives_push_and_import(dgua, officer):
    portal = dgua  # the data.gov.ua-like portal (a stock one: test_roundtrip.py)
    from radadata.registry.demo import load_demo
    from tests.ckan_real.conftest import connect
    load_demo()
    conn = connect(portal, officer)
    published = list(Dataset.objects.published().select_related("owner"))
    before = {d.title: _record(d) for d in published}
    owners = {d.owner.name for d in published}
    with portal.client() as client:
        for dataset in published:
            push_dataset(dataset=dataset, conn=conn, client=client, by=None, at=AT)
    assert len(portal.packages()) == len(published) == 53

    # An empty registry: no dataset, no owner (nor what only points at owners).
    DatasetSync.objects.all().delete()
    Dataset.objects.all().delete()
    ApprovedListItem.objects.all().delete()
    AuditBody.objects.all().delete()
    Owner.objects.update(managing_owner=None)
    Owner.objects.all().delete()
    job = job_run(import_start(source=make_source(base_url=portal.url,
                                                  organization=portal.organization),
                               by=officer, at=AT).pk)

    assert job.status == Status.DONE, list(job.items.values_list("message", flat=True))[:5]
    after = {d.title: _record(d) for d in Dataset.objects.select_related("owner")}
    assert len(after) == 53
    assert {o.name for o in Owner.objects.all()} == owners
    differing = {t: (before[t], after.get(t)) for t in before if after.get(t) != before[t]}
    assert not differing
