"""Our models as CKAN dictionaries (package, resource, organization, group, tag, licence).

Only what the public may see goes in: the caller passes published datasets, and a resource
shows its newest PUBLISHED version (a file waiting for publication stays invisible). The
data.gov.ua fields are top-level keys, as the portal shows them; `extras` holds only what no
top-level key says (CKAN refuses an extra that repeats a field, so a harvester copying the
package would fail). Resource, organisation and group ids are UUIDs (ids.py), names are slugs.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from urllib.parse import quote

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.http import RFC3986_SUBDELIMS

from radadata.accounts.models import User
from radadata.api.ckan import ids
from radadata.catalog.search.cache import current_version
from radadata.registry import selectors
from radadata.registry.models import Dataset, Keyword, Owner, Resource, ResourceVersion, Theme

#: The one licence of the catalogue (§7; CC BY 4.0), with the id data.gov.ua uses for it.
LICENSE = {
    "id": "cc-by",
    "title": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "status": "active",
    "maintainer": "",
    "family": "",
    "od_conformance": "approved",
    "osd_conformance": "not reviewed",
    "domain_content": True,
    "domain_data": True,
    "domain_software": False,
    "is_generic": False,
    "is_okd_compliant": True,
    "is_osi_compliant": False,
}

#: data.gov.ua caps the purpose of collection at 512 characters.
PURPOSE_MAX = 512
#: CKAN's tag validator: letters, digits, spaces, "-", "_", "." (ʼ U+02BC is a letter).
TAG_MIN, TAG_MAX = 2, 100
_APOSTROPHES = re.compile("['\u2019\u2018`\u00b4\u02b9]")
_NOT_TAG = re.compile(r"[^\w \-.]+")


def portal_tag(word: str) -> str:
    """A keyword as CKAN's tag validator accepts it: any apostrophe as ʼ (U+02BC, which CKAN
    takes as a letter: «безбарʼєрність»), other signs as spaces; "" when too short."""
    tag = _NOT_TAG.sub(" ", _APOSTROPHES.sub("\u02bc", word))
    tag = " ".join(tag.split())[:TAG_MAX].strip()
    return tag if len(tag) >= TAG_MIN else ""


def timestamp(value: dt.datetime | None) -> str | None:
    """CKAN's form: ISO 8601 in UTC without an offset, e.g. 2026-03-02T10:00:00."""
    if value is None:
        return None
    return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat()


def metadata_created(dataset: Dataset) -> dt.datetime:
    # The public record begins at the first publication.
    return dataset.first_published_at or dataset.registered_at


def metadata_modified(dataset: Dataset) -> dt.datetime:
    # The same field the search service filters `modified_from/to` on, so that a harvester's
    # fq=metadata_modified:[X TO *] and the dicts it gets back agree.
    return dataset.last_modified_at or metadata_created(dataset)


def published_version(resource: Resource) -> ResourceVersion | None:
    """The newest published version; reads `resource.version_list` (api/related.py)."""
    versions = [v for v in resource.version_list if v.published_at is not None]
    return max(versions, key=lambda v: v.number, default=None)


#: Stand-ins reversed once (_download_pattern), then replaced: reverse() per file costs more
#: than the rest of a resource dict.
_NAME, _RESOURCE, _NUMBER, _FILE = "dataset0name", 987654321, 123456789, "file0name"


@functools.lru_cache(maxsize=8)
def _download_pattern(prefix: str, urlconf: str | None) -> str:
    return reverse("registry:version-download", urlconf=urlconf,
                   args=[_NAME, _RESOURCE, _NUMBER, _FILE])


def download_url(dataset: Dataset, resource: Resource, version: ResourceVersion) -> str:
    name = version.original_name
    if not name or "/" in name:  # reverse() itself says why it cannot be an address
        path = reverse("registry:version-download",
                       args=[dataset.name, resource.pk, version.number, name])
    else:
        # The numbers first, then the file (last in the path), then the name (first): what
        # is put in is never searched again.
        path = (_download_pattern(get_script_prefix(), get_urlconf())
                .replace(str(_RESOURCE), str(resource.pk), 1)
                .replace(str(_NUMBER), str(version.number), 1)
                # quoted as reverse() quotes the path it made
                .replace(_FILE, quote(name, safe=RFC3986_SUBDELIMS + "/~:@"), 1)
                .replace(_NAME, dataset.name, 1))
    return settings.SITE_URL + path


def resource_dict(dataset: Dataset, resource: Resource, version: ResourceVersion) -> dict:
    return {
        "id": ids.resource_id(resource.pk),
        "package_id": dataset.identifier,
        "url": download_url(dataset, resource, version),
        "name": resource.title,
        "description": resource.description,
        "format": version.format,
        "mimetype": version.media_type or None,
        "size": version.size,
        "hash": version.sha256,
        "last_modified": timestamp(version.published_at),
        "created": timestamp(resource.created_at),
        "metadata_modified": timestamp(version.published_at),
        "position": resource.position,
        "state": "active",
        "url_type": None,
        "resource_type": None,
        "datastore_active": False,
    }


