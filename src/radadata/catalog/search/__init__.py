"""THE SEARCH SERVICE: every part of the site that searches datasets calls search() here.

Words are matched by lemma (text.py), so any Ukrainian form of a word finds the others. The
index is a SearchEntry per public dataset; each process answers from a copy of it in memory
(memory.py), the database's full text (backends/) serving the popularity order. The registry's
services keep the index in step through registry.hooks (registered in CatalogConfig.ready());
`radadata reindex` rebuilds it.
"""

from radadata.catalog.search.index import index_dataset, public_formats, reindex_all
from radadata.catalog.search.query import (
    FACETS,
    MAX_LIMIT,
    SORTS,
    Facet,
    SearchError,
    SearchQuery,
    SearchResult,
)
from radadata.catalog.search.service import search

__all__ = ["FACETS", "MAX_LIMIT", "SORTS", "Facet", "SearchError", "SearchQuery",
           "SearchResult", "index_dataset", "public_formats", "reindex_all", "search"]
