"""A council that moves in with its history: built only from its imported list (no demo), the
report of a past year has the figures a direct count of the list gives, as the council signed
it — owners in its order, units under the executive committee, datasets on moderation counted
and marked, its people in the signatures, the signature block never alone on a page."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from docx import Document as read_docx
from pypdf import PdfReader

from radadata.core.errors import ValidationFailed
from radadata.registry import imports
from radadata.registry.services import council as council_services
from radadata.reports import services
from radadata.reports.builders.yearly import yearly_report
from radadata.reports.documents.build import year_document
from radadata.reports.documents.yearly import TABLE_HEADER
from radadata.reports.renderers import render
from radadata.reports.selectors import yearly_texts
from radadata.reports.snapshot import take_snapshot
from tests.factories import AT

from . import council_list

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 3, 1)
END = dt.date(2020, 12, 31)

# The table of the 2020 report, row by row, as the council writes it.
EXPECTED_2020 = [
    ("1", "Виконавчий комітет Зеленодольської селищної ради", "2"),
    ("2", "Відділ економічного розвитку", "1"),
    ("3", "Відділ містобудування та архітектури", "1"),
    ("4", "Центр надання адміністративних послуг", "2 (з них 1 на модерації)"),
    ("5", "Сектор з питань цивільного захисту", "0"),
    ("6", "Фінансовий відділ", "2"),
    ("7", "Відділ освіти, молоді та спорту", "2"),
    ("8", "Відділ культури та туризму", "1"),
    ("9", "Управління соціального захисту населення", "1"),
    ("10", "Відділ житлово-комунального господарства та благоустрою", "1"),
    ("11", "КП «Зеленодольськводоканал»", "1"),
    ("12", "КП «Благоустрій»", "4 (на модерації)"),
    ("13", "КП «Житлосервіс»", "1"),
    ("14", "КНП «Центр первинної медичної допомоги»", "1"),
    ("15", "Дитячо-юнацька спортивна школа", "1"),
    ("16", "Центр соціальних служб", "1"),
]


def _day(text: str) -> dt.date | None:
    return dt.datetime.strptime(text, "%d.%m.%Y").date() if text else None


def _direct_count(end: dt.date) -> tuple[dict[str, tuple[int, int]], int, int]:
    """From the list itself: per owner (published, on moderation) on `end`; the approved
    list's entries then, and those of them published or on moderation."""
    counts: dict[str, tuple[int, int]] = {}
    items = items_on_portal = 0
    for _order, owner, _kind, _parent, datasets in council_list.OWNERS:
        published = waiting = 0
        present = False
        for _title, uploaded, first, modified, state, listed in datasets:
            up, pub, mod = _day(uploaded), _day(first), _day(modified)
            start = min((d for d in (up, pub) if d), default=None)
            if start is None or start > end:
                continue
            present = True
            is_published = pub is not None and pub <= end
            rejected = state == "відхилено" and mod is not None and mod <= end
            is_waiting = not is_published and not rejected and up is not None and up <= end
            published += is_published
            waiting += is_waiting
            if listed == "так":
                items += 1
                items_on_portal += is_published or is_waiting
        if present:
            counts[owner] = (published, waiting)
    return counts, items, items_on_portal


def _set_up_council() -> None:
    council_services.council_update(
        by=None, at=AT, name="Зеленодольська селищна рада", kind="settlement",
        city="Зеленодольськ", head_name="Андрієшин Василь Петрович",
        head_title="Селищний голова", signer_name="Остапчук Олена Іванівна",
        signer_title="Секретар селищної ради", officer_name="Мельник Оксана Петрівна",
        officer_title="Головний спеціаліст, відповідальний за відкриті дані")


def _import_list() -> imports.ImportPlan:
    table = imports.read_table(council_list.workbook(), "перелік-2020.xlsx")
    mapping = imports.recognise(table.header)
    assert None not in mapping, table.header
    return imports.registry_import(table=table, mapping=mapping, by=None, at=AT)


@pytest.fixture
def council():
    _set_up_council()
    plan = _import_list()
    assert not plan.rejected, [(o.row, o.messages) for o in plan.rejected]


