"""Models into the response shapes of schemas.py. Reads only what the queries prefetched."""

from __future__ import annotations

import functools
from urllib.parse import quote

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

from radadata.accounts.models import User
from radadata.api.related import current_formats
from radadata.registry import selectors
from radadata.registry.models import Dataset, Owner, Resource, ResourceVersion
from radadata.registry.vocabularies import PERIODICITY_UK, OwnerKind


def api_base() -> str:
    """Absolute address of the API's dataset collection, e.g. https://…/api/v1/datasets."""
    return settings.SITE_URL + _collection(get_script_prefix(), get_urlconf())


@functools.lru_cache(maxsize=8)
def _collection(prefix: str, urlconf: str | None) -> str:
    return reverse("api-v1:dataset-list", urlconf=urlconf)


def download_url(dataset_name: str, resource_id: int, version: ResourceVersion) -> str:
    """The public download address of one version (the catalog pages serve it)."""
    return (f"{settings.SITE_URL}/dataset/{quote(dataset_name)}/resource/{resource_id}"
            f"/v{version.number}/{quote(version.original_name)}")


def _contact(user: User | None) -> dict | None:
    if user is None:
        return None
    return {"name": user.full_name, "email": user.email}


def owner_ref(owner: Owner) -> dict:
    return {"slug": owner.slug, "name": owner.name, "edrpou": owner.edrpou or None}


def dataset_out(dataset: Dataset, *, contacts: dict[int, User | None], base: str) -> dict:
    """`dataset` has its owner and contact person joined and the lists of api/related.py
    attached; `contacts` is selectors.responsible_by_owner(); `base` is api_base()."""
    return {**dataset_core(dataset, base=base), "owner": owner_ref(dataset.owner),
            "contact": _contact(selectors.contact_point(dataset, contacts))}


def dataset_core(dataset: Dataset, *, base: str) -> dict:
    """What dataset_out says that follows from the dataset alone (not its owner or contact
    person): the search keeps it rendered (api/rendered.py)."""
    resources = dataset.resource_list
    formats = {dataset.pk: current_formats(dataset)}
    return {
        "identifier": dataset.identifier,
        "name": dataset.name,
        "title": dataset.title,
        "description": dataset.description,
        "purpose": dataset.purpose,
        "language": dataset.language,
        "formats": selectors.dataset_formats(dataset, formats),
        "periodicity": dataset.periodicity,
        "periodicity_label": PERIODICITY_UK.get(dataset.periodicity, dataset.periodicity),
        "keywords": [k.name for k in dataset.keyword_list],
        "themes": [{"code": t.code, "name": t.name} for t in dataset.theme_list],
        "status": dataset.status,
        "first_published_at": dataset.first_published_at,
        "last_modified_at": dataset.last_modified_at,
        "data_as_of": dataset.data_as_of,
        "landing_page": dataset.landing_page,
        "resources_count": len(resources),
        "urls": {
            "api": f"{base}/{dataset.name}",
            "page": dataset.landing_page,
            "resources": f"{base}/{dataset.name}/resources",
        },
    }


def version_out(dataset_name: str, resource_id: int, version: ResourceVersion) -> dict:
    return {
        "number": version.number,
        "uploaded_at": version.uploaded_at,
        "filename": version.original_name,
        "size": version.size,
        "format": version.format,
        "media_type": version.media_type,
        "encoding": version.encoding,
        "sha256": version.sha256,
        "download_url": download_url(dataset_name, resource_id, version),
    }


def resource_out(resource: Resource, *, dataset_name: str,
                 versions: list[ResourceVersion] | None = None) -> dict:
    """`versions` newest first; taken from the prefetched `resource.versions` when omitted."""
    if versions is None:
        versions = list(resource.versions.all())
    versions = sorted(versions, key=lambda v: v.number, reverse=True)
    return {
        "id": resource.pk,
        "title": resource.title,
        "description": resource.description,
        "position": resource.position,
        "created_at": resource.created_at,
        "current_version": versions[0].number if versions else None,
        "versions": [version_out(dataset_name, resource.pk, v) for v in versions],
    }


def owner_out(owner: Owner) -> dict:
    """Public facts of an owner; `owner` comes from queries.owners_visible_to (annotated)."""
    return {
        "slug": owner.slug,
        "name": owner.name,
        "short_name": owner.short_name,
        "kind": owner.kind,
        "kind_label": str(OwnerKind(owner.kind).label) if owner.kind in OwnerKind.values
        else owner.kind,
        "edrpou": owner.edrpou or None,
        "managing_owner": owner.managing_owner.slug if owner.managing_owner else None,
        "published_datasets": owner.published_count,
    }


def page(items: list, *, count: int, limit: int, offset: int) -> dict:
    return {"count": count, "limit": limit, "offset": offset, "items": items}
