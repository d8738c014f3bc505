"""The drafts the mayor signs, read back with python-docx: the audit order (§3.1–3.4), the
audit report (§3.5) and the order approving the list with its annex (§2.19)."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document as read_docx

from radadata.audit.documents import audit_order, audit_report, genitive, list_order
from radadata.audit.services import audits as services
from radadata.audit.services import demand
from radadata.reports.renderers import render

from .conftest import AT
from .test_lifecycle import ITEM

pytestmark = pytest.mark.django_db


def _docx(document):
    return read_docx(io.BytesIO(render(document, "docx")))


def _text(doc) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def _rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_audit_order_names_kind_stages_bodies_auditors_and_procedure(planned):
    doc = _docx(audit_order(planned))
    text = _text(doc)
    assert "Р О З П О Р Я Д Ж Е Н Н Я" in text
    assert "Про проведення аудиту даних у 2026 році" in text
    assert "комбінований аудит даних" in text
    assert "Дані виконавчих органів" in text
    stages, bodies, auditors = (_rows(t) for t in doc.tables[-3:])
    assert stages[1][1:] == ["Інвентаризація", "02.03.2026", "30.04.2026"]
    assert bodies[1][1] == "Управління освіти міської ради"
    assert bodies[1][2] == "10.03.2026 – 20.03.2026"
    assert "Мельник Оксана" in bodies[1][3]
    assert auditors[1][1].startswith("Гнатюк Ігор Петрович")
    assert auditors[1][2] == "доступ до реєстрів"
    assert auditors[1][3] == "01.03.2026 – 31.05.2026"
    assert doc.core_properties.language == "uk-UA"


def test_the_audit_report_holds_the_inventory_and_the_findings(running, officer):
    body = running.bodies.get()
    services.inventory_record(body=body, by=officer, at=AT, **ITEM)
    services.finding_record(audit=running, body=body, text="Реєстр ведеться у Word",
                            recommendation="Перевести у XLSX", deadline=dt.date(2026, 9, 1),
                            by=officer, at=AT)
    services.audit_report(audit=running, summary="Виявлено один реєстр.", by=officer, at=AT)
    doc = _docx(audit_report(running))
    text = _text(doc)
    assert "45-р" in text and "Виявлено один реєстр." in text
    inventory = _rows(doc.tables[0])
    assert inventory[1][1:4] == ["Управління освіти", "Реєстр закладів освіти",
                                 "реєстр, XLSX"]
    assert inventory[1][6:] == ["висока", "рекомендовано"]
    findings = _rows(doc.tables[1])
    assert findings[1][2:] == ["Реєстр ведеться у Word", "Перевести у XLSX", "01.09.2026"]
    for fmt in ("pdf", "html"):
        assert render(audit_report(running), fmt)


def test_the_list_order_has_an_annex_with_owner_periodicity_person_deadline(running, officer):
    body = running.bodies.get()
    services.inventory_record(body=body, by=officer, at=AT,
                              **dict(ITEM, change_frequency="once a quarter"))
    key = f"inventory:{body.items.get().pk}"
    proposal = demand.proposal_make(title="Пропозиція", keys=[key], by=officer, at=AT)
    doc = _docx(list_order(proposal))
    assert "Про затвердження переліку наборів даних" in _text(doc)
    annex = _rows(doc.tables[-1])
    assert annex[0] == ["№ з/п", "Набір даних", "Розпорядник", "Періодичність оновлення",
                        "Відповідальна особа", "Строк оприлюднення"]
    assert annex[1][1:] == ["Реєстр закладів освіти", "Управління освіти міської ради",
                            "щокварталу", "Мельник Оксана", "31.05.2026"]


def test_the_report_command_writes_the_audit_report(running, officer, tmp_path):
    services.inventory_record(body=running.bodies.get(), by=officer, at=AT, **ITEM)
    out = tmp_path / "audit.docx"
    call_command("report", "audit", "2026", "--format", "docx", "--out", str(out))
    assert "Реєстр закладів освіти" in _rows(read_docx(str(out)).tables[0])[1]
    call_command("report", "audit", "2026", "--document", "order", "--out", str(out))
    assert "Р О З П О Р Я Д Ж Е Н Н Я" in _text(read_docx(str(out)))
    with pytest.raises(CommandError, match="Аудиту даних 2031 року немає"):
        call_command("report", "audit", "2031")


@pytest.mark.parametrize(("name", "expected"), [
    ("Світлогірська міська рада", "Світлогірської міської ради"),
    ("Петрівська сільська рада", "Петрівської сільської ради"),
    ("Великоолександрівська селищна рада", "Великоолександрівської селищної ради"),
])
def test_the_report_names_the_council_in_the_genitive(name, expected):
    assert genitive(name) == expected