def _table(docx) -> list[list[str]]:
    table = next(t for t in docx.tables
                 if tuple(c.text for c in t.rows[0].cells) == TABLE_HEADER)
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_2020_report_of_an_imported_council_is_the_table_it_signed(council):
    docx = read_docx(io.BytesIO(render(year_document(2020, today=TODAY), "docx")))
    rows = _table(docx)
    body = [(n, name.strip(), cell) for n, name, cell in rows[1:-1]]
    assert body == EXPECTED_2020
    assert rows[-1] == ["", "Разом", "22 (з них 5 на модерації)"]
    text = "\n".join(p.text for p in docx.paragraphs)
    assert ("Станом на 31.12.2020 на Порталі розміщено 22 набори даних (з них 5 на модерації), "
            "що становить 94,7% від затвердженого переліку (оприлюднено 18 з 19 наборів даних "
            "переліку).") in text


def test_the_report_equals_a_direct_count_of_the_list(council):
    counts, items, items_on_portal = _direct_count(END)
    report = yearly_report(2020, today=TODAY, texts=yearly_texts(2020).values)
    by_name = {row.name: (row.published, row.on_moderation) for row in report.rows}
    assert by_name == counts
    assert report.total_published == sum(p + w for p, w in counts.values())
    assert (report.approved, report.approved_published) == (items, items_on_portal)
    assert report.share == pytest.approx(items_on_portal / items)


def test_a_council_counting_published_datasets_only(council):
    council_services.council_update(by=None, at=AT, reports_count_moderation=False)
    report = yearly_report(2020, today=TODAY, texts=yearly_texts(2020).values)
    cells = {row.name: row.published_cell for row in report.rows}
    assert cells["КП «Благоустрій»"] == "0 (ще 4 на модерації)"
    assert report.total_published == 17
    assert (report.approved, report.approved_published) == (19, 15)


def test_units_sit_under_the_executive_committee_in_the_registered_owners(council):
    text = "\n".join(p.text for p in read_docx(io.BytesIO(render(
        year_document(2020, today=TODAY), "docx"))).paragraphs)
    assert "зареєстровано 12 розпорядників інформації" in text
    assert ("Виконавчий комітет Зеленодольської селищної ради та його структурні підрозділи:"
            in text)
    assert ("– Виконавчий комітет Зеленодольської селищної ради (оприлюднює також набори "
            "даних структурних підрозділів: Відділ економічного розвитку, Відділ містобудування "
            "та архітектури, Центр надання адміністративних послуг);") in text
    enterprises = text.split("Комунальні підприємства, установи та заклади:")[1]
    assert enterprises.index("КП «Зеленодольськводоканал»") < enterprises.index(
        "КП «Благоустрій»") < enterprises.index("Центр соціальних служб.")


def test_a_quarter_and_the_snapshot_see_the_imported_history(council):
    mid = take_snapshot(as_of=dt.date(2020, 6, 30))
    published = {d.title for d in mid.published()}
    assert "Заклади культури" in published and "Кількість учнів" not in published
    december = take_snapshot(as_of=END)
    state = {d.title: d.state for d in december.datasets.values()}
    assert state["Об'єкти благоустрою"] == "uploaded"
    assert state["Укриття"] == "portal_rejected"
    assert state["Звіт ЦНАП"] == "uploaded"
    later = take_snapshot(as_of=dt.date(2021, 3, 1))
    assert {d.title: d.state for d in later.datasets.values()}["Звіт ЦНАП"] == "published"


def test_signatures_name_the_councils_people_as_documents_write_them(council):
    services.yearly_texts_save(
        year=2020, by=None, at=AT,
        agreed="Заступник селищного голови — Гнатюк Олег Васильович\n"
               "Начальник юридичного відділу — Савчук Ірина Миколаївна")
    docx = read_docx(io.BytesIO(render(year_document(2020, today=TODAY), "docx")))
    cells = [c.text for t in docx.tables for row in t.rows for c in row.cells]
    text = "\n".join(p.text for p in docx.paragraphs)
    assert "Селищний голова" in cells and "Василь АНДРІЄШИН" in cells
    assert "Секретар селищної ради" in cells and "Олена ОСТАПЧУК" in cells
    assert "ПІДГОТУВАВ:" in text and "ПОГОДЖЕНО:" in text
    assert "Оксана МЕЛЬНИК" in cells and "Олег ГНАТЮК" in cells and "Ірина САВЧУК" in cells
    assert "Міська рада" not in text and "міськ" not in text.lower()


def test_no_views_were_kept_so_no_chart_says_zero(council):
    text = "\n".join(p.text for p in read_docx(io.BytesIO(render(
        year_document(2020, today=TODAY), "docx"))).paragraphs)
    assert "Облік переглядів і завантажень наборів даних у 2020 році не вівся" in text
    assert "переглянуто 0" not in text


