"""The search over published datasets: words (any Ukrainian form), filters, facets, sorts."""

from __future__ import annotations

import datetime as dt
import difflib
from collections import Counter

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from radadata.catalog.models import DailyCount
from radadata.catalog.search.backends import backend
from radadata.catalog.search.query import (
    FACETS,
    MAX_LIMIT,
    SORTS,
    Facet,
    SearchError,
    SearchQuery,
    SearchResult,
)
from radadata.catalog.search.text import query_words
from radadata.registry.models import Dataset
from radadata.registry.vocabularies import Periodicity

#: Values listed per facet, the most frequent first (selected values are always listed).
FACET_SIZE = 50
POPULARITY_DAYS = 365


def _validate(query: SearchQuery) -> None:
    errors: dict[str, list[str]] = {}
    if query.sort.removeprefix("-") not in SORTS:
        errors["sort"] = [_("Unknown sort %(sort)s; use one of: %(choices)s.")
                          % {"sort": query.sort, "choices": ", ".join(SORTS)}]
    if not 0 <= query.limit <= MAX_LIMIT:
        errors["limit"] = [_("Ask for 0 to %(max)d results at a time.") % {"max": MAX_LIMIT}]
    if query.offset < 0:
        errors["offset"] = [_("The offset cannot be negative.")]
    unknown = [name for name in query.facets if name not in FACETS]
    if unknown:
        errors["facets"] = [_("Unknown facet %(name)s; use any of: %(choices)s.")
                            % {"name": unknown[0], "choices": ", ".join(FACETS)}]
    if errors:
        raise SearchError(errors)


def _filtered(query: SearchQuery) -> QuerySet[Dataset]:
    """Published datasets the filters keep (several values of one filter: any of them)."""
    datasets = Dataset.objects.published()
    if query.themes:
        datasets = datasets.filter(pk__in=Dataset.objects.filter(
            themes__code__in=query.themes).values("pk"))
    if query.keywords:
        datasets = datasets.filter(pk__in=Dataset.objects.filter(
            keywords__name__in=[k.lower() for k in query.keywords]).values("pk"))
    if query.formats:
        any_format = Q()
        for fmt in query.formats:
            any_format |= Q(search_entry__formats__contains=f",{fmt.strip().upper()},")
        datasets = datasets.filter(any_format)
    if query.periodicities:
        datasets = datasets.filter(periodicity__in=query.periodicities)
    if query.owners:
        datasets = datasets.filter(owner__slug__in=query.owners)
    if query.modified_from:
        datasets = datasets.filter(last_modified_at__gte=query.modified_from)
    if query.modified_to:
        datasets = datasets.filter(last_modified_at__lte=query.modified_to)
    return datasets


def _suggestions(typed: list[tuple[str, str]], unknown: set[str]) -> list[str]:
    """Up to three queries with each unknown word replaced by a close word of the index."""
    vocabulary = backend().vocabulary()
    options: dict[str, list[str]] = {}
    for word, lemma in typed:
        if lemma in unknown:
            close = difflib.get_close_matches(lemma, vocabulary, n=3, cutoff=0.75)
            close += difflib.get_close_matches(word, vocabulary, n=3, cutoff=0.75)
            options[word] = list(dict.fromkeys(close))[:3]
    suggestions: list[str] = []
    for i in range(max((len(o) for o in options.values()), default=0) or 1):
        words = []
        for word, _lemma in typed:
            if word in options:
                if options[word]:
                    words.append(options[word][min(i, len(options[word]) - 1)])
            else:
                words.append(word)
        text = " ".join(words)
        if text and text not in suggestions:
            suggestions.append(text)
    return suggestions


