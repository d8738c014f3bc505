"""What a file is, from its content: magic bytes, the members of a ZIP container, the start of
a text. The name's extension is only a claim, compared with what the content says.

Formats are lower-case names ("csv", "xlsx", …); "binary" is content that is neither text nor a
format we know. Delimited text is "csv" whatever its delimiter (a .tsv or Excel's "Unicode
text" .txt included); the delimiter is found by counting candidates outside quotes in the first
records, because csv.Sniffer guesses wrongly on semicolon files with decimal commas.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePath

HEAD_BYTES = 64 * 1024
DELIMITERS = (";", "\t", ",", "|")  # on a tie the earlier wins: Excel in Ukraine writes ";"
_SAMPLE_RECORDS = 50

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "pdf"), (b"\x89PNG", "png"), (b"\xff\xd8\xff", "jpg"), (b"GIF8", "gif"),
    (b"II*\x00", "tiff"), (b"MM\x00*", "tiff"), (b"\x1f\x8b", "gzip"), (b"7z\xbc\xaf", "7z"),
    (b"BZh", "bz2"), (b"Rar!", "rar"), (b"{\\rtf", "rtf"), (b"MZ", "binary"),
    (b"\x7fELF", "binary"),
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Office files: .xls, .doc
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_OPENDOCUMENT = {
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.text": "odt",
}
ZIP_CONTAINERS = {"xlsx", "ods", "docx", "odt", "pptx", "zip"}
TEXT_FORMATS = {"csv", "txt", "json", "geojson", "xml", "html"}
TABLE_FORMATS = {"csv", "xlsx", "ods", "json", "geojson"}

#: Extensions and the content formats each may hold without a `format_mismatch`.
_ALIASES = {"jpeg": "jpg", "tif": "tiff", "htm": "html", "gz": "gzip", "xhtml": "html",
            "yml": "yaml"}
_ACCEPTS: dict[str, set[str]] = {
    "csv": {"csv"}, "tsv": {"csv"}, "txt": {"csv", "txt"}, "json": {"json", "geojson"},
    "geojson": {"geojson", "json"}, "xml": {"xml"}, "rdf": {"xml"}, "kml": {"xml"},
    "gml": {"xml"}, "xsd": {"xml"}, "html": {"html", "xml"},
}
_GEOJSON = re.compile(r'"type"\s*:\s*"(?:FeatureCollection|Feature)"')
_JSON_START = re.compile(r'^(?:\[\s*(?:[{\["\d\-\]]|true|false|null)|\{\s*(?:"|\}))')


@dataclass(frozen=True)
class Sniffed:
    format: str
    extension: str  # from the name, lower-case, without the dot
    encoding_hint: str = ""  # "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be" when certain
    broken: str = ""  # why a ZIP container cannot be opened

    @property
    def text(self) -> bool:
        return self.format in TEXT_FORMATS


def extension_of(name: str) -> str:
    extension = PurePath(name).suffix.lstrip(".").lower()
    return _ALIASES.get(extension, extension)


def mismatch(extension: str, fmt: str) -> bool:
    """Whether the name claims another format than the content has (unknown names never do)."""
    if not extension or fmt == "binary":
        return False
    if extension in _ACCEPTS:
        return fmt not in _ACCEPTS[extension]
    known = ZIP_CONTAINERS | TEXT_FORMATS | {m for _b, m in _MAGIC} | {"xls", "doc", "tsv"}
    return extension in known and extension != fmt


def sniff(path: Path, name: str) -> Sniffed:
    extension = extension_of(name)
    with open(path, "rb") as stream:
        head = stream.read(HEAD_BYTES)
    if head.startswith(_ZIP):
        fmt, broken = _zip_format(path, head, extension)
        return Sniffed(fmt, extension, broken=broken)
    if head.startswith(_OLE):
        return Sniffed("doc" if extension == "doc" else "xls", extension)
    for magic, fmt in _MAGIC:
        if head.startswith(magic):
            return Sniffed(fmt, extension)
    hint = bom_encoding(head) or _utf16_without_bom(head)
    if not hint and _looks_binary(head):
        return Sniffed("binary", extension)
    text = decode_head(head, hint)
    fmt = text_format(text, extension, whole=len(head) < HEAD_BYTES)
    return Sniffed(fmt, extension, encoding_hint=hint)


def bom_encoding(head: bytes) -> str:
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return ""


def _utf16_without_bom(head: bytes) -> str:
    """Latin or Cyrillic text in UTF-16 has 0x00 or 0x04 (the Cyrillic block) in every other
    byte."""
    sample = head[:4096]
    if len(sample) < 8:
        return ""
    even, odd = sample[0::2], sample[1::2]

    def share(part: bytes) -> float:
        return (part.count(0) + part.count(4)) / max(len(part), 1)

    if share(odd) > 0.8 and share(even) < 0.2:
        return "utf-16-le"
    if share(even) > 0.8 and share(odd) < 0.2:
        return "utf-16-be"
    return ""


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    control = sum(head.count(bytes([c])) for c in range(32) if c not in (9, 10, 12, 13, 27))
    return control > len(head) * 0.05 or _random_like(head)


#: Bits per byte above which a sample is compressed, encrypted or random, not text: text in
#: any of our encodings stays near 4.5–5.5 (UTF-8 Cyrillic included); random bytes reach 8.
_TEXT_MAX_ENTROPY = 7.0
_ENTROPY_SAMPLE = 4096


def _random_like(head: bytes) -> bool:
    sample = head[:_ENTROPY_SAMPLE]
    if len(sample) < 512:
        return False
    counts = Counter(sample)
    total = len(sample)
    entropy = -sum(n / total * math.log2(n / total) for n in counts.values())
    return entropy > _TEXT_MAX_ENTROPY


def decode_head(head: bytes, hint: str = "") -> str:
    """The start as text, good enough to tell the format (not to report the encoding)."""
    if hint.startswith("utf-16"):
        return head[: len(head) // 2 * 2].decode(hint, errors="replace").lstrip("\ufeff")
    try:
        return head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start >= len(head) - 3:  # a character cut off by the end of the sample
            return head[: error.start].decode("utf-8-sig")
    return head.decode("cp1251", errors="replace")


def text_format(text: str, extension: str = "", *, whole: bool = True) -> str:
    start = text.lstrip()
    if start.startswith("<"):
        return "html" if re.match(r"<(?:!doctype\s+html|html[\s>])", start, re.I) else "xml"
    if _JSON_START.match(start):
        return "geojson" if _GEOJSON.search(start) else "json"
    if detect_delimiter(text, whole=whole) or extension in {"csv", "tsv"}:
        return "csv"
    return "txt"


def detect_delimiter(text: str, *, whole: bool = True) -> str | None:
    """The delimiter whose count outside quotes is the same in most of the first records.

    `whole` says the text is the entire file; otherwise its last record may be cut off and is
    not counted.
    """
    counts = _counts_per_record(text, whole=whole)
    best: tuple[float, int, int] | None = None
    chosen = None
    for rank, delimiter in enumerate(DELIMITERS):
        per_record = [c[delimiter] for c in counts]
        if not per_record:
            continue
        mode, agree = Counter(per_record).most_common(1)[0]
        if mode == 0:
            continue
        score = (agree / len(per_record), mode, -rank)
        if best is None or score > best:
            best, chosen = score, delimiter
    if chosen is None and counts:
        # Most records without any delimiter (rows of one value): the header still shows it.
        header = counts[0]
        chosen = max(DELIMITERS, key=lambda d: (header[d], -DELIMITERS.index(d)))
        chosen = chosen if header[chosen] else None
    return chosen


def _counts_per_record(text: str, *, whole: bool) -> list[Counter]:
    records: list[Counter] = []
    current: Counter = Counter()
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif char == "\n":
            records.append(current)
            current = Counter()
            if len(records) >= _SAMPLE_RECORDS:
                return records
        elif char in DELIMITERS:
            current[char] += 1
    if whole and current:
        records.append(current)
    return records


def _zip_format(path: Path, head: bytes, extension: str) -> tuple[str, str]:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").strip()
                if mimetype in _OPENDOCUMENT:
                    return _OPENDOCUMENT[mimetype], ""
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, RuntimeError) as error:
        # A cut-off workbook: its central directory is gone; the first member's name in the
        # local header still says what it was.
        for marker, fmt in ((b"opendocument.spreadsheet", "ods"), (b"xl/", "xlsx"),
                            (b"word/", "docx")):
            if marker in head:
                return fmt, str(error) or type(error).__name__
        fmt = extension if extension in ZIP_CONTAINERS else "zip"
        return fmt, str(error) or type(error).__name__
    if "xl/workbook.xml" in names:
        return "xlsx", ""
    if "word/document.xml" in names:
        return "docx", ""
    if "ppt/presentation.xml" in names:
        return "pptx", ""
    return "zip", ""
