"""The APIs' outputs of a public dataset, rendered when the search indexes it and put together
per request.

A search page of the APIs lists twenty datasets. Loading each with its tags, themes, files and
versions and writing it out cost ~0.3 ms of CPU apiece, most of a search request. So the part
of each output that follows from the dataset alone (package_core for the CKAN API, DatasetOut
but its owner and contact for /api/v1) is written as JSON text when catalog/search/index.py
indexes the dataset, in the transaction of the change, and kept in its SearchEntry, as CKAN
keeps each dataset's dict in Solr. Per request, a page is one query for those texts; what
comes from the owner, the contact person and the themes' group names is added from what is
remembered for the catalogue's version (every change of those bumps it: cache.py).

Whatever changes a dataset's own part re-renders it: the registry's services call
hooks.dataset_changed (which reindexes) or hooks.dataset_outputs_changed (files and versions,
which re-renders only). A dataset without a text, or whose text was written for another
SITE_URL, is written out the slow way, so an answer is never wrong, only slower.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection

from radadata.registry.models import Dataset

#: The text columns of catalog.SearchEntry, by output.
CKAN, V1 = "ckan", "v1"
#: What separates the parts of a CKAN text: JSON text never holds a raw line break.
_SEPARATOR = "\n"


class RawItems:
    """A list of JSON texts, to be placed in an answer as they are (dumps())."""

    __slots__ = ("texts",)

    def __init__(self, texts: list[str]):
        self.texts = texts


class _Encoder(DjangoJSONEncoder):
    """Writes a RawItems as a marker string, remembered in `placed` to be replaced."""

    def __init__(self, *args: Any, placed: dict[str, str], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.placed = placed

    def default(self, o: Any) -> Any:
        if isinstance(o, RawItems):
            # A random marker: nothing a client sends can spell it.
            marker = f"raw:{uuid.uuid4().hex}"
            self.placed[marker] = "[" + ", ".join(o.texts) + "]"
            return marker
        return super().default(o)


def dumps(data: Any) -> str:
    """json.dumps(data) with each RawItems in it written as the list of its texts."""
    placed: dict[str, str] = {}
    text = json.dumps(data, cls=_Encoder, ensure_ascii=False, placed=placed)
    for marker, raw in placed.items():
        text = text.replace(f'"{marker}"', raw, 1)
    return text


# ---------------------------------------------------------------------------------------------
# Written when the dataset is indexed


def ckan_text(dataset: Dataset) -> str:
    """`dataset` with its owner and the lists of api/related.py: package_core as JSON, its
    themes' ids, its identifier and the day it was first published, one per line."""
    from radadata.api.ckan import dicts

    core = json.dumps(dicts.package_core(dataset), cls=DjangoJSONEncoder, ensure_ascii=False)
    themes = " ".join(str(theme.pk) for theme in dataset.theme_list)
    return _SEPARATOR.join([core, themes, json.dumps(dataset.identifier),
                            json.dumps(dicts.issued(dataset))])


def v1_text(dataset: Dataset) -> str:
    """DatasetOut of `dataset` but its owner and contact, as ninja writes it (present.py gives
    the schema's fields with their types: tests/api/test_rendered.py compares the two)."""
    from ninja.responses import NinjaJSONEncoder

    from radadata.api.v1 import present

    out = present.dataset_core(dataset, base=present.api_base())
    return json.dumps(out, cls=NinjaJSONEncoder, ensure_ascii=False)


def texts(dataset: Dataset) -> dict[str, str]:
    """The SearchEntry fields of the dataset's outputs (it has its owner and lists loaded)."""
    return {CKAN: ckan_text(dataset), V1: v1_text(dataset), "site": settings.SITE_URL}


# ---------------------------------------------------------------------------------------------
# Put together per request


@dataclass
class _Shared:
    """What the outputs of every dataset share at one catalogue version."""

    version: str
    owners: dict[int, Any]
    ckan_owner: dict[int, str]  # owner id → its package keys, as JSON members
    v1_owner: dict[int, str]  # owner id → OwnerRef JSON
    groups: dict[int, str]  # theme id → group dict JSON
    contacts: dict[int, Any]  # owner id → its contact person (or None)


_shared: dict[str, _Shared] = {}


def _shared_now() -> _Shared:
    from radadata.api.ckan import dicts
    from radadata.api.related import contacts
    from radadata.api.v1 import present
    from radadata.catalog.search.cache import current_version
    from radadata.registry.models import Owner, Theme

    version = current_version()
    held = _shared.get("now")
    if held is not None and held.version == version and version:
        return held
    owners = {owner.pk: owner for owner in Owner.objects.all()}

    def members(values: dict) -> str:
        return json.dumps(values, cls=DjangoJSONEncoder, ensure_ascii=False)[1:-1]

    held = _Shared(
        version=version, owners=owners,
        ckan_owner={pk: members(dicts.package_owner(o)) for pk, o in owners.items()},
        v1_owner={pk: json.dumps(present.owner_ref(o), ensure_ascii=False)
                  for pk, o in owners.items()},
        groups={theme.pk: json.dumps(dicts.group_dict(theme), ensure_ascii=False)
                for theme in Theme.objects.all()},
        contacts=contacts())
    _shared["now"] = held
    return held


