"""Each personal-data detector on tiny tables: what it finds, (row, column, code), and what it
must leave alone."""

from __future__ import annotations

import polars as pl
import pytest

from radadata.checks.findings import Severity
from radadata.checks.personal import scan_table
from radadata.checks.table import Table


def table(**columns: list[str | None]) -> Table:
    frame = pl.DataFrame(columns, schema={name: pl.String for name in columns})
    return Table(frame=frame, header=list(columns))


def keys(findings) -> list[tuple[int | None, str | None, str]]:
    return [f.key() for f in findings]


def only(findings, code: str):
    [finding] = [f for f in findings if f.code == code]
    return finding


# --- РНОКПП ------------------------------------------------------------------------------------

def test_rnokpp_with_a_valid_check_digit_blocks_with_a_masked_excerpt():
    findings = scan_table(table(**{"Код": ["1759013770", "1759013776", "3652504575", None]}))
    finding = only(findings, "pd_rnokpp")
    assert finding.key() == (None, "Код", "pd_rnokpp")
    assert finding.severity == Severity.BLOCKING
    assert finding.count == 2  # 1759013770 fails the check digit
    assert finding.excerpt == "17•••••776; 36•••••575"
    assert finding.params["share"] == 0.5
    assert "1759013776" not in finding.message()


def test_one_tax_number_in_a_free_text_column_is_found():
    notes = ["Виплачено згідно з рішенням № 12"] * 20 + ["Заява від 3652504575 про допомогу"]
    assert keys(scan_table(table(Примітка=notes))) == [(None, "Примітка", "pd_rnokpp")]


def test_a_column_of_ten_digit_numbers_is_not_taken_for_tax_numbers():
    # One in ten random numbers passes a check digit; a column of them is not personal data.
    numbers = [f"{n:010d}" for n in range(1_234_567_000, 1_234_567_000 + 200 * 7919, 7919)]
    assert scan_table(table(**{"Номер договору": numbers})) == []


def test_the_header_makes_even_a_few_valid_tax_numbers_count():
    numbers = [f"{n:010d}" for n in range(1_234_567_000, 1_234_567_000 + 30 * 7919, 7919)]
    assert keys(scan_table(table(РНОКПП=numbers))) == [(None, "РНОКПП", "pd_rnokpp")]


def test_a_column_of_edrpou_codes_is_not_personal():
    assert scan_table(table(**{"Код ЄДРПОУ": ["32855961", "00032129", "14360506"]})) == []


def test_a_phone_written_as_ten_digits_is_a_phone_not_a_tax_number():
    assert keys(scan_table(table(Контакт=["0501234567", "0671234567"]))) == [
        (None, "Контакт", "pd_phone")]


# --- documents ---------------------------------------------------------------------------------

def test_passport_booklets_and_unzr_are_found_anywhere():
    findings = scan_table(table(Документ=["АА 123456", "паспорт ВК№654321"],
                                Запис=["УНЗР 19850314-01234", None]))
    assert keys(findings) == [(None, "Документ", "pd_passport"), (None, "Запис", "pd_passport")]
    assert only(findings[:1], "pd_passport").excerpt == "АА•••••56; ВК•••••21"


def test_nine_digit_id_cards_only_under_a_header_that_says_so():
    numbers = ["001234567", "987654321"]
    assert keys(scan_table(table(**{"ID-картка": numbers}))) == [
        (None, "ID-картка", "pd_passport")]
    assert scan_table(table(**{"Кількість": numbers})) == []


def test_a_unzr_with_an_impossible_date_is_not_one():
    assert scan_table(table(Запис=["19851399-01234"])) == []


# --- bank cards and IBANs ----------------------------------------------------------------------

def test_bank_cards_valid_by_luhn_block():
    findings = scan_table(table(Картка=["4111 1111 1111 1111", "5168-7573-1234-5676"]))
    assert keys(findings) == [(None, "Картка", "pd_bank_card")]
    assert only(findings, "pd_bank_card").excerpt == "4111•••••1111"


def test_sixteen_digit_numbers_failing_luhn_are_not_cards():
    ids = [f"41111111111111{n:02d}" for n in range(0, 100, 3)]  # about one in ten passes Luhn
    assert scan_table(table(Ідентифікатор=ids)) == []


def test_iban_of_a_person_blocks_but_a_treasury_account_does_not():
    private = "UA213223130000026007233566001"
    treasury = "UA988201720343170001000123456"
    from stdnum import iban

    assert iban.is_valid(private) and iban.is_valid(treasury)
    assert keys(scan_table(table(Рахунок=[private]))) == [(None, "Рахунок", "pd_iban")]
    assert scan_table(table(Рахунок=[treasury])) == []


