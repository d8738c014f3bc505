"""What an office file carries besides its data: macros (.xlsm, vbaProject.bin, ODF Basic
scripts) and links to other workbooks. Read from the ZIP's names and the links' targets only,
so a hostile file costs nothing more to read; called for every XLSX and ODS before its sheets
(readers/zip.py `within_limits`)."""

from __future__ import annotations

import re
import zipfile
from pathlib import PurePosixPath

from radadata.checks import codes_hostile as codes
from radadata.checks.readers.base import FileContext

_MACRO_PARTS = re.compile(r"(?:^|/)vbaProject\.bin$|(?:^|/)vbaProjectSignature\.bin$"
                          r"|^(?:Basic|Scripts)/.+", re.I)
_MACRO_TYPES = (b"macroEnabled", b"vbaProject")
_TARGET = re.compile(rb'Target="([^"]{1,500})"[^>]*TargetMode="External"'
                     rb'|TargetMode="External"[^>]*Target="([^"]{1,500})"')
_ODF_LINK = re.compile(rb'<table:table-source\b[^>]*xlink:href="([^"]{1,500})"')
_READ_AT_MOST = 1024 * 1024


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as stream:
        return stream.read(_READ_AT_MOST)


def is_office(names: set[str]) -> bool:
    return "[Content_Types].xml" in names or "mimetype" in names


def find(ctx: FileContext, archive: zipfile.ZipFile) -> None:
    """Add a finding for macros and one for external links, if the workbook has them."""
    names = set(archive.namelist())
    if not is_office(names):
        return
    macros = sorted(n for n in names if _MACRO_PARTS.search(n))
    if not macros and "[Content_Types].xml" in names:
        types = _read(archive, "[Content_Types].xml")
        if any(marker in types for marker in _MACRO_TYPES):
            macros = ["[Content_Types].xml"]
    if macros:
        ctx.add(codes.OFFICE_MACROS, where=", ".join(macros[:3]))
    targets: list[str] = []
    for name in sorted(names):
        if name.startswith("xl/externalLinks/_rels/") and name.endswith(".rels"):
            for match in _TARGET.finditer(_read(archive, name)):
                targets.append((match.group(1) or match.group(2)).decode("utf-8", "replace"))
        elif name.startswith("xl/externalLinks/") and not targets:
            targets.append(PurePosixPath(name).name)
    if "content.xml" in names and "mimetype" in names:
        targets += [m.group(1).decode("utf-8", "replace")
                    for m in _ODF_LINK.finditer(_read(archive, "content.xml"))]
    if targets:
        ctx.add(codes.OFFICE_EXTERNAL_LINKS, target=", ".join(dict.fromkeys(targets[:3])))
