"""Whether python-calamine reads an ODS workbook's sheets as the streaming reader of
readers/ods.py does: one pass of a few regular expressions over content.xml's bytes.

calamine (Rust) reads a 100,000-row sheet ten times faster than lxml's iterparse with a Python
call per cell, but it does not say which cells are formulas or merged (findings need where
they are), and some cells it reads otherwise: a number it reformats ("1E-05", "-0", more than
15 digits), a date-time with a fraction or a zone, a time of a day and more or with a fraction,
an Excel day-zero date-time, a text cell with no value type (dropped), office:string-value
(taken instead of the text), tabs, line breaks, notes and lists in the text. Nor does it share
a repeated row as the streaming reader does: a row or cell repeated a hundred times or more
that holds anything is left to that reader, so a repeat count cannot make calamine build
millions of cells. A workbook with any of these is read by the streaming reader as before;
the ones councils write (LibreOffice, Excel's ODS) have none of them in plain data.
"""

from __future__ import annotations

import re
import zipfile

_CHUNK = 4 * 1024 * 1024
_OVERLAP = 64 * 1024  # longer than any start tag of a cell or row the checks below look at
_MAX_REPEATS = 10_000  # big repeats looked at one by one; past that, not worth calamine

_NAMESPACES = (
    b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
    b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
    b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
)
# A number calamine's float gives back as written: no exponent, sign only before a non-zero,
# at most 15 significant digits, no trailing zeros, not below 0.0001.
_SAFE_NUMBER = (rb'(?!-0")-?(?=[\d.]{1,16}")'
                rb'(?:0(?:\.(?!0000)\d*[1-9])?|[1-9]\d{0,14}(?:\.\d*[1-9])?)"')
# Alternatives ordered as a trie: each "office:" or "table:" of a plain cell fails after a
# few bytes (LibreOffice writes the value right after its type).
_OFFICE = re.compile(
    rb'office:(?:value(?:'
    rb'="(?!' + _SAFE_NUMBER + rb')'
    rb'|-type="(?:'
    rb'(?:float|percentage|currency)"(?! office:value=)(?![^>]*office:value=)'
    rb'|date"(?! office:date-value=)(?![^>]*office:date-value=)'
    rb'|time"(?! office:time-value=)(?![^>]*office:time-value=)'
    rb'|boolean"(?! office:boolean-value=)(?![^>]*office:boolean-value=)'
    rb'|(?!(?:string|float|percentage|currency|date|time|boolean)")))'
    rb'|date-value="(?!(?!1899-12-3[01]T|1900-01-01T)\d{4}-\d\d-\d\d(?:T\d\d:\d\d:\d\d)?")'
    rb'|time-value="(?!PT(?:[01]\d|2[0-3])H[0-5]\dM[0-5]\dS")'
    rb'|boolean-value="(?!(?:true|false)")'
    rb'|string-value=)')
_TABLE = re.compile(
    rb'table:(?:'
    rb'formula=|number-(?:rows|columns)-(?:spanned=|repeated="(?=[1-9]\d{2}))'
    # A cell with content but no value type; LibreOffice's typed cells are passed over at
    # their first attributes, the rest by looking through the whole tag.
    rb'|(?<=<table:)(?:covered-)?table-cell\b'
    rb'(?!(?: table:style-name="[^"]*")? office:value-type=)(?![^>]*value-type=)'
    rb'[^>]*(?<!/)>(?!</table:)'
    rb')')
_TEXT = re.compile(rb"<text:(?:tab|line-break|note|list)\b")


def calamine_reads_alike(archive: zipfile.ZipFile) -> bool:
    """False also when content.xml cannot be read: the streaming reader then fails on it as
    it always did (a missing part, a damaged stream, an encrypted member)."""
    try:
        with archive.open("content.xml") as stream:
            return _alike(stream)
    except Exception:
        return False


def _alike(stream) -> bool:
    buffer, first, repeats = b"", True, 0
    while True:
        chunk = stream.read(_CHUNK)
        buffer += chunk
        final = not chunk
        limit = len(buffer) if final else len(buffer) - _OVERLAP
        if first:
            head = buffer[: buffer.find(b">", buffer.find(b"<office:document-content"))]
            if not all(namespace in head for namespace in _NAMESPACES):
                return False
            first = False
        for pattern in (_OFFICE, _TEXT):
            found = pattern.search(buffer)
            if found and found.start() < limit:
                return False
        position = 0
        while (found := _TABLE.search(buffer, position)) and found.start() < limit:
            repeats += 1
            if not found.group().endswith(b'repeated="') or repeats > _MAX_REPEATS \
                    or not _empty_repeat(buffer, found.start()):
                return False
            position = found.end()
        if final:
            return True
        buffer = buffer[limit:]


def _empty_repeat(buffer: bytes, at: int) -> bool:
    """A big repeat calamine does not expand: column formats, the empty cells after a row's
    last value, the empty rows after a sheet's last one."""
    start = buffer.rfind(b"<", 0, at)
    end = buffer.find(b">", at)
    if start < 0 or end < 0:
        return False
    tag = buffer[start: end + 1]
    if tag.startswith(b"<table:table-column"):
        return True
    if tag.startswith(b"<table:table-cell") and tag.endswith(b"/>"):
        return b"value-type" not in tag and buffer.startswith(b"</table:table-row>", end + 1)
    if tag.startswith(b"<table:table-row") and not tag.endswith(b"/>"):
        table_end = buffer.find(b"</table:table>", end, end + _OVERLAP)
        rest = buffer[end + 1: table_end]
        return table_end >= 0 and not any(
            mark in rest for mark in (b"value-type", b"</table:table-cell>", b"formula",
                                      b"</table:covered-table-cell>", b"spanned"))
    return False