def _facet_values(name: str, datasets: QuerySet[Dataset]) -> list[tuple[str, str, int]]:
    """(value, label, count) of one facet over `datasets`."""
    if name == "format":
        counter: Counter[str] = Counter()
        for formats in datasets.values_list("search_entry__formats", flat=True):
            counter.update(f for f in (formats or "").split(",") if f)
        return [(fmt, fmt, n) for fmt, n in counter.items()]
    if name == "periodicity":
        rows = datasets.order_by().values_list("periodicity").annotate(n=Count("pk"))
        labels = dict(Periodicity.choices)
        return [(value, str(labels.get(value, value)), n) for value, n in rows]
    field, value, label = {
        "theme": ("themes", "themes__code", "themes__name"),
        "keyword": ("keywords", "keywords__name", "keywords__name"),
        "owner": ("owner", "owner__slug", "owner__name"),
    }[name]
    rows = (Dataset.objects.filter(pk__in=datasets.values("pk"), **{f"{field}__isnull": False})
            .values_list(value, label).annotate(n=Count("pk", distinct=True)).order_by())
    return [(v, lbl, n) for v, lbl, n in rows]


def _facets(query: SearchQuery, datasets: QuerySet[Dataset]) -> dict[str, list[Facet]]:
    selected = {"theme": query.themes, "keyword": query.keywords, "format": query.formats,
                "periodicity": query.periodicities, "owner": query.owners}
    result: dict[str, list[Facet]] = {}
    for name in dict.fromkeys(query.facets):
        values = sorted(_facet_values(name, datasets), key=lambda v: (-v[2], v[1].lower()))
        keep = set(selected[name])
        result[name] = [Facet(value=v, label=lbl, count=n)
                        for i, (v, lbl, n) in enumerate(values) if i < FACET_SIZE or v in keep]
    return result


def _popularity(as_of: dt.date) -> Coalesce:
    since = as_of - dt.timedelta(days=POPULARITY_DAYS)
    uses = (DailyCount.objects.filter(dataset=OuterRef("pk"), day__gt=since, day__lte=as_of)
            .values("dataset").annotate(total=Sum(F("views") + F("downloads")))
            .values("total"))
    return Coalesce(Subquery(uses, output_field=IntegerField()), 0)


def _ordered_page(query: SearchQuery, datasets: QuerySet[Dataset],
                  ranks: dict[int, float] | None) -> list[int]:
    """The ids of the page, in order."""
    key, reverse = query.sort.removeprefix("-"), query.sort.startswith("-")
    end = query.offset + query.limit
    if key == "relevance" and ranks is not None:
        rows = sorted(datasets.values_list("pk", "title"),
                      key=lambda row: (-ranks.get(row[0], 0.0), row[1], row[0]))
        if reverse:
            rows.reverse()
        return [pk for pk, _title in rows[query.offset:end]]
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
    return list(datasets.order_by(first, *ties).values_list("pk", flat=True)[query.offset:end])


def search(query: SearchQuery) -> SearchResult:
    """Published datasets matching every word of `query.text` (in any of its forms) and the
    filters, the requested page of them in order, facet counts over all of them, and the words
    the index does not know with queries to try instead."""
    _validate(query)
    datasets = _filtered(query)
    typed = query_words(query.text)
    terms = [lemma for _word, lemma in typed]
    ranks: dict[int, float] | None = None
    unknown_words: list[str] = []
    suggestions: list[str] = []
    if terms:
        found = backend().known(terms)
        missing = {lemma for lemma in terms if lemma not in found}
        if missing:
            # Every word must match: a word no dataset holds leaves nothing to show.
            unknown_words = [word for word, lemma in typed if lemma in missing]
            suggestions = _suggestions(typed, missing)
            datasets = datasets.none()
        else:
            sql, params = backend().match_sql(terms)
            datasets = datasets.filter(pk__in=RawSQL(sql, params))
            ranks = backend().ranks(terms)
    count = datasets.count()
    page_ids = _ordered_page(query, datasets, ranks) if query.limit and count else []
    found_by_id = Dataset.objects.select_related("owner", "search_entry").in_bulk(page_ids)
    return SearchResult(
        count=count,
        datasets=[found_by_id[pk] for pk in page_ids if pk in found_by_id],
        facets=_facets(query, datasets),
        unknown_words=unknown_words,
        suggestions=suggestions,
    )
