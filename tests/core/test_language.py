"""Pages open in Ukrainian whatever the browser asks for; English only by choice."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_pages_are_ukrainian_even_for_an_english_browser(client):
    response = client.get("/login/", headers={"Accept-Language": "en-US,en;q=0.9,ru;q=0.8"})
    assert response.headers["Content-Language"] == "uk"
    assert "Увійти" in response.content.decode()


def test_the_language_switch_gives_english_and_back(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/login/"})
    assert "Sign in" in client.get("/login/").content.decode()
    client.post("/i18n/setlang/", {"language": "uk", "next": "/login/"})
    assert "Увійти" in client.get("/login/").content.decode()


def test_api_clients_choose_with_accept_language(client):
    english = client.get("/api/v1/datasets/nope", headers={"Accept-Language": "en"}).json()
    ukrainian = client.get("/api/v1/datasets/nope").json()
    assert english["code"] == ukrainian["code"] == "not_found"
    assert english["message"] != ukrainian["message"]
    assert english["message"].isascii()
