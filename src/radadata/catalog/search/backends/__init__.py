"""The full-text match of the popularity order (order.py), one module per database:

    match_sql(terms) -> (sql, params)   a query of the ids (dataset_id) of datasets having
                                        every term

Every other search reads the copy of the index each process holds (memory.py). Terms are
lemmas (catalog/search/text.py): letters and digits only, never query syntax; the backends
quote them all the same."""

from __future__ import annotations

from types import ModuleType

from django.db import connection


def backend() -> ModuleType:
    if connection.vendor == "postgresql":
        from radadata.catalog.search.backends import postgresql

        return postgresql
    from radadata.catalog.search.backends import sqlite

    return sqlite
