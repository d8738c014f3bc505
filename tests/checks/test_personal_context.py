"""The table as a whole: columns marked lawful, tables about officials (§2.5) or organisations
(§2.8), and the ordinary municipal data that must not be blocked."""

from __future__ import annotations

import polars as pl
import pytest

from radadata.checks.findings import Severity
from radadata.checks.personal import scan_table
from radadata.checks.table import Table

PEOPLE = ["Петренко Іван Петрович", "Бондар Марія Олексіївна", "Коваленко Олена Іванівна"]


def table(part: str = "", **columns: list[str | None]) -> Table:
    frame = pl.DataFrame(columns, schema={name: pl.String for name in columns})
    return Table(frame=frame, header=list(columns), part=part)


def blocking(findings):
    return [f.key() for f in findings if f.severity == Severity.BLOCKING]


def test_a_column_marked_lawful_gives_an_info_finding_instead_of_blocking():
    findings = scan_table(table(Депутат=PEOPLE, РНОКПП=["1759013776"] * 3),
                          lawful={"Депутат": "official"})
    assert [(f.key(), f.severity) for f in findings] == [
        ((None, "Депутат", "pd_marked_lawful"), Severity.INFO),
        ((None, "РНОКПП", "pd_rnokpp"), Severity.BLOCKING),
    ]
    params = findings[0].params
    assert (params["detected"], params["reason"], params["clause"]) == (
        "pd_person_name", "official", "§2.5")
    assert "§2.5" in findings[0].message()


def test_an_unknown_lawful_reason_is_refused():
    with pytest.raises(ValueError, match="unknown lawful reasons"):
        scan_table(table(ПІБ=PEOPLE), lawful={"ПІБ": "consent"})


def test_officials_contacts_do_not_block():
    findings = scan_table(table(**{
        "ПІБ": PEOPLE,
        "Посада": ["Начальник відділу освіти", "Заступник міського голови",
                   "Головний спеціаліст загального відділу"],
        "Телефон": ["(06273) 2-11-45", "(06273) 2-12-01", "+380501234567"],
        "E-mail": ["osvita@vugledar-rada.gov.ua", "m.bondar@ukr.net", "kanc@vugledar-rada.gov.ua"],
    }))
    assert blocking(findings) == []
    assert [(f.key(), f.params["detected"], f.params["clause"]) for f in findings] == [
        ((None, "ПІБ", "pd_presumed_lawful"), "pd_person_name", "§2.5"),
        ((None, "Телефон", "pd_presumed_lawful"), "pd_phone", "§2.5"),
        ((None, "E-mail", "pd_presumed_lawful"), "pd_email", "§2.5"),
    ]
    assert all(f.severity == Severity.WARNING for f in findings)


def test_addresses_and_contacts_of_schools_do_not_block():
    findings = scan_table(table(**{
        "Назва закладу": ["Вугледарський ліцей № 1", "Вугледарська гімназія № 2",
                          "Заклад дошкільної освіти «Сонечко»"],
        "Код ЄДРПОУ": ["32855961", "00032129", "14360506"],
        "Адреса": ["вул. Шахтарська, 5", "вул. Молодіжна, 12", "просп. Миру, 3"],
        "Телефон": ["(06273) 2-11-45", "(06273) 2-31-07", "050 123-45-67"],
        "E-mail": ["licey1@ukr.net", "gymnasia2@ukr.net", "sonechko@ukr.net"],
    }))
    assert blocking(findings) == []
    assert {f.column for f in findings} == {"Телефон", "E-mail"}
    assert {f.params["clause"] for f in findings} == {"§2.8"}


def test_a_budget_has_no_personal_data():
    assert scan_table(table(**{
        "КПКВК": ["0210150", "0611021", "0813031", "1014060"],
        "Назва програми": ["Організаційне, інформаційно-аналітичне забезпечення діяльності ради",
                           "Надання загальної середньої освіти закладами освіти",
                           "Інші видатки на соціальний захист населення",
                           "Забезпечення діяльності палаців і будинків культури"],
        "План, грн": ["12 345 678,00", "45678901.50", "1234567", "987654,32"],
        "Виконано, %": ["98,5", "100", "87.25", "91"],
        "Дата": ["2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01"],
    })) == []


