"""The officer opens the reports page, goes to the yearly report and downloads its DOCX — in the
browser. The site answers in Ukrainian, so the test goes by ids and data attributes."""

from __future__ import annotations

import io

from django.utils import timezone
from docx import Document as read_docx

from radadata.registry.models import Owner
from radadata.reports.documents.yearly import TABLE_HEADER
from radadata.reports.periods import Quarter
from tests.e2e.test_accessibility import _violations, axe_script  # noqa: F401 (a fixture)
from tests.factories import officer
from tests.reports.steps import owner, publish, register

PASSWORD = "correct-horse-battery"


def _council_and_officer(page) -> None:
    education = owner("Управління освіти", registered_on_portal=True)
    publish(register(education, "Мережа шкіл", listed=True), "2025-03-10")
    publish(register(education, "Харчування", listed=True), "2025-09-01")
    register(owner("Відділ культури"), "Бібліотеки", listed=True)
    officer(email="opendata@rada.example.ua", password=PASSWORD)
    page.goto(page.base + "/login/")
    page.locator("#id_username").fill("opendata@rada.example.ua")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: "/login/" not in url)


def test_the_officer_downloads_the_yearly_report(page):
    _council_and_officer(page)

    page.goto(page.base + "/office/")
    page.locator("#nav-reports").click()
    page.wait_for_url("**/office/reports/")
    page.locator("#report-years a[data-year='2025']").click()
    page.wait_for_url("**/office/reports/years/2025/")
    assert "Станом на 31.12.2025 на Порталі розміщено 2 набори даних" in page.inner_text("main")
    # New publications are charted; views and downloads were not counted in 2025, so their chart
    # is left out and a sentence says so (never "0 views" stated as fact).
    assert page.locator(".report-document svg").count() == 1
    assert "Облік переглядів і завантажень наборів даних у 2025 році не вівся" in page.inner_text(
        "main")

    with page.expect_download() as download:
        page.locator("#yearly-docx").click()
    assert download.value.suggested_filename == "zvit-vidkryti-dani-2025.docx"
    docx = read_docx(io.BytesIO(download.value.path().read_bytes()))
    table = next(t for t in docx.tables
                 if tuple(c.text for c in t.rows[0].cells) == TABLE_HEADER)
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[1:] == [["1", "Відділ культури", "0"], ["2", "Управління освіти", "2"],
                        ["", "Разом", "2"]]
    text = "\n".join(p.text for p in docx.paragraphs)
    assert "що становить 66,7% від затвердженого переліку" in text


def test_the_report_pages_have_no_serious_accessibility_violations(page, axe_script):  # noqa: F811
    _council_and_officer(page)
    quarter = Quarter.containing(timezone.localdate()).previous()
    page.goto(page.base + "/office/reports/")
    asked = []  # closing freezes the figures: the page asks first
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.locator(f"form[data-quarter='{quarter}'] button[type=submit]").click()
    page.wait_for_url(f"**/office/reports/quarters/{quarter}/")
    assert asked and str(quarter) in asked[0]
    found = _violations(page, axe_script)
    education = Owner.objects.get(name="Управління освіти")
    for path in ("/office/reports/", "/office/reports/years/2025/",
                 "/office/reports/years/2025/texts/", "/office/reports/indicators/",
                 f"/office/reports/indicators/{education.slug}/?year=2025",
                 f"/office/reports/quarters/{quarter}/summary/"):
        assert page.goto(page.base + path).status == 200, path
        found += _violations(page, axe_script)
    assert not found, "axe-core found serious or critical violations:\n" + "\n".join(found)
