"""A new file of a published dataset stays out of public sight until it is published: the
public keeps the previous version meanwhile, and nothing half-ready leaks."""

from __future__ import annotations

import io

import pytest
from django.test import Client

from radadata.registry.services import datasets as dataset_services
from radadata.registry.services import resources as resource_services
from tests.factories import AT, DatasetFactory, OwnerFactory, UserFactory, add_file

pytestmark = pytest.mark.django_db

V1 = b"id,name\n1,School\n"
V2 = b"id,name\n1,School\n2,Lyceum\n"


@pytest.fixture
def published():
    owner = OwnerFactory(name="Управління освіти", slug="osvita")
    clerk = UserFactory(owner=owner, email="clerk@rada.example.ua")
    dataset = DatasetFactory(owner=owner, name="shkoly", published=True)
    first = add_file(dataset, V1)  # by the system: public at once
    second = resource_services.version_add(resource=first.resource, stream=io.BytesIO(V2),
                                           filename="data.csv", by=clerk, at=AT)
    return dataset, first, second, clerk


def _download(client, version):
    url = f"/dataset/shkoly/resource/{version.resource_id}/v{version.number}/data.csv"
    return client.get(url)


def test_the_public_keeps_the_previous_version_until_publication(published):
    _dataset, first, second, _clerk = published
    public = Client()
    assert first.published_at is not None and second.published_at is None
    assert b"".join(_download(public, first).streaming_content) == V1
    assert _download(public, second).status_code == 404
    page = public.get("/dataset/shkoly").content.decode()
    assert "/v1/data.csv" in page and "/v2/data.csv" not in page
    api = public.get("/api/v1/datasets/shkoly/resources").json()
    assert [v["number"] for v in api["items"][0]["versions"]] == [1]


def test_the_owner_sees_the_waiting_version_marked(published, client):
    _dataset, _first, second, clerk = published
    client.force_login(clerk)
    assert _download(client, second).status_code == 200
    client.cookies["django_language"] = "en"
    page = client.get("/office/datasets/shkoly/").content.decode()
    assert "waits for publication" in page


def test_publication_makes_the_waiting_version_public(published):
    dataset, _first, second, _clerk = published
    dataset_services.dataset_mark_published(dataset=dataset, by=None, at=AT)
    public = Client()
    assert b"".join(_download(public, second).streaming_content) == V2
    assert "/v2/data.csv" in public.get("/dataset/shkoly").content.decode()
