"""The audit's lifecycle (§3.1–3.6) and who may do what in it (§3.4: auditors only in term)."""

import datetime as dt

import pytest

from radadata.audit.models import AuditState
from radadata.audit.services import audits as services
from radadata.core.errors import Conflict, NotAllowed, ValidationFailed
from radadata.core.models import AuditEntry
from tests.factories import UserFactory

from .conftest import AT

pytestmark = pytest.mark.django_db

ITEM = {"name": "Реєстр закладів освіти", "kind": "register",
        "content": "назви, адреси, кількість учнів", "data_format": "XLSX",
        "public_value": 3, "recommend_publish": True,
        "recommendation": "оприлюднити щокварталу"}


def test_an_audit_with_no_bodies_cannot_start(officer):
    audit = services.audit_open(year=2026, kind="remote", subject="Усі дані", by=officer, at=AT)
    with pytest.raises(ValidationFailed) as error:
        services.audit_start(audit=audit, order_number="1-р", order_date=dt.date(2026, 3, 1),
                             by=officer, at=AT)
    messages = error.value.errors["__all__"]
    assert any("body" in m or "орган" in m for m in messages)
    assert len(messages) == 3  # no body, no auditor, no stage: all said at once
    audit.refresh_from_db()
    assert audit.state == AuditState.PLANNED


def test_one_audit_per_year(officer):
    services.audit_open(year=2026, kind="remote", subject="Усі дані", by=officer, at=AT)
    with pytest.raises(ValidationFailed):
        services.audit_open(year=2026, kind="contact", subject="Ще раз", by=officer, at=AT)


def test_dates_out_of_order_are_refused(planned, officer):
    with pytest.raises(ValidationFailed) as error:
        services.stage_add(audit=planned, title="Звіт", starts_on=dt.date(2026, 5, 1),
                           ends_on=dt.date(2026, 4, 1), by=officer, at=AT)
    assert "ends_on" in error.value.errors


def test_the_whole_lifecycle_from_opening_to_publication(running, officer, auditor_user):
    body = running.bodies.get()
    in_term = AT + dt.timedelta(days=5)
    item = services.inventory_record(body=body, by=auditor_user, at=in_term, **ITEM)
    assert item.recorded_by == auditor_user
    services.finding_record(audit=running, body=body, text="Реєстр не оприлюднено",
                            recommendation="Оприлюднити", by=auditor_user, at=in_term)
    services.audit_report(audit=running, summary="Знайдено 1 ресурс.", by=auditor_user,
                          at=in_term)
    running.refresh_from_db()
    assert running.state == AuditState.REPORTED
    with pytest.raises(NotAllowed):  # the auditor does not approve their own report
        services.audit_approve(audit=running, by=auditor_user, at=in_term)
    services.audit_approve(audit=running, by=officer, at=in_term)
    running.refresh_from_db()
    assert running.state == AuditState.PUBLISHED and running.published_at == in_term
    actions = list(AuditEntry.objects.filter(action__startswith="audit.")
                   .values_list("action", flat=True))
    assert {"audit.opened", "audit.started", "audit.inventory_recorded",
            "audit.reported", "audit.published"} <= set(actions)


def test_an_auditor_whose_term_ended_cannot_record(running, auditor_user):
    after = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC)
    with pytest.raises(NotAllowed) as error:
        services.inventory_record(body=running.bodies.get(), by=auditor_user, at=after, **ITEM)
    assert "31.05.2026" in error.value.message


def test_an_auditor_of_no_audit_cannot_record(running):
    stranger = UserFactory()
    with pytest.raises(NotAllowed):
        services.inventory_record(body=running.bodies.get(), by=stranger, at=AT, **ITEM)


def test_inventory_waits_for_the_order(planned, officer):
    with pytest.raises(Conflict):
        services.inventory_record(body=planned.bodies.get(), by=officer, at=AT, **ITEM)


def test_a_report_needs_an_inventory(running, officer):
    with pytest.raises(ValidationFailed):
        services.audit_report(audit=running, summary="Нічого", by=officer, at=AT)


def test_the_plan_is_fixed_once_reported(running, officer):
    services.inventory_record(body=running.bodies.get(), by=officer, at=AT, **ITEM)
    services.audit_report(audit=running, summary="Готово", by=officer, at=AT)
    with pytest.raises(Conflict):
        services.stage_add(audit=running, title="Ще", starts_on=dt.date(2026, 5, 1),
                           ends_on=dt.date(2026, 5, 2), by=officer, at=AT)


def test_only_the_officer_opens_an_audit(auditor_user):
    with pytest.raises(NotAllowed):
        services.audit_open(year=2027, kind="remote", subject="x", by=auditor_user, at=AT)
