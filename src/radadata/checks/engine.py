"""The check engine: one file in, one Report out, whatever the file holds.

    report = check_file(path, name="бюджет.csv", schema=structure, lawful={"ПІБ": "official"})

The stages, in order: the file (size, format from content, encoding) and its tables (readers),
then for each table the stages of TABLE_STAGES: structure (inferred for a first version,
validated against the dataset's structure later), standard values, personal data. ZIP archives
are unpacked member by member, each checked as a file of its own.

check_file never raises for bad input: every problem is a finding. An error inside a stage
becomes an `internal_error` finding for that stage, and the other stages still run.
"""

from __future__ import annotations

import gc
import logging
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from radadata.checks import codes_file as codes
from radadata.checks import limits as limits_module
from radadata.checks.findings import Finding, Report
from radadata.checks.limits import Limits
from radadata.checks.personal import officials_of, scan_table
from radadata.checks.readers import READERS
from radadata.checks.readers import zip as zip_reader
from radadata.checks.readers.base import FileContext, Progress
from radadata.checks.sniff import TABLE_FORMATS, Sniffed, mismatch, sniff
from radadata.checks.structure import infer_schema, validate_table
from radadata.checks.structure.titles import header_rows
from radadata.checks.table import Table
from radadata.checks.values import check_values
from radadata.registry.vocabularies import RECOMMENDED_FORMATS

log = logging.getLogger(__name__)

# Shares of the progress bar: reading the file, then the stages on its tables.
_READING = 0.4


@dataclass
class Run:
    """What the table stages share for one check."""

    report: Report
    schema: dict[str, Any] | None
    lawful: dict[str, str]
    tables: int = 0
    rows: int = 0  # data rows of all tables
    first_part: str = ""


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Table, Run], list[Finding]]
    main_only: bool = False  # only the first table: the one the dataset's structure describes
    weight: float = 1.0


def _structure(table: Table, run: Run) -> list[Finding]:
    if run.schema is not None:
        return validate_table(table, run.schema)
    run.report.schema = infer_schema(table)
    return []


def _values(table: Table, run: Run) -> list[Finding]:
    return check_values(table, run.schema if run.tables == 1 else None)


def _personal(table: Table, run: Run) -> list[Finding]:
    officials = officials_of(run.schema) if run.tables == 1 else frozenset()
    return scan_table(table, lawful=run.lawful, officials=officials)


TABLE_STAGES: tuple[Stage, ...] = (
    Stage("structure", _structure, main_only=True, weight=1.0),
    Stage("values", _values, weight=0.5),
    Stage("personal", _personal, weight=2.0),
)


def check_file(path: str | Path, *, name: str, schema: dict | None = None,
               lawful: dict[str, str] | None = None,
               progress: Callable[[float], None] | None = None,
               limits: Limits | None = None) -> Report:
    started = time.perf_counter()
    report = Report(schema=schema)
    bar = _monotonic(progress)
    run = Run(report=report, schema=schema, lawful=dict(lawful or {}))
    with _few_collections(), tempfile.TemporaryDirectory(prefix="radadata-check-") as workdir:
        ctx = FileContext(path=Path(path), name=name, limits=limits or limits_module.current(),
                          workdir=Path(workdir), progress=_scaled(bar, 0.0, _READING))
        try:
            for table in _guarded_tables(ctx, _file_tables):
                _table_stages(table, run, ctx, bar)
        finally:
            report.format = report.format or ctx.format
            report.encoding = report.encoding or ctx.encoding
            report.delimiter = report.delimiter or ctx.delimiter
            report.findings[:0] = _without_repeats(ctx.findings, run)  # the file's first
    _summary(report, run)
    bar(1.0)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


