"""Benchmark: checking a big municipal CSV against its Table Schema, ours against frictionless.

    .venv/bin/python bench/checks_big.py [--rows 1000000] [--errors 300]

Generates the file with bench/gen_municipal_csv.py (cached in the temporary folder, so a second
run starts at once), then runs, each in its own process so that its peak memory is its own:
`frictionless validate` with the schema, `frictionless validate` with the types only, and our
check (radadata.checks.engine.check_file: reading, structure, values, personal data), and the
structure alone (a polars read and validate_table). Prints wall time, CPU time and peak memory
(the child's maximum resident set), the ratios, and whether the structural findings agree: the
counts per code and the first 100 (row, column, code).

The comparison is meant to be fair: both sides get the same file and the same schema (its
constraints, and the e-mail column's `format: email`); frictionless reads every row
(`--limit-errors` unlimited: by default it stops at 1,000 errors) and is spared the safety
checks of an untrusted descriptor (`--trusted`); our side is the whole product check, every
personal-data detector included, which frictionless does not do at all. Both are timed as whole
processes, start-up included. CPU seconds (user + system, all threads) are the figure to
compare: on a shared machine wall time varies threefold, CPU time hardly.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

COMPARED = 100  # first (row, column, code) compared
NO_LIMIT = "100000000"  # frictionless stops at 1000 errors unless told otherwise
TARGET_RATIO, TARGET_MB = 15.0, 1024  # issue #17: CPU time against frictionless, peak memory


def measure(command: list[str], stdout: Path | None = None) -> dict[str, float]:
    """Runs one command as a child; its wall time and peak memory (MB)."""
    started = time.perf_counter()
    with open(stdout or os.devnull, "wb") as out:
        done = subprocess.run(command, stdout=out, stderr=subprocess.PIPE, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):  # frictionless answers 1 for an invalid file
        sys.stderr.write(done.stderr.decode(errors="replace"))
        raise SystemExit(f"{command[0]} failed with exit code {done.returncode}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # the one child: the command
    peak = usage.ru_maxrss / 1024
    return {"seconds": seconds, "peak_mb": peak, "cpu": usage.ru_utime + usage.ru_stime}


def run_isolated(command: list[str], stdout: Path | None = None) -> dict[str, float]:
    """`measure` in a fresh intermediate process: RUSAGE_CHILDREN's maximum is then the maximum
    of this run's child alone, not of every run so far."""
    script = [sys.executable, __file__, "--measure", json.dumps(command)]
    if stdout:
        script += ["--stdout", str(stdout)]
    done = subprocess.run(script, capture_output=True, check=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def ours(path: Path, schema_path: Path, out: Path, *, structure_only: bool = False) -> None:
    """The child that runs our check and writes its findings: the whole engine, or only the
    structure (a polars read, then validate_table) to show that part's share."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radadata.config.settings.test")
    import django

    django.setup()
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    started, cpu = time.perf_counter(), _cpu()
    try:
        from radadata.checks.engine import check_file
    except ImportError:
        structure_only = True
    if structure_only:
        findings, validating = _structure_only(path, schema)
        how = f"polars read + validate_table ({validating:.2f} s validating)"
    else:
        report = check_file(path, name=path.name, schema=schema)
        findings, how = report.findings, "radadata.checks.engine.check_file"
    seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    out.write_text(json.dumps({"how": how, "seconds": seconds, "cpu": cpu,
                               "findings": [f.as_dict() for f in findings]},
                              ensure_ascii=False), encoding="utf-8")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _structure_only(path: Path, schema: dict[str, Any]) -> tuple[list[Any], float]:
    import polars as pl

    from radadata.checks.structure import validate_table
    from radadata.checks.table import Table

    frame = pl.read_csv(path, infer_schema=False)
    started = time.perf_counter()
    findings = validate_table(Table(frame=frame, header=list(frame.columns)), schema)
    return findings, time.perf_counter() - started


def summary(findings: list[Any]) -> tuple[Counter, list[tuple]]:
    """Total cells per code (a capped group counts its summary's total) and the first keys."""
    from radadata.checks.structure import codes

    totals: Counter = Counter()
    for finding in findings:
        if finding.code == codes.MORE:
            totals[finding.params["of"]] += finding.count - finding.params["shown"]
        else:
            totals[finding.code] += 1
    keys = sorted((f.key() for f in findings if f.code != codes.MORE),
                  key=lambda k: (k[0] or 0, k[1] or "", k[2]))
    return totals, keys[:COMPARED]


def types_only(schema: dict[str, Any]) -> dict[str, Any]:
    return {"fields": [{k: v for k, v in f.items() if k != "constraints"}
                       for f in schema["fields"]]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--errors", type=int, default=300, help="injected errors of each kind")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--stdout", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--ours", nargs=3, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--structure", nargs=3, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(json.loads(args.measure), args.stdout)))
        return
    if args.ours or args.structure:
        ours(*(args.ours or args.structure), structure_only=bool(args.structure))
        return

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radadata.config.settings.test")
    django.setup()
    from gen_municipal_csv import VERSION, write
    from gen_municipal_csv import schema as municipal_schema

    from radadata.checks.findings import Finding
    from radadata.checks.structure.frictionless_adapter import translate

    folder = Path(tempfile.gettempdir()) / "radadata-bench"
    folder.mkdir(exist_ok=True)
    stem = f"municipal-v{VERSION}-{args.rows}-{args.errors}"
    path = folder / f"{stem}.csv"
    schema_path = path.with_suffix(".schema.json")
    if not path.exists():
        started = time.perf_counter()
        write(path, rows=args.rows, errors=args.errors)
        print(f"generated {path.name} in {time.perf_counter() - started:.1f} s")
    # Always the generator's schema, never a cached one of an earlier version.
    schema_path.write_text(json.dumps(municipal_schema(), ensure_ascii=False, indent=1),
                           encoding="utf-8")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    types_path = folder / f"{stem}.types.json"
    types_path.write_text(json.dumps(types_only(schema), ensure_ascii=False), encoding="utf-8")
    print(f"file: {args.rows:,} rows, {path.stat().st_size / 1e6:.0f} MB, "
          f"{args.errors} injected errors of each kind")
    rules = sorted({name for f in schema["fields"] for name in f.get("constraints") or {}})
    formats = sorted({f"{f['name']}: {f['format']}" for f in schema["fields"] if "format" in f})
    print(f"schema: {len(schema['fields'])} fields; constraints {', '.join(rules)}; "
          f"formats {', '.join(formats) or 'none'} (the same for both sides)")

    frictionless = [str(BIN / "frictionless"), "validate", str(path), "--trusted", "--json",
                    "--limit-errors", NO_LIMIT]
    report_path = folder / "frictionless-report.json"
    full = run_isolated([*frictionless, "--schema", str(schema_path)], report_path)
    typed = run_isolated([*frictionless, "--schema", str(types_path)])
    ours_path = folder / "ours.json"
    mine = run_isolated([sys.executable, __file__, "--ours", str(path), str(schema_path),
                         str(ours_path)])
    result = json.loads(ours_path.read_text(encoding="utf-8"))
    part_path = folder / "ours-structure.json"
    part = run_isolated([sys.executable, __file__, "--structure", str(path), str(schema_path),
                         str(part_path)])
    part_result = json.loads(part_path.read_text(encoding="utf-8"))

    report = json.loads(report_path.read_text(encoding="utf-8"))
    task = report["tasks"][0]
    theirs = translate(task["errors"], schema, labels=task.get("labels") or [])
    our_findings = [Finding.from_dict(f) for f in result["findings"]]
    their_totals, their_keys = summary(theirs)
    our_totals, our_keys = summary([f for f in our_findings if f.code in _structure_codes()])
    part_totals, part_keys = summary([Finding.from_dict(f) for f in part_result["findings"]])

    print(f"\n{'run':<44}{'seconds':>9}{'CPU s':>9}{'peak MB':>10}")
    for label, run in (("frictionless validate (schema)", full),
                       ("frictionless validate (types only)", typed),
                       (f"ours ({result['how'].split(' ')[0]})", mine),
                       ("ours, the structure only", part)):
        print(f"{label:<44}{run['seconds']:>9.1f}{run['cpu']:>9.1f}{run['peak_mb']:>10.0f}")
    print(f"  ours, the check itself (no start-up): {result['seconds']:.2f} s, "
          f"{result['cpu']:.2f} CPU s, {result['how']}")
    print(f"  the structure only, no start-up: {part_result['seconds']:.2f} s, "
          f"{part_result['cpu']:.2f} CPU s, {part_result['how']}")
    print(f"ratio: ours is {full['seconds'] / mine['seconds']:.1f}× faster than frictionless "
          f"with the schema, {typed['seconds'] / mine['seconds']:.1f}× than types only")
    # CPU time hardly moves when other programs share the machine; wall time does (3×).
    cpu_ratio = full["cpu"] / mine["cpu"]
    print(f"CPU ratio: ours takes {cpu_ratio:.1f}× less CPU than frictionless "
          f"with the schema, {typed['cpu'] / mine['cpu']:.1f}× than types only; "
          f"peak memory {mine['peak_mb']:.0f} MB")
    print(f"\n{'work':<44}{'RadaData':>10}{'frictionless':>14}{'ratio':>8}  target")
    print(f"{'1M rows, the schema, CPU s':<44}{mine['cpu']:>10.1f}{full['cpu']:>14.1f}"
          f"{cpu_ratio:>7.1f}×  ≥ 15× {'met' if cpu_ratio >= TARGET_RATIO else 'NOT met'}")
    print(f"{'1M rows, peak memory, MB':<44}{mine['peak_mb']:>10.0f}{full['peak_mb']:>14.0f}"
          f"{'':>8}  ≤ 1024 {'met' if mine['peak_mb'] <= TARGET_MB else 'NOT met'}")
    print(f"\n{'code':<32}{'frictionless':>13}{'ours':>8}")
    for code in sorted(set(their_totals) | set(our_totals)):
        mark = "" if their_totals[code] == our_totals[code] else "   ← differs"
        print(f"{code:<32}{their_totals[code]:>13}{our_totals[code]:>8}{mark}")
    others = Counter(f.code for f in our_findings if f.code not in _structure_codes())
    if others:
        print("\nour other findings (file, values, personal data), cells or columns per code:")
        for code, count in sorted(others.items()):
            print(f"  {code:<40}{count:>6}")
    same = (their_totals == our_totals == part_totals
            and their_keys == our_keys == part_keys)
    print(f"\nstructural findings agree (counts per code and the first {COMPARED} "
          f"(row, column, code)): {'yes' if same else 'NO'}")
    if not same:
        print("only frictionless:", [k for k in their_keys if k not in our_keys][:10])
        print("only ours:", [k for k in our_keys if k not in their_keys][:10])
        raise SystemExit(1)


def _structure_codes() -> set[str]:
    from radadata.checks.findings import CODES
    from radadata.checks.structure import codes

    return {value for name, value in vars(codes).items()
            if name.isupper() and isinstance(value, str) and value in CODES}


if __name__ == "__main__":
    main()
