"""The first rows of a stored tabular file, read without loading the whole file.

CSV is decoded line by line from the stored file (its detected encoding, the delimiter
sniffed from the first lines); XLSX is opened with openpyxl in read-only mode, which reads
rows from the zip on demand. Both stop after the rows asked for, so a 100 MB file costs no
more than a small one."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import itertools
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from radadata.registry.models import ResourceVersion

logger = logging.getLogger(__name__)

TABULAR_FORMATS = {"CSV", "TSV", "XLSX"}
PREVIEW_ROWS = 10
_SNIFF_LINES = 20
# A cell longer than this is cut in the preview: it is a glance, not the data.
_MAX_CELL = 300


@dataclass(frozen=True)
class Preview:
    header: list[str]
    rows: list[list[str]]


def is_tabular(version: ResourceVersion) -> bool:
    return version.format in TABULAR_FORMATS


def _codec(version: ResourceVersion) -> str:
    try:
        return codecs.lookup(version.encoding or "utf-8").name
    except LookupError:  # "unknown" and other guesses that are no codec
        return "utf-8"


def _csv_rows(version: ResourceVersion) -> Iterator[list[Any]]:
    with version.file.open("rb") as stored:
        # File iteration yields lines with their endings, so quoted newlines survive.
        lines = codecs.iterdecode(iter(stored), _codec(version), errors="replace")
        head = list(itertools.islice(lines, _SNIFF_LINES))
        if head and head[0].startswith("\ufeff"):
            head[0] = head[0][1:]
        delimiter = "\t" if version.format == "TSV" else _delimiter("".join(head))
        yield from csv.reader(itertools.chain(head, lines), delimiter=delimiter)


def _delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def _xlsx_rows(version: ResourceVersion) -> Iterator[list[Any]]:
    from openpyxl import load_workbook

    with version.file.open("rb") as stored:
        book = load_workbook(stored, read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            for row in sheet.iter_rows(values_only=True):
                yield list(row)
        finally:
            book.close()


def rows(version: ResourceVersion, limit: int) -> list[list[Any]]:
    """Up to `limit` non-empty rows of the file, the header first, as raw values (CSV gives
    strings; XLSX numbers, dates and None). An unreadable file gives []."""
    reader = _xlsx_rows(version) if version.format == "XLSX" else _csv_rows(version)
    result: list[list[Any]] = []
    try:
        for row in reader:
            if any(cell not in (None, "") for cell in row):
                result.append(row)
                if len(result) >= limit:
                    break
    except Exception:  # a broken file must not break the dataset page
        logger.warning("Cannot read %s for a preview", version, exc_info=True)
        return []
    finally:
        reader.close()
    return result


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return text if len(text) <= _MAX_CELL else text[:_MAX_CELL] + "…"


def preview(version: ResourceVersion | None, size: int = PREVIEW_ROWS) -> Preview | None:
    """The header and the first `size` rows of a tabular version, as text; None otherwise."""
    if version is None or not is_tabular(version):
        return None
    found = rows(version, size + 1)
    if not found:
        return None
    table = square([[cell_text(cell) for cell in row] for row in found])
    return Preview(header=table[0], rows=table[1:])


def square(table: list[list[str]]) -> list[list[str]]:
    """Rows of equal width, without the empty columns at the right (read-only XLSX often
    reports formatted but empty cells as columns)."""
    width = max((i + 1 for row in table for i, cell in enumerate(row) if cell != ""),
                default=0)
    return [(row + [""] * width)[:width] for row in table]
