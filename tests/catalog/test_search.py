"""The search service: Ukrainian word forms, unknown words, filters, facets, sorts, paging, and
an index that follows the registry. Runs on SQLite (FTS5) and on PostgreSQL (tsvector)."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from radadata.catalog.models import DailyCount
from radadata.catalog.search import SearchError, SearchQuery, reindex_all, search
from radadata.core.errors import NotAllowed
from radadata.core.models import AuditEntry
from radadata.registry.models import Theme
from radadata.registry.services import datasets as dataset_services
from radadata.registry.services import owners as owner_services
from radadata.registry.services import themes as theme_services
from tests.catalog.search_fixtures import catalogue_fixture  # noqa: F401
from tests.factories import AT, DatasetFactory, UserFactory, add_file

pytestmark = pytest.mark.django_db


def names(result) -> list[str]:
    return [d.name for d in result.datasets]


def found(text: str, **filters) -> set[str]:
    return set(names(search(SearchQuery(text=text, **filters))))


SCHOOLS = {"merezha-shkil", "kharchuvannia", "avtobusy"}


@pytest.mark.parametrize("text", ["школа", "школи", "шкіл", "школам", "ШКОЛОЮ"])
def test_any_form_of_a_word_finds_every_form(catalogue, text):
    # "шкіл" in a title, "школи" in a description, "шкільні" (a derivative) in a title; the
    # draft about schools is not published and stays out.
    assert found(text) == SCHOOLS


def test_an_adjective_finds_itself_not_every_school(catalogue):
    assert found("шкільний") == {"avtobusy"}


def test_every_word_must_match(catalogue):
    assert found("школа громада") == {"merezha-shkil", "kharchuvannia"}
    assert found("бюджет громади") == {"biudzhet"}
    assert found("бюджет учні") == set()


def test_words_of_keywords_themes_and_owner_are_found(catalogue):
    assert found("заклад") == {"merezha-shkil"}  # keyword "заклади освіти"
    assert found("дороги") == {"avtobusy"}  # theme "Транспорт і дороги"
    assert found("фінансового управління") == {"biudzhet"}  # owner


def test_title_matches_rank_before_description_matches(catalogue):
    result = search(SearchQuery(text="школа"))
    assert names(result)[-1] == "kharchuvannia"
    assert result.count == 3


def test_a_misspelt_word_is_reported_with_a_suggestion(catalogue):
    result = search(SearchQuery(text="шкла"))
    assert result.count == 0 and result.datasets == []
    assert result.unknown_words == ["шкла"]
    assert "школа" in result.suggestions


def test_an_unknown_word_among_known_ones_is_left_out_of_the_suggestion(catalogue):
    result = search(SearchQuery(text="бюджет qwertyzz"))
    assert result.count == 0
    assert result.unknown_words == ["qwertyzz"]
    assert result.suggestions == ["бюджет"]
    # The suggestion finds something.
    assert found(result.suggestions[0]) == {"biudzhet"}


def test_words_found_only_in_unpublished_datasets_are_unknown(catalogue):
    assert search(SearchQuery(text="проєкт")).unknown_words == ["проєкт"]


def test_filters_combine_with_words(catalogue):
    assert found("", themes=("osvita",)) == SCHOOLS
    assert found("", themes=("transport", "biudzhet-i-finansy")) == {"avtobusy", "biudzhet"}
    assert found("", keywords=("учні",)) == {"merezha-shkil", "kharchuvannia"}
    assert found("", formats=("xlsx",)) == {"merezha-shkil", "biudzhet"}
    assert found("", formats=("CSV",)) == {"merezha-shkil", "kharchuvannia"}
    assert found("", periodicities=("once a year",)) == {"merezha-shkil", "avtobusy"}
    assert found("", owners=("finansy",)) == {"biudzhet"}
    assert found("школа", formats=("JSON",)) == {"avtobusy"}
    assert found("школа", owners=("finansy",)) == set()


def test_modified_range(catalogue):
    # Published on AT + 1, 2, 3, 4 days (schools, meals, buses, budget).
    assert found("", modified_from=AT + dt.timedelta(days=3)) == {"avtobusy", "biudzhet"}
    assert found("", modified_to=AT + dt.timedelta(days=2)) == {"merezha-shkil",
                                                                 "kharchuvannia"}


def facet(result, name: str) -> dict[str, int]:
    return {f.value: f.count for f in result.facets[name]}


def test_facets_count_the_filtered_set(catalogue):
    result = search(SearchQuery(facets=("theme", "keyword", "format", "periodicity", "owner")))
    assert facet(result, "theme") == {"osvita": 3, "transport": 1, "biudzhet-i-finansy": 1}
    assert facet(result, "keyword") == {"учні": 2, "заклади освіти": 1, "харчування": 1,
                                        "транспорт": 1, "бюджет": 1}
    assert facet(result, "format") == {"CSV": 2, "XLSX": 2, "JSON": 1}
    assert facet(result, "periodicity") == {"once a year": 2, "once a month": 1,
                                            "once a quarter": 1}
    assert facet(result, "owner") == {"osvita": 3, "finansy": 1}
    assert result.facets["owner"][0].label == "Управління освіти"
    assert result.facets["theme"][0].label == "Освіта"

    narrowed = search(SearchQuery(text="школа", formats=("CSV",), facets=("theme", "format")))
    assert facet(narrowed, "theme") == {"osvita": 2}
    assert facet(narrowed, "format") == {"CSV": 2, "XLSX": 1}


def test_sorts(catalogue):
    def order(sort: str) -> list[str]:
        return names(search(SearchQuery(sort=sort)))

    assert order("title") == ["biudzhet", "merezha-shkil", "kharchuvannia", "avtobusy"]
    assert order("-title") == ["avtobusy", "kharchuvannia", "merezha-shkil", "biudzhet"]
    assert order("published") == ["biudzhet", "avtobusy", "kharchuvannia", "merezha-shkil"]
    assert order("-published") == ["merezha-shkil", "kharchuvannia", "avtobusy", "biudzhet"]
    assert order("modified") == order("published")
    assert order("relevance") == order("modified")  # no words: the latest changed first


def test_popularity_counts_views_and_downloads_of_the_last_365_days(catalogue):
    today = dt.date(2026, 6, 1)
    # Counts are written by the pages that count; here they are set directly.
    DailyCount.objects.create(dataset=catalogue.meals, day=today, views=5, downloads=4)
    DailyCount.objects.create(dataset=catalogue.budget, day=today - dt.timedelta(days=10),
                              views=3, downloads=0)
    DailyCount.objects.create(dataset=catalogue.budget, day=today - dt.timedelta(days=20),
                              views=2, downloads=1)
    DailyCount.objects.create(dataset=catalogue.schools, day=today - dt.timedelta(days=400),
                              views=100, downloads=100)  # too old to count
    result = search(SearchQuery(sort="popularity", as_of=today))
    # Equal counts (none) in title order.
    assert names(result) == ["kharchuvannia", "biudzhet", "merezha-shkil", "avtobusy"]
    assert names(search(SearchQuery(sort="-popularity", as_of=today)))[-1] == "kharchuvannia"


def test_paging(catalogue):
    first = search(SearchQuery(sort="title", limit=3))
    second = search(SearchQuery(sort="title", limit=3, offset=3))
    assert first.count == second.count == 4
    assert names(first) + names(second) == names(search(SearchQuery(sort="title")))
    far = search(SearchQuery(offset=100_000 * 20))
    assert far.count == 4 and far.datasets == []
    for sort in ("relevance", "-modified", "popularity"):  # beyond any database integer
        beyond = search(SearchQuery(text="школа", sort=sort, offset=10**30))
        assert beyond.count == 3 and beyond.datasets == []
    counted = search(SearchQuery(limit=0, facets=("owner",)))
    assert counted.count == 4 and counted.datasets == [] and counted.facets["owner"]


@pytest.mark.parametrize(("text", "count"), [
    ('"', 4), ("*", 4), ("\x00", 4),  # no word at all: every dataset
    ("школа:", 3), ("(школа", 3), ("школа)", 3), ("-школа", 3), ("^школа", 3),
    ("школа " * 2000, 3),
    # Operators are words like any other, which no dataset holds.
    ("школа NEAR бюджет", 0), ("школа OR бюджет", 0), ('NEAR("a" "b")', 0),
    ("' OR 1=1 --", 0), ("шкільний* AND", 0),
])
def test_query_syntax_is_only_words(catalogue, text, count):
    assert search(SearchQuery(text=text)).count == count  # never an error


def test_a_filter_value_with_a_nul_character_matches_nothing(catalogue):
    # PostgreSQL refuses NUL in a query: such a value is left out, never sent.
    assert found("", owners=("finansy", "fin\x00ansy")) == {"biudzhet"}
    assert found("", owners=("\x00",)) == set()
    assert found("школа", themes=("osvita\x00",), facets=("theme",)) == set()
    assert found("", keywords=("\x00",), formats=("CSV\x00",)) == set()


def test_a_long_query_reads_its_first_500_characters(catalogue):
    assert found("школа" + " " * 500 + "x" * 10_000) == SCHOOLS


@pytest.mark.parametrize("query", [SearchQuery(sort="best"), SearchQuery(sort="--title"),
                                   SearchQuery(limit=1001), SearchQuery(limit=-1),
                                   SearchQuery(offset=-5), SearchQuery(facets=("colour",))])
def test_a_bad_query_is_refused(db, query):
    with pytest.raises(SearchError) as error:
        search(query)
    assert error.value.status == 422


def test_the_index_follows_the_registry(catalogue):
    dataset_services.dataset_update(dataset=catalogue.budget, by=None, at=AT,
                                    title="Кошторис громади", keywords=["видатки"])
    assert found("кошторис") == {"biudzhet"}
    assert found("видатки", keywords=("видатки",)) == {"biudzhet"}
    assert search(SearchQuery(text="бюджетом")).count == 1  # still in the description

    dataset_services.dataset_mark_published(dataset=catalogue.draft, by=None, at=AT)
    assert found("проєкт") == {"proiekt"}

    dataset_services.dataset_archive(dataset=catalogue.buses, by=None, at=AT,
                                     reason="Маршрути скасовано.")
    assert "avtobusy" in found("автобус")  # published once: its data stays open

    owner_services.owner_update(owner=catalogue.finance, by=None, at=AT,
                                name="Департамент фінансів")
    assert found("департамент") == {"biudzhet"}


def test_a_renamed_theme_finds_its_datasets_by_the_new_name(catalogue, officer):
    transport = Theme.objects.get(code="transport")
    assert found("дороги") == {"avtobusy"}  # "Транспорт і дороги"
    assert search(SearchQuery(text="сполучення")).unknown_words == ["сполучення"]

    theme_services.theme_rename(theme=transport, name="Транспорт і сполучення", by=officer,
                                at=AT)
    assert found("сполучення") == {"avtobusy"}
    assert found("сполученням", themes=("transport",)) == {"avtobusy"}
    assert found("дороги") == set()
    labels = {f.value: f.label for f in search(SearchQuery(facets=("theme",))).facets["theme"]}
    assert labels["transport"] == "Транспорт і сполучення"
    entry = AuditEntry.objects.get(action="theme.renamed")
    assert entry.actor == officer
    assert entry.changes == {"name": ["Транспорт і дороги", "Транспорт і сполучення"]}


def test_only_the_office_renames_a_theme(catalogue):
    clerk = UserFactory(owner=catalogue.education)
    with pytest.raises(NotAllowed):
        theme_services.theme_rename(theme=Theme.objects.get(code="transport"), name="Рух",
                                    by=clerk, at=AT)
    assert found("дороги") == {"avtobusy"}


def test_a_rolled_back_change_leaves_the_index_as_it_was(catalogue):
    with pytest.raises(RuntimeError), transaction.atomic():
        dataset_services.dataset_update(dataset=catalogue.budget, by=None, at=AT,
                                        title="Кошторис громади")
        raise RuntimeError
    assert found("кошторис") == set()
    assert found("бюджет") == {"biudzhet"}


def test_reindex_all_rebuilds_the_index(catalogue):
    DatasetFactory(title="Зелені насадження")  # registered, not published
    assert reindex_all() == 4
    assert found("школа") == SCHOOLS
    assert found("насадження") == set()


def test_a_file_published_at_once_brings_its_format(catalogue):
    add_file(catalogue.meals, content=b'{"a": 1}', filename="menu.json", title="Меню")
    assert "kharchuvannia" in found("", formats=("JSON",))


def test_reindex_command(catalogue):
    out = StringIO()
    call_command("reindex", stdout=out)
    assert "4 datasets" in out.getvalue()
    assert found("шкіл") == SCHOOLS
