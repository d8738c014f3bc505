"""What the APIs' dataset outputs read besides the dataset row, attached to each dataset as
plain lists by one query per relation:

    dataset.keyword_list, dataset.theme_list   by name
    dataset.resource_list                      in resource order
    resource.version_list                      oldest first, unpublished versions included

prefetch_related with `to_attr` hands each object its rows as a list; without it Django builds
a queryset per object and relation, which on a page of twenty datasets costs more than the four
queries themselves. The CKAN dicts and the /api/v1 output read these lists and nothing else.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet, prefetch_related_objects

from radadata.registry.models import Dataset, Resource, ResourceVersion

#: The attributes the lists are attached as.
LISTS = ("keyword_list", "theme_list", "resource_list")


def _lookups() -> list[Prefetch]:
    # New Prefetch objects each time: Django keeps state on them while it prefetches.
    versions = Prefetch("versions", queryset=ResourceVersion.objects.order_by("number"),
                        to_attr="version_list")
    return [
        Prefetch("keywords", to_attr="keyword_list"),
        Prefetch("themes", to_attr="theme_list"),
        Prefetch("resources", queryset=Resource.objects.prefetch_related(versions),
                 to_attr="resource_list"),
    ]


def with_related(datasets: QuerySet[Dataset]) -> QuerySet[Dataset]:
    """`datasets` with their owner and contact person joined and the lists attached."""
    return datasets.select_related("owner", "responsible").prefetch_related(*_lookups())


def attach_related(datasets: list[Dataset]) -> list[Dataset]:
    """Attach the lists to datasets already loaded (with their owner and contact person)."""
    prefetch_related_objects(datasets, *_lookups())
    return datasets


def current_formats(dataset: Dataset) -> list[str]:
    """The formats of the newest version of each resource, in resource order, once each."""
    formats: list[str] = []
    for resource in dataset.resource_list:
        if resource.version_list and resource.version_list[-1].format not in formats:
            formats.append(resource.version_list[-1].format)
    return formats


def contacts() -> dict:
    """selectors.responsible_by_owner(), remembered for the catalogue's version: every change
    of an owner's people or of a person bumps it (catalog/search/cache.py), and a search page
    of the APIs needs it on every request."""
    from radadata.catalog.search import cache
    from radadata.registry import selectors

    version = cache.current_version()
    return cache.get_or_compute(cache.key(version, "contacts"), selectors.responsible_by_owner)
