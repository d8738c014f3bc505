"""Names of people, as pymorphy3 and the given-name list see them."""

from __future__ import annotations

import pytest

from radadata.checks.personal.names import is_organisation, person_names


@pytest.mark.parametrize("text", [
    "Петренко Іван Петрович", "Іван Петрович Петренко", "ПЕТРЕНКО ІВАН ПЕТРОВИЧ",
    "Коваленко Олена Іванівна", "Іван Петренко", "Петренко Іван", "Олена Бондар",
    "Марія Мельник", "Ірина Коваленко", "Петренко І. П.", "Петренко І.П.", "І. П. Петренко",
    "Сергій Петрович", "ФОП Петренко Іван Петрович", "Олена Олександрівна Ткаченко",
])
def test_names_of_people(text):
    assert person_names(text) == (text.removeprefix("ФОП ").strip(),)


@pytest.mark.parametrize("text", [
    "Тараса Шевченка",  # a street, in the genitive
    "вул. Івана Франка", "Ліцей імені Лесі Українки", "ТОВ «Петренко і партнери»",
    "Вугледарська міська рада", "Начальник відділу освіти", "Тарифи на воду",
    "Бюджет Розвитку", "Нова Пошта", "Зелений Гай", "Центральна Площа", "Західна Україна",
    "Київ Одеса", "Рада Школа", "", "12345",
])
def test_not_names_of_people(text):
    assert person_names(text) == ()


def test_names_inside_a_longer_text():
    assert person_names("Договір з Петренко Іван Петрович від 01.02.2020") == (
        "Петренко Іван Петрович",)
    assert person_names("Підписав Коваленко О. В., начальник") == ("Коваленко О. В.",)


@pytest.mark.parametrize(("text", "organisation"), [
    ("ТОВ «Будсервіс»", True), ("КНП «Центральна лікарня»", True), ("ОСББ «Затишок»", True),
    ("Вугледарська міська рада", True), ("ФОП Коваленко Олена", False),
    ("Петренко Іван Петрович", False),
])
def test_organisations(text, organisation):
    assert is_organisation(text) is organisation
