"""Mounted at /api/v1/ by the project's urls.py."""

from django.urls import URLPattern, path

from radadata.api.responses import remembered
from radadata.api.v1.api import api

#: Operations whose anonymous answers are served from the cache (api/responses.py).
REMEMBERED = frozenset({"search", "dataset-detail"})


def _patterns() -> tuple[list, str, str]:
    patterns, app_name, namespace = api.urls
    wrapped = [
        URLPattern(p.pattern, remembered()(p.callback), p.default_args, p.name)
        if isinstance(p, URLPattern) and p.name in REMEMBERED else p
        for p in patterns
    ]
    return wrapped, app_name, namespace


urlpatterns = [path("", _patterns())]
