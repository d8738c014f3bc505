"""Reads of the audit: pages, documents and the open data all read through here."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from radadata.audit.models import Audit, AuditBody, AuditState, Finding, InventoryItem
from radadata.core.errors import NotFound


def audits() -> QuerySet[Audit]:
    return Audit.objects.prefetch_related("stages")


def published_audits() -> QuerySet[Audit]:
    return audits().filter(state=AuditState.PUBLISHED)


def audit_of(year: int, *, published: bool = False) -> Audit:
    query = published_audits() if published else audits()
    audit = query.filter(year=year).first()
    if audit is None:
        raise NotFound(_("No data audit of %(year)s.") % {"year": year})
    return audit


def bodies_of(audit: Audit) -> list[AuditBody]:
    items = InventoryItem.objects.select_related("dataset").order_by("name")
    return list(audit.bodies.select_related("owner")
                .prefetch_related(Prefetch("items", queryset=items)))


def findings_of(audit: Audit) -> list[Finding]:
    return list(audit.findings.select_related("body__owner"))


def inventory_of(audit: Audit) -> QuerySet[InventoryItem]:
    return (InventoryItem.objects.filter(body__audit=audit)
            .select_related("body__owner", "dataset").order_by("body__owner__name", "name"))


def body_of(audit: Audit, pk: int) -> AuditBody:
    body = audit.bodies.select_related("owner").filter(pk=pk).first()
    if body is None:
        raise NotFound(_("No such body in this audit."))
    return body
