"""Who may do what in the audit. The officer (and the administrator) runs it; an auditor works
on the inventory and the findings of their own audit, and only during their term (§3.4)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.audit.models import Audit, Auditor
from radadata.core.errors import NotAllowed
from radadata.registry import access as registry_access


def is_office(user: User | None) -> bool:
    return registry_access.is_office(user)


def auditor_term(user: User | None, audit: Audit) -> Auditor | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return Auditor.objects.filter(audit=audit, user=user).first()


def is_active_auditor(user: User | None, audit: Audit, day: dt.date) -> bool:
    term = auditor_term(user, audit)
    return bool(term and term.active_on(day))


def active_audits_of(user: User | None, day: dt.date):
    """The audits this person is an auditor of today."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return Audit.objects.none()
    return Audit.objects.filter(auditors__user=user, auditors__term_from__lte=day,
                                auditors__term_to__gte=day).distinct()


def may_enter(user: User | None, day: dt.date) -> bool:
    """The audit pages: the office, the working group, and auditors during their term."""
    return registry_access.reads_all(user) or active_audits_of(user, day).exists()


def require_office(user: User | None) -> None:
    registry_access.require_office(user)


def require_work(user: User | None, audit: Audit, day: dt.date) -> None:
    """Record inventory and findings: the officer, or an auditor of this audit in their term."""
    if is_office(user):
        return
    term = auditor_term(user, audit)
    if term is None:
        raise NotAllowed(_("Only the auditors of this audit and the open-data officer can do "
                           "this."))
    if not term.active_on(day):
        raise NotAllowed(_("Your term as an auditor ran from %(start)s to %(end)s; ask the "
                           "officer to extend it.")
                         % {"start": term.term_from.strftime("%d.%m.%Y"),
                            "end": term.term_to.strftime("%d.%m.%Y")})
