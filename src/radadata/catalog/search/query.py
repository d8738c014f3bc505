"""What a caller asks the search and what it answers (THE SEARCH SERVICE's interface)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from radadata.core.errors import ValidationFailed
from radadata.registry.models import Dataset

#: Sort keys, each in its natural direction; a leading "-" reverses it.
#:   relevance   best match first (with no words: the most recently changed first)
#:   title       А to Я
#:   published   first published most recently first
#:   modified    changed most recently first
#:   popularity  most page views and downloads over the last 365 days first
SORTS = ("relevance", "title", "published", "modified", "popularity")
FACETS = ("theme", "keyword", "format", "periodicity", "owner")
MAX_LIMIT = 1000


class SearchError(ValidationFailed):
    """The query itself is wrong (an unknown sort, a limit out of range): the caller's 4xx."""

    code = "invalid_search"


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""  # free words, any Ukrainian form; the first 500 characters are read
    themes: tuple[str, ...] = ()  # Theme.code; any of them
    keywords: tuple[str, ...] = ()  # Keyword.name; any of them
    formats: tuple[str, ...] = ()  # upper case, e.g. "CSV"; any of them
    periodicities: tuple[str, ...] = ()  # data.gov.ua codes
    owners: tuple[str, ...] = ()  # Owner.slug
    modified_from: dt.datetime | None = None  # last_modified_at ≥
    modified_to: dt.datetime | None = None  # last_modified_at ≤
    sort: str = "relevance"  # see SORTS
    offset: int = 0
    limit: int = 20  # 0 … MAX_LIMIT; 0 answers the count and facets only
    facets: tuple[str, ...] = ()  # any of FACETS
    # The end of the popularity window; today when None (a parameter so tests fix the time).
    as_of: dt.date | None = None


@dataclass
class Facet:
    value: str
    label: str
    count: int


@dataclass
class SearchResult:
    count: int
    datasets: list[Dataset]  # the page, published only; owner, responsible, search_entry joined
    # (empty when search() was asked not to load them: then `ids` says which they are)
    facets: dict[str, list[Facet]] = field(default_factory=dict)
    unknown_words: list[str] = field(default_factory=list)  # as typed, lower case
    # Whole queries to try instead, best first: each unknown word replaced by a close word of
    # the index (or left out when none is close).
    suggestions: list[str] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)  # the page's datasets, in order
