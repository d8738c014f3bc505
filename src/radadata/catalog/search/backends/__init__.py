"""The full-text part of the search, one module per database, behind the same four functions:

    match_sql(terms) -> (sql, params)   a query of the ids (dataset_id) of datasets having
                                        every term
    scored_sql(terms) -> (sql, params)  the same datasets as rows (dataset_id, score): a
                                        higher score is a better match
    known(terms) -> set of the terms the index holds
    vocabulary() -> every term the index holds

Terms are lemmas (catalog/search/text.py): letters and digits only, never query syntax; the
backends quote them all the same.
"""

from __future__ import annotations

from types import ModuleType

from django.db import connection


def backend() -> ModuleType:
    if connection.vendor == "postgresql":
        from radadata.catalog.search.backends import postgresql

        return postgresql
    from radadata.catalog.search.backends import sqlite

    return sqlite
