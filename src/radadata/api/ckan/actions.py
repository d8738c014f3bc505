"""The CKAN Action API, read-only: one function per action, named as in CKAN, and ACTIONS as
the registry the dispatcher looks names up in (DESIGN: "CKAN API as an adapter").

Each action takes (context, data) as CKAN's do and returns the `result` of the envelope; a
bad parameter raises ValidationFailed, an unknown id NotFound. Only published datasets and
their published files are ever read. The docstrings are what help_show answers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from radadata.api.ckan import dicts, params, queries, searching
from radadata.core.errors import NotFound, ValidationFailed
from radadata.registry import selectors
from radadata.registry.models import Council

#: The CKAN version whose Action API this one follows (its 2.10 answers and errors).
CKAN_VERSION = "2.10.0"
LIST_LIMIT_MAX = 1000


@dataclass(frozen=True)
class Context:
    at: dt.datetime  # the time of the request (resolves NOW in filters)


Action = Callable[[Context, dict[str, Any]], Any]


def _sorted(items: QuerySet, value: str, *, fields: dict[str, str], default: str) -> QuerySet:
    """CKAN's "field direction" sort of the list actions, on the model fields `fields` names."""
    parts = (value or default).lower().split()
    field = fields.get(parts[0]) if parts else None
    direction = parts[1] if len(parts) > 1 else "asc"
    if field is None or direction not in ("asc", "desc") or len(parts) > 2:
        raise ValidationFailed({"sort": [_("Sort by %(choices)s, followed by asc or desc.")
                                         % {"choices": ", ".join(fields)}]})
    return items.order_by(f"-{field}" if direction == "desc" else field, "pk")


def _page(items: list | QuerySet, data: dict[str, Any]) -> list:
    limit = params.integer(data, "limit", LIST_LIMIT_MAX, maximum=LIST_LIMIT_MAX)
    offset = params.integer(data, "offset", 0)
    return list(items[offset:offset + limit])


def status_show(context: Context, data: dict[str, Any]) -> dict:
    """Return the site's title, address, language and the CKAN version it answers as."""
    council = Council.current()
    return {
        "site_title": council.name,
        "site_description": _("Open data of %(council)s") % {"council": council.name},
        "site_url": settings.SITE_URL,
        "ckan_version": CKAN_VERSION,
        "error_emails_to": None,
        "locale_default": "uk",
        "extensions": [],
    }


def site_read(context: Context, data: dict[str, Any]) -> bool:
    """Return true: anybody may read this catalogue."""
    return True


def package_list(context: Context, data: dict[str, Any]) -> list[str]:
    """Return the names of the published datasets, by name.

    :param limit: how many names (optional)
    :param offset: how many to skip (optional)
    """
    limit = params.integer(data, "limit", 0)
    offset = params.integer(data, "offset", 0)
    return queries.dataset_names(limit=limit or None, offset=offset)


def package_show(context: Context, data: dict[str, Any]) -> dict:
    """Return one published dataset, with its resources.

    :param id: the id or the name of the dataset
    """
    dataset = queries.dataset_by_id_or_name(params.required(data, "id"))
    return dicts.package_dict(dataset, contacts=selectors.responsible_by_owner())


def package_search(context: Context, data: dict[str, Any]) -> dict:
    """Search the published datasets.

    :param q: words to find, in any Ukrainian form (optional)
    :param fq: filters: organization:, tags:, res_format:, groups:, update_frequency:,
        metadata_modified:[2026-01-01T00:00:00Z TO *] (optional)
    :param rows: how many datasets (default 10, at most 1000)
    :param start: how many to skip (default 0)
    :param sort: "score desc, metadata_modified desc" (default), "metadata_modified desc",
        "metadata_created desc", "title_string asc", "name asc", "id asc"
    :param facet.field: a JSON list of organization, groups, tags, res_format,
        update_frequency, license_id
    :param facet.limit: how many values per facet (default 50, -1 for all)
    """
    return searching.package_search(data, now=context.at)


def resource_show(context: Context, data: dict[str, Any]) -> dict:
    """Return one resource of a published dataset; its url downloads the published file.

    :param id: the id of the resource
    """
    resource = queries.public_resource(params.required(data, "id"))
    version = dicts.published_version(resource)
    assert version is not None  # the query keeps only resources with a published version
    return dicts.resource_dict(resource.dataset, resource, version)


def _named_page(items, data: dict[str, Any], *, key: str, keep: str):
    """organization_list and group_list alike: CKAN's sort (name = `key`, title, package_count),
    the `keep` list of names to keep, then limit/offset."""
    items = _sorted(items, params.text(data, "sort"),
                    fields={"name": key, "title": "name", "package_count": "package_count"},
                    default="name asc")
    wanted = params.string_list(data, keep)
    if wanted:
        items = items.filter(**{f"{key}__in": wanted})
    return _page(items, data)


