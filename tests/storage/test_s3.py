"""Uploads and the checks on an S3-compatible object storage (django-storages), against moto's
S3 server started by the test itself on 127.0.0.1: a file is stored in the bucket under a safe
name, checked from there, downloaded under its own name, and nothing lands on the local disk."""

from __future__ import annotations

import uuid
from pathlib import Path

import boto3
import pytest
from django.urls import reverse

from radadata.checks.files import local_path
from radadata.checks.models import CheckRun
from radadata.config.storage import s3_options
from tests.factories import DatasetFactory, add_file

pytestmark = pytest.mark.django_db

KEYS = {"access_key": "testing", "secret_key": "testing"}
CONTENT = "id,назва,адреса\n1,Ліцей № 1,вул. Соборна 1\n2,Гімназія,вул. Шкільна 5\n".encode()


@pytest.fixture(scope="module")
def s3_server():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, settings, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")  # never a real account
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    name = f"radadata-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1",
                          aws_access_key_id="testing", aws_secret_access_key="testing")
    client.create_bucket(Bucket=name)
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": s3_options(name, endpoint_url=s3_server, region="us-east-1",
                              prefix="council", **KEYS)}}
    return client, name


def _objects(client, name: str) -> dict[str, bytes]:
    listed = client.list_objects_v2(Bucket=name).get("Contents", [])
    return {o["Key"]: client.get_object(Bucket=name, Key=o["Key"])["Body"].read()
            for o in listed}


def test_an_upload_is_stored_in_the_bucket_checked_from_there_and_downloaded(bucket, client,
                                                                            settings):
    s3, name = bucket
    original = "Перелік закладів освіти громади станом на 1 вересня " * 3 + ".csv"
    dataset = DatasetFactory(published=True)

    version = add_file(dataset, CONTENT, filename=original)

    stored = _objects(s3, name)
    [key] = stored
    assert key.startswith("council/datasets/") and key.endswith(".csv") and key.isascii()
    assert stored[key] == CONTENT
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.csv"))  # nothing on the local disk
    # the check read the file from the bucket (through a temporary copy)
    run = CheckRun.objects.get(version=version)
    assert run.status == "done" and run.report["rows"] == 2
    with local_path(version) as path:
        assert path.read_bytes() == CONTENT
    assert not path.exists()  # the temporary copy is gone

    response = client.get(reverse("registry:version-download", args=[
        dataset.name, version.resource_id, version.number, version.original_name]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT
    assert "attachment" in response["Content-Disposition"]


def test_a_new_version_leaves_the_old_one_in_the_bucket(bucket):
    s3, name = bucket
    dataset = DatasetFactory(published=True)
    first = add_file(dataset, CONTENT, filename="schools.csv")
    second = add_file(dataset, CONTENT + "3,Садок,вул. Весняна 2\n".encode(),
                      filename="schools.csv")
    stored = _objects(s3, name)
    assert len(stored) == 2
    assert first.file.name != second.file.name
    with first.file.open("rb") as stream:
        assert stream.read() == CONTENT


def test_the_settings_switch_to_the_bucket(monkeypatch):
    from radadata.config import storage

    monkeypatch.setenv("RADADATA_S3_BUCKET", "")
    assert storage.default_storage()["BACKEND"].endswith("FileSystemStorage")
    monkeypatch.setenv("RADADATA_S3_BUCKET", "rada-files")
    monkeypatch.setenv("RADADATA_S3_ENDPOINT_URL", "https://minio.rada.example.ua:9000")
    chosen = storage.default_storage()
    assert chosen["BACKEND"] == "storages.backends.s3.S3Storage"
    assert chosen["OPTIONS"]["bucket_name"] == "rada-files"
    assert chosen["OPTIONS"]["addressing_style"] == "path"
    assert chosen["OPTIONS"]["default_acl"] is None  # private: downloads go through the site
