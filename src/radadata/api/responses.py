"""Whole answers of the public read APIs, remembered per catalogue version.

A search answer costs ~10 ms of CPU to build (the search, then loading and writing out each
dataset with its files, owner and contact person) and the same query comes again and again.
The bytes of an answer are kept in Django's cache under the catalogue's version token
(catalog/search/cache.py): every change of what these answers show replaces the token in its
own transaction (registry.hooks: datasets, owners, memberships, files, versions; a saved
person through catalog's post_save), so a remembered answer is never older than the last
committed change. The token is read before the answer is built, so an answer stored under it
cannot predate it.

Only what anybody would be answered is kept: GET requests without a token or a signed-in
session (whose answers may include more), answered 200. Answers that depend on the clock or
on use counts (date maths with NOW, the popularity sort) are built each time. The key holds
the path, every query parameter, the language of the answer and today's date (a few answers
look at it, e.g. what counts as overdue).
"""

from __future__ import annotations

import functools
import zlib
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation

from radadata.catalog.search import cache as search_cache

#: Larger answers (pages of hundreds of datasets) are rare and would crowd the others out.
#: Answers are kept compressed (zlib level 1: a fraction of a millisecond, several times
#: smaller): a page of 20 datasets is up to ~75 kB, and the settings allow 5,000 entries.
MAX_BYTES = 256 * 1024
#: Query text that makes an answer depend on the clock or on use counts.
_VOLATILE = ("now", "popularity", "views_")

View = Callable[..., HttpResponse]


def _anonymous(request: HttpRequest) -> bool:
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _cacheable(request: HttpRequest) -> bool:
    if request.method != "GET" or not _anonymous(request):
        return False
    query = request.META.get("QUERY_STRING", "").lower()
    return not any(word in query for word in _VOLATILE)


def _key(request: HttpRequest, version: str) -> str:
    parameters = sorted((name, tuple(values)) for name, values in request.GET.lists())
    return search_cache.key(version, "api-response", request.path, parameters,
                            translation.get_language(), timezone.localdate().isoformat())


def _rebuilt(stored: tuple[int, list[tuple[str, str]], bytes]) -> HttpResponse:
    status, headers, packed = stored
    response = HttpResponse(zlib.decompress(packed), status=status)
    for name, value in headers:
        response[name] = value
    return response


def remembered(when: Callable[..., bool] | None = None) -> Callable[[View], View]:
    """Serve the view's anonymous GET answers from the cache; `when(**view_kwargs)` narrows
    which answers are kept (e.g. only some CKAN actions)."""

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not _cacheable(request) or (when is not None and not when(**kwargs)):
                return view(request, *args, **kwargs)
            version = search_cache.current_version()
            cache_key = _key(request, version)
            stored = cache.get(cache_key)
            if stored is not None:
                return _rebuilt(stored)
            with search_cache.pinned(version):  # the search need not read it again
                response = view(request, *args, **kwargs)
            if (response.status_code == 200 and not response.streaming
                    and not response.cookies and len(response.content) <= MAX_BYTES):
                packed = zlib.compress(response.content, 1)
                cache.set(cache_key, (200, list(response.headers.items()), packed),
                          search_cache.TIMEOUT)
            return response

        return wrapper

    return decorate
