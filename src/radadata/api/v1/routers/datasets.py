"""/datasets: the registry's datasets and their passports."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Status

from radadata.api.v1 import present, queries
from radadata.api.v1.auth import ANYONE, SIGNED_IN, caller
from radadata.api.v1.schemas import (
    DatasetFilters,
    DatasetIn,
    DatasetOut,
    DatasetPage,
    DatasetPatch,
    ErrorOut,
)
from radadata.registry import selectors
from radadata.registry.models import Dataset
from radadata.registry.services import datasets as dataset_services

router = Router(tags=["datasets"])

READ_ERRORS = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut}
WRITE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
#: Text fields of the passport: null from a client means "empty".
TEXT_FIELDS = {"title", "description", "purpose", "language", "compression", "data_type",
               "identifier", "name", "periodicity"}


def _passport(data: dict[str, Any]) -> dict[str, Any]:
    """Client field names and values into the service's keyword arguments."""
    fields: dict[str, Any] = {}
    for key, value in data.items():
        if key == "owner":
            fields["owner"] = queries.owner_by_slug(value or "")
        elif key == "formats":
            fields["declared_formats"] = ", ".join(f.strip() for f in value or [] if f.strip())
        elif key == "landing_page":
            fields["landing_page_override"] = value or ""
        elif key in TEXT_FIELDS:
            fields[key] = value or ""
        else:
            fields[key] = value
    return fields


def _detail(dataset: Dataset) -> dict:
    return present.dataset_out(dataset, contacts=selectors.responsible_by_owner(),
                               base=present.api_base())


@router.get("", response={200: DatasetPage, **READ_ERRORS}, auth=ANYONE, url_name="dataset-list",
            summary="List datasets")
def list_datasets(request: HttpRequest, filters: Query[DatasetFilters]) -> dict:
    """Published datasets for everybody; signed in, also those of your owners in any state."""
    datasets = queries.dataset_list(caller(request), owner=filters.owner, status=filters.status,
                                    periodicity=filters.periodicity, q=filters.q)
    items = list(datasets[filters.offset:filters.offset + filters.limit])
    contacts, base = selectors.responsible_by_owner(), present.api_base()
    return present.page([present.dataset_out(d, contacts=contacts, base=base) for d in items],
                        count=datasets.count(), limit=filters.limit, offset=filters.offset)


@router.get("/{name}", response={200: DatasetOut, **READ_ERRORS}, auth=ANYONE,
            url_name="dataset-detail", summary="One dataset")
def get_dataset(request: HttpRequest, name: str) -> dict:
    return _detail(queries.dataset_get(caller(request), name))


@router.post("", response={201: DatasetOut, **WRITE_ERRORS}, auth=SIGNED_IN,
             url_name="dataset-register", summary="Register a dataset")
def register_dataset(request: HttpRequest, payload: DatasetIn) -> Status:
    """Enter a new dataset of your owner in the registry (not published yet)."""
    data = payload.model_dump(exclude_none=True)
    keywords, themes = data.pop("keywords", []), data.pop("themes", [])
    dataset = dataset_services.dataset_register(
        **_passport(data), keywords=keywords, themes=themes, by=caller(request),
        at=timezone.now())
    return Status(201, _detail(queries.dataset_get(caller(request), dataset.name)))


@router.patch("/{name}", response={200: DatasetOut, **WRITE_ERRORS}, auth=SIGNED_IN,
              url_name="dataset-update", summary="Change a dataset's passport")
def update_dataset(request: HttpRequest, name: str, payload: DatasetPatch) -> dict:
    """Only the fields sent are changed; keywords and themes, when sent, replace the old ones."""
    dataset = queries.dataset_get(caller(request), name, with_files=False)
    data = payload.model_dump(exclude_unset=True)
    keywords, themes = data.pop("keywords", None), data.pop("themes", None)
    dataset = dataset_services.dataset_update(
        dataset=dataset, **_passport(data), keywords=keywords, themes=themes,
        by=caller(request), at=timezone.now())
    return _detail(queries.dataset_get(caller(request), dataset.name))
