"""/registry: the registry of published datasets (§4.10, §4.11) — the same rows as the
/registry.csv download, a page at a time, for programs that would rather not parse CSV."""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from radadata.api.v1.auth import ANYONE
from radadata.api.v1.schemas import ErrorOut, PageIn
from radadata.registry import exports, selectors

router = Router(tags=["registry"])


class RegistryFilters(PageIn):
    structure: Literal["4.10", "2019", "2025"] = Field(
        "4.10", description="4.10 (the regulation's, default), or the national 2019 or 2025 "
                            "namings.")


class RegistryPage(Schema):
    structure: str
    header: list[str] = Field(description="The column names, in order.")
    count: int
    limit: int
    offset: int
    items: list[dict[str, str | None]] = Field(
        description="One object per published dataset with exactly the header's keys; "
                    "publisherIdentifier (publisherId) is null for an owner without ЄДРПОУ.")


@router.get("", response={200: RegistryPage, 422: ErrorOut}, auth=ANYONE,
            url_name="registry", summary="The registry of published datasets")
def published_registry(request: HttpRequest, filters: Query[RegistryFilters]) -> dict:
    structure = exports.PUBLISHED[filters.structure]
    datasets = selectors.published_datasets()
    page = list(datasets[filters.offset:filters.offset + filters.limit])
    header = structure.header
    items = [dict(zip(header, row, strict=True))
             for row in exports.published_rows(structure, page)]
    return {"structure": structure.key, "header": list(header), "count": datasets.count(),
            "limit": filters.limit, "offset": filters.offset, "items": items}
