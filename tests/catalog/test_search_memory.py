"""The copy of the index each process holds (catalog/search/memory.py) answers as the database
does: the same datasets, counts and facets as the SQL of the popularity order, and on SQLite the
same order as FTS5's own bm25()."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from radadata.catalog.search import FACETS, SearchQuery, search
from tests.catalog.search_fixtures import catalogue_fixture  # noqa: F401
from tests.factories import AT

pytestmark = pytest.mark.django_db

QUERIES = [
    SearchQuery(),
    SearchQuery(text="школа"),
    SearchQuery(text="громада"),
    SearchQuery(text="учні громада"),
    SearchQuery(themes=("osvita",)),
    SearchQuery(text="громада", themes=("osvita", "biudzhet-i-finansy")),
    SearchQuery(keywords=("Учні",)),
    SearchQuery(formats=("csv", "JSON")),
    SearchQuery(periodicities=("once a year",)),
    SearchQuery(owners=("finansy",)),
    SearchQuery(owners=("nobody",)),
    SearchQuery(themes=("osvita",), formats=("XLSX",)),
    SearchQuery(modified_from=AT + dt.timedelta(days=2)),
    SearchQuery(modified_to=AT + dt.timedelta(days=2, hours=1)),
]


def facets(result) -> dict:
    return {name: sorted((f.value, f.label, f.count) for f in values)
            for name, values in result.facets.items()}


@pytest.mark.parametrize("query", QUERIES, ids=range(len(QUERIES)))
def test_counts_and_facets_are_those_of_the_database(catalogue, query):
    held = search(SearchQuery(**{**vars(query), "facets": FACETS, "limit": 50}))
    by_sql = search(SearchQuery(**{**vars(query), "facets": FACETS, "limit": 50,
                                   "sort": "popularity"}))
    assert held.count == by_sql.count
    assert facets(held) == facets(by_sql)
    assert sorted(d.name for d in held.datasets) == sorted(d.name for d in by_sql.datasets)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5's bm25() is SQLite's")
@pytest.mark.parametrize("text", ["школа", "громада", "учні", "громада учні", "бюджет"])
def test_relevance_is_fts5_bm25(catalogue, text):
    from radadata.catalog.search.text import query_words

    terms = " ".join('"' + lemma + '"' for _word, lemma in query_words(text))
    with connection.cursor() as cursor:
        cursor.execute("SELECT d.name FROM catalog_search_fts f "
                       "JOIN registry_dataset d ON d.id = f.rowid "
                       "WHERE catalog_search_fts MATCH %s "
                       "ORDER BY bm25(catalog_search_fts, 10.0, 5.0, 1.0, 2.0), d.title, d.id",
                       [terms])
        expected = [row[0] for row in cursor.fetchall()]
    assert expected
    assert [d.name for d in search(SearchQuery(text=text, limit=50)).datasets] == expected
