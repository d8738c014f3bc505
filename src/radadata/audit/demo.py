"""The demo council's audit and survey, loaded through the services like the rest of the demo
(registry/demo calls `load_audit_demo()` once the registry is in place): the 2026 audit,
finished and published, with its inventory, findings and report; an open survey with
answers (one held for personal data); public data requests with votes; searches that found
nothing. All as the system (by=None) or as the demo auditor within her term."""

from __future__ import annotations

import datetime as dt

from radadata.accounts.models import User
from radadata.audit.models import Audit
from radadata.audit.services import audits as services
from radadata.audit.services import demand
from radadata.catalog import services as catalog_services
from radadata.registry.models import Dataset, Owner

YEAR = 2026
AUDITOR = "audytor@svitlohirsk-rada.example.ua"


def _at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=dt.UTC)


def _d(day: str) -> dt.date:
    return dt.date.fromisoformat(day)


BODIES = [
    ("upravlinnia-osvity", "2026-02-16", "2026-02-27", "Бондаренко Ірина Миколаївна",
     "головний спеціаліст управління освіти", "+380 4736 2-20-35"),
    ("zhytlovo-komunalne-hospodarstvo", "2026-03-02", "2026-03-13", "Ткачук Андрій Васильович",
     "начальник відділу благоустрою", "+380 4736 2-18-40"),
    ("vodokanal", "2026-03-16", "2026-03-20", "Гончар Людмила Іванівна",
     "інженер з якості води", "+380 4736 2-30-05"),
]
# body slug, name, kind, content, format, keeping, personal data, legal basis, volume,
# change frequency, value, recommended, recommendation, dataset title (already published)
ITEMS = [
    ("upravlinnia-osvity", "Мережа закладів освіти (АІКОМ)", "system",
     "назви, адреси, типи закладів, кількість учнів і груп", "XLSX", "electronic", False,
     "Закон України «Про освіту»", "42 заклади", "once a year", 3, False, "",
     "Мережа закладів освіти Світлогірської громади"),
    ("upravlinnia-osvity", "Електронна черга до закладів дошкільної освіти", "system",
     "заявки батьків, дата народження дитини, пільги, обраний заклад", "база даних",
     "electronic", True, "наказ МОН № 1186", "1 850 заявок", "once a day", 3, False,
     "Оприлюднювати лише знеособлені підсумки за закладами (п. 2.9).",
     "Дані про черги дітей у заклади дошкільної освіти"),
    ("upravlinnia-osvity", "Облік харчування учнів", "spreadsheet",
     "кількість дітей на харчуванні за закладами, вартість, постачальники", "XLSX",
     "electronic", False, "постанова КМУ № 305", "12 аркушів на рік", "once a month", 2, True,
     "Оприлюднювати щомісяця як набір даних без імен дітей.", ""),
    ("zhytlovo-komunalne-hospodarstvo", "Графік вивезення твердих побутових відходів",
     "spreadsheet", "вулиці, дні та час вивезення, перевізник", "DOCX", "electronic", False,
     "Правила благоустрою громади", "120 вулиць", "once a quarter", 3, True,
     "Перевести з DOCX у CSV і оприлюднити; оновлювати щокварталу.", ""),
    ("zhytlovo-komunalne-hospodarstvo", "Облік ямкового ремонту доріг", "database",
     "адреса, площа ремонту, підрядник, вартість, дата", "XLSX", "electronic", False,
     "Закон України «Про автомобільні дороги»", "640 записів на рік", "once a month", 3,
     True, "Оприлюднювати щомісяця разом із договорами підряду.", ""),
    ("zhytlovo-komunalne-hospodarstvo", "Реєстр багатоквартирних будинків та ОСББ",
     "register", "адреса, рік забудови, кількість квартир, форма управління", "XLSX",
     "electronic", False, "Закон України «Про житлово-комунальні послуги»", "318 будинків",
     "once a half year", 2, True, "", ""),
    ("vodokanal", "Білінгова система абонентів", "system",
     "особові рахунки, адреси, показники лічильників, борги", "база даних", "electronic",
     True, "договори з абонентами", "14 200 абонентів", "once a day", 1, False,
     "Не оприлюднювати: персональні дані абонентів (п. 2.3).", ""),
    ("vodokanal", "Результати лабораторних досліджень питної води", "documents",
     "показники якості води за точками відбору", "PDF (скани)", "mixed", False,
     "ДСанПіН 2.2.4-171-10", "52 протоколи на рік", "once a month", 3, True,
     "Вести таблицею XLSX/CSV замість сканів і оприлюднювати щомісяця.", ""),
    ("vodokanal", "Графік планових відключень водопостачання", "spreadsheet",
     "вулиці, дата і час відключення, причина", "повідомлення на сайті", "electronic", False,
     "Правила користування системами водопостачання", "≈ 90 записів на рік",
     "immediately after making changes", 2, True, "", ""),
]
FINDINGS = [
    ("zhytlovo-komunalne-hospodarstvo", "Графік вивезення відходів ведеться у форматі DOCX, "
     "який не є машиночитним.", "Вести графік у XLSX і оприлюднювати як CSV.", "2026-06-30"),
    ("vodokanal", "Результати досліджень води зберігаються лише як скановані протоколи.",
     "Вести таблицю результатів і оприлюднювати її щомісяця.", "2026-07-31"),
    (None, "Не в усіх органів визначено відповідальних осіб за набори даних, виявлені під час "
     "аудиту.", "Визначити відповідальних осіб і внести набори до переліку.", "2026-06-01"),
]
SUMMARY = "\n".join((
    "Аудит охопив три органи: управління освіти, управління житлово-комунального господарства "
    "та КП «Світлогірськводоканал». Виявлено 9 інформаційних ресурсів, з них 2 вже оприлюднено "
    "як набори даних, 6 рекомендовано оприлюднити.",
    "Найвищу цінність для громадськості мають графік вивезення відходів, облік ремонту доріг і "
    "результати досліджень якості питної води: про них найчастіше питають мешканці та їх "
    "шукають на сайті.",
    "Білінгова система водоканалу містить персональні дані абонентів і оприлюдненню не "
    "підлягає.",
))
SURVEY_ANSWERS = [
    ("Графік вивезення сміття по вулицях", "щоб знати, коли виносити"),
    ("Ремонт доріг: де і коли, скільки коштував", "громадський контроль"),
    ("Якість питної води у різних районах", ""),
    ("Дані про графік вивезення відходів у форматі CSV", "для мобільного застосунку"),
    ("Розклад руху тролейбусів", "для навігатора"),
    ("Хочу знати про воду, мій номер +380 67 123 45 67", ""),  # held: a phone number
]
REQUESTS = [("Графік вивезення твердих побутових відходів", 7),
            ("Результати аналізів якості питної води", 4),
            ("Перелік ремонтів доріг із сумами договорів", 2)]
