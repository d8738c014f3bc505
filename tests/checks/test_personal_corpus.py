"""The labelled corpus of council files (tests/data/personal): the check blocks the columns of
private persons' data and nothing else, measured as bench/personal_data.py does."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from radadata.checks.engine import check_file
from radadata.checks.findings import CODES, Severity

CORPUS = Path(__file__).resolve().parents[1] / "data" / "personal"


def test_the_corpus_is_judged_column_by_column():
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    with (CORPUS / "labels.csv").open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            labels[row["file"]][row["column"]] = row["label"]
    assert len(labels) >= 20
    assert {Path(name).suffix for name in labels} == {".csv", ".xlsx"}
    missed, wrong = [], []
    for name, columns in labels.items():
        report = check_file(CORPUS / name, name=name)
        assert set(columns) == set(report.columns), name
        blocked = {f.column for f in report.findings if f.code.startswith("pd_")
                   and CODES[f.code].severity == Severity.BLOCKING}
        missed += [f"{name}: {c}" for c, label in columns.items()
                   if label == "private" and c not in blocked]
        wrong += [f"{name}: {c} ({label})" for c, label in columns.items()
                  if label != "private" and c in blocked]
    assert missed == []
    assert wrong == []
