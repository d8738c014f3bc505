"""The popularity order, cut by the database.

Every other order comes from the copy of the index each process holds (memory.py). Use counts
change with every page view, so the most-used-first order is read from the database for each
page and never remembered.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import F, IntegerField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from radadata.catalog.models import DailyCount
from radadata.catalog.search.backends import backend
from radadata.catalog.search.query import SearchQuery
from radadata.registry.models import Dataset

POPULARITY_DAYS = 365


def by_popularity(query: SearchQuery) -> bool:
    return query.sort.removeprefix("-") == "popularity"


def found_sql(datasets: QuerySet[Dataset], terms: list[str]) -> tuple[str, list]:
    """A query of the ids of the datasets found: those of `datasets` (the filters) holding
    every term. Raises EmptyResultSet when the filters keep nothing."""
    filtered, params = datasets.order_by().values("pk").query.sql_with_params()
    if not terms:
        return filtered, list(params)
    sql, match_params = backend().match_sql(terms)
    # The unary plus keeps SQLite from handing the ids to the full-text table one by one (it
    # would read a common word's whole list once per dataset); PostgreSQL reads it as the id.
    return (f"SELECT m.dataset_id FROM ({sql}) m WHERE +m.dataset_id IN ({filtered})",
            [*match_params, *params])


def _popularity(as_of: dt.date) -> Coalesce:
    since = as_of - dt.timedelta(days=POPULARITY_DAYS)
    uses = (DailyCount.objects.filter(dataset=OuterRef("pk"), day__gt=since, day__lte=as_of)
            .values("dataset").annotate(total=Sum(F("views") + F("downloads")))
            .values("total"))
    return Coalesce(Subquery(uses, output_field=IntegerField()), 0)


def popularity_page(query: SearchQuery, matched: QuerySet[Dataset]) -> list[int]:
    """The ids of the page of `matched` (the datasets found), most used first (ties by title,
    then id; "-popularity" reverses all three)."""
    reverse = query.sort.startswith("-")
    datasets = matched.annotate(popularity=_popularity(query.as_of or timezone.localdate()))
    first = (F("popularity").asc(nulls_last=True) if reverse
             else F("popularity").desc(nulls_last=True))
    ties = ("-title", "-pk") if reverse else ("title", "pk")
    end = query.offset + query.limit
    return list(datasets.order_by(first, *ties).values_list("pk", flat=True)[query.offset:end])
