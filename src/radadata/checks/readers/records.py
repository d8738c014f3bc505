"""How many fields each record of a CSV file has, and how long its lines are, in one streamed,
vectorised pass over the bytes.

polars reads the cells fast but pads a short row with empty cells, so a row with a missing
delimiter would pass unseen; counting delimiters outside quotes per record finds it. The
positions of delimiters, line breaks and quotes are found with numpy; whether a position is
inside quotes is the parity of the quotes before it (RFC 4180: "" inside a quoted value counts
twice). Memory is a few times the chunk size, whatever the file's size or its longest line.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

CHUNK = 8 * 1024 * 1024
_QUOTE, _LF, _CR = 34, 10, 13


@dataclass
class Records:
    widths: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))  # 0 = blank
    long_line: int | None = None  # the first line longer than the limit (1-based)
    stray_quotes: bool = False  # quotes inside unquoted values: the parity count is wrong


@dataclass
class _Carry:
    quotes: int = 0  # parity of the quotes so far
    delimiters: int = 0  # delimiters outside quotes in the unfinished record
    record_bytes: int = 0  # bytes of the unfinished record
    line_bytes: int = 0  # bytes since the last line break (quoted or not)
    lines: int = 0  # line breaks so far
    last: int = _LF  # the byte before this chunk (start of file: as after a line break)
    ends_cr: bool = False  # the unfinished record so far is exactly "\r"


def scan(path: Path, delimiter: str, *, max_line_bytes: int, skip: int = 0,
         chunk: int = CHUNK) -> Records:
    """Field counts per record; stops at the first line longer than `max_line_bytes`.

    `skip` bytes at the start (a byte order mark) are not part of the first record.
    """
    sep = ord(delimiter)
    carry = _Carry()
    widths: list[np.ndarray] = []
    stray = False
    with open(path, "rb") as stream:
        stream.seek(skip)
        while data := stream.read(chunk):
            a = np.frombuffer(data, np.uint8)
            lines = np.flatnonzero(a == _LF)
            long_line = _long_line(carry, lines, len(a), max_line_bytes)
            if long_line:
                return Records(_concat(widths), long_line=long_line, stray_quotes=stray)
            quotes = np.flatnonzero(a == _QUOTE)
            delims = np.flatnonzero(a == sep)
            ends = lines
            if len(quotes) or carry.quotes:
                # Inside quotes: an odd number of quotes before, counting the carried one.
                stray = stray or _stray(a, quotes, carry, sep)
                delims = delims[((np.searchsorted(quotes, delims) + carry.quotes) & 1) == 0]
                ends = lines[((np.searchsorted(quotes, lines) + carry.quotes) & 1) == 0]
            widths.append(_widths(a, ends, delims, carry))
            carry.quotes = (carry.quotes + len(quotes)) & 1
            carry.last = int(a[-1])
    if carry.record_bytes and not carry.ends_cr:
        widths.append(np.array([carry.delimiters + 1], np.int32))
    return Records(_concat(widths), stray_quotes=stray)


def _concat(parts: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, np.int32)


def _long_line(carry: _Carry, lines: np.ndarray, size: int, limit: int) -> int | None:
    if not len(lines):
        carry.line_bytes += size
        return carry.lines + 1 if carry.line_bytes > limit else None
    gaps = np.diff(lines) - 1
    first = carry.line_bytes + int(lines[0])
    if first > limit:
        return carry.lines + 1
    over = np.flatnonzero(gaps > limit)
    if len(over):
        return carry.lines + 2 + int(over[0])
    carry.lines += len(lines)
    carry.line_bytes = size - int(lines[-1]) - 1
    if carry.line_bytes > limit:
        return carry.lines + 1
    return None


def _widths(a: np.ndarray, ends: np.ndarray, delims: np.ndarray, carry: _Carry) -> np.ndarray:
    if not len(ends):
        carry.delimiters += len(delims)
        carry.record_bytes += len(a)
        carry.ends_cr = carry.record_bytes == 1 and int(a[-1]) == _CR
        return np.zeros(0, np.int32)
    before = np.searchsorted(delims, ends)
    counts = np.diff(before, prepend=0).astype(np.int32)
    counts[0] += carry.delimiters
    # A record's length: from the previous end to this one; the first continues the carry.
    starts = np.concatenate(([-1], ends[:-1])) + 1
    lengths = ends - starts
    lengths[0] += carry.record_bytes
    prev = np.where(ends > 0, a[np.maximum(ends - 1, 0)], carry.last)
    blank = (lengths == 0) | ((lengths == 1) & (prev == _CR))
    result = np.where(blank, 0, counts + 1).astype(np.int32)
    carry.delimiters = len(delims) - int(before[-1])
    carry.record_bytes = len(a) - int(ends[-1]) - 1
    carry.ends_cr = carry.record_bytes == 1 and int(a[-1]) == _CR
    return result


def _stray(a: np.ndarray, quotes: np.ndarray, carry: _Carry, sep: int) -> bool:
    """A quote that opens in the middle of a value, or closes before its end."""
    inside_before = (np.arange(len(quotes)) + carry.quotes) & 1
    opening = quotes[inside_before == 0]
    closing = quotes[inside_before == 1]
    prev = np.where(opening > 0, a[np.maximum(opening - 1, 0)], carry.last)
    if np.any((prev != sep) & (prev != _LF) & (prev != _CR) & (prev != _QUOTE)):
        return True
    inner = closing[closing + 1 < len(a)]
    after = a[inner + 1]
    return bool(np.any((after != sep) & (after != _LF) & (after != _CR) & (after != _QUOTE)))


def python_rows(path: Path, delimiter: str, *, encoding: str = "utf-8-sig"
                ) -> Iterator[list[str]]:
    """Rows as Python's csv module reads them: tolerant of quotes out of place (the slow path
    for files polars refuses)."""
    with open(path, encoding=encoding, newline="") as stream:
        yield from csv.reader(stream, delimiter=delimiter, strict=False)


def python_widths(path: Path, delimiter: str) -> np.ndarray:
    return np.fromiter((len(row) for row in python_rows(path, delimiter)), np.int32)

