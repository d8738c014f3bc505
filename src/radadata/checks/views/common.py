"""What the check pages share: the dataset and version from the address, scoped by access."""

from __future__ import annotations

from django.http import HttpRequest

from radadata.checks import selectors
from radadata.registry import selectors_office
from radadata.registry.models import Dataset, ResourceVersion


def dataset_and_version(request: HttpRequest, name: str,
                        version_id: int) -> tuple[Dataset, ResourceVersion]:
    """404 for a dataset the person may not read (its existence is not disclosed)."""
    dataset = selectors_office.dataset_for_office(name=name, user=request.user)
    return dataset, selectors.version_of(dataset=dataset, version_id=version_id)
