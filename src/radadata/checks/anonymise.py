"""Anonymising transforms (§2.9): each writes a NEW file from an old one and returns how many
cells it changed. The old file is never touched; the caller stores the new one as a new version.

    drop_column(src, dst, column)                  the column goes
    mask_column(src, dst, column, keep_start=1, keep_end=1)
                                                   "Петренко" → "П******о"
    generalise_date(src, dst, column)              "1985-03-14" → "1985"
    hash_column(src, dst, column, salt=...)        the same value, the same pseudonym (§2.9)

In: CSV (any delimiter of , ; tab; UTF-8 with or without BOM, or the encoding the caller names
or, failing UTF-8, the one charset-normalizer recognises) or XLSX (the first sheet). Out: UTF-8
CSV, comma-separated, every value as it was read but in the column transformed. Rows stream
through one at a time, so the size of the file does not matter. The header is the first row
that names the column (rows of titles above it pass through); `header_rows` keeps more than one
heading row (official templates carry a second row of Ukrainian titles) out of the transform.

For exports, `radadata.core.text.neutralise_formula()` gives a cell that a spreadsheet would run
as a formula a leading apostrophe (OWASP, "CSV Injection").
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import hmac
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

PathLike = str | Path
Transform = Callable[[str], str]

#: Bytes read to decide the encoding and the delimiter of a CSV.
HEAD_BYTES = 64 * 1024
DELIMITERS = ",;\t"


class ColumnNotFound(ValueError):
    pass


def drop_column(src: PathLike, dst: PathLike, column: str | int, *,
                header_rows: int = 1, encoding: str | None = None) -> int:
    """Remove the column; returns the number of non-empty cells removed."""
    removed = 0
    with _rows(src, encoding) as rows, _writer(dst) as write:
        for row, role, index in _located(rows, column, header_rows):
            if role != TITLE and index < len(row):
                if role == DATA and row[index] != "":
                    removed += 1
                row = row[:index] + row[index + 1:]
            write(row)
    return removed


def mask_column(src: PathLike, dst: PathLike, column: str | int, *, keep_start: int = 1,
                keep_end: int = 1, fill: str = "*", header_rows: int = 1,
                encoding: str | None = None,
                only: Callable[[str], object] | None = None) -> int:
    """Replace each value by its first `keep_start` and last `keep_end` characters with `fill`
    between ("1234567890" → "1********0"); a value too short to keep anything is masked whole.
    `only` chooses the values to mask (the private citizens among officials); the rest stay."""
    if keep_start < 0 or keep_end < 0 or not fill:
        raise ValueError("keep_start and keep_end must be 0 or more, fill not empty")

    def mask(value: str) -> str:
        if only is not None and not only(value):
            return value
        hidden = len(value) - keep_start - keep_end
        if hidden < 1:
            return fill * len(value)
        return value[:keep_start] + fill * hidden + value[len(value) - keep_end:]

    return _transform(src, dst, column, mask, header_rows=header_rows, encoding=encoding)


#: Dates as councils write them: (pattern, where the year is).
_DATE_FORMS = (
    re.compile(r"^\s*((?:1[89]|2\d)\d\d)-\d{1,2}-\d{1,2}(?:[T ][\d:.+\-Z]*)?\s*$"),
    re.compile(r"^\s*\d{1,2}[./-]\d{1,2}[./-]((?:1[89]|2\d)\d\d)(?:[ ,T]+[\d:.]*)?\s*$"),
    re.compile(r"^\s*((?:1[89]|2\d)\d\d)[./]\d{1,2}[./]\d{1,2}\s*$"),
    re.compile(r"^\s*((?:1[89]|2\d)\d\d)(?:-\d{1,2})?\s*(?:р\.?)?\s*$"),
)


def generalise_date(src: PathLike, dst: PathLike, column: str | int, *, header_rows: int = 1,
                    encoding: str | None = None) -> int:
    """Keep only the year of each date ("14.03.1985" → "1985"). A value that is not a date
    recognisably is emptied rather than kept: a transform meant to hide birth dates must not
    leak the ones written oddly. A value that is already a year stays and is not counted."""

    def year(value: str) -> str:
        for form in _DATE_FORMS:
            match = form.match(value)
            if match:
                return match.group(1)
        return ""

    return _transform(src, dst, column, year, header_rows=header_rows, encoding=encoding)


def hash_column(src: PathLike, dst: PathLike, column: str | int, *, salt: str | bytes,
                header_rows: int = 1, encoding: str | None = None) -> int:
    """Replace each value by a pseudonym: HMAC-SHA-256 of the value (spaces trimmed) keyed
    with `salt`, in hex. Equal values get equal pseudonyms, so rows can still be linked; without
    the salt a tax number cannot be recovered by trying all ten billion of them. The caller
    keeps the salt secret and the same for every version of a dataset."""
    key = salt.encode() if isinstance(salt, str) else salt
    if len(key) < 16:
        raise ValueError("the salt must be at least 16 bytes long")

    def pseudonym(value: str) -> str:
        return hmac.new(key, value.strip().encode(), hashlib.sha256).hexdigest()

    return _transform(src, dst, column, pseudonym, header_rows=header_rows, encoding=encoding)


# --- the stream --------------------------------------------------------------------------------

def _transform(src: PathLike, dst: PathLike, column: str | int, change: Transform, *,
               header_rows: int, encoding: str | None) -> int:
    changed = 0
    with _rows(src, encoding) as rows, _writer(dst) as write:
        for row, role, index in _located(rows, column, header_rows):
            if role == DATA and index < len(row) and row[index] != "":
                new = change(row[index])
                if new != row[index]:
                    row[index] = new
                    changed += 1
            write(row)
    return changed


TITLE, HEADER, DATA = "title", "header", "data"
#: Rows of titles above the header ("Перелік … станом на …") that are looked through for it.
MAX_TITLE_ROWS = 10


def _located(rows: Iterator[list[str]], column: str | int,
             header_rows: int) -> Iterator[tuple[list[str], str, int]]:
    """Each row with its role and the column's index. The header is the first row that names
    the column (a number counts from the first row); title rows above it pass through as they
    are, and so do the `header_rows` - 1 rows of titles below it."""
    rows = iter(rows)
    above: list[list[str]] = []
    index = None
    for row in rows:
        index = _find(row, column)
        if index is not None or isinstance(column, int):
            break
        above.append(row)
        if len(above) > MAX_TITLE_ROWS:
            break
    if index is None:
        raise ColumnNotFound(f"no column {column!r} in the header")
    for title in above:
        yield title, TITLE, index
    yield row, HEADER, index
    for number, row in enumerate(rows, start=1):
        yield row, (HEADER if number < header_rows else DATA), index


def _find(header: list[str], column: str | int) -> int | None:
    if isinstance(column, int):
        if not 0 <= column < len(header):
            raise ColumnNotFound(f"no column number {column}")
        return column
    matches = [i for i, name in enumerate(header) if name.strip() == column.strip()]
    if len(matches) > 1:
        raise ColumnNotFound(f"{len(matches)} columns are named {column!r}; give its number")
    return matches[0] if matches else None


@contextmanager
def _rows(src: PathLike, encoding: str | None) -> Iterator[Iterator[list[str]]]:
    """The rows of a CSV or XLSX file as lists of strings."""
    path = Path(src)
    with path.open("rb") as probe:
        head = probe.read(HEAD_BYTES)
    if head.startswith(b"PK\x03\x04"):
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        try:
            rows = book.worksheets[0].iter_rows(values_only=True)
            yield ([_cell_text(v) for v in row] for row in rows)
        finally:
            book.close()
        return
    encoding = encoding or _encoding(head)
    with path.open("r", encoding=encoding, newline="") as text:
        yield csv.reader(text, delimiter=_delimiter(head.decode(encoding, errors="ignore")))


def _encoding(head: bytes) -> str:
    cut = head
    for _ in range(4):  # the read may have cut a multi-byte character in two
        try:
            cut.decode("utf-8")
        except UnicodeDecodeError as error:
            if error.start < len(cut) - 3:
                break
            cut = cut[:-1]
            continue
        return "utf-8-sig"
    from charset_normalizer import from_bytes

    best = from_bytes(head).best()
    return best.encoding if best else "cp1251"


def _delimiter(sample: str) -> str:
    """The delimiter that splits the first lines into the same number of cells. When several
    do ("ПІБ;Сума, грн"), the tab, then the semicolon win: commas turn up inside Ukrainian text
    and Excel's decimal numbers, the others rarely do."""
    lines = [_count_outside_quotes(line) for line in _lines(sample.lstrip("\ufeff"))[:20]]
    if not lines:
        return ","
    consistent = [d for d in "\t;," if lines[0][d] and all(c[d] == lines[0][d] for c in lines)]
    if consistent:
        return consistent[0]
    return max(",;\t", key=lambda d: lines[0][d])


def _lines(sample: str) -> list[str]:
    """The complete lines of the sample (a quoted value may hold a line break)."""
    lines, start, quoted = [], 0, False
    for index, char in enumerate(sample):
        if char == '"':
            quoted = not quoted
        elif char == "\n" and not quoted:
            lines.append(sample[start:index])
            start = index + 1
    if not lines:  # one line without an end: the whole sample is the header
        lines.append(sample)
    return lines


def _count_outside_quotes(line: str) -> dict[str, int]:
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char in counts and not quoted:
            counts[char] += 1
    return counts


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@contextmanager
def _writer(dst: PathLike) -> Iterator[Callable[[list[str]], object]]:
    """The function that writes a row to `dst`, a UTF-8 CSV; a failed transform leaves no
    half-written file behind."""
    path = Path(dst)
    try:
        with path.open("w", encoding="utf-8", newline="") as file:
            yield csv.writer(file).writerow
    except BaseException:
        path.unlink(missing_ok=True)
        raise
