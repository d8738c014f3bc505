"""Push → import into an empty registry, through a real CKAN: the owners (with their ЄДРПОУ),
the identifiers, the first publication dates, the periodicities, the keywords (an apostrophe
one too) and every file come back."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.utils import timezone

from radadata.jobs.models import Status
from radadata.jobs.services import job_run
from radadata.portal_sync.importing import import_start, make_source
from radadata.portal_sync.models import DatasetSync
from radadata.portal_sync.push import push_dataset
from radadata.registry.models import Dataset, Owner
from radadata.registry.services import datasets as dataset_services
from radadata.registry.vocabularies import Periodicity
from tests.factories import AT, DatasetFactory, OwnerFactory, valid_edrpou
from tests.portal_sync.conftest import add_file

pytestmark = [pytest.mark.ckan, pytest.mark.django_db]

OWNERS = ["Управління освіти", "Відділ культури", "Служба у справах дітей",
          "Фінансове управління"]


def _registry() -> list[Dataset]:
    datasets = []
    for number, name in enumerate(OWNERS):
        owner = OwnerFactory(name=name, slug=f"owner-{number}", edrpou=valid_edrpou())
        dataset = DatasetFactory(owner=owner, title=f"Набір {number}: {name}",
                                 name=f"nabir-{number}",
                                 keywords=["безбар'єрність" if number == 0 else "культура",
                                           f"тема {number}"],
                                 periodicity=[Periodicity.QUARTERLY, Periodicity.YEARLY,
                                              Periodicity.MONTHLY, Periodicity.ON_CHANGE][number])
        add_file(dataset, f"код,назва\n{number},Рядок {number}\n".encode(), f"dani-{number}.csv",
                 f"Дані {number}")
        # Published on a date of its own, with its file.
        dataset = dataset_services.dataset_mark_published(
            dataset=dataset, by=None, at=timezone.make_aware(dt.datetime(2024, 1 + number, 15)))
        datasets.append(dataset)
    return datasets


def _snapshot(dataset: Dataset) -> dict:
    files = {}
    for resource in dataset.resources.all():
        version = resource.versions.order_by("-number").first()
        with version.file.open("rb") as stream:
            files[resource.title] = hashlib.sha256(stream.read()).hexdigest()
    return {"title": dataset.title, "owner": dataset.owner.name, "edrpou": dataset.owner.edrpou,
            "identifier": dataset.identifier, "periodicity": dataset.periodicity,
            "first_published": timezone.localdate(dataset.first_published_at),
            "keywords": sorted(k.name for k in dataset.keywords.all()), "files": files}


def test_push_then_import_into_an_empty_registry_keeps_the_registry(conn, portal, officer):
    datasets = _registry()
    with portal.client() as client:
        for dataset in datasets:
            push_dataset(dataset=dataset, conn=conn, client=client, by=None, at=AT)
    before = {d.title: _snapshot(d) for d in datasets}
    assert len(portal.packages()) == len(OWNERS)

    DatasetSync.objects.all().delete()
    Dataset.objects.all().delete()
    Owner.objects.all().delete()

    job = import_start(source=make_source(base_url=portal.url,
                                          organization=portal.organization),
                       by=officer, at=AT)
    job = job_run(job.pk)

    assert job.status == Status.DONE, list(job.items.values_list("message", flat=True))
    after = {d.title: _snapshot(d) for d in Dataset.objects.select_related("owner")}
    # The apostrophe went to the portal as ʼ (U+02BC), the one CKAN accepts.
    before["Набір 0: Управління освіти"]["keywords"] = ["безбарʼєрність", "тема 0"]
    for title, expected in before.items():
        assert after.get(title) == expected, title
    assert Owner.objects.count() == len(OWNERS)
