"""SQLite: the FTS5 table catalog_search_fts and its vocabulary table (migration 0002)."""

from __future__ import annotations


def _expression(terms: list[str]) -> str:
    # Every term a quoted string (a quote inside doubled): FTS5 reads no operator from them.
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms)


def match_sql(terms: list[str]) -> tuple[str, list]:
    return ("SELECT rowid AS dataset_id FROM catalog_search_fts "
            "WHERE catalog_search_fts MATCH %s",
            [_expression(terms)])
