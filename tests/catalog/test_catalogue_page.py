"""The public catalogue page /datasets/ and the search box of the home page."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.catalog.search_fixtures import catalogue_fixture  # noqa: F401

pytestmark = pytest.mark.django_db
URL = reverse("catalog:list")


@pytest.fixture(autouse=True)
def _english(settings):
    # The assertions read the English msgids; Ukrainian is the default once translated.
    settings.LANGUAGE_CODE = "en"


def titles(html: str) -> list[str]:
    return re.findall(r'<h3><a href="/dataset/[^"]+">([^<]+)</a></h3>', html)


def checkbox(html: str, name: str, value: str) -> str:
    """The label of the filter checkbox name=value, with its count."""
    match = re.search(rf'<label><input type="checkbox" name="{name}" value="{re.escape(value)}"'
                      rf'( checked)?>\s*([^<]+)<span class="muted">\((\d+)\)</span>', html)
    assert match, f"no checkbox {name}={value}"
    return f"{match[2].strip()} ({match[3]}){' checked' if match[1] else ''}"


def test_the_page_lists_published_datasets_with_their_facts(client, catalogue):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "4 datasets found." in html
    assert sorted(titles(html)) == ["Бюджет громади", "Мережа шкіл громади",
                                    "Харчування учнів", "Шкільні автобуси"]
    assert 'href="/dataset/merezha-shkil"' in html
    assert "Школи: проєкт переліку" not in html  # not published
    item = html[html.index("Мережа шкіл громади"):html.index("Мережа шкіл громади") + 900]
    assert "Управління освіти" in item
    assert "CSV, XLSX" in item
    assert "yearly" in item
    assert "03.03.2026" in item  # published on AT + 1 day


def test_words_in_any_form_find_datasets(client, catalogue):
    html = client.get(URL, {"q": "шкіл"}).content.decode()
    assert "3 datasets found." in html
    assert set(titles(html)) == {"Мережа шкіл громади", "Харчування учнів", "Шкільні автобуси"}
    assert 'value="шкіл"' in html  # the box keeps the words


def test_filters_show_counts_and_stay_ticked(client, catalogue):
    html = client.get(URL, {"q": "школа", "format": "CSV"}).content.decode()
    assert set(titles(html)) == {"Мережа шкіл громади", "Харчування учнів"}
    assert checkbox(html, "format", "CSV") == "CSV (2) checked"
    assert checkbox(html, "format", "XLSX") == "XLSX (1)"
    assert checkbox(html, "theme", "osvita") == "Освіта (2)"
    assert checkbox(html, "owner", "osvita") == "Управління освіти (2)"
    assert checkbox(html, "keyword", "учні") == "учні (2)"
    assert checkbox(html, "periodicity", "once a year") == "yearly (1)"
    assert "<legend>Formats</legend>" in html


def test_sort_select(client, catalogue):
    html = client.get(URL, {"sort": "title"}).content.decode()
    assert titles(html) == ["Бюджет громади", "Мережа шкіл громади", "Харчування учнів",
                            "Шкільні автобуси"]
    assert '<option value="title" selected>' in html
    # An unknown sort falls back to the best match rather than failing.
    assert client.get(URL, {"sort": "colour"}).status_code == 200


def test_a_misspelt_word_is_explained_with_a_suggestion(client, catalogue):
    html = client.get(URL, {"q": "шкла"}).content.decode()
    assert "0 datasets found." in html
    assert "No published dataset contains the word “шкла”." in html
    assert "Did you mean:" in html
    assert f'<a href="{URL}?q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0">школа</a>' in html


def test_no_match_says_what_to_do(client, catalogue):
    html = client.get(URL, {"q": "бюджет", "theme": "osvita"}).content.decode()
    assert "No published dataset matches the words and filters." in html
    assert "Ask the council for the data you need" in html


def test_pages(client, catalogue, monkeypatch):
    monkeypatch.setattr("radadata.catalog.views.search.PER_PAGE", 3)
    first = client.get(URL, {"sort": "title"}).content.decode()
    assert titles(first) == ["Бюджет громади", "Мережа шкіл громади", "Харчування учнів"]
    assert "Page 1 of 2" in first and 'rel="next"' in first
    second = client.get(URL, {"sort": "title", "page": 2}).content.decode()
    assert titles(second) == ["Шкільні автобуси"]
    far = client.get(URL, {"page": 100000})
    assert far.status_code == 200
    assert titles(far.content.decode()) == []
    assert "This page is past the last result." in far.content.decode()
    assert client.get(URL, {"page": "abc"}).status_code == 200


@pytest.mark.parametrize("q", ['"*:()-^ NEAR OR', "школа " * 2000, "x" * 10_000, "\x00"])
def test_any_text_answers(client, catalogue, q):
    assert client.get(URL, {"q": q}).status_code == 200


def test_the_page_is_accessible_without_javascript(client, catalogue):
    html = client.get(URL).content.decode()
    assert '<form method="get" action="/datasets/" role="search"' in html
    assert '<label for="catalogue-q">' in html and 'id="catalogue-q"' in html
    assert '<label for="catalogue-sort">' in html
    assert html.count("<fieldset") == html.count("<legend>") >= 5
    # Only the shared, deferred enhancement script (tables' scroll regions); nothing the search
    # form or the filters need, and nothing inline.
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts and all(" src=" in tag and " defer" in tag for tag in scripts)


def test_home_page_has_the_search_box(client, catalogue):
    html = client.get(reverse("registry:home")).content.decode()
    assert '<form method="get" action="/datasets/" role="search"' in html
    assert '<label for="home-q">' in html
