"""What a stored file is: its hash, size, format and text encoding.

A first look only; the checks app examines content in depth.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

TEXT_FORMATS = {"CSV", "TSV", "JSON", "GEOJSON", "XML", "TXT", "HTML", "YAML", "RDF"}
MEDIA_TYPES = {
    "CSV": "text/csv", "TSV": "text/tab-separated-values", "JSON": "application/json",
    "GEOJSON": "application/geo+json", "XML": "application/xml", "TXT": "text/plain",
    "HTML": "text/html", "YAML": "application/yaml", "RDF": "application/rdf+xml",
    "XLSX": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "XLS": "application/vnd.ms-excel", "ODS": "application/vnd.oasis.opendocument.spreadsheet",
    "PDF": "application/pdf", "ZIP": "application/zip", "DOCX":
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
_MAGIC = [
    (b"%PDF", "PDF"),
    (b"\xd0\xcf\x11\xe0", "XLS"),
    (b"\x1f\x8b", "GZIP"),
    (b"7z\xbc\xaf", "7Z"),
]


@dataclass(frozen=True)
class FileFacts:
    sha256: str
    size: int
    format: str
    media_type: str
    encoding: str


def _zip_format(head: bytes, extension: str) -> str:
    if b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet" in head:
        return "ODS"
    if extension in {"XLSX", "DOCX", "ODS", "ODT"}:
        return extension
    if b"xl/" in head:
        return "XLSX"
    if b"word/" in head:
        return "DOCX"
    return "ZIP"


def detect_format(head: bytes, filename: str) -> str:
    extension = PurePath(filename).suffix.lstrip(".").upper()
    extension = {"JPEG": "JPG", "YML": "YAML", "HTM": "HTML"}.get(extension, extension)
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(head, extension)
    for magic, fmt in _MAGIC:
        if head.startswith(magic):
            return fmt
    return extension or "BIN"


def detect_encoding(sample: bytes) -> str:
    if not sample:
        return ""
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        # A multi-byte character cut off at the end of the sample is still UTF-8.
        if error.start >= len(sample) - 3:
            return "utf-8"
    from charset_normalizer import from_bytes  # heavy, and only for files that are not UTF-8

    best = from_bytes(sample, cp_isolation=["cp1251", "utf_16", "koi8_u", "cp866"]).best()
    return best.encoding if best else "unknown"


def examine(stream: IO[bytes], filename: str) -> FileFacts:
    """Hash and size by streaming the whole file; format and encoding from its start."""
    digest = hashlib.sha256()
    size = 0
    head = b""
    stream.seek(0)
    while chunk := stream.read(1024 * 1024):
        if len(head) < 256 * 1024:
            head += chunk[: 256 * 1024 - len(head)]
        digest.update(chunk)
        size += len(chunk)
    stream.seek(0)
    fmt = detect_format(head, filename)
    encoding = detect_encoding(head) if fmt in TEXT_FORMATS else ""
    return FileFacts(sha256=digest.hexdigest(), size=size, format=fmt,
                     media_type=MEDIA_TYPES.get(fmt, "application/octet-stream"),
                     encoding=encoding)


#: File systems allow 255 bytes per name; a Cyrillic letter takes two in UTF-8.
NAME_MAX_BYTES = 255
_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,10}$")


def suffix_of(name: str) -> str:
    """The extension, lower-case, if it is a plain one (".csv"); else ""."""
    match = _SUFFIX.search(PurePath(name.replace("\\", "/")).name)
    return match.group(0).lower() if match else ""


def stored_name(original: str) -> str:
    """The name a file is stored under: short, ASCII and unique ("f-<32 hex>.csv"), whatever
    the person called it (130 Cyrillic letters are 260 bytes, more than a file system allows).
    The original name stays on the version and is what a download is called."""
    return f"f-{uuid.uuid4().hex}{suffix_of(original)}"


def short_name(name: str, max_bytes: int = 120) -> str:
    """A name for a temporary copy that any file system accepts, keeping the extension (the
    checks judge a file by its content, but report the extension it claims)."""
    name = PurePath(name.replace("\\", "/")).name or "file"
    if len(name.encode()) <= max_bytes:
        return name
    suffix = suffix_of(name)
    stem = name[: len(name) - len(suffix)] if suffix else name
    while len((stem + suffix).encode()) > max_bytes:
        stem = stem[:-1]
    return stem + suffix
