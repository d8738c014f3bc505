"""A column of spreadsheet values read at once gives the texts cell_text gives one by one:
numbers, dates, date-times, times, durations, booleans and text mixed in any column."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from radadata.checks.readers.cells import cell_text, text_column, text_frame

EDGES = [
    None, "", " ", "007", "так", 0.0, -0.0, 12.37, 1e-4, 1e-5, 1e15, 1e16, 999999999999999.0,
    123456789012345.67, 0.30000000000000004, float("nan"), float("inf"), -float("inf"),
    5e-324, 1.7e308, 3, -(2**63), 2**63 - 1, 2**70, True, False,
    dt.date(1, 1, 1), dt.date(999, 12, 31), dt.date(2024, 2, 29), dt.date(9999, 12, 31),
    dt.datetime(2024, 3, 31), dt.datetime(2024, 3, 31, 14, 30, 15, 500000),
    dt.datetime(1899, 12, 30, 9, 34), dt.datetime(1899, 12, 31, 0, 0),
    dt.datetime(1900, 1, 1, 9, 34, 59, 999999), dt.datetime(999, 1, 1, 10),
    dt.datetime(2024, 1, 1, 10, tzinfo=dt.timezone(dt.timedelta(hours=2))),
    dt.time(0, 0), dt.time(9, 34, 0, 999999), dt.time(9, 30, tzinfo=dt.UTC),
    dt.timedelta(hours=9, minutes=34), dt.timedelta(hours=33), dt.timedelta(seconds=-5),
    dt.timedelta(seconds=1.5),
]


def _one_by_one(values: list) -> list[str | None]:
    return [cell_text(v) or None for v in values]


@pytest.mark.parametrize("value", EDGES, ids=repr)
def test_each_kind_of_value_alone_and_beside_text(value):
    assert text_column("c", [value, None]).to_list() == _one_by_one([value, None])
    assert text_column("c", ["назва", value]).to_list() == _one_by_one(["назва", value])


def test_random_mixed_columns_read_as_cell_by_cell():
    pick = random.Random(17)
    for _ in range(500):
        values = [pick.choice(EDGES) if pick.random() < 0.5 else
                  pick.choice([pick.uniform(-1e6, 1e6) * 10 ** pick.randint(-9, 12),
                               float(pick.randint(-10**6, 10**6)), pick.randint(-99, 99),
                               dt.date(2024, 1, 1) + dt.timedelta(days=pick.randint(0, 900))])
                  for _ in range(pick.randint(0, 30))]
        assert text_column("c", values).to_list() == _one_by_one(values)


def test_a_frame_of_uneven_rows_is_padded_with_empty_cells():
    frame = text_frame([["a", 1.0], ["b"], [None, None, dt.date(2024, 3, 1)]])
    assert frame.columns == ["c0", "c1", "c2"]
    assert frame.rows() == [("a", "1", None), ("b", None, None), (None, None, "2024-03-01")]
    assert text_frame([]).shape == (0, 0)
