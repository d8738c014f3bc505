"""PostgreSQL: the generated tsvector column catalog_searchentry.vector ('simple'
configuration over the lemmas, weights A title, B tags, C owner, D body; migration 0002)."""

from __future__ import annotations

# plainto_tsquery ANDs the words and reads no operator from them.
_QUERY = "plainto_tsquery('simple'::regconfig, %s)"


def match_sql(terms: list[str]) -> tuple[str, list]:
    return (f"SELECT dataset_id FROM catalog_searchentry WHERE vector @@ {_QUERY}",
            [" ".join(terms)])
