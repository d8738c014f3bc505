"""Judging the column, not the cell: names split over columns, names in any case inside texts,
number plates, private citizens among officials, and the codes, quarters, streets, villages,
places and pets that must not block."""

from __future__ import annotations

import polars as pl
import pytest

from radadata.checks.findings import Severity
from radadata.checks.personal import scan_table
from radadata.checks.personal.names import GIVEN_NAMES, person_names
from radadata.checks.table import Table


def table(**columns: list[str | None]) -> Table:
    frame = pl.DataFrame(columns, schema={name: pl.String for name in columns})
    return Table(frame=frame, header=list(columns))


def blocking(findings) -> list[tuple[str | None, str]]:
    return [(f.column, f.code) for f in findings if f.severity == Severity.BLOCKING]


SURNAMES = ["Шевчук", "Ткаченко", "Мельник", "Кравчук", "Гнатюк", "Бондаренко"]
GIVEN = ["Олег", "Марія", "Андрій", "Наталія", "Роман", "Ірина"]
PATRONYMICS = ["Іванович", "Петрівна", "Васильович", "Олегівна", "Степанович", "Юріївна"]


def test_names_split_over_three_columns_block_each_and_say_why():
    findings = scan_table(table(**{"Прізвище": SURNAMES, "Ім'я": GIVEN,
                                   "По батькові": PATRONYMICS, "Пільга": ["УБД"] * 6}))
    assert blocking(findings) == [("Прізвище", "pd_split_name"), ("Ім'я", "pd_split_name"),
                                  ("По батькові", "pd_split_name")]
    message = findings[0].message()
    assert "«Прізвище» + «Ім'я» + «По батькові»" in message
    assert "Прізвище: 6/6" in message


def test_split_names_are_found_by_their_values_under_uninformative_headers():
    findings = scan_table(table(col1=SURNAMES, col2=GIVEN, col3=["100", "200", "300", "400",
                                                                 "500", "600"]))
    assert blocking(findings) == [("col1", "pd_split_name"), ("col2", "pd_split_name")]


def test_given_names_alone_or_a_masked_surname_column_do_not_block():
    assert blocking(scan_table(table(**{"Ім'я": GIVEN, "По батькові": PATRONYMICS}))) == []
    masked = ["Ш****к", "Т******о", "М*****к", "К*****к", "Г****к", "Б********о"]
    assert blocking(scan_table(table(**{"Прізвище": masked, "Ім'я": GIVEN}))) == []


def test_split_names_next_to_posts_are_officials_and_only_warn():
    findings = scan_table(table(**{"Посада": ["Начальник відділу освіти"] * 6,
                                   "Прізвище": SURNAMES, "Ім'я": GIVEN}))
    assert blocking(findings) == []
    assert {f.params["clause"] for f in findings} == {"§2.5"}


@pytest.mark.parametrize("text, name", [
    ("Про надання дозволу гр. Петренку Олегу Івановичу на розробку проекту землеустрою",
     "Петренку Олегу Івановичу"),
    ("Про затвердження технічної документації гр. Кушнір Ірині Степанівні",
     "Кушнір Ірині Степанівні"),
    ("Скарга на роботу маршруту №38; заявник Марчук Тетяна", "Марчук Тетяна"),
    ("мешканка будинку гр. Іваненко", "Іваненко"),
    ("Мешканець вул. Садова Костенко Володимир Олексійович просить відремонтувати дорогу",
     "Костенко Володимир Олексійович"),
])
def test_names_in_any_case_inside_texts(text, name):
    assert name in person_names(text)


@pytest.mark.parametrize("text", [
    "Велика Олександрівка", "Червона Гірка", "вул. Романа Шухевича", "просп. Героїв Майдану",
    "Звіт за I півріччя 2018 року", "Начальник відділу земельних ресурсів",
])
def test_places_streets_and_posts_are_not_people(text):
    assert person_names(text) == ()


def test_the_given_names_list_is_broad():
    # Both genders, rarer names too; the other cases come from the endings.
    assert {"олег", "олена", "ярема", "соломія", "орися", "зиновій"} <= GIVEN_NAMES
    assert len(GIVEN_NAMES) > 5000
    assert person_names("Олені Петрівні Коваль") == ("Олені Петрівні Коваль",)


def test_agenda_titles_name_private_people_even_next_to_officials():
    titles = [f"Про надання дозволу гр. {s}у {g}у Івановичу на розробку проекту"
              for s, g in [("Петренк", "Олег"), ("Бондаренк", "Роман"), ("Ткаченк", "Андрі")]]
    titles[2] = "Про надання дозволу гр. Ткаченку Андрію Івановичу на розробку проекту"
    findings = scan_table(table(**{"Назва рішення": titles,
                                   "Доповідач": ["Начальник відділу земельних ресурсів"] * 3}))
    assert blocking(findings) == [("Назва рішення", "pd_person_name")]


def test_number_plates_block_but_resolution_numbers_are_not_passports():
    findings = scan_table(table(**{
        "Номер постанови": [f"ПП {n:06d}" for n in range(12345, 12357)],
        "Номерний знак": ["АА1234ВС", "ВС 5678 ІК", "КА2179ТЕ", "ВН0457АМ", "АХ7731КН",
                          "ВІ2208СО", "АІ5512МР", "ВО6670ТТ", "АТ1180ХА", "ІК6215КМ",
                          "ВС9001ВС", "КА3030АА"],
        "Місце порушення": ["вул. Шевченка, 12"] * 12,
    }))
    assert blocking(findings) == [("Номерний знак", "pd_vehicle_plate")]


