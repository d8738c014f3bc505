"""The yearly report laid out as an executive committee's decision with its annex (§8.5)."""

from __future__ import annotations

from dataclasses import replace

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
    DATASETS_GENITIVE,
    OWNERS,
    count,
    head_words,
    percent,
    plural,
    signature_name,
)

BLANK_DATE = "«___» ____________"
TIMES = ("раз", "рази", "разів")
#: How a decision's place line writes the settlement: "м. Світлогірськ", "с-ще …", "с. …".
SETTLEMENT_ABBREVIATION = {"city": "м.", "settlement": "с-ще", "village": "с."}
TABLE_HEADER = ("№ з/п", "Розпорядник", "Кількість оприлюднених наборів")


def statement(report: YearlyReport) -> str:
    """ "Станом на 31.12.2025 на Порталі розміщено 24 набори даних (з них 4 на модерації), що
    становить 90% від затвердженого переліку (оприлюднено 18 з 20 наборів даних переліку)." """
    text = (f"Станом на {format_date(report.as_of)} на Порталі розміщено "
            f"{count(report.published, DATASETS)}")
    if report.count_moderation and report.on_moderation:
        text += f" (з них {report.on_moderation} на модерації)"
    if not report.approved:
        return text + "; затвердженого переліку наборів даних на цю дату не було."
    return (f"{text}, що становить {percent(report.share)} від затвердженого переліку "
            f"(оприлюднено {report.approved_published} з {report.approved} "
            f"{plural(report.approved, DATASETS_GENITIVE)} переліку).")


def yearly_table(report: YearlyReport) -> Table:
    on_moderation = sum(row.on_moderation for row in report.rows)
    total: str | int = report.total_published
    if on_moderation:
        total = (f"{report.total_published} (з них {on_moderation} на модерації)"
                 if report.count_moderation
                 else f"{report.total_published} (ще {on_moderation} на модерації)")
    return Table(
        caption="Таблиця 1. Кількість наборів даних, оприлюднених розпорядниками",
        header=TABLE_HEADER,
        rows=tuple((row.number, ("    " * row.level) + row.name, row.published_cell)
                   for row in report.rows),
        footer=("", "Разом", total), widths=(1.3, 10.7, 5.0), numeric=frozenset({0, 2}),
        sheet="Розпорядники")


def yearly_document(report: YearlyReport) -> Document:
    texts = report.texts
    year = report.year
    words = head_words(report.council_name, kind=report.council_kind)
    blocks: list[Block] = [
        Paragraph(report.council_name.upper(), align="center", bold=True, indent=False),
        Paragraph("ВИКОНАВЧИЙ КОМІТЕТ", align="center", bold=True, indent=False),
        Paragraph("Р І Ш Е Н Н Я", align="center", bold=True, indent=False, before=12,
                  after=12),
        # Dated and numbered when the committee adopts it: blanks, as the draft goes to print.
        Row((f"{BLANK_DATE} 20___ року",
             f"{SETTLEMENT_ABBREVIATION.get(report.council_kind, 'м.')} {report.city}"
             if report.city else "",
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
        blocks.append(Paragraph(
            "«На модерації» — набори даних, завантажені на Портал, що очікують схвалення його "
            "адміністратора" + ("; їх враховано в кількості розпорядника, у підсумку та в "
                                "частці від переліку." if report.count_moderation else
                                "; їх не враховано в кількості оприлюднених."),
            indent=False))
    blocks += _charts(report)
    plan = _lines(texts["plan"])
    blocks += [Heading(f"4. План на {year + 1} рік"), *plan[:-1]]
    # The last lines of the plan and every signature stay on one page (never a page of
    # signatures alone).
    tail: list[Block] = [replace(paragraph, keep_with_next=True) for paragraph in plan[-1:]]
    tail.append(Row((texts["signer_position"], signature_name(texts["signer_name"]) or BLANK),
                    aligns=("left", "right"), before=36, widths=(10, 7)))
    tail += _approvals(texts)
    for block in tail[:-1]:
        blocks.append(replace(block, keep_with_next=True))
    blocks.append(tail[-1])
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


def _people(text: str) -> list[tuple[str, str]]:
    """ "Посада — Прізвище Ім'я По батькові" per line → (position, signature name)."""
    people = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        position, _dash, name = line.rpartition("—") if "—" in line else ("", "", line)
        people.append((position.strip(), signature_name(name.strip()) or BLANK))
    return people


def _approvals(texts: dict[str, str]) -> list[Block]:
    """The «ПІДГОТУВАВ» and «ПОГОДЖЕНО» block under the report, with the people the officer
    names (the texts' `prepared` and `agreed`, one "position — name" per line)."""
    blocks: list[Block] = []
    for title, key in (("ПІДГОТУВАВ:", "prepared"), ("ПОГОДЖЕНО:", "agreed")):
        people = _people(texts.get(key, ""))
        if not people:
            continue
        blocks.append(Paragraph(title, align="left", bold=True, indent=False, before=18,
                                after=6))
        blocks += [Row((position, name), aligns=("left", "right"), before=6, widths=(10, 7))
                   for position, name in people]
    return blocks


def _charts(report: YearlyReport) -> list[Block]:
    """The charts that have figures; a chart without them is left out, and a sentence says
    why (no new publications that year; views and downloads not counted then)."""
    year = report.year
    labels = MONTHS_SHORT
    new = sum(report.new_by_month)
    views, downloads = sum(report.views_by_month), sum(report.downloads_by_month)
    figure = 1
    if new:
        sentence = f"Протягом {year} року вперше оприлюднено {count(new, DATASETS)}"
    else:
        sentence = f"Протягом {year} року нових наборів даних не оприлюднено"
    if report.use_kept:
        sentence += (f"; сторінки наборів даних переглянуто {count(views, TIMES)}, файли "
                     f"завантажено {count(downloads, TIMES)}.")
    else:
        sentence += (f". Облік переглядів і завантажень наборів даних у {year} році не "
                     "вівся, тому їх кількість не наводиться.")
    blocks: list[Block] = [Paragraph(sentence)]
    if new:
        blocks.append(Figure(
            Chart(title=f"Нові набори даних у {year} році", labels=labels,
                  series=(Series("Уперше оприлюднено", report.new_by_month),)),
            caption=f"Рисунок {figure}. Кількість наборів даних, уперше оприлюднених у "
                    f"{year} році, за місяцями"))
        figure += 1
    if report.use_kept and views + downloads:
        blocks.append(Figure(
            Chart(title=f"Перегляди та завантаження у {year} році", labels=labels,
                  series=(Series("Перегляди", report.views_by_month),
                          Series("Завантаження", report.downloads_by_month))),
            caption=f"Рисунок {figure}. Перегляди та завантаження наборів даних у {year} "
                    "році, за місяцями"))
    return blocks
