"""The audit's lifecycle (§3.1–3.6): open → start (the order) → report → approve & publish."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.audit import access
from radadata.audit.models import (
    Audit,
    AuditBody,
    Auditor,
    AuditStage,
    AuditState,
    Finding,
    InventoryItem,
)
from radadata.core import audit as log
from radadata.core.errors import Conflict, ValidationFailed
from radadata.core.validation import clean_or_raise
from radadata.registry.models import Owner

AUDIT_FIELDS = ("kind", "subject", "report_procedure", "order_number", "order_date")


def _editable(audit: Audit) -> None:
    if audit.state not in (AuditState.PLANNED, AuditState.RUNNING):
        raise Conflict(_("The audit's report is already submitted; its plan can no longer "
                         "change."))


def _span(start: dt.date, end: dt.date, field: str) -> None:
    if start and end and end < start:
        raise ValidationFailed({field: [_("The end date is before the start date.")]})


@transaction.atomic
def audit_open(*, year: int, kind: str, subject: str, report_procedure: str = "",
               by: User | None, at: dt.datetime) -> Audit:
    access.require_office(by)
    if Audit.objects.filter(year=year).exists():
        raise ValidationFailed({"year": [_("The audit of %(year)s is already open.")
                                         % {"year": year}]})
    audit = Audit(year=year, kind=kind, subject=subject.strip(),
                  report_procedure=report_procedure.strip(), opened_at=at)
    clean_or_raise(audit)
    audit.save()
    log.record(actor=by, action="audit.opened", obj=audit, at=at)
    return audit


@transaction.atomic
def audit_change(*, audit: Audit, by: User | None, at: dt.datetime, **fields) -> Audit:
    access.require_office(by)
    _editable(audit)
    for name, value in fields.items():
        if name not in AUDIT_FIELDS:
            raise ValueError(f"not editable: {name}")
        setattr(audit, name, value)
    clean_or_raise(audit)
    audit.save()
    log.record(actor=by, action="audit.changed", obj=audit, at=at)
    return audit


@transaction.atomic
def stage_add(*, audit: Audit, title: str, starts_on: dt.date, ends_on: dt.date,
              by: User | None, at: dt.datetime) -> AuditStage:
    access.require_office(by)
    _editable(audit)
    _span(starts_on, ends_on, "ends_on")
    stage = AuditStage(audit=audit, title=title.strip(), starts_on=starts_on, ends_on=ends_on)
    clean_or_raise(stage)
    stage.save()
    log.record(actor=by, action="audit.changed", obj=audit, at=at, note=stage.title)
    return stage


@transaction.atomic
def body_add(*, audit: Audit, owner: Owner, visit_from: dt.date, visit_to: dt.date,
             contact_name: str, contact_position: str = "", contact_phone: str = "",
             contact_email: str = "", by: User | None, at: dt.datetime) -> AuditBody:
    access.require_office(by)
    _editable(audit)
    _span(visit_from, visit_to, "visit_to")
    if audit.bodies.filter(owner=owner).exists():
        raise ValidationFailed({"owner": [_("%(owner)s is already in this audit.")
                                          % {"owner": owner}]})
    body = AuditBody(audit=audit, owner=owner, visit_from=visit_from, visit_to=visit_to,
                     contact_name=contact_name.strip(), contact_position=contact_position,
                     contact_phone=contact_phone, contact_email=contact_email)
    clean_or_raise(body)
    body.save()
    log.record(actor=by, action="audit.body_added", obj=audit, at=at, note=str(owner))
    return body


@transaction.atomic
def auditor_appoint(*, audit: Audit, user: User, powers: str, term_from: dt.date,
                    term_to: dt.date, by: User | None, at: dt.datetime) -> Auditor:
    access.require_office(by)
    _editable(audit)
    _span(term_from, term_to, "term_to")
    if not user.is_active:
        raise ValidationFailed({"user": [_("This person's access is ended; appoint someone "
                                           "else.")]})
    auditor, _created = Auditor.objects.update_or_create(
        audit=audit, user=user,
        defaults={"powers": powers.strip(), "term_from": term_from, "term_to": term_to})
    clean_or_raise(auditor)
    log.record(actor=by, action="audit.auditor_added", obj=audit, at=at, note=str(user))
    return auditor


@transaction.atomic
def audit_start(*, audit: Audit, order_number: str, order_date: dt.date,
                by: User | None, at: dt.datetime) -> Audit:
    """The mayor's order is signed: the audit runs and the auditors begin the inventory."""
    access.require_office(by)
    if audit.state != AuditState.PLANNED:
        raise Conflict(_("The audit has already started."))
    problems = []
    if not audit.bodies.exists():
        problems.append(_("Add at least one body to audit, with its schedule and contact "
                          "person."))
    if not audit.auditors.exists():
        problems.append(_("Appoint at least one auditor."))
    if not audit.stages.exists():
        problems.append(_("Add the stages of the audit with their dates."))
    if not order_number.strip():
        problems.append(_("Give the number of the mayor's order."))
    if problems:
        raise ValidationFailed({"__all__": problems})
    audit.order_number, audit.order_date = order_number.strip(), order_date
    audit.state = AuditState.RUNNING
    audit.save()
    log.record(actor=by, action="audit.started", obj=audit, at=at)
    return audit


