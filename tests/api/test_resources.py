import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from radadata.registry.models import ResourceVersion

pytestmark = pytest.mark.django_db


def csv(content: bytes = b"id,name\n1,School\n", name: str = "data.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/csv")


def test_resources_list_versions_with_download_urls(anon, council):
    response = anon.get("/api/v1/datasets/shkoly-pub/resources")
    assert response.status_code == 200
    page = response.json()
    assert page["count"] == 1
    resource = page["items"][0]
    assert resource["current_version"] == 1
    version = resource["versions"][0]
    assert version["format"] == "CSV"
    assert version["encoding"] == "utf-8"
    assert len(version["sha256"]) == 64
    assert version["size"] == len(b"id,name\n1,School\n")
    assert version["download_url"].endswith(
        f"/dataset/shkoly-pub/resource/{resource['id']}/v1/data.csv")


def test_upload_creates_version_2_and_version_1_stays(clerk, council):
    resource_id = council.a_published.resources.get().pk
    response = clerk.upload(f"/api/v1/resources/{resource_id}/versions",
                            file=csv(b"id,name\n1,School\n2,Lyceum\n", "data-2026.csv"))
    assert response.status_code == 201, response.json()
    assert response.json()["number"] == 2
    assert response.json()["filename"] == "data-2026.csv"

    listed = clerk.get("/api/v1/datasets/shkoly-pub/resources").json()["items"][0]
    assert [v["number"] for v in listed["versions"]] == [2, 1]
    assert listed["current_version"] == 2
    assert ResourceVersion.objects.filter(resource_id=resource_id).count() == 2


def test_create_resource_with_its_first_file(clerk, council):
    response = clerk.upload("/api/v1/datasets/shkoly/resources", title="Дані за 2026 рік",
                            description="Станом на 1 січня", file=csv())
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["title"] == "Дані за 2026 рік"
    assert [v["number"] for v in data["versions"]] == [1]
    assert council.a_draft.resources.count() == 1


def test_empty_file_rolls_back_the_new_resource(clerk, council):
    response = clerk.upload("/api/v1/datasets/shkoly/resources", title="Порожній",
                            file=csv(b"", "empty.csv"))
    assert response.status_code == 422
    assert "file" in response.json()["errors"]
    assert council.a_draft.resources.count() == 0


def test_resource_needs_a_title_and_a_file(clerk, council):
    response = clerk.upload("/api/v1/datasets/shkoly/resources", title="Без файлу")
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_request"


def test_clerk_cannot_upload_to_another_owner(clerk, council):
    from tests.factories import add_file

    b_resource = add_file(council.b_draft).resource
    response = clerk.upload(f"/api/v1/resources/{b_resource.pk}/versions", file=csv())
    assert response.status_code == 404
    response = clerk.upload("/api/v1/datasets/budget-draft/resources", title="x", file=csv())
    assert response.status_code == 404
    published_b = add_file(council.b_published).resource
    response = clerk.upload(f"/api/v1/resources/{published_b.pk}/versions", file=csv())
    assert response.status_code in (403, 404)
    assert published_b.versions.count() == 1


def test_anonymous_cannot_upload(anon, council):
    resource_id = council.a_published.resources.get().pk
    response = anon.upload(f"/api/v1/resources/{resource_id}/versions", file=csv())
    assert response.status_code == 401


def test_resources_of_a_hidden_dataset_are_404(anon, council):
    assert anon.get("/api/v1/datasets/shkoly/resources").status_code == 404
