"""Calls out of the registry to the apps built on it, which the registry must not import.

`on_dataset_changed` functions get each dataset the registry's services register, change,
publish or archive, inside the same transaction (a rollback undoes what they wrote too). The
catalog registers its search indexer here in CatalogConfig.ready().

`on_version_added` functions get each new file version inside version_add's transaction; the
checks app starts the version's check there (ChecksConfig.ready()). `publishable` functions
narrow the versions about to be made public to those that may be: the checks app holds back a
version whose check is pending or found problems, and publishes it itself once it passes.

`on_dataset_outputs_changed` functions get a dataset whose files or versions changed (not its
words): the catalog writes the APIs' outputs it keeps for it again (api/rendered.py).

`on_catalogue_changed` functions are called, inside the service's transaction, by every change
that alters what the public catalogue shows without changing a dataset's own search entry: an
owner's details, who its contact person is, a new file or version. The catalog forgets what it
remembered of the catalogue then (CatalogConfig.ready()).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import QuerySet

from radadata.registry.models import Dataset, ResourceVersion

on_dataset_changed: list[Callable[[Dataset], None]] = []
#: Each function does for many datasets at once what its `on_dataset_changed` partner (the key)
#: does for one: the registry import calls it once for the thousands of datasets it makes.
on_datasets_changed: dict[Callable[[Dataset], None], Callable[[list[Dataset]], None]] = {}
on_version_added: list[Callable[..., None]] = []
publishable: list[Callable[..., QuerySet[ResourceVersion]]] = []
on_catalogue_changed: list[Callable[[], None]] = []
on_dataset_outputs_changed: list[Callable[[Dataset], None]] = []

_INLINE: ContextVar[bool] = ContextVar("registry_hooks_inline", default=False)


def dataset_changed(dataset: Dataset) -> None:
    for hook in on_dataset_changed:
        hook(dataset)


def datasets_changed(datasets: list[Dataset]) -> None:
    """dataset_changed() for each of `datasets`, in one pass per hook where it has a bulk form."""
    for hook in on_dataset_changed:
        bulk = on_datasets_changed.get(hook)
        if bulk is not None:
            bulk(datasets)
        else:
            for dataset in datasets:
                hook(dataset)


def dataset_outputs_changed(dataset: Dataset) -> None:
    for hook in on_dataset_outputs_changed:
        hook(dataset)


def catalogue_changed() -> None:
    for hook in on_catalogue_changed:
        hook()


def version_added(version: ResourceVersion, *, at: dt.datetime) -> None:
    for hook in on_version_added:
        hook(version, at=at)


def versions_publishable(versions: QuerySet[ResourceVersion], *, at: dt.datetime
                         ) -> QuerySet[ResourceVersion]:
    for narrow in publishable:
        versions = narrow(versions, at=at)
    return versions


@contextmanager
def work_inline(enabled: bool = True) -> Iterator[None]:
    """Within this block the hooks do at once, in the caller's transaction, what they would
    otherwise leave to the background worker after the commit (the check of a new file). The
    demo loader uses it, so the council is complete when it returns, and so do the tests,
    whose transaction never commits."""
    token = _INLINE.set(enabled)
    try:
        yield
    finally:
        _INLINE.reset(token)


def inline() -> bool:
    return _INLINE.get()
