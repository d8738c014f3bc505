"""Which encoding a text file is in, and its conversion to UTF-8 that never damages text.

UTF-8 is proved by decoding the whole file strictly, in chunks: a Windows-1251 file whose first
thousands of rows are pure ASCII is caught by its first Cyrillic byte, wherever it is. Only a
file that fails is looked at line by line: lines that are valid UTF-8 with Cyrillic letters
beside lines that are not mean a file pasted together from two encodings; the other lines'
encoding is guessed from their letters (Ukrainian text is mostly lower-case, and each
Cyrillic code page puts lower-case letters elsewhere), with charset-normalizer as the fallback.
"""

from __future__ import annotations

import codecs
import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from django.utils.translation import gettext as _

from radadata.core.errors import ValidationFailed

CHUNK = 1024 * 1024
UTF8 = "utf-8"
_LEGACY = ("windows-1251", "koi8-u", "cp1125")  # the Cyrillic code pages met in Ukraine
_SAMPLE_BYTES = 256 * 1024
_LOWER = set("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёыэъ")
_UPPER = {c.upper() for c in _LOWER}


@dataclass(frozen=True)
class TextEncoding:
    name: str  # a Python codec name, as reports show it: "utf-8", "windows-1251", "utf-16"…
    bom: bool = False
    mixed: bool = False  # mostly UTF-8, with `lines` lines in `name`
    first_line: int | None = None  # the first line not in UTF-8
    lines: int = 0
    known: bool = True  # False: not UTF-8, and no encoding decodes it cleanly

    @property
    def utf8(self) -> bool:
        return self.name == UTF8 and not self.mixed

    @property
    def codec(self) -> str:
        """What reads the file: the BOM is dropped."""
        return "utf-8-sig" if self.name == UTF8 and self.bom else self.name


def detect(path: Path, hint: str = "", *,
           progress: Callable[[float], None] | None = None) -> TextEncoding:
    if hint.startswith("utf-16"):
        return TextEncoding(hint if hint != "utf-16" else "utf-16", bom=hint == "utf-16")
    with open(path, "rb") as stream:
        bom = stream.read(3) == codecs.BOM_UTF8
        stream.seek(0)
        if _strict_utf8(stream, progress):
            return TextEncoding(UTF8, bom=bom)
        stream.seek(0)
        return _by_lines(stream, bom)


def _strict_utf8(stream: BinaryIO, progress: Callable[[float], None] | None) -> bool:
    decoder = codecs.getincrementaldecoder(UTF8)("strict")
    size = max(1, stream.seek(0, 2))
    stream.seek(0)
    done = 0
    try:
        while chunk := stream.read(CHUNK):
            decoder.decode(chunk)
            done += len(chunk)
            if progress:
                progress(done / size)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _lines(stream: BinaryIO) -> Iterator[bytes]:
    # readline with a limit: a huge line arrives in pieces instead of all at once.
    return iter(lambda: stream.readline(CHUNK), b"")


def _by_lines(stream: BinaryIO, bom: bool) -> TextEncoding:
    utf8_lines = bad_lines = 0
    first_bad: int | None = None
    sample: list[bytes] = []
    sampled = 0
    number = 0
    for piece in _lines(stream):
        number += piece.endswith(b"\n")
        if piece.isascii():
            continue
        try:
            text = piece.decode(UTF8)
        except UnicodeDecodeError as error:
            if error.start >= len(piece) - 3 and not piece.endswith(b"\n"):
                continue  # a character split between two pieces of a long line
            bad_lines += 1
            if first_bad is None:
                first_bad = number + (not piece.endswith(b"\n"))
            if sampled < _SAMPLE_BYTES:
                sample.append(piece)
                sampled += len(piece)
            continue
        # Two or more multi-byte characters: a line of Windows-1251 letters is almost never
        # valid UTF-8 by chance, but a single pair of them may be.
        if len(piece) - len(text) >= 2:
            utf8_lines += 1
    legacy = guess_legacy(b"".join(sample))
    if legacy and utf8_lines:
        return TextEncoding(legacy, bom=bom, mixed=True, first_line=first_bad, lines=bad_lines)
    if legacy and _decodes(stream, legacy):
        return TextEncoding(legacy, first_line=first_bad, lines=bad_lines)
    return TextEncoding(legacy or "windows-1251", bom=bom, first_line=first_bad,
                        lines=bad_lines, known=False)


