"""The search over published datasets: words (any Ukrainian form), filters, facets, sorts.

The count of the datasets a query finds, the facet counts over them and the order of the page
asked come from the copy of the index each process holds (memory.py): no SQL but the version
tokens, whatever the query. The words a query holds that no dataset does, with suggestions,
are remembered per catalogue version (words.py, cache.py). The popularity order changes with
every page view, so its pages are cut by the database (order.py), the count and facets in one
pass of SQL (facets.one_pass). The APIs read the page's datasets from the index too
(api/rendered.py: search(load=False)); the catalogue page reads them fresh.
"""

from __future__ import annotations

from django.core.exceptions import EmptyResultSet
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from radadata.catalog.search import cache, memory
from radadata.catalog.search.backends import backend
from radadata.catalog.search.facets import Counts, Pass, labelled, one_pass
from radadata.catalog.search.order import by_popularity, found_sql, popularity_page
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
from radadata.catalog.search.words import Words, check_words
from radadata.registry.models import Dataset

#: Values listed per facet, the most frequent first (selected values are always listed).
FACET_SIZE = 50


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
    themes, keywords, formats, periodicities, owners = (
        _matchable(values) for values in (query.themes, query.keywords, query.formats,
                                          query.periodicities, query.owners))
    if None in (themes, keywords, formats, periodicities, owners):
        return datasets.none()
    if themes:
        datasets = datasets.filter(pk__in=Dataset.objects.filter(
            themes__code__in=themes).values("pk"))
    if keywords:
        datasets = datasets.filter(pk__in=Dataset.objects.filter(
            keywords__name__in=[k.lower() for k in keywords]).values("pk"))
    if formats:
        any_format = Q()
        for fmt in formats:
            any_format |= Q(search_entry__formats__contains=f",{fmt.strip().upper()},")
        datasets = datasets.filter(any_format)
    if periodicities:
        datasets = datasets.filter(periodicity__in=periodicities)
    if owners:
        datasets = datasets.filter(owner__slug__in=owners)
    if query.modified_from:
        datasets = datasets.filter(last_modified_at__gte=query.modified_from)
    if query.modified_to:
        datasets = datasets.filter(last_modified_at__lte=query.modified_to)
    return datasets


def _matchable(values: tuple[str, ...]) -> tuple[str, ...] | None:
    """The values of one filter that can match something, or None when it had values and none
    can. A value holding a NUL character matches no stored code or name, and PostgreSQL
    refuses it in a query at all."""
    kept = tuple(value for value in values if "\x00" not in value)
    return None if values and not kept else kept


def _filter_key(query: SearchQuery) -> tuple:
    """The filters of `query` as a cache key reads them: the order of values does not matter."""
    return (tuple(sorted(set(query.themes))),
            tuple(sorted({k.lower() for k in query.keywords})),
            tuple(sorted({f.strip().upper() for f in query.formats})),
            tuple(sorted(set(query.periodicities))), tuple(sorted(set(query.owners))),
            query.modified_from, query.modified_to)


def _by_popularity(query: SearchQuery, *, version: str, names: tuple[str, ...],
                   terms: list[str]) -> tuple[int, dict[str, Counts], list[int]]:
    """The count, facets and page of a query in the popularity order, which changes with
    every page view: by the database, the count and facets remembered for the catalogue's
    version (under the words and filters), the order never."""
    filtered = _filtered(query)
    counts_key = cache.key(version, "counts", tuple(terms), _filter_key(query))
    entry: dict | None = cache.get_or_none(counts_key)
    missing = [name for name in names if entry is None or name not in entry["facets"]]
    if entry is None or missing:
        try:
            sql, params = found_sql(filtered, terms)
        except EmptyResultSet:  # a filter Django knows matches nothing
            found = Pass(facets={name: [] for name in missing})
        else:
            found = one_pass(sql, params, missing)
        entry = {"count": found.count,
                 "facets": {**(entry or {}).get("facets", {}), **found.facets}}
        cache.put(counts_key, entry)
    page_ids: list[int] = []
    if query.limit and query.offset < entry["count"]:
        matched = filtered
        if terms:
            sql, params = backend().match_sql(terms)
            matched = filtered.filter(pk__in=RawSQL(sql, params))
        page_ids = popularity_page(query, matched)
    return entry["count"], {name: entry["facets"][name] for name in names}, page_ids


def _facets(query: SearchQuery, counts: dict[str, Counts]) -> dict[str, list[Facet]]:
    selected = {"theme": query.themes, "keyword": query.keywords, "format": query.formats,
                "periodicity": query.periodicities, "owner": query.owners}
    result: dict[str, list[Facet]] = {}
    for name, values in counts.items():
        ordered = sorted(labelled(name, values), key=lambda v: (-v[2], v[1].lower(), v[0]))
        keep = set(selected[name])
        result[name] = [Facet(value=v, label=lbl, count=n)
                        for i, (v, lbl, n) in enumerate(ordered) if i < FACET_SIZE or v in keep]
    return result


def search(query: SearchQuery, *, load: bool = True) -> SearchResult:
    """Published datasets matching every word of `query.text` (in any of its forms) and the
    filters, the requested page of them in order, facet counts over all of them, and the words
    the index does not know with queries to try instead. With `load` false the page's datasets
    are not read, only their ids given (the APIs read what they show from the index)."""
    _validate(query)
    version = cache.current_version()  # before anything else is read: see cache.py
    typed = query_words(query.text)
    terms = [lemma for _word, lemma in typed]
    held = memory.current(version)
    words = check_words(version, typed, held.words) if terms else Words()
    names = tuple(dict.fromkeys(query.facets))
    if words.unknown_words:
        # Every word must match: a word no dataset holds leaves nothing to show.
        return SearchResult(count=0, datasets=[], facets=_facets(query, {n: [] for n in names}),
                            unknown_words=list(words.unknown_words),
                            suggestions=list(words.suggestions))
    if by_popularity(query):
        count, counts, page_ids = _by_popularity(query, version=version, names=names,
                                                 terms=terms)
    else:
        # Any other order: from the copy of the index this process holds.
        found = memory.find(query, terms, names, held)
        count, counts, page_ids = found.count, found.facets, found.page
    datasets: list[Dataset] = []
    if load:
        found_by_id = (Dataset.objects.select_related("owner", "responsible", "search_entry")
                       .defer("search_entry__ckan", "search_entry__v1")  # the APIs' texts
                       .in_bulk(page_ids))
        datasets = [found_by_id[pk] for pk in page_ids if pk in found_by_id]
    return SearchResult(
        count=count,
        datasets=datasets,
        facets=_facets(query, counts),
        unknown_words=list(words.unknown_words),
        suggestions=list(words.suggestions),
        ids=page_ids,
    )
