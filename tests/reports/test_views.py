"""The report pages: the officer closes a quarter, edits its words and downloads its documents,
opens the yearly report and edits its texts; the working group reads; an owner's clerk sees
only its own indicators."""

from __future__ import annotations

import io

import pytest
from django.utils import timezone
from docx import Document as read_docx

from radadata.accounts.models import Role
from radadata.reports.models import QuarterClose, QuarterNote, YearlyText
from radadata.reports.periods import Quarter
from tests.factories import UserFactory

from .steps import owner, publish, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def council():
    education = owner("Управління освіти", short_name="Освіта")
    publish(register(education, "Мережа шкіл", listed=True), "2025-03-10")
    culture = owner("Управління культури")
    publish(register(culture, "Бібліотеки"), "2025-04-01")
    return {"education": education, "culture": culture,
            "clerk": UserFactory(owner=education, email="clerk@rada.example.ua")}


def _ended() -> Quarter:
    return Quarter.containing(timezone.localdate()).previous()


def test_the_officer_closes_a_quarter_and_downloads_its_documents(officer_client, council):
    quarter = _ended()
    page = officer_client.get("/office/reports/")
    assert page.status_code == 200
    assert f'data-quarter="{quarter}"'.encode() in page.content

    response = officer_client.post("/office/reports/quarters/close/", {"quarter": str(quarter)})
    assert response.status_code == 302
    assert response["Location"] == f"/office/reports/quarters/{quarter}/"
    close = QuarterClose.objects.get(year=quarter.year, quarter=quarter.number)
    page = officer_client.get(response["Location"])
    assert page.status_code == 200
    assert close.as_of.strftime("%d.%m.%Y").encode() in page.content
    assert "Управління освіти".encode() in page.content

    docx = officer_client.get(f"/office/reports/quarters/{quarter}/summary.docx")
    assert docx.status_code == 200
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert f'filename="monitorynh-{quarter}.docx"' in docx["Content-Disposition"]
    tables = read_docx(io.BytesIO(docx.content)).tables
    assert [c.text for c in tables[0].rows[-1].cells][:4] == ["", "Разом", "1", "1"]
    mayor = officer_client.get(f"/office/reports/quarters/{quarter}/mayor.pdf")
    assert mayor.status_code == 200 and mayor.content.startswith(b"%PDF")
    xlsx = officer_client.get(f"/office/reports/quarters/{quarter}/summary.xlsx")
    assert xlsx.content.startswith(b"PK")
    assert officer_client.get(f"/office/reports/quarters/{quarter}/summary.odt").status_code == 404


def test_a_quarter_that_has_not_ended_is_refused_with_its_last_day(officer_client, council):
    current = Quarter.containing(timezone.localdate())
    response = officer_client.post("/office/reports/quarters/close/", {"quarter": str(current)},
                                   follow=True)
    assert response.status_code == 200
    assert current.last_day.strftime("%d.%m.%Y").encode() in response.content
    assert not QuarterClose.objects.exists()
    bad = officer_client.post("/office/reports/quarters/close/", {"quarter": "next"},
                              follow=True)
    assert b"2026Q3" in bad.content  # how to write a quarter
    missing = officer_client.get(f"/office/reports/quarters/{_ended()}/")
    assert missing.status_code == 404
    assert "не закрито".encode() in missing.content or b"not closed" in missing.content


def test_the_officer_edits_an_owners_conclusions_and_the_summary(officer_client, council):
    quarter = _ended()
    officer_client.post("/office/reports/quarters/close/", {"quarter": str(quarter)})
    note = QuarterNote.objects.get(owner=council["education"])
    url = f"/office/reports/quarters/{quarter}/owners/{note.pk}/"
    assert officer_client.get(url).status_code == 200
    empty = officer_client.post(url, {"conclusions": "", "recommendations": ""})
    assert empty.status_code == 200 and b"field-error" in empty.content
    saved = officer_client.post(url, {"conclusions": "Добре.", "recommendations": "Так тримати."})
    assert saved.status_code == 302
    note.refresh_from_db()
    assert (note.conclusions, note.recommendations) == ("Добре.", "Так тримати.")
    summary_url = f"/office/reports/quarters/{quarter}/summary/"
    officer_client.post(summary_url, {"summary": "Квартал без порушень."})
    assert QuarterClose.objects.get().summary == "Квартал без порушень."
    page = officer_client.get(f"/office/reports/quarters/{quarter}/")
    assert "Квартал без порушень.".encode() in page.content and "Добре.".encode() in page.content


def test_the_yearly_report_page_its_texts_and_its_files(officer_client, council):
    page = officer_client.get("/office/reports/years/2025/")
    assert page.status_code == 200
    assert "Станом на 31.12.2025 на Порталі розміщено 2 набори даних".encode() in page.content
    assert b"<svg" in page.content and b'id="yearly-docx"' in page.content

    form = officer_client.get("/office/reports/years/2025/texts/")
    assert "Про стан роботи з оприлюднення".encode() in form.content
    data = {field: form.context["form"].initial[field] for field in form.context["form"].fields}
    data["measures"] = "Проведено навчання."
    assert officer_client.post("/office/reports/years/2025/texts/", data).status_code == 302
    assert YearlyText.objects.get(year=2025).measures == "Проведено навчання."

    docx = officer_client.get("/office/reports/years/2025/report.docx")
    assert docx.status_code == 200
    text = [p.text for p in read_docx(io.BytesIO(docx.content)).paragraphs]
    assert "Проведено навчання." in text
    html = officer_client.get("/office/reports/years/2025/report.html")
    assert html["Content-Type"].startswith("text/html") and b"<svg" in html.content

    too_early = officer_client.get("/office/reports/years/2019/")
    assert too_early.status_code == 422
    assert b"2025" in too_early.content


def test_the_working_group_reads_but_does_not_close(client, council):
    client.force_login(UserFactory(roles=[Role.WORKING_GROUP]))
    assert client.get("/office/reports/").status_code == 200
    assert client.get("/office/reports/years/2025/").status_code == 200
    response = client.post("/office/reports/quarters/close/", {"quarter": str(_ended())})
    assert response.status_code == 403
    assert client.get("/office/reports/years/2025/texts/").status_code == 403


def test_a_clerk_sees_only_the_indicators_of_its_owner(client, council):
    client.force_login(council["clerk"])
    index = client.get("/office/reports/")
    assert index.status_code == 200 and b'id="closed-quarters"' not in index.content
    assert client.get("/office/reports/years/2025/").status_code == 403
    overview = client.get("/office/reports/indicators/")
    assert overview.status_code == 200
    own_slug, other_slug = council["education"].slug, council["culture"].slug
    assert f'data-owner="{own_slug}"'.encode() in overview.content
    assert "Управління культури".encode() not in overview.content
    own = client.get(f"/office/reports/indicators/{own_slug}/?year=2025")
    assert own.status_code == 200
    assert b'id="indicator-published_share"' in own.content
    assert b'data-numerator="1" data-denominator="1"' in own.content
    assert client.get(f"/office/reports/indicators/{other_slug}/").status_code == 404
    assert client.get("/office/reports/indicators/?year=1990").status_code == 422


def test_strangers_are_sent_to_sign_in(client, council):
    response = client.get("/office/reports/")
    assert response.status_code == 302 and "/login/" in response["Location"]
