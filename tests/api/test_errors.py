import pytest

pytestmark = pytest.mark.django_db

LIST = "/api/v1/datasets"


def passport(**overrides) -> dict:
    return {"owner": "osvita", "title": "Гуртки", "description": "Перелік гуртків.",
            "purpose": "Закон України «Про освіту».", "periodicity": "once a year", **overrides}


def test_title_of_255_characters_is_422_with_errors_by_field(clerk, council):
    response = clerk.post(LIST, passport(title="Д" * 255))
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation_failed"
    assert body["message"]
    assert list(body["errors"]) == ["title"]


def test_title_of_254_characters_is_accepted(clerk, council):
    assert clerk.post(LIST, passport(title="Д" * 254)).status_code == 201


def test_invalid_json_is_422_in_our_shape(clerk, council):
    response = clerk.post(LIST, '{"owner": "osvita", "title": ')
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_request"
    assert "body" in body["errors"]


def test_json_that_is_not_an_object_is_422(clerk, council):
    response = clerk.patch(f"{LIST}/shkoly", "[1, 2]")
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_request"


def test_missing_and_mistyped_fields_are_422_by_field(clerk, council):
    body = passport(keywords="not a list")
    del body["title"]
    response = clerk.post(LIST, body)
    assert response.status_code == 422
    data = response.json()
    assert data["code"] == "invalid_request"
    assert {"title", "keywords"} <= set(data["errors"])


def test_unknown_owner_and_periodicity_are_422(clerk, council):
    response = clerk.post(LIST, passport(owner="nobody"))
    assert response.status_code == 422
    assert "owner" in response.json()["errors"]
    response = clerk.post(LIST, passport(periodicity="hourly"))
    assert response.status_code == 422
    assert "periodicity" in response.json()["errors"]


def test_unknown_theme_is_422(clerk, council):
    response = clerk.post(LIST, passport(themes=["no-such-theme"]))
    assert response.status_code == 422
    assert "themes" in response.json()["errors"]


def test_unexpected_exceptions_are_not_swallowed(clerk, council, monkeypatch):
    from radadata.api.v1 import queries

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(queries, "dataset_list", boom)
    with pytest.raises(RuntimeError, match="boom"):
        clerk.get(LIST)


def test_a_nul_character_is_refused_before_the_database(anon, clerk, council):
    # PostgreSQL refuses NUL in any query: a clear 4xx, never a database error.
    for url, params in (("/api/v1/search", {"owner": ["osvita", "os\x00vita"]}),
                        ("/api/v1/datasets", {"q": "шк\x00оли"}),
                        ("/api/v1/registry", {"owner": "\x00"})):
        response = anon.get(url, **params)
        assert response.status_code == 422, url
        assert "NUL" in response.json()["errors"][next(iter(params))][0]
    assert anon.get(f"{LIST}/shkoly-pub%00").status_code == 404
    assert anon.get("/api/v1/owners/osvita%00").status_code == 404
    response = clerk.post(LIST, passport(keywords=["гуртки\x00"]))
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["keywords"]
