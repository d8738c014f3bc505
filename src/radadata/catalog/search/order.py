"""The order of the datasets found, and the page of them a query asks for."""

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


def _popularity(as_of: dt.date) -> Coalesce:
    since = as_of - dt.timedelta(days=POPULARITY_DAYS)
    uses = (DailyCount.objects.filter(dataset=OuterRef("pk"), day__gt=since, day__lte=as_of)
            .values("dataset").annotate(total=Sum(F("views") + F("downloads")))
            .values("total"))
    return Coalesce(Subquery(uses, output_field=IntegerField()), 0)


def _by_relevance(query: SearchQuery, datasets: QuerySet[Dataset], terms: list[str]
                  ) -> list[int]:
    """Best match first, then by title and id; the database sorts and cuts the page."""
    scored, scored_params = backend().scored_sql(terms)
    found, found_params = datasets.order_by().values("pk").query.sql_with_params()
    q = connection.ops.quote_name
    table, title = q(Dataset._meta.db_table), q(Dataset._meta.get_field("title").column)
    best, then = ("ASC", "DESC") if query.sort.startswith("-") else ("DESC", "ASC")
    # The datasets found as a common table expression: cheaper than joining the scores to
    # every dataset the filters keep.
    sql = (f"WITH found (id) AS ({found}) "
           f"SELECT found.id FROM found JOIN {table} d ON d.{q('id')} = found.id "
           f"JOIN ({scored}) m ON m.dataset_id = found.id "
           f"ORDER BY m.score {best}, d.{title} {then}, d.{q('id')} {then} LIMIT %s OFFSET %s")
    with connection.cursor() as cursor:
        cursor.execute(sql, [*found_params, *scored_params, query.limit, query.offset])
        return [row[0] for row in cursor.fetchall()]


def _by_column(query: SearchQuery, datasets: QuerySet[Dataset]) -> list[int]:
    key, reverse = query.sort.removeprefix("-"), query.sort.startswith("-")
    if key == "popularity":
        datasets = datasets.annotate(popularity=_popularity(query.as_of or timezone.localdate()))
    column = {"relevance": "last_modified_at", "title": "title",
              "published": "first_published_at", "modified": "last_modified_at",
              "popularity": "popularity"}[key]
    descending = (key != "title") != reverse
    first = (F(column).desc(nulls_last=True) if descending
             else F(column).asc(nulls_last=True))
    ties = ("-title", "-pk") if reverse else ("title", "pk")
    if key == "title":
        ties = ties[1:]
    end = query.offset + query.limit
    return list(datasets.order_by(first, *ties).values_list("pk", flat=True)[query.offset:end])


def ordered_page(query: SearchQuery, *, version: str, found_key: tuple,
                 datasets: QuerySet[Dataset], terms: list[str]) -> list[int]:
    """The ids of the page of `datasets` (the datasets found: those the filters keep that
    hold every term), in the order `query.sort` asks.

    Remembered for the catalogue's version, except the popularity order: use counts change
    with every page view and download."""
    def compute() -> list[int]:
        if terms and query.sort.removeprefix("-") == "relevance":
            return _by_relevance(query, datasets, terms)
        return _by_column(query, datasets)

    if query.sort.removeprefix("-") == "popularity":
        return compute()
    return cache.get_or_compute(
        cache.key(version, "page", *found_key, query.sort, query.offset, query.limit), compute)