def guess_legacy(sample: bytes) -> str | None:
    """The single-byte encoding of the non-UTF-8 lines: the Cyrillic code page that turns them
    into the most lower-case Cyrillic letters, else charset-normalizer's best guess."""
    if not sample:
        return None
    high = sum(1 for byte in sample if byte >= 0x80)
    best, best_score = None, 0.0
    for name in _LEGACY:
        text = sample.decode(name, errors="replace")
        lower = sum(1 for c in text if c in _LOWER)
        upper = sum(1 for c in text if c in _UPPER)
        score = lower + upper * 0.3 - text.count("\ufffd") * 2
        if score > best_score:
            best, best_score = name, score
    if best and best_score >= high * 0.5:
        return best
    from charset_normalizer import from_bytes  # heavy, and seldom needed: not at start-up

    match = from_bytes(sample).best()
    return codecs.lookup(match.encoding).name if match else best


def _decodes(stream: BinaryIO, encoding: str) -> bool:
    stream.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        while chunk := stream.read(CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def transcode(src: Path, dst: Path, found: TextEncoding, *, cr_newlines: bool = False) -> None:
    """A UTF-8 copy to read the content from, whatever it costs the text: a bad byte becomes
    U+FFFD, the lines of a mixed file are decoded each in its own encoding. For checking only;
    `convert_to_utf8` is the conversion an owner publishes."""
    with open(src, "rb") as source, open(dst, "w", encoding=UTF8, newline="") as target:
        if found.mixed:
            for piece in _lines(source):
                try:
                    text = piece.decode(UTF8)
                except UnicodeDecodeError:
                    text = piece.decode(found.name, errors="replace")
                target.write(text.replace("\r", "\n") if cr_newlines else text)
            return
        decoder = codecs.getincrementaldecoder(found.codec)("replace")
        while chunk := source.read(CHUNK):
            text = decoder.decode(chunk)
            target.write(text.replace("\r", "\n") if cr_newlines else text)
        target.write(decoder.decode(b"", final=True))


def convert_to_utf8(src_path: Path, dst_path: Path, encoding: str) -> None:
    """Write `src_path` as UTF-8 (without a BOM) to `dst_path`, streamed.

    Refuses — ValidationFailed, nothing written — unless the file decodes cleanly and wholly
    in `encoding` and that is the encoding the file is found to be in: a UTF-8 file "converted"
    from Windows-1251, or a mixed file, would come out as garbage that still looks like text.
    """
    try:
        wanted = codecs.lookup(encoding).name
    except LookupError as error:
        raise ValidationFailed(_("“%(encoding)s” is not a text encoding RadaData knows.")
                               % {"encoding": encoding}, code="not_convertible") from error
    found = detect(Path(src_path), _bom_hint(Path(src_path)))
    if found.mixed:
        raise ValidationFailed(
            _("The file mixes UTF-8 with %(encoding)s (from line %(line)s), so converting it "
              "would damage the text. Save each part as “CSV UTF-8” and upload the file "
              "again.") % {"encoding": found.name, "line": found.first_line},
            code="not_convertible")
    if found.utf8 and not found.bom:
        raise ValidationFailed(_("The file is already in UTF-8; nothing to convert."),
                               code="not_convertible")
    if not found.known or codecs.lookup(found.codec).name not in (wanted, "utf-8-sig"):
        raise ValidationFailed(
            _("The file does not read cleanly as %(encoding)s, so converting it would damage "
              "the text. Open it in Excel or LibreOffice, check the letters, save it as “CSV "
              "UTF-8” and upload it again.") % {"encoding": encoding},
            code="not_convertible")
    _write_utf8(Path(src_path), Path(dst_path), found.codec)


def _bom_hint(path: Path) -> str:
    from radadata.checks.sniff import HEAD_BYTES, bom_encoding

    with open(path, "rb") as stream:
        return bom_encoding(stream.read(HEAD_BYTES))


def _write_utf8(src: Path, dst: Path, codec: str) -> None:
    decoder = codecs.getincrementaldecoder(codec)("strict")
    try:
        with open(src, "rb") as source, open(dst, "w", encoding=UTF8, newline="") as target:
            while chunk := source.read(CHUNK):
                target.write(decoder.decode(chunk))
            target.write(decoder.decode(b"", final=True))
    except UnicodeDecodeError as error:
        with contextlib.suppress(FileNotFoundError):
            dst.unlink()
        raise ValidationFailed(
            _("The file does not read cleanly as %(encoding)s, so it was not converted.")
            % {"encoding": codec}, code="not_convertible") from error