SEARCHES = [("вивезення сміття", 14), ("ремонт доріг", 9), ("якість води", 6),
            ("укриття", 3)]


def load_audit_demo() -> Audit | None:
    """Load once: nothing happens when an audit already exists."""
    if Audit.objects.exists():
        return None
    owners = {o.slug: o for o in Owner.objects.filter(slug__in=[b[0] for b in BODIES])}
    if len(owners) != len(BODIES):
        return None
    auditor = User.objects.filter(email=AUDITOR).first()
    audit = services.audit_open(
        year=YEAR, kind="combined", by=None, at=_at("2026-02-02"),
        subject="інформаційні системи, реєстри, бази даних і таблиці управління освіти, "
                "управління житлово-комунального господарства та КП «Світлогірськводоканал»",
        report_procedure="Звіт з рекомендаціями подати відповідальному за відкриті дані до "
                         "30 квітня 2026 року; після затвердження оприлюднити на сайті ради.")
    for title, start, end in (("Підготовка і запити до органів", "2026-02-02", "2026-02-13"),
                              ("Інвентаризація в органах", "2026-02-16", "2026-03-20"),
                              ("Аналіз і звіт", "2026-03-23", "2026-04-30")):
        services.stage_add(audit=audit, title=title, starts_on=_d(start), ends_on=_d(end),
                           by=None, at=_at("2026-02-02", 11))
    bodies = {}
    for slug, start, end, name, position, phone in BODIES:
        bodies[slug] = services.body_add(
            audit=audit, owner=owners[slug], visit_from=_d(start), visit_to=_d(end),
            contact_name=name, contact_position=position, contact_phone=phone, by=None,
            at=_at("2026-02-02", 12))
    worker = None
    if auditor is not None:
        services.auditor_appoint(audit=audit, user=auditor, by=None, at=_at("2026-02-02", 13),
                                 powers="доступ до інформаційних систем, реєстрів і баз даних "
                                        "органів; запити на пояснення; складання звіту",
                                 term_from=_d("2026-02-02"), term_to=_d("2026-05-31"))
        worker = auditor
    services.audit_start(audit=audit, order_number="27-р", order_date=_d("2026-01-30"),
                         by=None, at=_at("2026-02-02", 14))
    datasets = {d.title: d for d in Dataset.objects.filter(
        title__in=[item[-1] for item in ITEMS if item[-1]])}
    for n, (slug, name, kind, content, fmt, keeping, personal, basis, volume, frequency,
            value, recommend, recommendation, dataset) in enumerate(ITEMS):
        body = bodies[slug]
        services.inventory_record(
            body=body, by=worker, at=dt.datetime.combine(body.visit_from, dt.time(10 + n % 6),
                                                         tzinfo=dt.UTC),
            name=name, kind=kind, content=content, data_format=fmt, keeping=keeping,
            personal_data=personal, legal_basis=basis, volume=volume,
            change_frequency=frequency, public_value=value, recommend_publish=recommend,
            recommendation=recommendation, dataset=datasets.get(dataset))
    for slug, text, recommendation, deadline in FINDINGS:
        services.finding_record(audit=audit, body=bodies[slug] if slug else None, text=text,
                                recommendation=recommendation, deadline=_d(deadline),
                                by=worker, at=_at("2026-03-25"))
    services.audit_report(audit=audit, summary=SUMMARY, by=worker, at=_at("2026-04-28"))
    services.audit_approve(audit=audit, by=None, at=_at("2026-05-12"))
    _demand()
    return audit


def _demand() -> None:
    survey = demand.survey_open(title="Які дані вам потрібні?", by=None, at=_at("2026-09-01"),
                                question="Які дані міської ради ви хотіли б отримувати у "
                                         "відкритому доступі і для чого?")
    for n, (wanted, purpose) in enumerate(SURVEY_ANSWERS):
        demand.answer_send(survey=survey, wanted=wanted, purpose=purpose,
                           at=_at("2026-09-02") + dt.timedelta(days=n))
    for n, (title, votes) in enumerate(REQUESTS):
        request = catalog_services.request_send(title=title, by=None,
                                                at=_at("2026-06-01") + dt.timedelta(days=n))
        for v in range(votes):
            demand.request_vote(data_request=request,
                                at=_at("2026-06-05") + dt.timedelta(days=v))
    for text, times in SEARCHES:
        for t in range(times):
            demand.search_note(text=text, found=0, at=_at("2026-10-01") + dt.timedelta(days=t))
