"""The audit's documents, laid out as the council signs them (core/documents conventions
through the report renderers): the mayor's order (розпорядження) that starts the audit
(§3.1–3.3, §3.4), the audit report (§3.5–3.6), and the order approving the list of datasets
with its annex (§2.19), read from the registry (§2.17). Documents are always Ukrainian: they are
what the council signs."""

from __future__ import annotations

from radadata.audit import selectors
from radadata.audit.models import Audit, ListProposal
from radadata.registry.models import ApprovedListItem, Council
from radadata.reports.documents.blocks import (
    Block,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Row,
    Table,
)
from radadata.reports.periods import format_date
from radadata.reports.wording import head_words

BLANK_DATE = "«___» ____________ 20___ року"
KINDS = {"remote": "віддалений", "contact": "контактний", "combined": "комбінований"}
ITEM_KINDS = {"system": "інформаційна система", "register": "реєстр", "database": "база даних",
              "spreadsheet": "електронна таблиця", "documents": "документи"}
KEEPING = {"electronic": "в електронній формі", "paper": "у паперовій формі",
           "mixed": "у паперовій та електронній формі"}
VALUE = {1: "низька", 2: "середня", 3: "висока"}
PERIODICITY = {
    "more than once a day": "більш як один раз на день", "once a day": "щодня",
    "once a week": "щотижня", "once a month": "щомісяця", "once a quarter": "щокварталу",
    "once a half year": "кожного півріччя", "once a year": "щороку",
    "immediately after making changes": "відразу після внесення змін",
    "no longer updated": "більше не оновлюється"}


def genitive(name: str) -> str:
    """ "Світлогірська міська рада" → "Світлогірської міської ради" (the council's name after
    "звіт про аудит даних …"); words it does not know stay as they are."""
    words = []
    for word in name.split():
        lower = word.lower()
        if lower == "рада":
            word = word[:-1] + "и"
        elif lower.endswith(("ька", "цька", "на", "ська")):
            word = word[:-1] + "ої"
        words.append(word)
    return " ".join(words)


def _date(day) -> str:
    return format_date(day) if day else "—"


def _header(council: Council, title: str) -> list[Block]:
    words = head_words(council.name)
    return [
        Paragraph(council.name.upper(), align="center", bold=True, indent=False),
        Paragraph(words.head.upper(), align="center", bold=True, indent=False),
        Paragraph("Р О З П О Р Я Д Ж Е Н Н Я", align="center", bold=True, indent=False,
                  before=12, after=12),
        Row((BLANK_DATE, f"м. {council.city}" if council.city else "", "№ ______"),
            aligns=("left", "center", "right"), widths=(7.5, 6.0, 3.5)),
        Paragraph(title, align="left", bold=True, indent=False, before=12, after=12),
    ]


def _signature(council: Council) -> Row:
    return Row((head_words(council.name).head.capitalize(), "________________"),
               aligns=("left", "right"), before=36, widths=(10, 7))