# --- contacts ----------------------------------------------------------------------------------

@pytest.mark.parametrize("phone", ["+380501234567", "050 123-45-67", "+38 (044) 123 45 67",
                                   "(06273) 2-11-45", "380931112233"])
def test_phone_numbers_in_the_forms_people_write(phone):
    findings = scan_table(table(Телефон=[phone]))
    assert keys(findings) == [(None, "Телефон", "pd_phone")]
    assert "•••••" in findings[0].excerpt and findings[0].excerpt.startswith("+380")


def test_amounts_dates_and_codes_are_not_phones():
    assert scan_table(table(Сума=["1050123.45", "10 050 123", "0501,25"],
                            Дата=["2020-01-02", "02.10.2020", "2021-05-06"],
                            КПКВК=["0210150", "0611021", "0813031"])) == []


def test_private_e_mails_block_but_office_mailboxes_do_not():
    findings = scan_table(table(Пошта=["ivan.petrenko@ukr.net", "info@school5.org.ua",
                                       "osvita@vugledar-rada.gov.ua", "o.kovalenko@gmail.com"]))
    finding = only(findings, "pd_email")
    assert finding.count == 2
    assert finding.excerpt == "i•••••o@ukr.net; o•••••o@gmail.com"
    assert scan_table(table(Пошта=["info@school5.org.ua", "kanc@rada.gov.ua"])) == []


# --- names, addresses, births ------------------------------------------------------------------

def test_full_names_block_with_masked_excerpts():
    findings = scan_table(table(Отримувач=["Петренко Іван Петрович", "Коваленко О. В.",
                                           "Олена Бондар"]))
    finding = only(findings, "pd_person_name")
    assert finding.key() == (None, "Отримувач", "pd_person_name")
    assert finding.count == 3
    assert finding.excerpt == "П•••••о І•••••н П•••••ч; К•••••о О. В.; О•••••а Б•••••р"


def test_a_name_column_of_organisations_is_not_personal():
    orgs = ["ТОВ «Будсервіс»", "КП «Вугледартепло»", "Вугледарська міська рада",
            "ПП Коваленко", "Ліцей імені Лесі Українки"]
    assert scan_table(table(Контрагент=orgs)) == []


def test_home_address_next_to_names_blocks():
    findings = scan_table(table(ПІБ=["Петренко Іван Петрович", "Бондар Марія Олексіївна"],
                                Адреса=["вул. Миру, 5", "просп. Шахтарів, 12"]))
    assert keys(findings) == [(None, "ПІБ", "pd_person_name"), (None, "Адреса", "pd_address")]
    assert only(findings, "pd_address").excerpt == "вул. Миру, ••; просп. Шахтарів, ••"


def test_an_address_with_a_flat_number_is_a_home_even_without_names():
    assert keys(scan_table(table(Адреса=["вул. Миру, 5, кв. 12", "вул. Миру, 7"]))) == [
        (None, "Адреса", "pd_address")]


def test_a_header_of_residence_makes_any_address_a_home():
    assert keys(scan_table(table(**{"Місце проживання": ["вул. Миру, 5"]}))) == [
        (None, "Місце проживання", "pd_address")]


def test_birth_dates_by_header():
    findings = scan_table(table(**{"Дата народження": ["14.03.1985", "1990-07-01", None]}))
    finding = only(findings, "pd_birth_date")
    assert finding.key() == (None, "Дата народження", "pd_birth_date")
    assert (finding.count, finding.excerpt) == (2, "••.••.1985; 1990-••-••")


def test_birth_dates_by_their_values_next_to_names():
    people = ["Петренко Іван Петрович", "Бондар Марія Олексіївна", "Коваленко Олена Іванівна",
              "Ткаченко Сергій Миколайович", "Мельник Оксана Василівна", "Шевчук Андрій Іванович"]
    born = ["1951-02-03", "1962-05-06", "1975-08-09", "1988-11-12", "2001-01-15", "1944-04-04"]
    registered = ["2021-02-03", "2021-05-06", "2022-08-09", "2022-11-12", "2023-01-15",
                  "2023-04-04"]
    findings = scan_table(table(ПІБ=people, Дата=born, **{"Дата звернення": registered}))
    assert keys(findings) == [(None, "ПІБ", "pd_person_name"), (None, "Дата", "pd_birth_date")]
    # The same dates without names are just dates.
    assert scan_table(table(Дата=born)) == []