def public_resources(dataset: Dataset) -> list[dict]:
    """Resource dicts of the resources that have a published version, in their order."""
    result = []
    for resource in dataset.resource_list:
        version = published_version(resource)
        if version is not None:
            result.append(resource_dict(dataset, resource, version))
    return result


def organization_dict(owner: Owner, *, package_count: int | None = None) -> dict:
    extras = [{"key": "edrpou", "value": owner.edrpou}] if owner.edrpou else []
    result = {
        "id": ids.organization_id(owner.pk),
        "name": owner.slug,
        "title": owner.name,
        "display_name": owner.name,
        "description": "",
        "type": "organization",
        "is_organization": True,
        "state": "active",
        "approval_status": "approved",
        "image_url": "",
        "image_display_url": "",
        "created": timestamp(owner.created_at),
        "extras": extras,
    }
    if package_count is not None:
        result["package_count"] = package_count
    return result


#: CKAN keeps organisations and groups in one table: a name is unique across both. A theme
#: whose code is also an owner's short name is named with this suffix.
GROUP_SUFFIX = "-tema"
_OWNER_NAMES: dict[str, frozenset[str]] = {}


def _owner_names() -> frozenset[str]:
    """The owners' short names, read once per catalogue version (owners bump it)."""
    version = current_version()
    names = _OWNER_NAMES.get(version) if version else None
    if names is None:
        names = frozenset(Owner.objects.values_list("slug", flat=True))
        if version:
            _OWNER_NAMES.clear()
            _OWNER_NAMES[version] = names
    return names


def group_name(code: str) -> str:
    return f"{code}{GROUP_SUFFIX}" if code in _owner_names() else code


def theme_code(name: str) -> str:
    """A theme's code from its group name (either form)."""
    return name.removesuffix(GROUP_SUFFIX)


def group_dict(theme: Theme, *, package_count: int | None = None) -> dict:
    result = {
        "id": ids.group_id(theme.pk),
        "name": group_name(theme.code),
        "title": theme.name,
        "display_name": theme.name,
        "description": "",
        "type": "group",
        "is_organization": False,
        "state": "active",
        "approval_status": "approved",
        "image_url": "",
        "image_display_url": "",
    }
    if package_count is not None:
        result["package_count"] = package_count
    return result


def tag_dict(keyword: Keyword) -> dict:
    # As CKAN's tag validator accepts it, so a harvester can create it (an apostrophe as ʼ).
    name = portal_tag(keyword.name) or keyword.name
    return {"id": name, "name": name, "display_name": name,
            "state": "active", "vocabulary_id": None}


def package_dict(dataset: Dataset, *, contacts: dict[int, User | None]) -> dict:
    """`dataset` has its owner and contact person joined and the lists of api/related.py
    attached (queries.py loads them so); `contacts` is selectors.responsible_by_owner()."""
    return {**package_core(dataset),
            **package_owner(dataset.owner),
            **package_contact(selectors.contact_point(dataset, contacts)),
            "groups": [group_dict(t) for t in dataset.theme_list],
            "extras": package_extras(dataset.identifier, issued(dataset), dataset.owner)}


def package_core(dataset: Dataset) -> dict:
    """What a package dict says that follows from the dataset alone (its row, tags, files):
    the search keeps it rendered (api/rendered.py); the owner's, the contact person's and the
    themes' parts are added to it."""
    keywords = dataset.keyword_list
    resources = public_resources(dataset)
    return {
        "id": dataset.identifier,
        "name": dataset.name,
        "title": dataset.title,
        "notes": dataset.description,
        "url": dataset.landing_page,
        "type": "dataset",
        "state": "active",
        "private": False,
        "isopen": True,
        "license_id": LICENSE["id"],
        "license_title": LICENSE["title"],
        "license_url": LICENSE["url"],
        "metadata_created": timestamp(metadata_created(dataset)),
        "metadata_modified": timestamp(metadata_modified(dataset)),
        "version": None,
        "tags": [tag_dict(k) for k in keywords],
        "resources": resources,
        "num_resources": len(resources),
        "num_tags": len(keywords),
        "relationships_as_object": [],
        "relationships_as_subject": [],
        "purpose_of_collecting_information": dataset.purpose[:PURPOSE_MAX],
        "update_frequency": dataset.periodicity,
        "language": dataset.language or "uk",
    }


def package_owner(owner: Owner) -> dict:
    return {"author": owner.name, "author_email": owner.email or None,
            "organization": organization_dict(owner),
            "owner_org": ids.organization_id(owner.pk)}


def package_contact(contact: User | None) -> dict:
    return {"maintainer": contact.full_name if contact else None,
            "maintainer_email": contact.email if contact else None}


def issued(dataset: Dataset) -> str:
    return (timestamp(dataset.first_published_at) or "")[:10]


def package_extras(identifier: str, issued: str, owner: Owner) -> list[dict]:
    """What an import (ours, or another RadaData's) needs and no CKAN field says."""
    extras = {"identifier": identifier, "publisher_name": owner.name,
              "publisher_identifier": owner.edrpou, "issued": issued}
    return [{"key": key, "value": value} for key, value in extras.items() if value]
