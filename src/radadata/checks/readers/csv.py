"""CSV (and any delimited text: TSV, Excel's "Unicode text") into a table.

The fast path, for a UTF-8 file that follows RFC 4180: one vectorised pass counts the fields of
every record and measures the lines (records.scan), then polars reads every cell as a string.
A file that is not UTF-8 is read from a UTF-8 copy; a file with quotes out of place, which
polars refuses, is read by Python's tolerant csv module instead (slower, but never wrong
about what a spreadsheet would show).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import polars as pl

from radadata.checks import codes_file as codes
from radadata.checks.encoding import TextEncoding
from radadata.checks.readers import records, tabulate, text
from radadata.checks.readers.base import FileContext
from radadata.checks.sniff import HEAD_BYTES, Sniffed, decode_head, detect_delimiter
from radadata.checks.table import Table

_NO_DELIMITER = "\x1f"  # a one-column file: a byte that never splits a line
_HEAD_ROWS = 14  # records that may hold titles and the header


class _NotUtf8(Exception):
    """The file claimed UTF-8 by its start, but is not UTF-8 further on."""


def read(ctx: FileContext, sniffed: Sniffed) -> Iterator[Table]:
    with open(ctx.path, "rb") as stream:
        head = stream.read(HEAD_BYTES)
    cr_newlines = b"\r" in head and b"\n" not in head  # old Mac line breaks: copied as \n
    found: TextEncoding | None = None
    if sniffed.encoding_hint.startswith("utf-16") or cr_newlines or not _utf8_start(head):
        found = text.text_encoding(ctx, sniffed, scale=0.3)
    try:
        source = text.utf8_copy(ctx, found, cr_newlines=cr_newlines) if found else ctx.path
        table = _read_from(ctx, source)
    except _NotUtf8:
        # polars' strict read is the proof; now find out what the file is instead.
        found = text.text_encoding(ctx, sniffed, scale=0.3)
        table = _read_from(ctx, text.utf8_copy(ctx, found))
    if found is None:
        text.report(ctx, TextEncoding("utf-8", bom=head.startswith(b"\xef\xbb\xbf")))
    if table is not None:
        yield table


def _read_from(ctx: FileContext, source: Path) -> Table | None:
    try:
        return _read_utf8(ctx, source)
    finally:
        if source != ctx.path:  # the table is in memory: the UTF-8 copy is done with
            source.unlink(missing_ok=True)


def _utf8_start(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(head) - 3 and len(head) == HEAD_BYTES
    return True


def _read_utf8(ctx: FileContext, source: Path) -> Table | None:
    with open(source, "rb") as stream:
        head = stream.read(HEAD_BYTES)
    skip = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    delimiter = detect_delimiter(decode_head(head), whole=len(head) < HEAD_BYTES)
    ctx.delimiter = delimiter or ""
    separator = delimiter or _NO_DELIMITER
    scan = records.scan(source, separator, max_line_bytes=ctx.limits.max_line_bytes, skip=skip)
    if scan.long_line:
        ctx.add(codes.LINE_TOO_LONG, row=scan.long_line, line=scan.long_line,
                limit_kb=ctx.limits.max_line_bytes // 1024)
        return None
    ctx.progress(0.5)
    widths = scan.widths
    if np.count_nonzero(widths) <= 1:
        return None  # a header and empty lines (two million of them, say): no data at all
    raw = None
    if not scan.stray_quotes:
        raw = _polars(source, separator, widths, ctx.limits.max_columns)
    raw_empty_is_none = raw is not None  # polars already read empty cells as None
    if raw is None or raw.height != len(widths):
        quotes = scan.stray_quotes or raw is None
        raw, widths = _python(source, separator, ctx.limits.max_columns)
        raw_empty_is_none = False
        if quotes:
            ctx.add(codes.CSV_QUOTES)
    ctx.progress(0.9)
    built = tabulate.build(ctx, raw, widths=widths, empty_is_none=raw_empty_is_none)
    if built is None:
        return None
    table, index = built
    header_width = int(widths[index]) if index < len(widths) else len(table.header)
    _ragged(ctx, widths, index, header_width, delimiter)
    tabulate.formula_findings(ctx, table)
    return table


def _polars(source: Path, separator: str, widths: np.ndarray,
            max_columns: int) -> pl.DataFrame | None:
    width = int(max(widths[:_HEAD_ROWS].max(initial=1), 1))
    width = min(width, max_columns + 1)
    try:
        return pl.read_csv(
            source, has_header=False, separator=separator, infer_schema=False,
            schema={f"c{i}": pl.String for i in range(width)}, missing_columns="insert",
            truncate_ragged_lines=True, null_values=[""], raise_if_empty=False,
            # a table wider than the limit: tabulate reports it; the rest is not read
            extra_columns="ignore")
    except pl.exceptions.SchemaError:
        return None  # the tolerant reader takes over
    except pl.exceptions.ComputeError as error:
        if "utf-8" in str(error).lower() or "utf8" in str(error).lower():
            raise _NotUtf8 from error
        return None  # quotes polars will not read: the tolerant reader takes over


def _python(source: Path, separator: str, max_columns: int) -> tuple[pl.DataFrame, np.ndarray]:
    widths: list[int] = []
    rows = records.python_rows(source, separator)
    head: list[list[str]] = []
    try:
        for row in rows:
            head.append(row)
            if len(head) >= _HEAD_ROWS:
                break
    except UnicodeDecodeError as error:
        raise _NotUtf8 from error
    width = min(max((len(row) for row in head), default=1), max_columns + 1)

    def cut() -> Iterator[list[str]]:
        for row in head:
            widths.append(len(row))
            yield row[:width]
        try:
            for row in rows:
                widths.append(len(row))
                yield row[:width]
        except UnicodeDecodeError as error:
            raise _NotUtf8 from error

    raw = tabulate.raw_frame(cut())
    return raw, np.array(widths, np.int32)


def _ragged(ctx: FileContext, widths: np.ndarray, index: int, expected: int,
            delimiter: str | None) -> None:
    body = widths[index + 1:]
    wrong = np.flatnonzero((body != expected) & (body != 0))
    if not len(wrong):
        return
    shown = ctx.limits.max_findings_per_code
    for position in wrong[:shown]:
        record = index + 1 + int(position)
        ctx.add(codes.RAGGED_ROW, row=record + 1, expected=expected,
                found=int(widths[record]), delimiter=_delimiter_name(delimiter))
    if len(wrong) > shown:
        ctx.add(codes.RAGGED_ROWS_MORE, count=len(wrong) - shown)


def _delimiter_name(delimiter: str | None) -> str:
    return {"\t": "Tab", None: "—"}.get(delimiter, f"“{delimiter}”")
