"""/owners: the data owners (розпорядники, §1.15) a caller may see."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router

from radadata.api.v1 import present, queries
from radadata.api.v1.auth import ANYONE, caller
from radadata.api.v1.schemas import ErrorOut, OwnerOut, OwnerPage, PageIn

router = Router(tags=["owners"])

READ_ERRORS = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut}


@router.get("", response={200: OwnerPage, **READ_ERRORS}, auth=ANYONE, url_name="owner-list",
            summary="List owners")
def list_owners(request: HttpRequest, page: Query[PageIn]) -> dict:
    """Anonymous: owners with at least one published dataset; signed in: also your own."""
    owners = queries.owners_visible_to(caller(request))
    items = owners[page.offset:page.offset + page.limit]
    return present.page([present.owner_out(o) for o in items], count=owners.count(),
                        limit=page.limit, offset=page.offset)


@router.get("/{slug}", response={200: OwnerOut, **READ_ERRORS}, auth=ANYONE,
            url_name="owner-detail", summary="One owner")
def get_owner(request: HttpRequest, slug: str) -> dict:
    return present.owner_out(queries.owner_get(caller(request), slug))
