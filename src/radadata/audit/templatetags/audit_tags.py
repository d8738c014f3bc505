"""What the office menu asks of the audit: is this person an auditor today (§3.4)?"""

from __future__ import annotations

from django import template
from django.utils import timezone

from radadata.audit import access

register = template.Library()


@register.filter
def in_audit_term(user) -> bool:
    """True for an auditor of some audit during the term (they see the audit in the menu even
    without a council-wide role)."""
    return access.active_audits_of(user, timezone.localdate()).exists()