def _rows(ids: list[int], column: str) -> dict[int, tuple[str | None, str | None, int, Any]]:
    """dataset id → (its text, the SITE_URL it was written for, owner id, contact id)."""
    if not ids:
        return {}
    from radadata.catalog.models import SearchEntry

    q = connection.ops.quote_name
    entry, dataset = q(SearchEntry._meta.db_table), q(Dataset._meta.db_table)
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT e.{q('dataset_id')}, e.{q(column)}, e.{q('site')}, "
                       f"d.{q('owner_id')}, d.{q('responsible_id')} "
                       f"FROM {entry} e JOIN {dataset} d ON d.{q('id')} = e.{q('dataset_id')} "
                       f"WHERE e.{q('dataset_id')} IN ({marks})", list(ids))
        return {row[0]: row[1:] for row in cursor.fetchall()}


def _contact(owner_id: int, responsible_id: int | None, people: dict, shared: _Shared):
    """selectors.contact_point(): the dataset's own contact when active, else its owner's."""
    person = people.get(responsible_id) if responsible_id else None
    if person is not None and person.is_active:
        return person
    return shared.contacts.get(owner_id)


def _outputs(ids: list[int], column: str, put_together: Callable[..., str],
             slow: Callable[[list[Dataset], _Shared], dict[int, str]]) -> RawItems:
    from radadata.accounts.models import User

    shared = _shared_now()
    rows = _rows(ids, column)
    responsible = {row[3] for row in rows.values() if row[3]}
    people = User.objects.in_bulk(responsible) if responsible else {}
    texts: dict[int, str] = {}
    # A public dataset without an entry (indexed before it had one) is written out too.
    missing: list[int] = [pk for pk in ids if pk not in rows]
    for pk, (text, site, owner_id, responsible_id) in rows.items():
        if not text or site != settings.SITE_URL or owner_id not in shared.owners:
            missing.append(pk)
            continue
        texts[pk] = put_together(text, owner_id,
                                 _contact(owner_id, responsible_id, people, shared), shared)
    if missing:
        from radadata.api.related import with_related

        texts.update(slow(list(with_related(Dataset.objects.filter(pk__in=missing))), shared))
    return RawItems([texts[pk] for pk in ids if pk in texts])


def _ckan_one(text: str, owner_id: int, contact: Any, shared: _Shared) -> str:
    from radadata.api.ckan import dicts

    core, themes, identifier, issued = text.split(_SEPARATOR)
    groups = ", ".join(shared.groups[int(t)] for t in themes.split() if int(t) in shared.groups)
    extras = dicts.package_extras(json.loads(identifier), json.loads(issued),
                                  shared.owners[owner_id])
    return (f"{core[:-1]}, {shared.ckan_owner[owner_id]}, "
            f"{json.dumps(dicts.package_contact(contact), ensure_ascii=False)[1:-1]}, "
            f'"groups": [{groups}], "extras": {json.dumps(extras, ensure_ascii=False)}}}')


def _ckan_slow(datasets: list[Dataset], shared: _Shared) -> dict[int, str]:
    from radadata.api.ckan import dicts

    return {d.pk: json.dumps(dicts.package_dict(d, contacts=shared.contacts),
                             cls=DjangoJSONEncoder, ensure_ascii=False) for d in datasets}


def package_dicts(ids: list[int]) -> RawItems:
    """The package dicts of the datasets `ids` (public ones, in this order), as JSON text."""
    return _outputs(ids, CKAN, _ckan_one, _ckan_slow)


def _v1_one(text: str, owner_id: int, contact: Any, shared: _Shared) -> str:
    person = ({"name": contact.full_name, "email": contact.email} if contact is not None
              else None)
    return (f'{text[:-1]}, "owner": {shared.v1_owner[owner_id]}, '
            f'"contact": {json.dumps(person, ensure_ascii=False)}}}')


def _v1_slow(datasets: list[Dataset], shared: _Shared) -> dict[int, str]:
    from ninja.responses import NinjaJSONEncoder

    from radadata.api.v1 import present
    from radadata.api.v1.schemas import DatasetOut

    base = present.api_base()
    return {d.pk: json.dumps(DatasetOut.model_validate(
        present.dataset_out(d, contacts=shared.contacts, base=base)).model_dump(),
        cls=NinjaJSONEncoder, ensure_ascii=False) for d in datasets}


def v1_items(ids: list[int]) -> RawItems:
    """DatasetOut of the datasets `ids` (public ones, in this order), as JSON text."""
    return _outputs(ids, V1, _v1_one, _v1_slow)