def audit_order(audit: Audit) -> Document:
    """The draft order that appoints the audit: kind, subject, stages, bodies with their
    schedule and contact person, auditors with their powers and term, the report's procedure."""
    council = Council.current()
    bodies = selectors.bodies_of(audit)
    title = f"Про проведення аудиту даних у {audit.year} році"
    blocks = _header(council, title)
    blocks += [
        Paragraph("Відповідно до Закону України «Про доступ до публічної інформації», "
                  "постанови Кабінету Міністрів України від 21 жовтня 2015 р. № 835 та "
                  "розділу 3 Положення про відкриті дані:"),
        Paragraph(f"1. Провести у {audit.year} році {KINDS[audit.kind]} аудит даних "
                  f"(предмет аудиту: {audit.subject.rstrip('.')})."),
        Paragraph("2. Затвердити етапи аудиту даних (додаток 1)."),
        Paragraph("3. Затвердити перелік органів, у яких проводиться аудит, графік його "
                  "проведення та контактних осіб (додаток 2)."),
        Paragraph("4. Призначити аудиторів та визначити їхні повноваження і строк "
                  "повноважень (додаток 3)."),
        Paragraph("5. Аудиторам за результатами аудиту підготувати звіт з рекомендаціями. "
                  + (audit.report_procedure.strip() or
                     "Звіт подати відповідальному за відкриті дані для затвердження та "
                     "оприлюднення.")),
        Paragraph("6. Керівникам органів, у яких проводиться аудит, забезпечити доступ "
                  "аудиторів до інформаційних систем, реєстрів і баз даних у межах їхніх "
                  "повноважень."),
        Paragraph("7. Контроль за виконанням цього розпорядження залишаю за собою."),
        _signature(council),
        PageBreak(),
        Paragraph(f"Додаток 1\nдо розпорядження\nвід {BLANK_DATE} № ______", align="left",
                  indent=False, left=85, after=12),
        Heading("Етапи аудиту даних", level=1),
        Table(caption="", header=("№ з/п", "Етап", "Початок", "Закінчення"),
              rows=tuple((n, s.title, _date(s.starts_on), _date(s.ends_on))
                         for n, s in enumerate(audit.stages.all(), start=1)),
              widths=(1.3, 9.7, 3, 3), numeric=frozenset({0})),
        Paragraph(f"Додаток 2\nдо розпорядження\nвід {BLANK_DATE} № ______", align="left",
                  indent=False, left=85, before=24, after=12),
        Heading("Органи, у яких проводиться аудит, графік і контактні особи", level=1),
        Table(caption="", header=("№ з/п", "Орган", "Строк", "Контактна особа"),
              rows=tuple((n, b.owner.name, f"{_date(b.visit_from)} – {_date(b.visit_to)}",
                          ", ".join(p for p in (b.contact_name, b.contact_position,
                                                b.contact_phone, b.contact_email) if p))
                         for n, b in enumerate(bodies, start=1)),
              widths=(1.3, 6.7, 4, 5), numeric=frozenset({0})),
        Paragraph(f"Додаток 3\nдо розпорядження\nвід {BLANK_DATE} № ______", align="left",
                  indent=False, left=85, before=24, after=12),
        Heading("Аудитори, їхні повноваження та строк повноважень", level=1),
        Table(caption="", header=("№ з/п", "Аудитор", "Повноваження", "Строк"),
              rows=tuple((n, a.user.full_name + (f", {a.user.position}" if a.user.position
                                                 else ""),
                          a.powers, f"{_date(a.term_from)} – {_date(a.term_to)}")
                         for n, a in enumerate(audit.auditors.select_related("user"),
                                               start=1)),
              widths=(1.3, 5.7, 6, 4), numeric=frozenset({0})),
    ]
    return Document(title=title, filename=f"rozporiadzhennia-audyt-{audit.year}",
                    blocks=tuple(blocks))


def audit_report(audit: Audit) -> Document:
    """The audit report with its inventory, findings and recommendations (§3.5)."""
    council = Council.current()
    bodies = selectors.bodies_of(audit)
    items = list(selectors.inventory_of(audit))
    title = f"Звіт про аудит даних {genitive(council.name)} за {audit.year} рік"
    open_ready = [i for i in items if i.dataset_id is None and i.recommend_publish]
    blocks: list[Block] = [
        Heading("ЗВІТ", level=1),
        Paragraph(f"про аудит даних {genitive(council.name)} у {audit.year} році", align="center",
                  bold=True, indent=False, after=12),
        Heading("1. Загальні відомості"),
        Paragraph(f"Вид аудиту: {KINDS[audit.kind]}. Предмет аудиту: "
                  f"{audit.subject.rstrip('.')}."),
        Paragraph("Підстава: розпорядження "
                  + (f"від {_date(audit.order_date)} № {audit.order_number}"
                     if audit.order_number else "(не підписане)") + "."),
        Paragraph(f"Аудит проведено в {len(bodies)} органах; виявлено {len(items)} "
                  f"інформаційних ресурсів, з них {sum(1 for i in items if i.dataset_id)} вже "
                  f"є наборами даних, {len(open_ready)} рекомендовано оприлюднити."),
        Heading("2. Висновки"),
        *[Paragraph(line.strip()) for line in audit.summary.splitlines() if line.strip()],
        Heading("3. Інвентаризація інформаційних ресурсів"),
        Table(caption="Таблиця 1. Інформаційні ресурси органів",
              header=("№ з/п", "Орган", "Ресурс", "Вид, формат", "Персональні дані",
                      "Оновлення", "Цінність", "Набір даних"),
              rows=tuple((n, i.body.owner.short_name or i.body.owner.name, i.name,
                          ", ".join(p for p in (ITEM_KINDS[i.kind], i.data_format) if p),
                          "так" if i.personal_data else "ні",
                          PERIODICITY.get(i.change_frequency, "—"),
                          VALUE[i.public_value],
                          "так" if i.dataset_id else
                          ("рекомендовано" if i.recommend_publish else "ні"))
                         for n, i in enumerate(items, start=1)),
              widths=(1.0, 2.9, 3.3, 2.5, 1.6, 2.1, 1.6, 3.0), numeric=frozenset({0}),
              font_size=10, sheet="Інвентаризація"),
        Heading("4. Виявлені недоліки та рекомендації"),
    ]
    findings = selectors.findings_of(audit)
    if findings:
        blocks.append(Table(
            caption="Таблиця 2. Недоліки та рекомендації",
            header=("№ з/п", "Орган", "Недолік", "Рекомендація", "Строк"),
            rows=tuple((n, f.body.owner.short_name or f.body.owner.name if f.body else
                        "усі органи", f.text, f.recommendation, _date(f.deadline))
                       for n, f in enumerate(findings, start=1)),
            widths=(1.1, 3, 5, 5.4, 2.5), numeric=frozenset({0}), font_size=11,
            sheet="Рекомендації"))
    else:
        blocks.append(Paragraph("Недоліків не виявлено."))
    recommended = [i for i in items if i.recommendation]
    if recommended:
        blocks.append(Heading("5. Рекомендації щодо інформаційних ресурсів"))
        blocks += [Paragraph(f"{i.name} ({i.body.owner.short_name or i.body.owner.name}): "
                             f"{i.recommendation}") for i in recommended]
    blocks.append(Row(("Аудитори:", "; ".join(a.user.full_name for a in
                                              audit.auditors.select_related("user"))),
                      aligns=("left", "right"), before=24, widths=(4, 13)))
    return Document(title=title, filename=f"zvit-audyt-danykh-{audit.year}",
                    blocks=tuple(blocks))


