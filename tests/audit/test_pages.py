"""The audit pages as the officer, an auditor and the public use them; the published report
(§3.6)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from radadata.audit.models import AuditState, InventoryItem
from radadata.audit.services import audits as services
from tests.factories import OwnerFactory, UserFactory

from .conftest import AT
from .test_lifecycle import ITEM

pytestmark = pytest.mark.django_db


def test_the_officer_opens_an_audit_and_an_empty_one_cannot_start(officer_client):
    response = officer_client.post(reverse("audit:list"), {
        "year": 2026, "kind": "remote", "subject": "Дані управлінь", "report_procedure": ""})
    assert response.status_code == 302
    response = officer_client.post(reverse("audit:start", args=[2026]), {
        "start-order_number": "12-р", "start-order_date": "2026-03-01"})
    assert response.status_code == 422
    assert "Додайте принаймні один орган" in response.content.decode()


def test_an_auditor_in_term_records_the_inventory_and_out_of_term_is_refused(
        client, running, auditor_user):
    body = running.bodies.get()
    client.force_login(auditor_user)
    today = timezone.localdate()
    running.auditors.update(term_from=today - dt.timedelta(days=1),
                            term_to=today + dt.timedelta(days=1))
    page = client.get(reverse("audit:detail", args=[2026]))
    assert page.status_code == 200
    assert 'id="nav-data-audit"' in page.content.decode()  # in the menu during the term
    data = {f"item-{body.pk}-{key}": value for key, value in ITEM.items()}
    data.update({f"item-{body.pk}-keeping": "electronic",
                 f"item-{body.pk}-recommend_publish": "on"})
    response = client.post(reverse("audit:item-add", args=[2026, body.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert InventoryItem.objects.filter(body=body).count() == 1
    running.auditors.update(term_to=today - dt.timedelta(days=1))
    assert client.get(reverse("audit:detail", args=[2026])).status_code == 403


def test_a_published_report_is_public_with_its_open_data(client, running, officer):
    services.inventory_record(body=running.bodies.get(), by=officer, at=AT, **ITEM)
    assert client.get(reverse("audit:public-detail", args=[2026])).status_code == 404
    services.audit_report(audit=running, summary="Висновок аудиту.", by=officer, at=AT)
    services.audit_approve(audit=running, by=officer, at=AT)
    page = client.get(reverse("audit:public-detail", args=[2026])).content.decode()
    assert "Висновок аудиту." in page and "Реєстр закладів освіти" in page
    csv = client.get(reverse("audit:public-data", args=[2026, "csv"])).content.decode()
    assert csv.splitlines()[0].startswith("body,bodyIdentifier,name,")
    assert "Реєстр закладів освіти" in csv
    data = client.get(reverse("audit:public-data", args=[2026, "json"])).json()
    assert data["inventory"][0]["publicValue"] == "висока"
    pdf = client.get(reverse("audit:public-report", args=[2026, "pdf"]))
    assert pdf.content.startswith(b"%PDF")
    assert running.state == AuditState.PUBLISHED


def test_the_order_downloads_as_docx(officer_client, planned):
    response = officer_client.get(reverse("audit:order", args=[2026]))
    assert response["Content-Disposition"].endswith('rozporiadzhennia-audyt-2026.docx"')


def test_a_person_without_a_role_is_kept_out(client):
    client.force_login(UserFactory())
    assert client.get(reverse("audit:list")).status_code == 403
    OwnerFactory()


def test_the_priorities_page_ranks_requests_and_the_officer_adjusts(officer_client, running,
                                                                     officer):
    from radadata.catalog import services as catalog_services

    services.inventory_record(body=running.bodies.get(), by=officer, at=AT, **ITEM)
    request = catalog_services.request_send(title="Розклад автобусів", by=None, at=AT)
    page = officer_client.get(reverse("audit:priorities")).content.decode()
    assert "Реєстр закладів освіти" in page and "Розклад автобусів" in page
    response = officer_client.post(reverse("audit:adjust", args=[f"request:{request.pk}"]),
                                   {"points": "50", "reason": "вимога депутатів"})
    assert response.status_code == 302
    page = officer_client.get(reverse("audit:priorities")).content.decode()
    assert page.index("Розклад автобусів") < page.index("Реєстр закладів освіти")
    assert "вимога депутатів" in page
    response = officer_client.post(reverse("audit:priorities"), {
        "title": "Пропозиція 2027", "candidates": [f"request:{request.pk}"]})
    assert response.status_code == 302
    proposal = officer_client.get(response["Location"]).content.decode()
    assert "Розклад автобусів" in proposal


def test_the_officer_returns_a_report_to_the_auditors(officer_client, running, officer):
    services.inventory_record(body=running.bodies.get(), by=officer, at=AT, **ITEM)
    services.audit_report(audit=running, summary="Чернетка.", by=officer, at=AT)
    response = officer_client.post(reverse("audit:return", args=[2026]),
                                   {"note": "додайте реєстр укриттів"})
    assert response.status_code == 302
    running.refresh_from_db()
    assert running.state == AuditState.RUNNING and running.reported_at is None
