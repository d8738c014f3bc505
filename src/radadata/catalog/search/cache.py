"""What the search remembers between requests, and how it never remembers too long.

Unknown words with their suggestions, and the counts and facets of the popularity order, are
kept in Django's cache (the local-memory backend unless CACHES says otherwise: each process
keeps its own). Every key holds the token of CatalogueVersion, which index.py replaces in the
same transaction as any change of what the search reads (a dataset, its tags, files or owner;
a renamed theme reindexes its datasets). A request reads the token first and the data after:
whatever it stores under a token was read no earlier than that token was committed, so no
process ever serves an answer older than the last committed change.

The public APIs keep whole answers under the same token (api/responses.py), so whatever else
they show (an owner's details, its contact person, files) bumps it too, through
registry.hooks.on_catalogue_changed and a saved person (CatalogConfig.ready()).

Only what follows from the catalogue goes in. Use counts change with every page view, so the
popularity sort is never cached; labels that depend on the language are added after reading.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import connection

from radadata.catalog.models import CatalogueVersion

T = TypeVar("T")

#: Keys are versioned, so a long life only costs memory; the backend drops the least used.
TIMEOUT = 24 * 60 * 60
_PREFIX = "catalog.search"
_PINNED: ContextVar[str | None] = ContextVar("catalog_version_pinned", default=None)


@contextmanager
def pinned(version: str) -> Iterator[None]:
    """Within this block current_version() answers `version` without asking the database:
    the API's answer cache (api/responses.py) has just read it, and what is built in the
    block was read after it, so keys under it stay truthful."""
    token = _PINNED.set(version)
    try:
        yield
    finally:
        _PINNED.reset(token)


def current_version() -> str:
    """The token of the catalogue as committed now ("" before the first change)."""
    if (version := _PINNED.get()) is not None:
        return version
    # Read on every search: plain SQL costs a tenth of the same query built by the ORM.
    table = connection.ops.quote_name(CatalogueVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token FROM {table} WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else ""


def bump_version(*, index: bool = False) -> None:
    """Give the catalogue a new token; call inside the transaction that changes it. `index`:
    the search index's own entries change too (index.py), so its in-memory copies are rebuilt
    (memory.py)."""
    token = uuid.uuid4().hex
    changes = {"token": token, **({"index_token": token} if index else {})}
    if not CatalogueVersion.objects.filter(pk=1).update(**changes):
        # The first change of a fresh database (or of a test database after a flush).
        CatalogueVersion.objects.bulk_create([CatalogueVersion(pk=1, token=token)],
                                             ignore_conflicts=True)
        CatalogueVersion.objects.filter(pk=1).update(**changes)


def key(version: str, kind: str, *parts: Any) -> str:
    """A cache key for `kind` of the catalogue at `version`; `parts` are hashed (any length,
    any characters: the backend's key rules never see them)."""
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:40]
    return f"{_PREFIX}:{version}:{kind}:{digest}"


def get_or_none(cache_key: str) -> Any:
    return cache.get(cache_key)


def put(cache_key: str, value: Any) -> None:
    cache.set(cache_key, value, TIMEOUT)


def get_or_compute(cache_key: str, compute: Callable[[], T]) -> T:
    found = cache.get(cache_key)
    if found is None:
        found = compute()
        cache.set(cache_key, found, TIMEOUT)
    return found
