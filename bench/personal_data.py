"""Benchmark: how well the personal-data check judges columns, on a labelled corpus.

    .venv/bin/python bench/personal_data.py [--corpus tests/data/personal]

The corpus is a folder of files and a labels.csv (file, column, label): `private` columns hold a
private person's data and must get a blocking finding; `official` columns (officials in their
office, organisations) and `none` columns must not. Every file goes through the whole check
(radadata.checks.engine.check_file). Prints column-level recall and precision, the officials'
columns blocked, and the lists of the missed and the falsely blocked columns. Targets: recall
>= 0.98, precision >= 0.95, no official's column blocked.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def blocked_columns(path: Path) -> set[str]:
    """The columns of the file that the check blocks for personal data."""
    from radadata.checks.engine import check_file
    from radadata.checks.findings import CODES, Severity

    report = check_file(path, name=path.name)
    return {f.column for f in report.findings if f.column and f.code.startswith("pd_")
            and CODES[f.code].severity == Severity.BLOCKING}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "data" / "personal")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radadata.config.settings.test")
    import django

    django.setup()
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    with (args.corpus / "labels.csv").open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            labels[row["file"]][row["column"]] = row["label"]
    tp = fp = fn = officials_blocked = 0
    missed, false = [], []
    started = time.perf_counter()
    for name, columns in sorted(labels.items()):
        blocked = blocked_columns(args.corpus / name)
        for column, label in columns.items():
            hit = column in blocked
            if label == "private":
                tp, fn = tp + hit, fn + (not hit)
                if not hit:
                    missed.append(f"{name}: {column}")
            elif hit:
                fp += 1
                false.append(f"{name}: {column} ({label})")
                officials_blocked += label == "official"
    seconds = time.perf_counter() - started
    recall = tp / (tp + fn) if tp + fn else 1.0
    precision = tp / (tp + fp) if tp + fp else 1.0
    print(f"files: {len(labels)}, columns: {sum(len(c) for c in labels.values())}, "
          f"private columns: {tp + fn}, checked in {seconds:.1f} s")
    print(f"recall: {recall:.3f}  precision: {precision:.3f}  "
          f"officials' columns blocked: {officials_blocked}")
    print("missed:" + ("".join(f"\n  {m}" for m in missed) if missed else " none"))
    print("falsely blocked:" + ("".join(f"\n  {f}" for f in false) if false else " none"))


if __name__ == "__main__":
    main()
