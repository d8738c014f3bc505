"""Identifier columns recognised by their values and by the national structures' names: wrong
ЄДРПОУ check digits under any header, and codes that lost their leading zero in Excel."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from radadata.checks.engine import check_file
from radadata.checks.table import Table
from radadata.checks.values import check_values

CORPUS = Path(__file__).resolve().parents[1] / "data" / "personal"


def table(**columns: list[str | None]) -> Table:
    frame = pl.DataFrame(columns, schema={name: pl.String for name in columns})
    return Table(frame=frame, header=list(columns))


def found(findings) -> list[tuple[str | None, str, str]]:
    return [(f.column, f.code, f.excerpt) for f in findings]


def test_wrong_check_digits_under_an_identifier_header():
    findings = check_values(table(recipientID=["02229238", "2229238", "32855961", "32855962",
                                               "40075815"]))
    assert found(findings) == [("recipientID", "value_edrpou_zeros", "2229238"),
                               ("recipientID", "value_edrpou_checksum", "32855962")]
    zeros = findings[0]
    assert zeros.params["suggested"] == "02229238"
    assert "Excel" in str(zeros.fix())


def test_codes_are_recognised_by_their_values_under_any_header():
    findings = check_values(table(col3=["02229238", "2229238", "32855961", "40075815",
                                        "00032129"]))
    assert found(findings) == [("col3", "value_edrpou_zeros", "2229238")]


def test_other_numbers_are_not_taken_for_codes():
    assert check_values(table(amount=["12345678", "23456789", "34567890", "45678901"])) == []
    assert check_values(table(id=["10001", "10002", "10003", "10004"])) == []
    assert check_values(table(orderId=["UA-2025-01-01-000001-a"] * 4)) == []


def test_the_tenders_of_the_corpus_get_their_wrong_codes_reported():
    report = check_file(CORPUS / "tenders.csv", name="tenders.csv")
    codes = {f.code for f in report.findings if f.column == "orderContractorIdentifier"}
    assert "value_edrpou_checksum" in codes
