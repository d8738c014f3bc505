"""SQLite: the FTS5 table catalog_search_fts and its vocabulary table (migration 0002)."""

from __future__ import annotations

from django.db import connection

#: bm25 weights of the columns title, tags, body, owner: a word of the title counts most.
_BM25 = "bm25(catalog_search_fts, 10.0, 5.0, 1.0, 2.0)"


def _expression(terms: list[str]) -> str:
    # Every term a quoted string (a quote inside doubled): FTS5 reads no operator from them.
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms)


def match_sql(terms: list[str]) -> tuple[str, list]:
    return ("SELECT rowid AS dataset_id FROM catalog_search_fts "
            "WHERE catalog_search_fts MATCH %s",
            [_expression(terms)])


def scored_sql(terms: list[str]) -> tuple[str, list]:
    # bm25() is lower for a better match: its negation is the score.
    return (f"SELECT rowid AS dataset_id, -{_BM25} AS score FROM catalog_search_fts "
            "WHERE catalog_search_fts MATCH %s", [_expression(terms)])


def known(terms: list[str]) -> set[str]:
    if not terms:
        return set()
    marks = ", ".join(["%s"] * len(terms))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT term FROM catalog_search_vocab WHERE term IN ({marks})",
                       terms)
        return {row[0] for row in cursor.fetchall()}


def vocabulary() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT term FROM catalog_search_vocab")
        return [row[0] for row in cursor.fetchall()]
