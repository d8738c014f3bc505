"""Reads of the audit log: the office page with its filters, and one object's history."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from radadata.accounts.models import User
from radadata.core.models import AuditEntry

#: The filter's object types: our name -> (AuditEntry.object_type, label).
OBJECT_TYPES: dict[str, tuple[str, str]] = {
    "owner": ("registry.owner", _("owners")),
    "dataset": ("registry.dataset", _("datasets")),
    "resource": ("registry.resource", _("files of datasets")),
    "person": ("accounts.user", _("people")),
    "approved_list": ("registry.approvedlistitem", _("the approved list")),
}


def audit_entries(*, object_type: str = "", actor: User | None = None, action: str = "",
                  date_from: dt.date | None = None, date_to: dt.date | None = None
                  ) -> QuerySet[AuditEntry]:
    """Entries matching every given filter, newest first. Dates are whole local days."""
    entries = AuditEntry.objects.select_related("actor")
    if object_type in OBJECT_TYPES:
        entries = entries.filter(object_type=OBJECT_TYPES[object_type][0])
    if actor is not None:
        entries = entries.filter(actor=actor)
    if action:
        entries = entries.filter(action=action)
    if date_from is not None:
        entries = entries.filter(at__date__gte=date_from)
    if date_to is not None:
        entries = entries.filter(at__date__lte=date_to)
    return entries.order_by("-at", "-id")


def audit_actions() -> list[str]:
    """Every action recorded so far, for the filter's choices."""
    return list(AuditEntry.objects.order_by("action").values_list("action", flat=True)
                .distinct())


def audit_actors() -> QuerySet[User]:
    """The people who have made a change, for the filter's choices."""
    acted = AuditEntry.objects.filter(actor__isnull=False).values("actor")
    return User.objects.filter(pk__in=acted).order_by("last_name", "first_name", "email")


def history_of(obj: models.Model) -> QuerySet[AuditEntry]:
    """The audit entries of one owner, person or other audited object, newest first."""
    return (AuditEntry.objects
            .filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
            .select_related("actor").order_by("-at", "-id"))
