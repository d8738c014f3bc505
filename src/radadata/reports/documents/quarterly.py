"""A closed quarter's two documents (§8.3, §8.5): the summary the working group considers, with
the conclusions and recommendations for each owner, and the information for the mayor."""

from __future__ import annotations

from radadata.reports.builders.figures import share
from radadata.reports.builders.quarterly import OwnerPart, QuarterlyReport
from radadata.reports.documents.blocks import Block, Document, Heading, Paragraph, Row, Table
from radadata.reports.periods import format_date
from radadata.reports.wording import BLANK, head_words, percent, signature_name

NUMBER = ("№ з/п", "Розпорядник")


def publication_table(report: QuarterlyReport) -> Table:
    def cells(f: dict) -> tuple:
        return (f["approved"], f["approved_published"],
                percent(share(f["approved_published"], f["approved"])), f["published"],
                f["published_in_period"])

    return Table(
        caption=f"Таблиця 1. Оприлюднення наборів даних станом на {format_date(report.as_of)}",
        header=(*NUMBER, "Затверджено в переліку", "Оприлюднено з переліку", "Частка",
                "Оприлюднено всього", "Уперше у кварталі"),
        rows=tuple((n, part.name, *cells(part.figures))
                   for n, part in enumerate(report.owners, start=1)),
        footer=("", "Разом", *cells(report.totals)),
        widths=(1.0, 4.5, 2.4, 2.4, 1.9, 2.4, 2.4), numeric=frozenset({0, 2, 3, 4, 5, 6}),
        font_size=10, sheet="Оприлюднення")


def update_table(report: QuarterlyReport) -> Table:
    def cells(f: dict) -> tuple:
        return (f["updated_in_period"], f["overdue"], f["in_review"], f["on_moderation"],
                f["returned"], f["rejected"])

    return Table(
        caption="Таблиця 2. Оновлення наборів даних і розгляд поданих наборів",
        header=(*NUMBER, "Оновлено у кварталі", "Прострочено", "На розгляді",
                "На модерації", "Повернуто", "Відхилено Порталом"),
        rows=tuple((n, part.name, *cells(part.figures))
                   for n, part in enumerate(report.owners, start=1)),
        footer=("", "Разом", *cells(report.totals)),
        widths=(1.0, 3.8, 2.0, 2.4, 1.9, 2.0, 1.9, 2.0),
        numeric=frozenset({0, 2, 3, 4, 5, 6, 7}), font_size=10, sheet="Оновлення")


def summary_document(report: QuarterlyReport) -> Document:
    quarter = report.quarter
    blocks: list[Block] = [
        Paragraph(report.council_name.upper(), align="center", bold=True, indent=False,
                  after=12),
        Heading("УЗАГАЛЬНЕНА ІНФОРМАЦІЯ", level=1),
        Paragraph("за підсумками моніторингу стану оприлюднення та оновлення наборів даних "
                  f"{quarter.in_title_uk}",
                  align="center", bold=True, indent=False),
        Paragraph(f"(станом на {format_date(report.as_of)})", align="center", indent=False,
                  after=12),
        Heading("1. Загальні висновки"),
        *_lines(report.summary),
        Heading("2. Показники за розпорядниками"),
        publication_table(report),
        update_table(report),
        Heading("3. Висновки та рекомендації для розпорядників наборів даних"),
    ]
    for n, part in enumerate(report.owners, start=1):
        blocks += _owner_part(n, part)
    blocks.append(_signature(report))
    return Document(title=f"Узагальнена інформація {quarter.in_title_uk}",
                    filename=f"monitorynh-{quarter}", blocks=tuple(blocks))


def mayor_document(report: QuarterlyReport) -> Document:
    quarter = report.quarter
    words = head_words(report.council_name, kind=report.council_kind)
    blocks: list[Block] = [
        Paragraph(words.head_dative.capitalize(), align="left", indent=False, left=90, after=18),
        Heading("ІНФОРМАЦІЯ", level=1),
        Paragraph("про стан роботи з оприлюднення публічної інформації у формі відкритих даних "
                  f"{quarter.in_title_uk}", align="center", bold=True, indent=False, after=12),
        *_lines(report.summary),
        _mayor_table(report),
    ]
    troubled = [part for part in report.owners if part.has_problems and part.recommendations]
    if troubled:
        blocks.append(Paragraph("Робоча група рекомендує:", bold=True, indent=False, before=6))
        for part in troubled:
            text = " ".join(line.strip() for line in part.recommendations.splitlines()
                            if line.strip())
            blocks.append(Paragraph(f"{part.figures['short_name']}: {text}"))
    blocks.append(_signature(report))
    return Document(title=f"Інформація для {words.head_genitive} {quarter.in_title_uk}",
                    filename=f"informatsiia-miskomu-holovi-{quarter}", blocks=tuple(blocks))


def _mayor_table(report: QuarterlyReport) -> Table:
    def cells(f: dict) -> tuple:
        return (f["approved"], f["approved_published"],
                percent(share(f["approved_published"], f["approved"])), f["overdue"])

    return Table(
        caption=f"Стан оприлюднення наборів даних станом на {format_date(report.as_of)}",
        header=(*NUMBER, "Затверджено в переліку", "Оприлюднено з переліку", "Частка",
                "Прострочено"),
        rows=tuple((n, part.name, *cells(part.figures))
                   for n, part in enumerate(report.owners, start=1)),
        footer=("", "Разом", *cells(report.totals)),
        widths=(1.0, 5.8, 2.6, 2.6, 2.0, 3.0), numeric=frozenset({0, 2, 3, 4, 5}),
        font_size=11, sheet="Стан оприлюднення")


def _owner_part(number: int, part: OwnerPart) -> list[Block]:
    blocks: list[Block] = [
        Paragraph(f"3.{number}. {part.name}", align="left", bold=True, indent=False, before=6),
        Paragraph(f"Висновки: {part.conclusions or '—'}"),
    ]
    lines = [line.strip() for line in part.recommendations.splitlines() if line.strip()]
    if lines:
        blocks.append(Paragraph("Рекомендації:"))
        blocks += [Paragraph(f"– {line}") for line in lines]
    return blocks


def _signature(report: QuarterlyReport) -> Row:
    return Row((report.officer_position, signature_name(report.officer_name) or BLANK),
               aligns=("left", "right"), before=30, widths=(10, 7))


def _lines(text: str) -> list[Paragraph]:
    return [Paragraph(line.strip()) for line in text.splitlines() if line.strip()]
