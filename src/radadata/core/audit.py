"""The audit log: one entry per change, written by the service that makes it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models

from radadata.core.models import AuditEntry


def snapshot(instance: models.Model, fields: list[str] | tuple[str, ...]) -> dict[str, Any]:
    """The audited values of an instance, as JSON-safe strings (for diffing before and after)."""
    values: dict[str, Any] = {}
    for name in fields:
        value = getattr(instance, name)
        if isinstance(value, models.Model):
            value = str(value)
        elif isinstance(value, dt.date | dt.datetime):
            value = value.isoformat()
        elif value is not None and not isinstance(value, bool | int | float | str | list):
            value = str(value)
        values[name] = value
    return values


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for every field whose value changed."""
    return {
        key: [before.get(key), after.get(key)]
        for key in after
        if before.get(key) != after.get(key)
    }


def record(
    *,
    actor,
    action: str,
    obj: models.Model,
    at: dt.datetime,
    changes: dict[str, Any] | None = None,
    note: str = "",
) -> AuditEntry:
    audit_entry = entry(actor=actor, action=action, obj=obj, at=at, changes=changes, note=note)
    audit_entry.save(force_insert=True)
    return audit_entry


def entry(
    *,
    actor,
    action: str,
    obj: models.Model,
    at: dt.datetime,
    changes: dict[str, Any] | None = None,
    note: str = "",
) -> AuditEntry:
    """The entry record() would write, unsaved: a bulk service saves many with bulk_create."""
    return AuditEntry(
        at=at,
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        changes=changes or {},
        note=note,
    )
