"""/search: the catalogue's search (catalog.search) over published datasets."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from radadata.api import rendered
from radadata.api.v1.auth import ANYONE
from radadata.api.v1.schemas import MAX_LIMIT, DatasetOut, ErrorOut
from radadata.catalog.search import FACETS, SORTS, SearchQuery, search

router = Router(tags=["search"])


class SearchIn(Schema):
    q: str = Field("", description="Words, in any Ukrainian form: “школа” finds “шкіл”. "
                                   "A dataset must hold every word.")
    theme: list[str] = Field([], description="Theme codes; any of them.")
    keyword: list[str] = Field([], description="Keywords; any of them.")
    format: list[str] = Field([], description="Formats, e.g. CSV; any of them.")
    periodicity: list[str] = Field([], description="data.gov.ua update frequency codes.")
    owner: list[str] = Field([], description="Owner slugs.")
    sort: str = Field("relevance", description=(
        "One of " + ", ".join(SORTS) + ". Each in its natural order (best match, А to Я, "
        "newest, most used first); a leading '-' reverses it."))
    limit: int = Field(20, ge=0, le=MAX_LIMIT, description="Items per page (0–500).")
    offset: int = Field(0, ge=0, description="Items to skip.")
    facets: list[str] = Field([], description="Counts to return, comma-separated or repeated: "
                                              + ", ".join(FACETS) + ".")


class FacetOut(Schema):
    value: str
    label: str
    count: int


class SearchOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[DatasetOut]
    facets: dict[str, list[FacetOut]] = Field(description="Counts over all the datasets found.")
    unknown_words: list[str] = Field(description="Words no published dataset holds.")
    suggestions: list[str] = Field(description="Queries to try instead, best first.")


def _split(values: list[str]) -> tuple[str, ...]:
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


@router.get("", response={200: SearchOut, 422: ErrorOut}, auth=ANYONE, url_name="search",
            summary="Search published datasets")
def search_datasets(request: HttpRequest, params: Query[SearchIn]) -> HttpResponse:
    result = search(SearchQuery(
        text=params.q, themes=tuple(params.theme), keywords=tuple(params.keyword),
        formats=tuple(params.format), periodicities=tuple(params.periodicity),
        owners=tuple(params.owner), sort=params.sort, limit=params.limit,
        offset=params.offset, facets=_split(params.facets)), load=False)
    # SearchOut as ninja would write it, the items as the index keeps them (api/rendered.py).
    return HttpResponse(rendered.dumps({
        "count": result.count, "limit": params.limit, "offset": params.offset,
        "items": rendered.v1_items(result.ids),
        "facets": {name: [vars(f) for f in facets] for name, facets in result.facets.items()},
        "unknown_words": result.unknown_words,
        "suggestions": result.suggestions,
    }), content_type="application/json; charset=utf-8")