def list_order(proposal: ListProposal | None) -> Document:
    """The order approving the list of datasets with its annex: dataset, owner, periodicity,
    responsible person, deadline (§2.19). The annex holds the approved list as it stands and
    the proposal's new entries."""
    council = Council.current()
    title = "Про затвердження переліку наборів даних, що підлягають оприлюдненню у формі " \
            "відкритих даних"
    rows: list[tuple] = []
    for entry in (ApprovedListItem.objects.select_related("owner", "dataset__owner",
                                                          "dataset__responsible",
                                                          "national_item")
                  .order_by("position", "id")):
        dataset = entry.dataset
        owner = dataset.owner if dataset else entry.owner
        responsible = dataset.responsible.full_name if dataset and dataset.responsible else ""
        rows.append((entry.title or (entry.national_item.title if entry.national_item else ""),
                     owner.name if owner else "",
                     PERIODICITY.get(dataset.periodicity, "") if dataset else "",
                     responsible, "оприлюднено" if dataset and dataset.first_published_at
                     else ""))
    if proposal is not None:
        for item in proposal.items.select_related("owner"):
            rows.append((item.title, item.owner.name if item.owner else "",
                         PERIODICITY.get(item.periodicity, ""), item.responsible,
                         _date(item.deadline) if item.deadline else ""))
    blocks = _header(council, title)
    blocks += [
        Paragraph("Відповідно до Закону України «Про доступ до публічної інформації», "
                  "постанови Кабінету Міністрів України від 21 жовтня 2015 р. № 835, пунктів "
                  "2.13–2.19 Положення про відкриті дані, з урахуванням результатів аудиту "
                  "даних, запитів і пропозицій громадськості:"),
        Paragraph("1. Затвердити перелік наборів даних, що підлягають оприлюдненню у формі "
                  "відкритих даних, із зазначенням розпорядників, періодичності оновлення, "
                  "відповідальних осіб і строків оприлюднення (додаток)."),
        Paragraph("2. Розпорядникам наборів даних забезпечити оприлюднення наборів даних на "
                  "Єдиному державному веб-порталі відкритих даних в одному кабінеті ради у "
                  "визначені строки та їх оновлення з визначеною періодичністю."),
        Paragraph("3. Відповідальному за відкриті дані здійснювати моніторинг виконання "
                  "цього розпорядження щокварталу."),
        Paragraph("4. Контроль за виконанням цього розпорядження залишаю за собою."),
        _signature(council),
        PageBreak(),
        Paragraph(f"Додаток\nдо розпорядження\nвід {BLANK_DATE} № ______", align="left",
                  indent=False, left=85, after=12),
        Heading("ПЕРЕЛІК", level=1),
        Paragraph("наборів даних, що підлягають оприлюдненню у формі відкритих даних",
                  align="center", bold=True, indent=False, after=12),
        Table(caption="", header=("№ з/п", "Набір даних", "Розпорядник", "Періодичність "
                                  "оновлення", "Відповідальна особа", "Строк оприлюднення"),
              rows=tuple((n, *row) for n, row in enumerate(rows, start=1)),
              widths=(1.1, 5, 3.6, 2.4, 2.9, 2.2), numeric=frozenset({0}), font_size=10,
              sheet="Перелік"),
    ]
    return Document(title=title, filename="rozporiadzhennia-perelik-naboriv",
                    blocks=tuple(blocks))


def audit_document(year: int, name: str = "report") -> Document:
    """The audit's documents by name, as `radadata report audit YEAR` asks for them."""
    audit = selectors.audit_of(year)
    return audit_order(audit) if name == "order" else audit_report(audit)