def test_the_published_registry_of_datasets_does_not_block():
    findings = scan_table(table(
        title=["Перелік закладів освіти", "Бюджет громади"],
        publisherName=["Відділ освіти Вугледарської міської ради", "Фінансове управління"],
        publisherIdentifier=["32855961", "00032129"],
        contactPointFn=["Петренко Іван Петрович", "Бондар Марія Олексіївна"],
        contactPointHasEmail=["i.petrenko@ukr.net", "finupr@vugledar-rada.gov.ua"],
    ))
    assert blocking(findings) == []
    assert [f.key() for f in findings] == [(None, "contactPointFn", "pd_presumed_lawful"),
                                           (None, "contactPointHasEmail", "pd_presumed_lawful")]


def test_a_few_people_in_a_column_of_organisations_only_warn():
    findings = scan_table(table(Орендар=["ТОВ «Будсервіс»", "КП «Вугледартепло»",
                                         "ПрАТ «Енергія»", "Петренко Іван Петрович"]))
    assert [(f.key(), f.severity, f.params["clause"]) for f in findings] == [
        ((None, "Орендар", "pd_presumed_lawful"), Severity.WARNING, "§2.8")]


def test_sole_traders_names_only_warn_but_their_tax_numbers_and_phones_block():
    # The national structures publish a sole trader's name beside the companies' ("ФОП
    # Коваленко Олена Василівна", 25-contracts customerName) and anonymise only the РНОКПП.
    findings = scan_table(table(**{
        "Контрагент": ["ФОП Петренко Іван Петрович", "ФОП Бондар Марія Олексіївна",
                       "ТОВ «Будсервіс»"],
        "Код ЄДРПОУ/РНОКПП": ["3652504575", "1759013776", "32855961"],
        "Телефон": ["+380501234567", "+380671234567", "(06273) 2-11-45"],
    }))
    assert blocking(findings) == [(None, "Код ЄДРПОУ/РНОКПП", "pd_rnokpp"),
                                  (None, "Телефон", "pd_phone")]
    assert (None, "Контрагент", "pd_presumed_lawful") in [f.key() for f in findings]


def test_a_large_column_is_sampled_and_a_hidden_item_still_found():
    rows = 30_000  # above the sizes where every detector reads every candidate
    phones = [f"+38050{n:07d}" for n in range(rows)]
    phones[17_345] = "паспорт АА123456"
    findings = scan_table(table(Телефон=phones))
    assert [f.key() for f in findings] == [(None, "Телефон", "pd_passport"),
                                           (None, "Телефон", "pd_phone")]
    passport, phone = findings
    assert (passport.count, passport.params["estimated"]) == (1, False)
    assert phone.params["estimated"] is True
    assert abs(phone.count - (rows - 1)) <= rows * 0.02


def test_findings_name_the_part_and_an_empty_table_has_none():
    findings = scan_table(table(part="Аркуш1", ПІБ=PEOPLE))
    assert [(f.part, f.code) for f in findings] == [("Аркуш1", "pd_person_name")]
    assert scan_table(table(ПІБ=[])) == []


def test_a_list_of_deputies_with_their_reception_places_does_not_block():
    findings = scan_table(table(**{
        "Прізвище, ім'я, по батькові": PEOPLE, "Фракція": ["Слуга народу"] * 3,
        "Місце прийому": ["вул. Соборна, 1, каб. 110"] * 3,
        "Службова електронна пошта": ["deputat01@rada.gov.ua", "deputat02@rada.gov.ua",
                                      "deputat03@rada.gov.ua"]}))
    assert blocking(findings) == []
    assert [f.code for f in findings] == ["pd_presumed_lawful"]


def test_a_prozorro_auction_number_is_not_a_unzr():
    auctions = ["LLE001-UA-20230115-12345", "LLE001-UA-20240302-54321", "LLE001-UA-20220720-10001"]
    assert blocking(scan_table(table(**{"Номер аукціону": auctions}))) == []
    # the УНЗР itself is still found
    assert blocking(scan_table(table(Документ=["19850314-01234"] * 3))) == [
        (None, "Документ", "pd_passport")]
