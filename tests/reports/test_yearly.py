"""The yearly report to the council (§8.5): its table is a direct count of the registry, its
DOCX reads back, its words are the year's stored texts, and bad years say what to choose."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from docx import Document as read_docx
from openpyxl import load_workbook

from radadata.catalog.models import DailyCount
from radadata.core.errors import NotAllowed, ValidationFailed
from radadata.core.models import AuditEntry
from radadata.registry.demo import load_demo
from radadata.registry.models import ApprovedListItem, Council, Dataset, Owner
from radadata.registry.models.datasets import public_q
from radadata.registry.vocabularies import OwnerKind
from radadata.reports import services
from radadata.reports.builders.yearly import yearly_report
from radadata.reports.documents.build import year_document
from radadata.reports.documents.yearly import TABLE_HEADER
from radadata.reports.periods import moment_after
from radadata.reports.renderers import render
from radadata.reports.selectors import yearly_texts
from radadata.workflow.states import State
from tests.factories import OwnerFactory, UserFactory

from .steps import at, owner, publish, register, submission_in

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 1)


def _table(docx) -> list[list[str]]:
    table = next(t for t in docx.tables
                 if tuple(c.text for c in t.rows[0].cells) == TABLE_HEADER)
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_demo_councils_report_equals_a_direct_count_and_reads_back_from_docx():
    load_demo()
    # Published datasets only (the council's setting), so a direct count of the dates checks it.
    Council.objects.filter(pk=1).update(reports_count_moderation=False)
    end = moment_after(dt.date(2025, 12, 31))
    published = Dataset.objects.filter(first_published_at__lt=end)
    owners = Owner.objects.all()
    # The table writes the owners' short names.
    expected = {o.short_name or o.name: published.filter(owner=o).count() for o in owners}
    by_table_name = {o.short_name or o.name: o for o in owners}
    items = ApprovedListItem.objects.filter(added_at__lt=end)
    on_list = items.filter(public_q("dataset__"), dataset__first_published_at__lt=end).count()

    docx = read_docx(io.BytesIO(render(year_document(2025, today=TODAY), "docx")))
    rows = _table(docx)
    body = rows[1:-1]
    assert len(body) == owners.count()
    assert {name.strip(): int(count.split()[0]) for _n, name, count in body} == expected
    assert [int(n) for n, _name, _count in body] == list(range(1, len(body) + 1))
    # The executive bodies first, the communal enterprises after them.
    kinds = [by_table_name[name.strip()].kind == OwnerKind.ENTERPRISE for _n, name, _c in body]
    assert kinds == sorted(kinds)
    assert rows[-1][:2] == ["", "Разом"]
    assert int(rows[-1][2].split()[0]) == published.count()

    share = round(on_list / items.count() * 100, 1)
    text = "\n".join(p.text for p in docx.paragraphs)
    statement = re.search(r"Станом на 31\.12\.2025 на Порталі розміщено (\d+) \S+ даних, що "
                          r"становить ([\d,]+)% від затвердженого переліку \(оприлюднено (\d+) "
                          r"з (\d+) ", text)
    assert statement, text
    assert int(statement[1]) == published.count()
    assert float(statement[2].replace(",", ".")) == share
    assert (int(statement[3]), int(statement[4])) == (on_list, items.count())
    # Registered on the portal, under the executive committee, then the enterprises.
    assert "Виконавчий комітет Світлогірської міської ради та його структурні підрозділи:" in text
    for registered in owners.filter(registered_on_portal=True):
        assert f"– {registered.name}" in text
    assert docx.sections[0].left_margin.mm == pytest.approx(30, abs=0.1)
    assert docx.styles["Normal"].font.name == "Times New Roman"
    # The new publications' chart; the demo kept no views in 2025, so that chart is left out
    # and a sentence says the figures were not kept (never "0 views" as a fact).
    assert len(docx.inline_shapes) == 1
    assert "Облік переглядів і завантажень наборів даних у 2025 році не вівся" in text


def _council(officer):
    education = OwnerFactory(name="Управління освіти", registered_on_portal=True)
    transport = OwnerFactory(name="КП «Міськтранс»", kind=OwnerKind.ENTERPRISE,
                             managing_owner=education, registered_on_portal=True)
    clerk = UserFactory(owner=education)
    schools = register(education, "Мережа шкіл", listed=True)
    publish(schools, "2025-03-10")
    meals = register(education, "Харчування", listed=True)
    submission_in(meals, State.UPLOADED, clerk=clerk, officer=officer, day="2025-12-20")
    routes = register(transport, "Маршрути", listed=True)
    publish(routes, "2025-06-02")
    publish(register(transport, "Зупинки"), "2026-01-15")  # next year: not in the 2025 report
    return education, transport, schools


def test_datasets_on_moderation_are_marked_and_months_are_counted(officer):
    _education, _transport, schools = _council(officer)
    DailyCount.objects.create(dataset=schools, day=dt.date(2025, 3, 11), views=7, downloads=2)
    DailyCount.objects.create(dataset=schools, day=dt.date(2025, 3, 20), views=3, downloads=1)
    DailyCount.objects.create(dataset=schools, day=dt.date(2026, 1, 5), views=50, downloads=9)

    report = yearly_report(2025, today=TODAY, texts=yearly_texts(2025).values)
    # As councils count: the dataset on moderation is in its owner's figure, the total and
    # the share.
    assert [(r.name, r.published_cell) for r in report.rows] == [
        ("Управління освіти", "2 (з них 1 на модерації)"), ("КП «Міськтранс»", 1)]
    assert (report.published, report.approved, report.approved_published) == (3, 3, 3)
    assert report.new_by_month == (0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0)
    assert report.views_by_month[2] == 10 and report.downloads_by_month[2] == 3
    assert sum(report.views_by_month) == 10

    document = year_document(2025, today=TODAY)
    rows = _table(read_docx(io.BytesIO(render(document, "docx"))))
    assert rows[-1] == ["", "Разом", "3 (з них 1 на модерації)"]
    workbook = load_workbook(io.BytesIO(render(document, "xlsx")))
    assert workbook.sheetnames == ["Розпорядники", "Рисунок 1", "Рисунок 2"]
    sheet = workbook["Розпорядники"]
    assert [c.value for c in sheet[2]] == list(TABLE_HEADER)
    assert [c.value for c in sheet[4]] == [2, "КП «Міськтранс»", 1]  # a number stays a number
    views = workbook["Рисунок 2"]
    assert [c.value for c in views[5]] == ["бер", 10, 3]
    html = render(document, "html").decode()
    assert "<svg" in html and "2 (з них 1 на модерації)" in html
    pdf = render(document, "pdf")
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") >= 3


def test_the_report_of_a_running_year_is_as_of_today(officer):
    _council(officer)
    report = yearly_report(2026, today=dt.date(2026, 2, 1), texts=yearly_texts(2026).values)
    assert report.as_of == dt.date(2026, 2, 1)
    assert report.published == 4  # three published, one on moderation
    text = "\n".join(p.text for p in read_docx(io.BytesIO(render(
        year_document(2026, today=dt.date(2026, 2, 1)), "docx"))).paragraphs)
    assert ("Станом на 01.02.2026 на Порталі розміщено 4 набори даних (з них 1 на модерації)"
            in text)


@pytest.mark.parametrize(("year", "message"), [
    (2027, "2027"), (2024, "2025")])
def test_a_year_without_data_says_which_years_have_it(officer, year, message):
    _council(officer)
    with pytest.raises(ValidationFailed) as error:
        yearly_report(year, today=TODAY, texts=yearly_texts(year).values)
    assert message in error.value.message


def test_an_empty_registry_asks_for_datasets_first():
    with pytest.raises(ValidationFailed) as error:
        yearly_report(2025, today=TODAY, texts=yearly_texts(2025).values)
    assert "year" in error.value.errors


def test_an_owner_without_datasets_gets_a_row_of_zero(officer):
    owner("Відділ культури")
    publish(register(owner("Архівний відділ"), "Фонди"), "2025-05-05")
    OwnerFactory(name="Відділ туризму")  # entered in 2026: not in the 2025 report
    report = yearly_report(2025, today=TODAY, texts=yearly_texts(2025).values)
    assert [(r.name, r.published) for r in report.rows] == [
        ("Архівний відділ", 1), ("Відділ культури", 0)]
    assert report.approved == 0 and report.share is None
    text = "\n".join(p.text for p in read_docx(io.BytesIO(render(
        year_document(2025, today=TODAY), "docx"))).paragraphs)
    assert "затвердженого переліку наборів даних на цю дату не було" in text
    assert "жоден розпорядник інформації не зареєстрований" in text


def test_the_officer_edits_the_texts_and_the_document_carries_them(officer):
    _council(officer)
    assert yearly_texts(2025).stored is None
    assert yearly_texts(2025).values["title"].startswith("Про стан роботи з оприлюднення")
    services.yearly_texts_save(
        year=2025, by=officer, at=at("2026-01-20"),
        points="Інформацію взяти до відома.\nКонтроль покласти на Гнатюка О. В.",
        measures="Проведено навчання для розпорядників.", mayor_name="Ковальчук Петро Іванович")
    stored = yearly_texts(2025)
    assert stored.stored is not None and stored.stored.updated_by == officer
    assert stored.values["plan"].startswith("У 2026 році")  # not given: kept from the default
    assert AuditEntry.objects.filter(action="yearly_report.texts_edited").count() == 1

    text = [p.text for p in read_docx(io.BytesIO(render(
        year_document(2025, today=TODAY), "docx"))).paragraphs]
    assert "1. Інформацію взяти до відома." in text
    assert "2. Контроль покласти на Гнатюка О. В." in text
    assert "Проведено навчання для розпорядників." in text

    with pytest.raises(ValidationFailed) as error:
        services.yearly_texts_save(year=2025, by=officer, at=at("2026-01-21"), title=" ")
    assert "title" in error.value.errors
    with pytest.raises(ValidationFailed):
        services.yearly_texts_save(year=2030, by=officer, at=at("2026-01-21"))
    with pytest.raises(NotAllowed):
        services.yearly_texts_save(year=2025, by=UserFactory(), at=at("2026-01-21"))


def test_a_village_council_has_a_village_head_in_its_documents(officer):
    from radadata.registry.models import Council

    Council.objects.update_or_create(pk=1, defaults={"name": "Ковалівська сільська рада"})
    publish(register(owner("Відділ культури"), "Заклади культури"), "2025-05-05")
    text = "\n".join(p.text for p in read_docx(io.BytesIO(render(
        year_document(2025, today=TODAY), "docx"))).paragraphs)
    assert "виконавчий комітет сільської ради" in text
    assert "заступника сільського голови" in text
    assert "міськ" not in text.lower()
    table_cells = [c.text for t in read_docx(io.BytesIO(render(
        year_document(2025, today=TODAY), "docx"))).tables for row in t.rows for c in row.cells]
    assert "Сільський голова" in text + "\n".join(table_cells)