def test_codes_of_places_and_budgets_are_not_phones_or_tax_numbers():
    koatuu = ["0510100000", "0520655100", "1210100000", "3210100000", "4610100000",
              "5110100000", "7410100000", "1810100000"]
    findings = scan_table(table(**{"Код КОАТУУ": koatuu, "Код бюджету": koatuu,
                                   "col": koatuu}))
    assert blocking(findings) == []


def test_a_quarter_is_not_a_flat_and_the_place_of_works_not_a_home():
    findings = scan_table(table(**{
        "ПІБ заявника": ["Петренко Іван Петрович", "Бондар Марія Олексіївна",
                         "Коваленко Олена Іванівна"],
        "Квартал": ["1 кв 2022", "II кв. 2023 року", "3 кв 2024"],
        "Адреса робіт": ["вул. Садова, 6, корп. 3", "вул. Миру, 2", "вул. Польова, 8"],
    }))
    assert blocking(findings) == [("ПІБ заявника", "pd_person_name")]


def test_a_pets_birthday_is_not_a_persons():
    days = ["12.03.2015", "01.07.2018", "23.11.2012", "05.05.2020", "17.09.2016",
            "30.01.2019"]
    findings = scan_table(table(**{"Кличка": ["Барсик", "Рекс", "Мурка", "Бім", "Лорд", "Жужа"],
                                   "Дата народження тварини": days,
                                   "Власник": ["Петренко Іван Петрович"] * 3
                                   + ["Бондар Марія Олексіївна"] * 3}))
    assert ("Дата народження тварини", "pd_birth_date") not in blocking(findings)


def test_staff_who_recur_through_the_table_only_warn():
    applicants = [f"{s} {g} Іванович" for s, g in zip(SURNAMES * 4, ["Олег", "Андрій", "Роман",
                                                                       "Петро", "Юрій", "Іван"]
                                                       * 4, strict=True)]
    findings = scan_table(table(**{"Заявник": applicants,
                                   "Прийняв": ["Савчук Марія Іванівна"] * 24}))
    assert blocking(findings) == [("Заявник", "pd_person_name")]


def test_private_citizens_among_deputies_block_those_values_only():
    cells = ["депутат Тимошенко Сергій Сергійович", "депутатка Коваль Олена Петрівна",
             "депутат Бойко Андрій Іванович", "гр. Петренко О.М."]
    findings = scan_table(table(**{"Депутат": cells}))
    assert blocking(findings) == [("Депутат", "pd_private_citizens")]
    citizens = next(f for f in findings if f.code == "pd_private_citizens")
    assert citizens.count == 1
    assert "pd_presumed_lawful" in [f.code for f in findings]


def test_sole_traders_among_companies_only_warn():
    findings = scan_table(table(**{
        "Орендар": ["ФОП Петренко Іван Петрович", "ТОВ «Агросвіт»", "ФГ «Нива»",
                    "ФОП Бондар Марія Олексіївна", "ПП «Будсервіс»"]}))
    assert blocking(findings) == []
    assert [f.params["clause"] for f in findings] == ["§2.8"]


def test_birth_dates_inside_free_text_block():
    texts = ["Прошу надати допомогу. Петренко Іван Петрович, народився 06.01.1962 р.",
             "Звернення Бондар Марії Олексіївни, 12.03.1956 р.н., щодо субсидії",
             "Скарга на роботу маршруту №38", "Прошу відремонтувати дорогу"]
    findings = scan_table(table(**{"Зміст": texts, "Дата": ["2025-01-10"] * 4}))
    births = [f for f in findings if f.code == "pd_birth_date"]
    assert [(f.column, f.count, f.excerpt) for f in births] == [
        ("Зміст", 2, "••.••.1962; ••.••.1956")]


def test_street_names_without_the_street_word_are_not_people():
    names = ["Романа Шухевича", "Героїв Майдану", "Лесі Українки", "Івана Франка",
             "Степана Бандери", "Олени Теліги", "Василя Стуса", "Тараса Шевченка"]
    findings = scan_table(table(**{"Тип": ["вулиця"] * 8, "Назва": names}))
    assert blocking(findings) == []


def test_a_names_finding_says_what_the_values_looked_like():
    findings = scan_table(table(ПІБ=["Петренко Іван Петрович", "Бондар Марія Олексіївна",
                                     "Коваль О.П.", "Олена Ткаченко"]))
    [names] = [f for f in findings if f.code == "pd_person_name"]
    assert {k: names.params[k] for k in ("read", "full", "initials", "pair", "in_text")} == {
        "read": 4, "full": 2, "initials": 1, "pair": 1, "in_text": 0}
    assert "4" in names.message() and "«Прізвище Ім'я По батькові»" in names.message()


def test_private_citizens_among_deputies_and_enterprises_under_any_header():
    cells = ["депутат Тимошенко Сергій Сергійович", "ТОВ «Техносвіт»", "КП «Міськводоканал»",
             "депутатка Коваль Олена Петрівна", "мешканка будинку гр. Іваненко",
             "Виконавчий комітет"]
    findings = scan_table(table(**{"Ініціатор": cells}))
    assert blocking(findings) == [("Ініціатор", "pd_private_citizens")]
    # The deputies and enterprises stay presumed lawful (a warning to confirm).
    assert [f.code for f in findings if f.severity != Severity.BLOCKING] == [
        "pd_presumed_lawful"]
