"""Resources (the files of a dataset) and their versions. Earlier versions stay downloadable."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from ninja import File, Form, Query, Router, Status, UploadedFile

from radadata.api.v1 import present, queries
from radadata.api.v1.auth import ANYONE, SIGNED_IN, caller
from radadata.api.v1.schemas import ErrorOut, PageIn, ResourceOut, ResourcePage, VersionOut
from radadata.registry.services import resources as resource_services

router = Router(tags=["resources"])

READ_ERRORS = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut}
WRITE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


@router.get("/datasets/{name}/resources", response={200: ResourcePage, **READ_ERRORS},
            auth=ANYONE, url_name="resource-list", summary="A dataset's files and versions")
def list_resources(request: HttpRequest, name: str, page: Query[PageIn]) -> dict:
    dataset = queries.dataset_get(caller(request), name, with_files=False)
    resources = queries.dataset_resources(caller(request), dataset)
    items = resources[page.offset:page.offset + page.limit]
    return present.page([present.resource_out(r, dataset_name=dataset.name) for r in items],
                        count=resources.count(), limit=page.limit, offset=page.offset)


@router.post("/datasets/{name}/resources", response={201: ResourceOut, **WRITE_ERRORS},
             auth=SIGNED_IN, url_name="resource-create", summary="Add a file to a dataset")
def create_resource(request: HttpRequest, name: str, file: File[UploadedFile],
                    title: Form[str], description: Form[str] = "") -> Status:
    """A new resource with its first version, in one transaction (multipart/form-data)."""
    dataset = queries.dataset_get(caller(request), name, with_files=False)
    by, at = caller(request), timezone.now()
    with transaction.atomic():
        resource = resource_services.resource_create(
            dataset=dataset, title=title, description=description, by=by, at=at)
        version = resource_services.version_add(
            resource=resource, stream=file, filename=file.name or "file", by=by, at=at)
    body = present.resource_out(resource, dataset_name=dataset.name, versions=[version])
    return Status(201, body)


@router.post("/resources/{resource_id}/versions", response={201: VersionOut, **WRITE_ERRORS},
             auth=SIGNED_IN, url_name="version-add", summary="Upload a new version")
def add_version(request: HttpRequest, resource_id: int, file: File[UploadedFile],
                note: Form[str] = "") -> Status:
    """The file becomes the resource's next version; the earlier ones stay as they are."""
    resource = queries.resource_get(caller(request), resource_id)
    version = resource_services.version_add(
        resource=resource, stream=file, filename=file.name or "file", by=caller(request),
        at=timezone.now(), note=note)
    return Status(201, present.version_out(resource.dataset.name, resource.pk, version))
