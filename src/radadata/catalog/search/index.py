"""Keeping the search index in step with the registry: one SearchEntry per public dataset."""

from __future__ import annotations

from django.db import transaction

from radadata.catalog.models import SearchEntry
from radadata.catalog.search import cache
from radadata.catalog.search.text import index_text
from radadata.registry.models import Dataset, ResourceVersion


def public_formats(dataset: Dataset) -> list[str]:
    """Declared formats, else the formats of the files the public gets (published versions),
    upper case, in order. Read from the lists of api/related.py when they are attached."""
    if dataset.declared_formats.strip():
        items = dataset.declared_formats.replace(";", ",").split(",")
        return list(dict.fromkeys(f.strip().upper() for f in items if f.strip()))
    latest: dict[int, str] = {}  # resource → format of its newest published version
    if "resource_list" in dataset.__dict__:
        for resource in dataset.resource_list:  # in order, versions oldest first
            for version in resource.version_list:
                if version.published_at is not None:
                    latest[resource.pk] = version.format
    else:
        versions = (ResourceVersion.objects
                    .filter(resource__dataset=dataset, published_at__isnull=False)
                    .order_by("resource__position", "resource_id", "number")
                    .values_list("resource_id", "format"))
        for resource_id, fmt in versions:
            latest[resource_id] = fmt
    return list(dict.fromkeys(f.upper() for f in latest.values() if f))


def _entry(dataset: Dataset) -> SearchEntry:
    """`dataset` has its owner and the lists of api/related.py loaded."""
    tags = [k.name for k in dataset.keyword_list] + [t.name for t in dataset.theme_list]
    owner = dataset.owner
    formats = public_formats(dataset)
    return SearchEntry(
        dataset_id=dataset.pk,
        title=index_text(dataset.title),
        tags=index_text(" ; ".join(tags)),
        body=index_text(dataset.description),
        owner=index_text(f"{owner.name} {owner.short_name}"),
        formats=f",{','.join(formats)}," if formats else "",
        **rendered_texts(dataset),
    )


def rendered_texts(dataset: Dataset) -> dict[str, str]:
    """The APIs' outputs of `dataset` as the search keeps them (api/rendered.py); `dataset`
    has its owner and the lists of api/related.py loaded."""
    # The catalogue keeps what the APIs show of its datasets, as a search engine would.
    from radadata.api import rendered

    return rendered.texts(dataset)


def _loaded(ids: list[int]) -> dict[int, Dataset]:
    """The datasets `ids` read afresh with what the search and the APIs' outputs read."""
    from radadata.api.related import with_related

    return {d.pk: d for d in with_related(Dataset.objects.filter(pk__in=ids))}


def _attach_fresh(datasets: list[Dataset]) -> None:
    """Attach the lists of api/related.py to `datasets`, read now (any read before dropped)."""
    from radadata.api.related import LISTS, attach_related

    for dataset in datasets:
        for name in LISTS:
            dataset.__dict__.pop(name, None)
    for start in range(0, len(datasets), 900):
        attach_related(datasets[start:start + 900])


def render_dataset(dataset: Dataset) -> None:
    """Write the APIs' outputs of `dataset` again (its files or versions changed, not its
    words): hooks.on_dataset_outputs_changed."""
    loaded = _loaded([dataset.pk]).get(dataset.pk)
    if loaded is None or not loaded.is_published:
        return
    SearchEntry.objects.filter(dataset_id=dataset.pk).update(**rendered_texts(loaded))


def index_dataset(dataset: Dataset) -> None:
    """Put the dataset in the index if the public sees it, take it out otherwise. Whenever the
    public catalogue changes, it gets a new version: what the search remembers is for the old
    one (cache.py). A draft changing changes nothing the public sees."""
    if not dataset.is_published:
        if SearchEntry.objects.filter(dataset_id=dataset.pk).delete()[0]:
            cache.bump_version(index=True)
        return
    cache.bump_version(index=True)
    entry = _entry(_loaded([dataset.pk])[dataset.pk])
    # Delete and insert rather than update: the FTS5 triggers then see whole rows.
    SearchEntry.objects.filter(dataset_id=dataset.pk).delete()
    entry.save(force_insert=True)


def index_datasets(datasets: list[Dataset]) -> None:
    """index_dataset() for many datasets in a few queries (the registry import's thousands).
    The instances are indexed as they are (their owners loaded); their tags, files and
    versions are attached to them afresh (api/related.py), a few queries for all of them."""
    if not datasets:
        return
    ids = [dataset.pk for dataset in datasets]
    cache.bump_version(index=True)
    for start in range(0, len(ids), 900):
        SearchEntry.objects.filter(dataset_id__in=ids[start:start + 900]).delete()
    _attach_fresh(datasets)
    entries = [_entry(dataset) for dataset in datasets if dataset.is_published]
    SearchEntry.objects.bulk_create(entries, batch_size=500)


@transaction.atomic
def reindex_all() -> int:
    """Rebuild the whole index from the registry; returns the number of datasets indexed."""
    cache.bump_version(index=True)
    SearchEntry.objects.all().delete()
    from radadata.api.related import with_related

    datasets = with_related(Dataset.objects.published()).order_by("pk")
    entries = [_entry(dataset) for dataset in datasets.iterator(chunk_size=500)]
    SearchEntry.objects.bulk_create(entries, batch_size=500)
    return len(entries)
