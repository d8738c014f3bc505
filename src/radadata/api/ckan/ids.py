"""CKAN ids for our records: UUIDs, as CKAN's own tools expect (ckanext-harvest creates the
resources and organisations it harvests with the ids it reads, and CKAN keeps ids unique).

Derived, not stored: the same record always gets the same id, and the id can be read back.
The low 48 bits carry the record's primary key; the rest is a hash of the catalogue's address
(SITE_URL), the kind and the key, so two catalogues never share an id (a portal harvesting
both keeps them apart), and an id that was not made here (or of another kind) is not taken
for one of ours. Moving the catalogue to another address changes its ids.
"""

from __future__ import annotations

import uuid

from django.conf import settings

#: Fixed: changing it changes every id the catalogue has ever published.
NAMESPACE = uuid.UUID("5d0c6f6e-8a0b-4c55-9b1e-7261646164b1")
_LOW = (1 << 48) - 1


def make(kind: str, pk: int) -> str:
    digest = uuid.uuid5(NAMESPACE, f"{settings.SITE_URL}|{kind}:{pk}").int
    return str(uuid.UUID(int=(digest & ~_LOW) | (pk & _LOW), version=5))


def read(kind: str, value: str) -> int | None:
    """The primary key behind an id made by make(kind, …); None for anything else."""
    try:
        pk = uuid.UUID(str(value).strip()).int & _LOW
    except ValueError:
        return None
    return pk if pk and make(kind, pk) == str(value).strip().lower() else None


def resource_id(pk: int) -> str:
    return make("resource", pk)


def organization_id(pk: int) -> str:
    return make("organization", pk)


def group_id(pk: int) -> str:
    return make("group", pk)
