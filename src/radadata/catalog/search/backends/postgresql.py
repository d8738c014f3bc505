"""PostgreSQL: the generated tsvector column catalog_searchentry.vector ('simple'
configuration over the lemmas, weights A title, B tags, C owner, D body; migration 0002)."""

from __future__ import annotations

from django.db import connection

# plainto_tsquery ANDs the words and reads no operator from them.
_QUERY = "plainto_tsquery('simple'::regconfig, %s)"
_STAT = "ts_stat('SELECT vector FROM catalog_searchentry')"


def match_sql(terms: list[str]) -> tuple[str, list]:
    return (f"SELECT dataset_id FROM catalog_searchentry WHERE vector @@ {_QUERY}",
            [" ".join(terms)])


def scored_sql(terms: list[str]) -> tuple[str, list]:
    return (f"SELECT dataset_id, ts_rank(vector, {_QUERY}) AS score "
            f"FROM catalog_searchentry WHERE vector @@ {_QUERY}", [" ".join(terms)] * 2)


def known(terms: list[str]) -> set[str]:
    if not terms:
        return set()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT word FROM {_STAT} WHERE word = ANY(%s)", [terms])
        return {row[0] for row in cursor.fetchall()}


def vocabulary() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT word FROM {_STAT}")
        return [row[0] for row in cursor.fetchall()]
