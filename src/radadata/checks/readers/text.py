"""The encoding of a text file as findings, and a UTF-8 copy to read when it is not UTF-8."""

from __future__ import annotations

from pathlib import Path

from radadata.checks import codes_file as codes
from radadata.checks.encoding import TextEncoding, detect, transcode
from radadata.checks.readers.base import FileContext
from radadata.checks.sniff import Sniffed

_LABELS = {
    "utf-8": "UTF-8", "utf-16": "UTF-16", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16",
    "windows-1251": "Windows-1251", "koi8-u": "KOI8-U", "cp1125": "CP1125 (DOS)",
}


def label(name: str) -> str:
    return _LABELS.get(name, name.upper())


def text_encoding(ctx: FileContext, sniffed: Sniffed, *, scale: float = 1.0) -> TextEncoding:
    found = detect(ctx.path, sniffed.encoding_hint,
                   progress=lambda fraction: ctx.progress(fraction * scale))
    report(ctx, found)
    return found


def report(ctx: FileContext, found: TextEncoding) -> None:
    ctx.encoding = found.name
    if found.utf8:
        if found.bom:
            ctx.add(codes.BOM)
    elif found.mixed:
        ctx.add(codes.MIXED_ENCODING, row=found.first_line, count=found.lines,
                encoding=label(found.name), line=found.first_line)
    elif not found.known:
        ctx.add(codes.ENCODING_UNKNOWN, row=found.first_line, line=found.first_line)
    else:
        ctx.add(codes.NOT_UTF8, encoding=label(found.name))


def utf8_copy(ctx: FileContext, found: TextEncoding, *, cr_newlines: bool = False) -> Path:
    """The file itself when it is UTF-8 already, else a UTF-8 copy in the work folder."""
    if found.utf8 and not cr_newlines:
        return ctx.path
    target = ctx.temp(".txt")
    transcode(ctx.path, target, found, cr_newlines=cr_newlines)
    return target
