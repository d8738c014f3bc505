"""What the search remembers between requests (catalog/search/cache.py): the same answers as
without it, never an answer older than the last change, and few queries per request."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from radadata.catalog import services as catalog_services
from radadata.catalog.search import FACETS, SearchQuery, search
from radadata.registry.services import datasets as dataset_services
from radadata.registry.services import owners as owner_services
from radadata.registry.vocabularies import Periodicity
from tests.catalog.search_fixtures import catalogue_fixture  # noqa: F401
from tests.factories import AT, DatasetFactory, add_file

pytestmark = pytest.mark.django_db


def names(result) -> list[str]:
    return [d.name for d in result.datasets]


def facet(result, name: str) -> dict[str, int]:
    return {f.value: f.count for f in result.facets[name]}


def queries_of(function) -> int:
    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured.captured_queries)


def test_a_remembered_answer_is_the_answer(catalogue):
    query = SearchQuery(text="школа", facets=FACETS)
    first = search(query)
    again = search(query)
    assert names(again) == names(first) and again.count == first.count == 3
    assert again.facets == first.facets
    misspelt = search(SearchQuery(text="шкла"))
    assert search(SearchQuery(text="шкла")).suggestions == misspelt.suggestions != []


def test_a_query_nobody_asked_costs_three_queries_once_the_index_is_held(catalogue):
    search(SearchQuery(text="громада"))  # the process reads the index into memory
    for text in ("школа", "громада", "школа"):
        query = SearchQuery(text=text, facets=FACETS)
        # the catalogue's version, the index's version, the page's datasets: the count, the
        # facets and the order come from memory (search/memory.py).
        assert queries_of(lambda query=query: search(query)) == 3


@pytest.mark.parametrize("sort", ["relevance", "-relevance", "title", "-title", "modified",
                                  "published", "popularity"])
def test_pages_are_slices_of_one_order(catalogue, sort):
    every = names(search(SearchQuery(text="громада", sort=sort, limit=10)))
    assert len(every) == 3
    pages = [names(search(SearchQuery(text="громада", sort=sort, limit=1, offset=n)))
             for n in range(4)]
    assert pages == [[every[0]], [every[1]], [every[2]], []]


def test_the_index_in_memory_is_read_again_only_when_the_index_changes(catalogue):
    from radadata.catalog.search import memory

    search(SearchQuery(text="школа"))
    held = memory.current()
    owner_services.owner_update(owner=catalogue.finance, by=None, at=AT,
                                email="finansy@example.org")
    again = memory.current()
    # An owner's new e-mail changes the catalogue, not any dataset: only the labels are read.
    assert again.words is held.words and again.rows is held.rows
    assert again.labels is not held.labels
    dataset_services.dataset_update(dataset=catalogue.meals, by=None, at=AT,
                                    description="Вартість харчування учнів.")
    assert memory.current().words is not held.words


def test_every_change_of_the_catalogue_is_seen_at_once(catalogue):
    query = SearchQuery(text="громада", facets=("theme", "owner"))
    assert set(names(search(query))) == {"merezha-shkil", "biudzhet", "kharchuvannia"}

    dataset_services.dataset_update(dataset=catalogue.meals, by=None, at=AT,
                                    description="Вартість харчування учнів.")
    assert set(names(search(query))) == {"merezha-shkil", "biudzhet"}

    dataset_services.dataset_mark_published(dataset=catalogue.draft, by=None, at=AT)
    found = search(SearchQuery(text="школа", facets=("theme", "owner")))
    # The draft is found now, the meals no more (their description lost the word).
    assert set(names(found)) == {"merezha-shkil", "avtobusy", "proiekt"}
    assert facet(found, "owner") == {"osvita": 3}

    before = facet(search(query), "owner")
    owner_services.owner_update(owner=catalogue.finance, by=None, at=AT, slug="finansy-2")
    assert facet(search(query), "owner") == {"osvita": before["osvita"], "finansy-2": 1}
    assert names(search(SearchQuery(owners=("finansy-2",)))) == ["biudzhet"]


def test_work_on_a_draft_keeps_what_the_search_remembers(catalogue):
    query = SearchQuery(text="школа", facets=FACETS)
    search(query)
    dataset_services.dataset_update(dataset=catalogue.draft, by=None, at=AT,
                                    title="Школи: другий проєкт")
    DatasetFactory(owner=catalogue.education, title="Нові школи", name="novi")
    assert queries_of(lambda: search(query)) == 3  # as before the changes: nothing rebuilt
    assert search(query).count == 3


def test_a_change_rolled_back_leaves_no_answer_behind(catalogue):
    query = SearchQuery(text="кошторис")
    assert search(query).count == 0
    with pytest.raises(RuntimeError), transaction.atomic():
        dataset_services.dataset_update(dataset=catalogue.budget, by=None, at=AT,
                                        title="Кошторис громади")
        assert names(search(query)) == ["biudzhet"]  # seen inside the transaction
        raise RuntimeError
    assert search(query).count == 0
    assert search(query).unknown_words == ["кошторис"]


def test_the_popularity_order_follows_every_view(catalogue):
    today = dt.date(2026, 6, 1)
    query = SearchQuery(sort="popularity", as_of=today)
    assert names(search(query))[0] == "biudzhet"  # no use yet: title order
    catalog_services.count_view(dataset=catalogue.buses, day=today)
    assert names(search(query))[0] == "avtobusy"


def test_facet_labels_follow_the_language_of_each_request(catalogue):
    query = SearchQuery(facets=("periodicity",))
    with translation.override("uk"):
        labels = {f.value: f.label for f in search(query).facets["periodicity"]}
        assert labels[Periodicity.YEARLY] == "Щороку"
    with translation.override("en"):
        labels = {f.value: f.label for f in search(query).facets["periodicity"]}
        assert labels[Periodicity.YEARLY] == str(Periodicity.YEARLY.label)
        assert labels[Periodicity.YEARLY] != "Щороку"


def test_a_page_order_is_remembered_per_sort_and_page(catalogue):
    by_title = names(search(SearchQuery(sort="title", limit=2)))
    assert by_title == ["biudzhet", "merezha-shkil"]
    assert names(search(SearchQuery(sort="-title", limit=2))) == ["avtobusy", "kharchuvannia"]
    assert names(search(SearchQuery(sort="title", limit=2, offset=2))) == [
        "kharchuvannia", "avtobusy"]
    assert names(search(SearchQuery(sort="title", limit=2))) == by_title


# -- Queries per request: a page of many datasets costs what a page of one does (no N+1). --

SEARCHES = [
    # A remembered API answer is its bytes: one query, for the catalogue's version token.
    ("/api/3/action/package_search?q={q}&rows=50&facet.field=groups&facet.field=tags", 10, 1),
    ("/api/v1/search?q={q}&limit=50&facets=theme,keyword,format,periodicity,owner", 10, 1),
    ("/datasets/?q={q}", 6, 4),
]


@pytest.fixture
def many_schools(catalogue):
    """Eight more published datasets about schools, each with tags and two files."""
    for n in range(8):
        dataset = DatasetFactory(owner=catalogue.education, title=f"Школа №{n + 1}: контакти",
                                 name=f"shkola-{n + 1}", keywords=["школи", f"ліцей {n}"],
                                 themes=["osvita", "transport"])
        add_file(dataset, title="Контакти")
        add_file(dataset, content=b"id,pupils\n1,300\n", filename="pupils.csv")
        dataset_services.dataset_mark_published(dataset=dataset, by=None, at=AT)
    return catalogue


@pytest.mark.parametrize(("url", "first", "again"), SEARCHES)
def test_queries_per_search_request_do_not_grow_with_the_results(client, many_schools, url,
                                                                 first, again):
    def count(q: str) -> int:
        return queries_of(lambda: client.get(url.format(q=q)))

    assert "shkola-8" in client.get(url.format(q="школа 8")).content.decode()
    cache.clear()
    # №8 alone, with two files, two keywords and two themes; then eleven such datasets.
    one_computed, one_remembered = count("школа 8"), count("школа 8")
    many_computed, many_remembered = count("школа"), count("школа")
    # (The first answer after clear() may also fill what every answer shares, e.g. the
    # owners' contact people: eleven datasets never cost more than one.)
    assert many_computed <= one_computed <= first
    assert one_remembered == many_remembered <= again
