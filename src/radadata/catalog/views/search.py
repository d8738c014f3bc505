"""The public catalogue at /datasets/: words, filters with counts, sorts and pages, all in one
GET form (works without JavaScript). The search itself is catalog.search."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from radadata.audit.services.demand import catalogue_searched
from radadata.catalog.search import FACETS, Facet, SearchQuery, search
from radadata.registry.models import Dataset
from radadata.registry.vocabularies import Periodicity

PER_PAGE = 20
#: The most frequent keywords offered as filters (those chosen are always shown).
KEYWORDS_SHOWN = 20
SORT_CHOICES = [
    ("relevance", _("best match")),
    ("title", _("title, А to Я")),
    ("modified", _("recently updated")),
    ("published", _("recently published")),
    ("popularity", _("most used")),
]
FACET_LABELS = {
    "theme": _("Themes"),
    "keyword": _("Keywords"),
    "format": _("Formats"),
    "periodicity": _("Update frequency"),
    "owner": _("Owners"),
}


@dataclass
class ResultPage:
    """What core/_pagination.html reads of a Django Page, for a page the search cut."""

    number: int
    count: int
    per_page: int

    @property
    def paginator(self) -> ResultPage:
        return self

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.count / self.per_page))

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.number < self.num_pages

    def has_other_pages(self) -> bool:
        return self.has_previous() or self.has_next()

    def previous_page_number(self) -> int:
        # From beyond the end, "previous" leads to the last page that has results.
        return min(self.number - 1, self.num_pages)

    def next_page_number(self) -> int:
        return self.number + 1


@dataclass
class Row:
    """One dataset of the results, with what the list shows of it worked out once per page
    (a label looked up per row through Django's get_FOO_display costs more than the row)."""

    title: str
    owner: str
    url: str
    formats: str
    periodicity: str
    last_modified_at: dt.datetime | None


def _rows(ids: list[int]) -> list[Row]:
    """The rows of the datasets `ids`, in that order: one query for what the list shows, no
    model instances."""
    labels = {value: str(label) for value, label in Periodicity.choices}
    # One reverse() for the page: the address differs only by the dataset's name.
    marker = "-name-"
    pattern = reverse("registry:dataset-detail", args=[marker])
    found = {pk: rest for pk, *rest in Dataset.objects.filter(pk__in=ids).values_list(
        "pk", "name", "title", "owner__name", "periodicity", "last_modified_at",
        "search_entry__formats")}
    return [Row(title=title, owner=owner, url=pattern.replace(marker, name),
                formats=", ".join(f for f in (formats or "").split(",") if f),
                periodicity=labels.get(periodicity, periodicity), last_modified_at=modified)
            for pk in ids if pk in found
            for name, title, owner, periodicity, modified, formats in [found[pk]]]


@dataclass
class FilterGroup:
    name: str
    legend: str
    options: list[tuple[Facet, bool]]  # (value with its count, chosen)


def _page_number(raw: str | None) -> int:
    try:
        return max(1, min(int(raw or 1), 10**9))
    except ValueError:
        return 1


def _query(params: QueryDict, page: int) -> SearchQuery:
    sort = params.get("sort", "relevance")
    if sort not in dict(SORT_CHOICES):
        sort = "relevance"

    def chosen(name: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(v.strip() for v in params.getlist(name) if v.strip()))[:50]

    return SearchQuery(
        text=params.get("q", "")[:2000], themes=chosen("theme"), keywords=chosen("keyword"),
        formats=chosen("format"), periodicities=chosen("periodicity"), owners=chosen("owner"),
        sort=sort, offset=(page - 1) * PER_PAGE, limit=PER_PAGE, facets=FACETS)


def _groups(query: SearchQuery, facets: dict[str, list[Facet]]) -> list[FilterGroup]:
    chosen = {"theme": query.themes, "keyword": query.keywords, "format": query.formats,
              "periodicity": query.periodicities, "owner": query.owners}
    groups = []
    for name in FACETS:
        selected = set(chosen[name])
        values = facets.get(name, [])
        if name == "keyword":
            values = [f for i, f in enumerate(values) if i < KEYWORDS_SHOWN or f.value in selected]
        # A chosen value no dataset has any more still shows, so it can be unticked.
        missing = [Facet(value=v, label=v, count=0) for v in chosen[name]
                   if v not in {f.value for f in values}]
        options = [(f, f.value in selected) for f in [*values, *missing]]
        if options:
            groups.append(FilterGroup(name=name, legend=str(FACET_LABELS[name]),
                                      options=options))
    return groups


@require_safe
def catalogue(request: HttpRequest) -> HttpResponse:
    page_number = _page_number(request.GET.get("page"))
    query = _query(request.GET, page_number)
    result = search(query, load=False)
    catalogue_searched(text=query.text, found=result.count, page=page_number)  # §2.18
    filtered = any((query.themes, query.keywords, query.formats, query.periodicities,
                    query.owners))
    return render(request, "catalog/list.html", {
        "query": query,
        "q": query.text,
        "result": result,
        "rows": _rows(result.ids),
        "page": ResultPage(number=page_number, count=result.count, per_page=PER_PAGE),
        "groups": _groups(query, result.facets),
        "sort_choices": SORT_CHOICES,
        "filtered": filtered,
        "searched": bool(query.text.strip()) or filtered,
    })


urlpatterns = [
    path("datasets/", catalogue, name="list"),
]