@contextmanager
def _few_collections() -> Iterator[None]:
    """Python's garbage collector tuned for a check: a large file makes millions of short-lived
    objects (cells, findings, detector results) that hold no cycles, and the default thresholds
    rescan the older ones again and again (a tenth of a 1M-row check's time). The objects alive
    before the check are frozen out of the scans and young collections run 100 times less
    often; the usual settings come back afterwards, whatever happens."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(thresholds[0], 70_000), max(thresholds[1], 50), max(thresholds[2], 100))
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


#: With a structure to compare against, the structure stage names these header problems
#: itself (column_unnamed, column_name_repeated) for the first table: say each once.
_HEADER_CODES = {codes.HEADER_EMPTY, codes.HEADER_DUPLICATE}


def _without_repeats(findings: list[Finding], run: Run) -> list[Finding]:
    if run.schema is None:
        return findings
    return [f for f in findings
            if not (f.code in _HEADER_CODES and f.part in ("", run.first_part))]


def _summary(report: Report, run: Run) -> None:
    unreadable = any(f.code in codes.UNREADABLE or f.code == codes.JSON_NOT_TABULAR
                     for f in report.findings)
    if not run.rows and not unreadable and report.format in TABLE_FORMATS:
        report.findings.append(Finding(codes.NO_DATA))
    if run.tables > 1:
        report.findings.append(Finding(codes.SEVERAL_TABLES, params={
            "count": run.tables, "first": run.first_part}))


def _monotonic(progress: Callable[[float], None] | None) -> Callable[[float], None]:
    """The bar never goes back (a workbook's second sheet is read after the first one's
    stages have run)."""
    shown = [0.0]

    def bar(fraction: float) -> None:
        if progress is not None and fraction >= shown[0]:
            shown[0] = fraction
            progress(fraction)

    return bar


def _scaled(bar: Callable[[float], None], start: float, end: float) -> Progress:
    return lambda fraction: bar(start + (end - start) * min(max(fraction, 0.0), 1.0))


def _guarded_tables(ctx: FileContext,
                    tables: Callable[[FileContext], Iterator[Table]]) -> Iterator[Table]:
    try:
        yield from tables(ctx)
    except Exception:
        log.exception("reading %s failed", ctx.name)
        ctx.add(codes.INTERNAL_ERROR, stage="reading")


def _table_stages(table: Table, run: Run, ctx: FileContext,
                  bar: Callable[[float], None]) -> None:
    # A titles row under the names, header rows repeated in the data, a missing header.
    table, found_rows = header_rows(table, run.schema if run.tables == 0 else None)
    run.report.findings.extend(found_rows)
    run.tables += 1
    run.rows += table.frame.height
    report = run.report
    if run.tables == 1:
        report.rows = table.frame.height
        report.columns = list(table.header)
        run.first_part = table.part or ctx.name
    total = sum(stage.weight for stage in TABLE_STAGES)
    done = 0.0
    for stage in TABLE_STAGES:
        if stage.main_only and run.tables > 1:
            continue
        try:
            found = stage.run(table, run)
        except Exception:
            log.exception("check stage %s failed on %s", stage.name, ctx.name)
            found = [Finding(codes.INTERNAL_ERROR, part=table.part,
                             params={"stage": stage.name})]
        report.findings.extend(f if f.part or not table.part else replace(f, part=table.part)
                               for f in found)
        done += stage.weight
        if run.tables == 1:
            bar(_READING + (1 - _READING) * done / total)


# Reading: the file, then by format ------------------------------------------------------------

def _file_tables(ctx: FileContext) -> Iterator[Table]:
    size = ctx.path.stat().st_size
    if size == 0:
        ctx.add(codes.FILE_EMPTY)
        return
    sniffed = sniff(ctx.path, ctx.name)
    if not ctx.part:
        ctx.format = sniffed.format
    if not _format_findings(ctx, sniffed):
        return
    if size > ctx.limits.max_bytes:
        ctx.add(codes.FILE_TOO_LARGE, size_mb=f"{size / limits_module.MB:.0f}",
                limit_mb=f"{ctx.limits.max_bytes / limits_module.MB:.0f}")
        return
    if sniffed.broken:
        ctx.add(codes.FILE_UNREADABLE, format=sniffed.format.upper(), error=sniffed.broken)
        return
    if sniffed.format in zip_reader.ARCHIVES:
        yield from _archive(ctx, sniffed)
        return
    reader = READERS.get(sniffed.format)
    if reader is None:
        ctx.add(codes.CONTENT_NOT_CHECKED, format=sniffed.format.upper())
        return
    yield from reader(ctx, sniffed)


def _format_findings(ctx: FileContext, sniffed: Sniffed) -> bool:
    """Findings on the format; False when the content is nothing we can read."""
    fmt = sniffed.format
    if fmt == "binary":
        ctx.add(codes.FORMAT_UNKNOWN)
        return False
    if mismatch(sniffed.extension, fmt):
        ctx.add(codes.FORMAT_MISMATCH, extension=sniffed.extension.upper(),
                format=fmt.upper(), suggested=fmt)
    key = fmt.upper()
    if key not in RECOMMENDED_FORMATS:
        ctx.add(codes.FORMAT_NOT_RECOMMENDED, format=fmt.upper())
    elif not RECOMMENDED_FORMATS[key]:
        ctx.add(codes.FORMAT_NOT_OPEN, format=fmt.upper())
    return True


def _archive(ctx: FileContext, sniffed: Sniffed) -> Iterator[Table]:
    if ctx.depth >= 1:
        ctx.add(codes.ZIP_NESTED)
        return
    if sniffed.format != "zip":
        ctx.add(codes.CONTENT_NOT_CHECKED, format=sniffed.format.upper())
        return
    for member in zip_reader.members(ctx):
        inner = FileContext(path=member.path, name=member.name, limits=ctx.limits,
                            workdir=ctx.workdir, part=ctx.part_of(member.name),
                            depth=ctx.depth + 1, findings=ctx.findings)
        yield from _guarded_tables(inner, _file_tables)