def organization_list(context: Context, data: dict[str, Any]) -> list:
    """Return the data owners that have published datasets.

    :param all_fields: whole dictionaries instead of names (default false)
    :param sort: "name asc" (default), "title asc", "package_count desc"
    :param organizations: a JSON list of names to keep (optional)
    :param limit: how many (optional); :param offset: how many to skip (optional)
    """
    page = _named_page(queries.owners_with_counts(), data, key="slug", keep="organizations")
    if not params.boolean(data, "all_fields", False):
        return [owner.slug for owner in page]
    with_count = params.boolean(data, "include_dataset_count", True)
    return [dicts.organization_dict(o, package_count=o.package_count if with_count else None)
            for o in page]


def organization_show(context: Context, data: dict[str, Any]) -> dict:
    """Return one data owner.

    :param id: the id or name of the organization
    :param include_datasets: add its published datasets as "packages" (default false; at
        most 1000)
    """
    owner = queries.owner_by_id(params.required(data, "id"))
    result = dicts.organization_dict(owner, package_count=owner.package_count)
    if params.boolean(data, "include_datasets", False):
        contacts = selectors.responsible_by_owner()
        result["packages"] = [dicts.package_dict(d, contacts=contacts)
                              for d in queries.datasets_of_owner(owner, limit=LIST_LIMIT_MAX)]
    return result


def group_list(context: Context, data: dict[str, Any]) -> list:
    """Return the themes (CKAN groups).

    :param all_fields: whole dictionaries instead of names (default false)
    :param sort: "name asc" (default), "title asc", "package_count desc"
    :param groups: a JSON list of names to keep (optional)
    :param limit: how many (optional); :param offset: how many to skip (optional)
    """
    page = _named_page(queries.themes_with_counts(), data, key="code", keep="groups")
    if not params.boolean(data, "all_fields", False):
        return [dicts.group_name(theme.code) for theme in page]
    return [dicts.group_dict(t, package_count=t.package_count) for t in page]


def group_show(context: Context, data: dict[str, Any]) -> dict:
    """Return one theme (CKAN group).

    :param id: the id or name of the group
    :param include_datasets: add its published datasets as "packages" (default false; at
        most 1000)
    """
    theme = queries.theme_by_id(params.required(data, "id"))
    result = dicts.group_dict(theme, package_count=theme.package_count)
    if params.boolean(data, "include_datasets", False):
        contacts = selectors.responsible_by_owner()
        result["packages"] = [dicts.package_dict(d, contacts=contacts)
                              for d in queries.datasets_of_theme(theme, limit=LIST_LIMIT_MAX)]
    return result


def tag_list(context: Context, data: dict[str, Any]) -> list:
    """Return the keywords of the published datasets.

    :param query: keep the tags containing this text (optional)
    :param all_fields: whole dictionaries instead of names (default false)
    """
    if params.text(data, "vocabulary_id"):
        raise NotFound(_("There are no tag vocabularies here."))
    keywords = queries.keywords_in_use(containing=params.text(data, "query").strip())
    if params.boolean(data, "all_fields", False):
        return [dicts.tag_dict(k) for k in keywords]
    return [k.name for k in keywords]


def license_list(context: Context, data: dict[str, Any]) -> list[dict]:
    """Return the licences in use: CC BY 4.0, with the id data.gov.ua gives it (cc-by)."""
    return [dict(dicts.LICENSE)]


def help_show(context: Context, data: dict[str, Any]) -> str:
    """Return the help text of an action.

    :param name: the name of the action
    """
    name = params.required(data, "name")
    if name not in ACTIONS:
        raise NotFound(_("There is no action %(name)s here.") % {"name": name})
    return (ACTIONS[name].__doc__ or "").strip()


ACTIONS: dict[str, Action] = {
    function.__name__: function
    for function in (status_show, site_read, package_list, package_show, package_search,
                     resource_show, organization_list, organization_show, group_list,
                     group_show, tag_list, license_list, help_show)
}

#: CKAN actions that change data: refused with "Authorization Error" (the catalogue is
#: changed in the office, not through this API), so a client learns why.
WRITE_ACTIONS = frozenset({
    "package_create", "package_update", "package_patch", "package_delete",
    "package_owner_org_update", "package_resource_reorder", "package_relationship_create",
    "resource_create", "resource_update", "resource_patch", "resource_delete",
    "organization_create", "organization_update", "organization_patch",
    "organization_delete", "organization_member_create", "group_create", "group_update",
    "group_patch", "group_delete", "member_create", "tag_create", "dataset_purge",
    "user_create", "user_update", "user_delete", "api_token_create",
})