def _running(audit: Audit) -> None:
    if audit.state != AuditState.RUNNING:
        raise Conflict(_("The inventory is recorded while the audit runs (after the order is "
                         "signed and before the report)."))


@transaction.atomic
def inventory_record(*, body: AuditBody, by: User | None, at: dt.datetime,
                     **fields) -> InventoryItem:
    access.require_work(by, body.audit, at.date())
    _running(body.audit)
    item = InventoryItem(body=body, recorded_by=by if getattr(by, "pk", None) else None,
                         recorded_at=at, **fields)
    if item.dataset_id and item.dataset.owner_id != body.owner_id:
        raise ValidationFailed({"dataset": [_("This dataset belongs to another owner.")]})
    clean_or_raise(item)
    item.save()
    log.record(actor=by, action="audit.inventory_recorded", obj=body.audit, at=at,
               note=item.name)
    return item


@transaction.atomic
def finding_record(*, audit: Audit, text: str, recommendation: str,
                   body: AuditBody | None = None, deadline: dt.date | None = None,
                   by: User | None, at: dt.datetime) -> Finding:
    access.require_work(by, audit, at.date())
    _running(audit)
    finding = Finding(audit=audit, body=body, text=text.strip(),
                      recommendation=recommendation.strip(), deadline=deadline,
                      recorded_at=at)
    clean_or_raise(finding)
    finding.save()
    log.record(actor=by, action="audit.finding_recorded", obj=audit, at=at)
    return finding


@transaction.atomic
def audit_report(*, audit: Audit, summary: str, by: User | None, at: dt.datetime) -> Audit:
    """The auditors submit the report (§3.5); the officer then approves it."""
    access.require_work(by, audit, at.date())
    if audit.state != AuditState.RUNNING:
        raise Conflict(_("Only a running audit can submit its report."))
    if not summary.strip():
        raise ValidationFailed({"summary": [_("Write the conclusions of the report.")]})
    if not InventoryItem.objects.filter(body__audit=audit).exists():
        raise ValidationFailed({"__all__": [_("The inventory is empty: record what the "
                                              "bodies keep before the report.")]})
    audit.summary = summary.strip()
    audit.state, audit.reported_at = AuditState.REPORTED, at
    audit.save()
    log.record(actor=by, action="audit.reported", obj=audit, at=at)
    return audit


@transaction.atomic
def audit_approve(*, audit: Audit, by: User | None, at: dt.datetime) -> Audit:
    """Approved: the report is published on the site and as open data (§3.6)."""
    access.require_office(by)
    if audit.state != AuditState.REPORTED:
        raise Conflict(_("Only a submitted report can be approved."))
    audit.state, audit.published_at = AuditState.PUBLISHED, at
    audit.approved_by = by if getattr(by, "pk", None) else None
    audit.save()
    log.record(actor=by, action="audit.published", obj=audit, at=at)
    return audit


@transaction.atomic
def audit_return(*, audit: Audit, by: User | None, at: dt.datetime, note: str) -> Audit:
    """The officer sends a submitted report back to the auditors."""
    access.require_office(by)
    if audit.state != AuditState.REPORTED:
        raise Conflict(_("Only a submitted report can be returned."))
    audit.state, audit.reported_at = AuditState.RUNNING, None
    audit.save()
    log.record(actor=by, action="audit.changed", obj=audit, at=at, note=note)
    return audit
