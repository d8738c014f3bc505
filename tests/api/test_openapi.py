import pytest

pytestmark = pytest.mark.django_db


def test_openapi_document_lists_every_path(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["info"]["title"] == "RadaData API"
    assert document["info"]["version"] == "1"
    assert set(document["paths"]) == {
        "/api/v1/datasets", "/api/v1/datasets/{name}", "/api/v1/datasets/{name}/resources",
        "/api/v1/resources/{resource_id}/versions", "/api/v1/owners", "/api/v1/owners/{slug}",
        "/api/v1/registry", "/api/v1/search", "/api/v1/priorities",
    }
    assert set(document["paths"]["/api/v1/datasets/{name}"]) == {"get", "patch"}
    assert "BearerToken" in document["components"]["securitySchemes"]


def test_browsable_docs_load(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert b"openapi.json" in response.content
