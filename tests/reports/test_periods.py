"""Quarters and the Ukrainian wording of the documents: pure functions."""

import datetime as dt

import pytest

from radadata.core.errors import ValidationFailed
from radadata.reports.periods import Quarter, moment_after
from radadata.reports.wording import DATASETS, count, percent, quoted_list, sort_key


@pytest.mark.parametrize("text", ["2026Q3", "2026-Q3", "2026 q3", "2026К3"])
def test_a_quarter_is_read_in_the_usual_spellings(text):
    quarter = Quarter.parse(text)
    assert (quarter.year, quarter.number) == (2026, 3)
    assert str(quarter) == "2026Q3"
    assert (quarter.first_day, quarter.last_day) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert quarter.title_uk == "III квартал 2026 року"


@pytest.mark.parametrize("text", ["", "2026", "2026Q5", "Q3", "20263", "1999Q1"])
def test_a_bad_quarter_says_how_to_write_one(text):
    with pytest.raises(ValidationFailed) as error:
        Quarter.parse(text)
    assert "quarter" in error.value.errors


def test_a_quarter_ends_with_its_last_day_in_kyiv():
    q4 = Quarter(2025, 4)
    assert q4.last_day == dt.date(2025, 12, 31)
    assert not q4.has_ended(dt.date(2025, 12, 31))
    assert q4.has_ended(dt.date(2026, 1, 1))
    assert q4.next() == Quarter(2026, 1) and Quarter(2026, 1).previous() == q4
    assert Quarter.containing(dt.date(2024, 2, 29)) == Quarter(2024, 1)
    # Midnight in Kyiv, which is 22:00 UTC the day before in winter.
    assert moment_after(dt.date(2025, 12, 31)) == dt.datetime(2025, 12, 31, 22, tzinfo=dt.UTC)


@pytest.mark.parametrize(("number", "text"), [
    (1, "1 набір даних"), (2, "2 набори даних"), (5, "5 наборів даних"),
    (11, "11 наборів даних"), (12, "12 наборів даних"), (21, "21 набір даних"),
    (24, "24 набори даних"), (111, "111 наборів даних"), (0, "0 наборів даних")])
def test_numbers_agree_with_their_noun(number, text):
    assert count(number, DATASETS) == text


def test_shares_are_written_with_a_decimal_comma():
    assert percent(0.9) == "90%"
    assert percent(47 / 49) == "95,9%"
    assert percent(1.0) == "100%"
    assert percent(None) == "—"


def test_lists_of_titles_stop_after_five():
    titles = [f"Набір {n}" for n in range(1, 8)]
    assert quoted_list(titles) == "«Набір 1», «Набір 2», «Набір 3», «Набір 4», «Набір 5» та ще 2"
    assert quoted_list(["«Бюджет»"]) == "«Бюджет»"


def test_owners_sort_by_the_ukrainian_alphabet_ignoring_quotes():
    names = ["Відділ інформаційної політики", "Відділ «Центр надання послуг»",
             "Відділ економіки", "Відділ ґрунтів", "Відділ гуманітарний"]
    assert sorted(names, key=sort_key) == [
        "Відділ гуманітарний", "Відділ ґрунтів", "Відділ економіки",
        "Відділ інформаційної політики", "Відділ «Центр надання послуг»"]
