"""package_search in CKAN's terms, answered by the catalogue's search service.

CKAN parameters become one SearchQuery (q → text, fq → filters, rows/start → paging, sort and
facet.field → their counterparts); the SearchResult becomes CKAN's {count, results, facets,
search_facets, sort}. Nothing is searched here by hand.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.utils.translation import gettext as _

from radadata.api import rendered
from radadata.api.ckan import dicts, fq, params, queries
from radadata.catalog.search import SearchQuery, SearchResult, search
from radadata.core.errors import ValidationFailed

DEFAULT_SORT = "score desc, metadata_modified desc"
ROWS_DEFAULT = 10
ROWS_MAX = 1000
FACET_LIMIT_DEFAULT = 50

#: (CKAN sort field, direction) → the search service's sort.
SORTS = {
    ("score", "desc"): "relevance",
    ("metadata_modified", "desc"): "modified",
    ("metadata_modified", "asc"): "-modified",
    ("metadata_created", "desc"): "published",
    ("metadata_created", "asc"): "-published",
    ("title_string", "asc"): "title",
    ("title_string", "desc"): "-title",
    # Address names are made from the titles, so title order is the nearest there is.
    ("name", "asc"): "title",
    ("name", "desc"): "-title",
    # CKAN's ids are random; ckanext-harvest sorts by them only to page steadily. Oldest
    # publication first is steady too, and puts newly published datasets on the last page.
    ("id", "asc"): "-published",
    ("id", "desc"): "published",
    ("views_recent", "desc"): "popularity",
    ("views_total", "desc"): "popularity",
}
#: CKAN facet field → the search service's facet.
FACETS = {
    "organization": "owner",
    "owner_org": "owner",
    "groups": "theme",
    "tags": "keyword",
    "res_format": "format",
    "update_frequency": "periodicity",
}
LICENSE_FACET = "license_id"
#: Parameters CKAN clients send that change nothing here (nothing is private, a draft or
#: deleted in the public catalogue; there is one schema).
IGNORED = {"include_private", "include_drafts", "include_deleted", "use_default_schema",
           "facet", "facet.mincount", "facet.sort", "defType", "qf", "callback", "_"}
KNOWN = {"q", "fq", "fq_list", "rows", "start", "sort", "facet.field", "facet.limit"} | IGNORED


def _sort(value: str) -> str:
    keys = [part.split() for part in value.lower().split(",") if part.strip()]
    mapped = [SORTS.get((key[0], key[1] if len(key) > 1 else "asc")) for key in keys]
    if not keys or None in mapped or any(len(key) > 2 for key in keys):
        choices = ", ".join(sorted({f"{f} {d}" for f, d in SORTS}))
        raise ValidationFailed({"sort": [_("Unknown sort %(sort)s; use one of: %(choices)s.")
                                         % {"sort": value, "choices": choices}]})
    # Later keys only break ties; the search service breaks them its own steady way.
    return mapped[0]  # type: ignore[return-value]


def _filters(data: dict[str, Any], *, now: dt.datetime) -> tuple[str, fq.Filters]:
    """The free text and the filters of q, fq and fq_list."""
    filters = fq.Filters()
    q = params.text(data, "q").strip()
    if q in ("*:*", "*"):
        q = ""
    elif (match := re.match(r"^\(?[+]?([A-Za-z_]+):", q)) and match.group(1) in fq.FIELDS:
        # q written as Solr filters ("organization:osvita"), as some clients do; other text
        # with a colon ("COVID: статистика") stays words to find
        try:
            fq.parse(q, now=now, filters=filters)
        except ValidationFailed as error:
            raise ValidationFailed({"q": error.errors["fq"]}) from None
        q = ""
    fq.parse(params.text(data, "fq"), now=now, filters=filters)
    for item in params.string_list(data, "fq_list"):
        fq.parse(item, now=now, filters=filters)
    return q, filters


def _facet_fields(data: dict[str, Any]) -> list[str]:
    fields = params.string_list(data, "facet.field")
    unknown = [f for f in fields if f not in FACETS and f != LICENSE_FACET]
    if unknown:
        raise ValidationFailed({"facet.field": [
            _("Facets on %(field)s are not available; use %(choices)s.")
            % {"field": unknown[0], "choices": ", ".join([*FACETS, LICENSE_FACET])}]})
    return list(dict.fromkeys(fields))


def _facets(fields: list[str], result: SearchResult, *, count: int, limit: int
            ) -> tuple[dict, dict]:
    facets: dict[str, dict[str, int]] = {}
    search_facets: dict[str, dict] = {}
    for name in fields:
        if name == LICENSE_FACET:
            items = [(dicts.LICENSE["id"], dicts.LICENSE["title"], count)] if count else []
        else:
            found = sorted(result.facets.get(FACETS[name], []), key=lambda f: -f.count)
            items = [(dicts.group_name(f.value) if name == "groups" else f.value, f.label,
                      f.count) for f in found if f.count > 0]
        if limit >= 0:
            items = items[:limit]
        facets[name] = {value: n for value, _label, n in items}
        search_facets[name] = {
            "title": name,
            "items": [{"name": value, "display_name": label, "count": n}
                      for value, label, n in items],
        }
    return facets, search_facets


def package_search(data: dict[str, Any], *, now: dt.datetime) -> dict:
    unknown = sorted(set(data) - KNOWN)
    if unknown:
        raise ValidationFailed({unknown[0]: [_("Unknown parameter %(name)s for package_search.")
                                             % {"name": unknown[0]}]})
    rows = params.integer(data, "rows", ROWS_DEFAULT, maximum=ROWS_MAX)
    start = params.integer(data, "start", 0)
    sort = params.text(data, "sort").strip() or DEFAULT_SORT
    facet_fields = _facet_fields(data)
    facet_limit = params.integer(data, "facet.limit", FACET_LIMIT_DEFAULT, minimum=-1)
    text, filters = _filters(data, now=now)
    values = {target: filters.values(target) for target in set(fq.LIST_FIELDS.values())}
    query = SearchQuery(
        text=text, sort=_sort(sort), offset=start, limit=rows,
        themes=values["themes"], keywords=values["keywords"], formats=values["formats"],
        periodicities=values["periodicities"], owners=queries.owner_names(values["owners"]),
        modified_from=filters.modified_from, modified_to=filters.modified_to,
        facets=tuple(dict.fromkeys(FACETS[f] for f in facet_fields if f in FACETS)),
        as_of=now.date(),
    )
    if filters.matches_nothing:
        return _empty(facet_fields, sort)
    result = search(query, load=False)
    results = rendered.package_dicts(result.ids)  # written when indexed: api/rendered.py
    facets, search_facets = _facets(facet_fields, result, count=result.count, limit=facet_limit)
    return {"count": result.count, "results": results, "facets": facets,
            "search_facets": search_facets, "sort": sort}


def _empty(facet_fields: list[str], sort: str) -> dict:
    return {"count": 0, "results": [], "sort": sort,
            "facets": {f: {} for f in facet_fields},
            "search_facets": {f: {"title": f, "items": []} for f in facet_fields}}