@pytest.mark.parametrize("extra_plan_lines", [0, 3, 6, 9, 12, 15, 18, 21])
def test_the_signature_block_never_stands_alone_on_the_last_page(council, extra_plan_lines):
    """Whatever the length of the plan, the last page holds more than the signatures."""
    texts = yearly_texts(2020).values
    plan = texts["plan"] + "".join(f"\n– захід плану номер {n} на наступний рік, описаний "
                                   "досить докладно, щоб займати цілий рядок тексту;"
                                   for n in range(extra_plan_lines))
    services.yearly_texts_save(year=2020, by=None, at=AT, plan=plan,
                               agreed="Заступник селищного голови — Гнатюк Олег Васильович")
    pdf = PdfReader(io.BytesIO(render(year_document(2020, today=TODAY), "pdf")))
    assert len(pdf.pages) >= 3
    last = pdf.pages[-1].extract_text()
    signature_lines = {"Секретар селищної ради", "Олена ОСТАПЧУК", "ПІДГОТУВАВ:",
                       "ПОГОДЖЕНО:", "Оксана МЕЛЬНИК", "Олег ГНАТЮК",
                       "Головний спеціаліст, відповідальний за відкриті дані",
                       "Заступник селищного голови"}
    lines = [line.strip() for line in last.splitlines() if line.strip()]
    assert "Олена ОСТАПЧУК" in last
    assert any(not any(part in line for part in signature_lines) for line in lines), lines


def test_a_year_before_the_history_says_where_it_begins(council):
    with pytest.raises(ValidationFailed) as error:
        yearly_report(2017, today=TODAY, texts=yearly_texts(2017).values)
    assert re.search(r"2018", error.value.message)


def test_views_and_downloads_from_before_feed_the_charts(council, english):
    from radadata.reports.use_history import use_history_import

    csv = ("dataset;month;views;downloads\n"
           "Бюджет громади;2020-03;120;14\n"
           "Бюджет громади;04.2020;80;6\n"
           "Заклади культури;2020-04;20;1\n").encode()
    use_history_import(data=csv, by=None, at=AT)
    report = yearly_report(2020, today=TODAY, texts=yearly_texts(2020).values)
    assert report.use_kept
    assert report.views_by_month[2:4] == (120, 100)
    assert report.downloads_by_month[2:4] == (14, 7)
    docx = read_docx(io.BytesIO(render(year_document(2020, today=TODAY), "docx")))
    text = "\n".join(p.text for p in docx.paragraphs)
    assert "сторінки наборів даних переглянуто 220 разів, файли завантажено 21 раз" in text
    assert len(docx.inline_shapes) == 2


def test_a_bad_row_of_use_figures_stores_nothing(council, english):
    from radadata.catalog.models import DailyCount
    from radadata.reports.use_history import use_history_import

    csv = ("dataset,month,views,downloads\n"
           "Бюджет громади,2020-03,120,14\n"
           "Невідомий набір,2020-03,5,1\n"
           "Бюджет громади,2099-01,5,1\n"
           "Бюджет громади,2020-05,-3,1\n").encode()
    with pytest.raises(ValidationFailed) as error:
        use_history_import(data=csv, by=None, at=AT)
    text = " ".join(error.value.errors["rows"])
    assert "Row 3: No dataset “Невідомий набір”" in text
    assert "Row 4: 01.2099 is outside" in text and "Row 5: “-3” is not a number" in text
    assert not DailyCount.objects.exists()
    plan = use_history_import(data=csv, by=None, at=AT, good_rows=True)
    assert len(plan.good_rows) == 1 and DailyCount.objects.get().views == 120


@pytest.mark.parametrize(("approved", "published", "words"), [
    (143, 125, "оприлюднено 125 з 143 наборів даних переліку"),
    (21, 20, "оприлюднено 20 з 21 набору даних переліку"),
    (22, 22, "розміщено 22 набори даних"),
    (11, 1, "розміщено 1 набір даних"),
])
def test_numbers_agree_with_their_nouns(approved, published, words):
    from radadata.reports.builders.yearly import YearlyReport
    from radadata.reports.documents.yearly import statement

    report = YearlyReport(
        council_name="Зеленодольська селищна рада", council_genitive="", city="", year=2020,
        as_of=END, texts={}, registered=(), published=published, approved=approved,
        approved_published=published, rows=(), on_moderation=0, new_by_month=(0,) * 12,
        views_by_month=(0,) * 12, downloads_by_month=(0,) * 12)
    assert words in statement(report)
