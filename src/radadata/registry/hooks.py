"""Calls out of the registry to the apps built on it, which the registry must not import.

`on_dataset_changed` functions get each dataset the registry's services register, change,
publish or archive, inside the same transaction (a rollback undoes what they wrote too). The
catalog registers its search indexer here in CatalogConfig.ready().
"""

from __future__ import annotations

from collections.abc import Callable

from radadata.registry.models import Dataset

on_dataset_changed: list[Callable[[Dataset], None]] = []


def dataset_changed(dataset: Dataset) -> None:
    for hook in on_dataset_changed:
        hook(dataset)
