"""The yearly report laid out as an executive committee's decision with its annex (§8.5)."""

from __future__ import annotations

from radadata.reports.builders.yearly import YearlyReport
from radadata.reports.charts import Chart, Series
from radadata.reports.documents.blocks import (
    Block,
    Document,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Row,
    Table,
)
from radadata.reports.periods import MONTHS_SHORT, format_date
from radadata.reports.wording import (
    BLANK,
    DATASETS,
    OWNERS,
    count,
    head_words,
    percent,
    plural,
    signature_name,
)

BLANK_DATE = "«___» ____________"
TIMES = ("раз", "рази", "разів")
TABLE_HEADER = ("№ з/п", "Розпорядник", "Кількість оприлюднених наборів")


def statement(report: YearlyReport) -> str:
    """ "Станом на 31.12.2025 на Порталі розміщено 24 набори даних, що становить 90% від
    затвердженого переліку (оприлюднено 18 з 20 наборів даних переліку)." """
    text = (f"Станом на {format_date(report.as_of)} на Порталі розміщено "
            f"{count(report.published, DATASETS)}")
    if not report.approved:
        return text + "; затвердженого переліку наборів даних на цю дату не було."
    return (f"{text}, що становить {percent(report.share)} від затвердженого переліку "
            f"(оприлюднено {report.approved_published} з {report.approved} "
            f"{plural(report.approved, DATASETS)} переліку).")


def yearly_table(report: YearlyReport) -> Table:
    on_moderation = sum(row.on_moderation for row in report.rows)
    total: str | int = report.total_published
    if on_moderation:
        total = f"{report.total_published} ({on_moderation} на модерації)"
    return Table(
        caption="Таблиця 1. Кількість наборів даних, оприлюднених розпорядниками",
        header=TABLE_HEADER,
        rows=tuple((row.number, row.name, row.published_cell) for row in report.rows),
        footer=("", "Разом", total), widths=(1.3, 10.7, 5.0), numeric=frozenset({0, 2}),
        sheet="Розпорядники")


def yearly_document(report: YearlyReport) -> Document:
    texts = report.texts
    year = report.year
    words = head_words(report.council_name)
    blocks: list[Block] = [
        Paragraph(report.council_name.upper(), align="center", bold=True, indent=False),
        Paragraph("ВИКОНАВЧИЙ КОМІТЕТ", align="center", bold=True, indent=False),
        Paragraph("Р І Ш Е Н Н Я", align="center", bold=True, indent=False, before=12,
                  after=12),
        # Dated and numbered when the committee adopts it: blanks, as the draft goes to print.
        Row((f"{BLANK_DATE} 20___ року", f"м. {report.city}" if report.city else "",
             "№ ______"),
            aligns=("left", "center", "right"), widths=(7.5, 6.0, 3.5)),
        Paragraph(texts["title"], align="left", bold=True, indent=False, before=12, after=12),
        Paragraph(texts["preamble"]),
        Paragraph("ВИРІШИВ:", align="left", bold=True, indent=False, before=12, after=6),
    ]
    points = [line.strip() for line in texts["points"].splitlines() if line.strip()]
    blocks += [Paragraph(f"{n}. {point}") for n, point in enumerate(points, start=1)]
    blocks += [
        Row((words.head.capitalize(), signature_name(texts["mayor_name"]) or BLANK),
            aligns=("left", "right"), before=36, widths=(10, 7)),
        PageBreak(),
        Paragraph(f"Додаток\nдо рішення виконавчого\nкомітету {words.council_genitive}\n"
                  "від ______________ № ______",
                  align="left", indent=False, left=85, after=12),
        Heading("ІНФОРМАЦІЯ", level=1),
        Paragraph(_subject(texts["title"]), align="center", bold=True, indent=False, after=12),
        Heading(f"1. Заходи, вжиті у {year} році"),
        *_lines(texts["measures"]),
        Heading("2. Розпорядники інформації, зареєстровані на Порталі"),
        *_registered(report),
        Heading("3. Оприлюднення наборів даних"),
        Paragraph(statement(report)),
        yearly_table(report),
    ]
    if any(row.on_moderation for row in report.rows):
        blocks.append(Paragraph("«На модерації» — набори даних, завантажені на Портал, що "
                                "очікують схвалення його адміністратора.", indent=False))
    blocks += _charts(report)
    blocks += [
        Heading(f"4. План на {year + 1} рік"),
        *_lines(texts["plan"]),
        Row((texts["signer_position"], signature_name(texts["signer_name"]) or BLANK),
            aligns=("left", "right"), before=36, widths=(10, 7)),
    ]
    return Document(title=texts["title"], filename=f"zvit-vidkryti-dani-{year}",
                    blocks=tuple(blocks))


def _subject(title: str) -> str:
    """The annex's heading from the decision's title: "Про стан…" → "про стан…"."""
    title = title.strip()
    return "про " + title[4:] if title.lower().startswith("про ") else title


def _lines(text: str) -> list[Paragraph]:
    return [Paragraph(line.strip()) for line in text.splitlines() if line.strip()]


def _registered(report: YearlyReport) -> list[Block]:
    day = format_date(report.as_of)
    if not report.registered_count:
        return [Paragraph(f"Станом на {day} жоден розпорядник інформації не зареєстрований "
                          "на Єдиному державному веб-порталі відкритих даних.")]
    blocks: list[Block] = [Paragraph(
        f"Станом на {day} на Єдиному державному веб-порталі відкритих даних зареєстровано "
        f"{count(report.registered_count, OWNERS)} інформації:")]
    for group in report.registered:
        blocks.append(Paragraph(f"{group.title}:", indent=True, bold=True))
        last = len(group.names)
        blocks += [Paragraph(f"– {name}{'.' if n == last else ';'}", indent=True)
                   for n, name in enumerate(group.names, start=1)]
    return blocks


def _charts(report: YearlyReport) -> list[Block]:
    year = report.year
    labels = MONTHS_SHORT
    new = sum(report.new_by_month)
    views, downloads = sum(report.views_by_month), sum(report.downloads_by_month)
    return [
        Paragraph(f"Протягом {year} року вперше оприлюднено {count(new, DATASETS)}; "
                  f"сторінки наборів даних переглянуто {count(views, TIMES)}, файли "
                  f"завантажено {count(downloads, TIMES)}."),
        Figure(Chart(title=f"Нові набори даних у {year} році",
                     labels=labels,
                     series=(Series("Уперше оприлюднено", report.new_by_month),)),
               caption=f"Рисунок 1. Кількість наборів даних, уперше оприлюднених у {year} "
                       "році, за місяцями"),
        Figure(Chart(title=f"Перегляди та завантаження у {year} році", labels=labels,
                     series=(Series("Перегляди", report.views_by_month),
                             Series("Завантаження", report.downloads_by_month))),
               caption=f"Рисунок 2. Перегляди та завантаження наборів даних у {year} році, "
                       "за місяцями"),
    ]
