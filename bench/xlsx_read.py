"""Benchmark: reading a 100,000-row XLSX workbook against the same rows as CSV, and openpyxl.

    .venv/bin/python bench/xlsx_read.py [--rows 100000]

Writes a workbook of municipal rows (id, name, amount, date, e-mail, a formula-free sheet as
councils export it) with openpyxl and the same rows as a UTF-8 CSV, then reads each through the
checks' readers (radadata.checks: sniffing, encoding, the XLSX reader on python-calamine and
the CSV reader on polars; the same tables the checks then read), checks each whole
(`check_file`: reading, structure, values, personal data — what a clerk waits for), and reads
the workbook with openpyxl's read-only mode (what the XLSX reader used before). Prints the CPU
seconds of each (best of three), the ratio XLSX / CSV of the whole check (the issue's target:
at most 3x) and of the reading alone, and openpyxl / ours.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

TARGET = 3.0


def rows(count: int) -> list[list]:
    start = dt.date(2024, 1, 1)
    return [[n + 1, f"Комунальний заклад «Ліцей №{n % 300 + 1}»", round(n * 12.37 % 100000, 2),
             start + dt.timedelta(days=n % 700), f"school{n % 300 + 1}@svitlohirsk-rada.gov.ua",
             "так" if n % 3 else "ні"] for n in range(count)]


HEADER = ["id", "назва", "сума", "дата", "пошта", "чинний"]


def write(folder: Path, count: int) -> tuple[Path, Path]:
    from openpyxl import Workbook

    data = rows(count)
    xlsx, text = folder / "заклади.xlsx", folder / "заклади.csv"
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Дані")
    sheet.append(HEADER)
    for row in data:
        sheet.append(row)
    workbook.save(xlsx)
    with text.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        writer.writerows([[str(v) if not isinstance(v, dt.date) else v.isoformat() for v in row]
                          for row in data])
    return xlsx, text


def ours(path: Path) -> int:
    """The tables the checks read from the file, through the engine's own reading stage."""
    from radadata.checks import engine, limits
    from radadata.checks.readers.base import FileContext

    with tempfile.TemporaryDirectory() as workdir:
        ctx = FileContext(path=path, name=path.name, limits=limits.current(),
                          workdir=Path(workdir))
        tables = list(engine._guarded_tables(ctx, engine._file_tables))
        return sum(table.frame.height for table in tables)


def whole_check(path: Path) -> int:
    from radadata.checks.engine import check_file

    return len(check_file(path, name=path.name).findings)


def openpyxl_read(path: Path) -> int:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()


def cpu(function, path: Path) -> tuple[float, int]:
    best, result = float("inf"), 0
    for _ in range(3):
        started = time.process_time()
        result = function(path)
        best = min(best, time.process_time() - started)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    options = parser.parse_args()
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radadata.config.settings.test")
    import django

    django.setup()
    with tempfile.TemporaryDirectory(prefix="radadata-bench-xlsx-") as folder:
        xlsx, text = write(Path(folder), options.rows)
        ours(text)  # imports and first-use costs out of the way
        csv_s, csv_rows = cpu(ours, text)
        xlsx_s, xlsx_rows = cpu(ours, xlsx)
        csv_check, _ = cpu(whole_check, text)
        xlsx_check, _ = cpu(whole_check, xlsx)
        opx_s, opx_rows = cpu(openpyxl_read, xlsx)
    print(f"{options.rows} rows × {len(HEADER)} columns; CPU seconds, best of 3\n")
    print(f"{'work':38} {'seconds':>8} {'rows':>8}")
    print(f"{'RadaData reads the CSV':38} {csv_s:8.2f} {csv_rows:8d}")
    print(f"{'RadaData reads the XLSX (calamine)':38} {xlsx_s:8.2f} {xlsx_rows:8d}")
    print(f"{'openpyxl reads the XLSX (values only)':38} {opx_s:8.2f} {opx_rows - 1:8d}")
    print(f"{'RadaData checks the CSV (whole check)':38} {csv_check:8.2f}")
    print(f"{'RadaData checks the XLSX (whole check)':38} {xlsx_check:8.2f}")
    ratio = xlsx_check / csv_check if csv_check else float("inf")
    verdict = "ok" if ratio <= TARGET else "OVER"
    print(f"\nwhole check, XLSX / CSV: {ratio:.2f}x (target ≤ {TARGET:.0f}x: {verdict})")
    print(f"reading alone, XLSX / CSV: {xlsx_s / csv_s:.1f}x; "
          f"openpyxl / RadaData reading the XLSX: {opx_s / xlsx_s:.1f}x")


if __name__ == "__main__":
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", line_buffering=True)
    main()
