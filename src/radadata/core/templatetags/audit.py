from __future__ import annotations

from django import template

from radadata.core import audit_labels
from radadata.core.models import AuditEntry

register = template.Library()


@register.filter
def action_label(code: str) -> str:
    return audit_labels.action_label(code)


@register.filter
def readable_changes(entry: AuditEntry) -> list[audit_labels.Change]:
    return audit_labels.readable_changes(entry)
