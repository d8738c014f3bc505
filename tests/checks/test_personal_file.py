"""The personal-data scan on a real-looking file: a council's list of aid recipients."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from radadata.checks.findings import Severity
from radadata.checks.personal import scan_table
from radadata.checks.table import Table

AID = Path(__file__).resolve().parents[1] / "data" / "checks" / "personal" / (
    "odnorazova-dopomoha-2024.csv")


def read(path: Path) -> Table:
    frame = pl.read_csv(path, infer_schema=False)
    return Table(frame=frame, header=frame.columns)


def test_every_personal_column_of_the_aid_list_blocks():
    findings = scan_table(read(AID))
    assert [(f.key(), f.count) for f in findings] == [
        ((None, "Прізвище, ім'я, по батькові", "pd_person_name"), 12),
        ((None, "РНОКПП", "pd_rnokpp"), 12),
        ((None, "Дата народження", "pd_birth_date"), 12),
        ((None, "Адреса проживання", "pd_address"), 12),
        ((None, "Телефон", "pd_phone"), 12),
        ((None, "E-mail", "pd_email"), 12),
        ((None, "Рахунок IBAN", "pd_iban"), 12),
    ]
    assert all(f.severity == Severity.BLOCKING for f in findings)
    # No excerpt gives a whole value away.
    text = AID.read_text(encoding="utf-8")
    for finding in findings:
        for example in finding.excerpt.split("; "):
            assert "•" in example and example not in text
