"""A data audit from opening to the published report, in the browser (§3.1–3.6): the officer
opens it, plans it, downloads the draft order, starts it, records the inventory and a finding,
the report is submitted and approved, and the public reads it with its open data."""

from __future__ import annotations

import io

from django.utils import timezone
from docx import Document as read_docx

from radadata.audit.services import audits as services
from radadata.audit.services import demand
from tests.e2e.test_accessibility import _violations, axe_script  # noqa: F401 (a fixture)
from tests.factories import OwnerFactory, UserFactory, officer

PASSWORD = "correct-horse-battery"


def _sign_in(page, email: str) -> None:
    page.goto(page.base + "/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: "/login/" not in url)


def _submit(page, summary: str, fields: dict[str, str], button: str) -> None:
    page.locator("summary", has_text=summary).first.click()
    for selector, value in fields.items():
        field = page.locator(selector)
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)
    page.locator("button", has_text=button).first.click()
    page.wait_for_load_state()


def test_an_audit_from_opening_to_the_published_report(page):
    year = timezone.localdate().year
    OwnerFactory(name="Управління освіти міської ради", short_name="Управління освіти")
    UserFactory(email="auditor@rada.example.ua", last_name="Гнатюк", first_name="Ігор",
                patronymic="Петрович")
    officer(email="opendata@rada.example.ua", password=PASSWORD)
    _sign_in(page, "opendata@rada.example.ua")

    page.goto(page.base + "/office/dashboard/")
    page.locator("#nav-data-audit").click()
    page.wait_for_url("**/office/data-audit/")
    page.locator("#id_kind").select_option("combined")
    page.locator("#id_subject").fill("Дані управління освіти")
    page.locator("button", has_text="Відкрити аудит").click()
    page.wait_for_url(f"**/office/data-audit/{year}/")

    # Starting an audit with nothing planned is refused, saying what is missing.
    page.locator("#id_start-order_number").fill("12-р")
    page.locator("#id_start-order_date").fill(f"{year}-01-15")
    page.locator("button", has_text="Розпочати аудит").click()
    assert "Додайте принаймні один орган" in page.inner_text("main")

    _submit(page, "Додати етап", {"#id_stage-title": "Інвентаризація",
                                  "#id_stage-starts_on": f"{year}-01-16",
                                  "#id_stage-ends_on": f"{year}-12-30"}, "Додати етап")
    _submit(page, "Додати орган", {"#id_body-owner": "Управління освіти",
                                   "#id_body-visit_from": f"{year}-01-20",
                                   "#id_body-visit_to": f"{year}-01-30",
                                   "#id_body-contact_name": "Мельник Оксана"}, "Додати орган")
    _submit(page, "Призначити аудитора", {"#id_auditor-user": "Гнатюк Ігор Петрович",
                                          "#id_auditor-powers": "доступ до реєстрів",
                                          "#id_auditor-term_from": f"{year}-01-01",
                                          "#id_auditor-term_to": f"{year}-12-31"},
            "Призначити")
    with page.expect_download() as download:
        page.locator("#order-docx").click()
    order = read_docx(io.BytesIO(download.value.path().read_bytes()))
    assert "Р О З П О Р Я Д Ж Е Н Н Я" in "\n".join(p.text for p in order.paragraphs)

    page.locator("#id_start-order_number").fill("12-р")
    page.locator("#id_start-order_date").fill(f"{year}-01-15")
    page.locator("button", has_text="Розпочати аудит").click()
    page.wait_for_load_state()
    assert page.locator("#audit-state").inner_text().startswith("триває")

    body = page.locator("h3", has_text="Управління освіти міської ради").get_attribute("id")
    prefix = f"#id_item-{body.split('-')[1]}"
    _submit(page, "Записати інформаційний ресурс", {
        f"{prefix}-name": "Реєстр закладів освіти", f"{prefix}-kind": "реєстр",
        f"{prefix}-content": "назви та адреси закладів"}, "Записати")
    assert "Реєстр закладів освіти" in page.inner_text("main")
    _submit(page, "Записати недолік", {"#id_finding-text": "Реєстр не оприлюднено",
                                       "#id_finding-recommendation": "Оприлюднити як CSV"},
            "Записати недолік")
    page.locator("#id_report-summary").fill("Виявлено один реєстр, його слід оприлюднити.")
    page.locator("button", has_text="Подати звіт").click()
    page.wait_for_load_state()
    page.locator("button", has_text="Затвердити й оприлюднити звіт").click()
    page.wait_for_load_state()
    assert page.locator("#audit-state").inner_text().startswith("звіт затверджено")

    page.locator("#public-report").click()
    page.wait_for_url(f"**/data-audit/{year}/")
    text = page.inner_text("main")
    assert "Виявлено один реєстр, його слід оприлюднити." in text
    assert "Реєстр закладів освіти" in text and "Оприлюднити як CSV" in text
    with page.expect_download() as download:
        page.locator("#inventory-csv").click()
    assert "Реєстр закладів освіти" in download.value.path().read_text(encoding="utf-8")


def test_the_audit_pages_have_no_serious_accessibility_violations(page, axe_script):  # noqa: F811
    from tests.audit.conftest import AT
    from tests.audit.test_lifecycle import ITEM

    user = officer(email="opendata@rada.example.ua", password=PASSWORD)
    audit = services.audit_open(year=AT.year, kind="remote", subject="Дані управлінь",
                                by=user, at=AT)
    services.stage_add(audit=audit, title="Інвентаризація", starts_on=AT.date(),
                       ends_on=AT.date(), by=user, at=AT)
    body = services.body_add(audit=audit, owner=OwnerFactory(), visit_from=AT.date(),
                             visit_to=AT.date(), contact_name="Мельник Оксана", by=user, at=AT)
    services.auditor_appoint(audit=audit, user=user, powers="усі", term_from=AT.date(),
                             term_to=AT.date(), by=user, at=AT)
    services.audit_start(audit=audit, order_number="1-р", order_date=AT.date(), by=user, at=AT)
    services.inventory_record(body=body, by=user, at=AT, **ITEM)
    services.audit_report(audit=audit, summary="Висновок.", by=user, at=AT)
    services.audit_approve(audit=audit, by=user, at=AT)
    demand.survey_open(title="Які дані вам потрібні?", question="?", by=user, at=AT)
    found = []
    for path in ("/data-audit/", f"/data-audit/{AT.year}/", "/data-wanted/", "/scorecard/"):
        page.goto(page.base + path)
        found += _violations(page, axe_script)
    _sign_in(page, "opendata@rada.example.ua")
    for path in ("/office/data-audit/", f"/office/data-audit/{AT.year}/", "/office/priorities/",
                 "/office/surveys/", "/office/scorecard/"):
        page.goto(page.base + path)
        found += _violations(page, axe_script)
    assert not found, "\n".join(found)
