"""The order of the datasets found, and the page of them a query asks for.

A query is ranked once: the order of its first RANKED datasets is computed in the same pass as
its count and facets (facets.one_pass) and remembered for the catalogue's version under the
query's words, filters and sort, not its offset, so every page up to RANKED is a slice of it.
Pages beyond are cut by the database (LIMIT/OFFSET) one by one, and the popularity order,
which changes with every page view, is never remembered.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.models import F, IntegerField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from radadata.catalog.models import DailyCount
from radadata.catalog.search import cache
from radadata.catalog.search.backends import backend
from radadata.catalog.search.query import SearchQuery
from radadata.registry.models import Dataset

POPULARITY_DAYS = 365
#: Positions of a query's order that are remembered (50 pages of 20): deeper pages are rare.
RANKED = 1000
#: The column each sort key orders by (relevance without words: the most recently changed).
_COLUMNS = {"relevance": "last_modified_at", "title": "title",
            "published": "first_published_at", "modified": "last_modified_at"}


def cached_order(query: SearchQuery) -> bool:
    """Whether the order `query.sort` asks may be remembered (not the popularity order)."""
    return query.sort.removeprefix("-") != "popularity"


def order_by_sql(query: SearchQuery, *, scored: bool) -> str:
    """ORDER BY terms over `found` (id and, when `scored`, score) and the dataset row `d`: the
    same order as _by_relevance and _by_column give (ties by title, then id)."""
    q = connection.ops.quote_name
    title, pk = f"d.{q(Dataset._meta.get_field('title').column)}", f"d.{q('id')}"
    key, reverse = query.sort.removeprefix("-"), query.sort.startswith("-")
    if scored and key == "relevance":
        best, then = ("ASC", "DESC") if reverse else ("DESC", "ASC")
        return f"found.score {best}, {title} {then}, {pk} {then}"
    column = f"d.{q(Dataset._meta.get_field(_COLUMNS[key]).column)}"
    descending = (key != "title") != reverse
    first = f"{column} {'DESC' if descending else 'ASC'} NULLS LAST"
    then = "DESC" if reverse else "ASC"
    ties = [f"{pk} {then}"] if key == "title" else [f"{title} {then}", f"{pk} {then}"]
    return ", ".join([first, *ties])


def found_sql(datasets: QuerySet[Dataset], terms: list[str], *, scored: bool
              ) -> tuple[str, list, bool]:
    """A query of the datasets found: those of `datasets` (the filters) holding every term,
    with their score when there are terms and `scored` (scoring costs more than matching: on
    SQLite it reads every position of every word). Returns the SQL, its parameters and
    whether it has the score column. Raises EmptyResultSet when the filters keep nothing."""
    filtered, params = datasets.order_by().values("pk").query.sql_with_params()
    if not terms:
        return filtered, list(params), False
    if scored:
        sql, match_params = backend().scored_sql(terms)
        columns = "m.dataset_id, m.score"
    else:
        sql, match_params = backend().match_sql(terms)
        columns = "m.dataset_id"
    # The unary plus keeps SQLite from handing the ids to the full-text table one by one (it
    # would read a common word's whole list once per dataset); PostgreSQL reads it as the id.
    return (f"SELECT {columns} FROM ({sql}) m WHERE +m.dataset_id IN ({filtered})",
            [*match_params, *params], scored)


def _popularity(as_of: dt.date) -> Coalesce:
    since = as_of - dt.timedelta(days=POPULARITY_DAYS)
    uses = (DailyCount.objects.filter(dataset=OuterRef("pk"), day__gt=since, day__lte=as_of)
            .values("dataset").annotate(total=Sum(F("views") + F("downloads")))
            .values("total"))
    return Coalesce(Subquery(uses, output_field=IntegerField()), 0)


def _by_relevance(query: SearchQuery, datasets: QuerySet[Dataset], terms: list[str]
                  ) -> list[int]:
    """Best match first, then by title and id; the database sorts and cuts the page."""
    sql, params, _scored = found_sql(datasets, terms, scored=True)
    q = connection.ops.quote_name
    table = q(Dataset._meta.db_table)
    sql = (f"WITH found (id, score) AS ({sql}) "
           f"SELECT found.id FROM found JOIN {table} d ON d.{q('id')} = found.id "
           f"ORDER BY {order_by_sql(query, scored=True)} LIMIT %s OFFSET %s")
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, query.limit, query.offset])
        return [row[0] for row in cursor.fetchall()]


def _by_column(query: SearchQuery, datasets: QuerySet[Dataset]) -> list[int]:
    key, reverse = query.sort.removeprefix("-"), query.sort.startswith("-")
    if key == "popularity":
        datasets = datasets.annotate(popularity=_popularity(query.as_of or timezone.localdate()))
    column = {**_COLUMNS, "popularity": "popularity"}[key]
    descending = (key != "title") != reverse
    first = (F(column).desc(nulls_last=True) if descending
             else F(column).asc(nulls_last=True))
    ties = ("-title", "-pk") if reverse else ("title", "pk")
    if key == "title":
        ties = ties[1:]
    end = query.offset + query.limit
    return list(datasets.order_by(first, *ties).values_list("pk", flat=True)[query.offset:end])


def page_by_database(query: SearchQuery, *, version: str, found_key: tuple,
                     filtered: QuerySet[Dataset], matched: QuerySet[Dataset],
                     terms: list[str]) -> list[int]:
    """The ids of the page of the datasets found (`filtered`: those the filters keep;
    `matched`: those of them holding every term), cut by the database: for the popularity
    order, and for pages beyond the RANKED positions remembered (each such page remembered on
    its own, except in the popularity order)."""
    def compute() -> list[int]:
        if terms and query.sort.removeprefix("-") == "relevance":
            return _by_relevance(query, filtered, terms)
        return _by_column(query, matched)

    if not cached_order(query):
        return compute()
    return cache.get_or_compute(
        cache.key(version, "page", *found_key, query.sort, query.offset, query.limit), compute)
