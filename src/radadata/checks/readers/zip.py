"""ZIP archives — and the ZIP containers XLSX and ODS — opened only within limits.

The sizes a ZIP declares are what Python's zipfile unpacks at most (it stops at the declared
size and checks the CRC), so checking the declared sizes before unpacking is enough to refuse
a zip bomb: too many members, too much in total, or a member that expands like a bomb does.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from radadata.checks import codes_file as codes
from radadata.checks import codes_hostile
from radadata.checks.limits import MB
from radadata.checks.readers.base import FileContext

_JUNK = ("__MACOSX/", ".DS_Store", "Thumbs.db", "desktop.ini")
ARCHIVES = {"zip", "gzip", "7z", "bz2", "rar"}


@dataclass(frozen=True)
class Member:
    name: str
    path: Path  # unpacked into the work folder


def within_limits(ctx: FileContext, archive: zipfile.ZipFile) -> bool:
    from radadata.checks.readers import office_risks

    office_risks.find(ctx, archive)  # macros and external links of an XLSX, XLSM or ODS
    """Whether the archive may be unpacked; if not, the finding says which limit it passes."""
    limits = ctx.limits
    infos = [info for info in archive.infolist() if not info.is_dir()]
    if len(infos) > limits.zip_max_files:
        ctx.add(codes.ZIP_TOO_MANY_FILES, count=len(infos), limit=limits.zip_max_files)
        return False
    total = sum(info.file_size for info in infos)
    if total > limits.zip_max_bytes:
        ctx.add(codes.ZIP_TOO_LARGE, size_mb=_mb(total), limit_mb=_mb(limits.zip_max_bytes))
        return False
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.zip_ratio_min_bytes and ratio > limits.zip_max_ratio:
            ctx.add(codes.ZIP_RATIO, part=ctx.part_of(info.filename), ratio=int(ratio))
            return False
    return True


def _mb(size: int) -> str:
    return f"{size / MB:.0f}" if size >= 10 * MB else f"{size / MB:.1f}"


def members(ctx: FileContext) -> Iterator[Member]:
    """Each file of the archive, unpacked to the work folder one at a time."""
    try:
        archive = zipfile.ZipFile(ctx.path)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        ctx.add(codes.FILE_UNREADABLE, format="ZIP", error=str(error) or type(error).__name__)
        return
    with archive:
        if not within_limits(ctx, archive):
            return
        infos = [info for info in archive.infolist()
                 if not info.is_dir() and not _junk(info.filename)]
        if not infos:
            ctx.add(codes.ZIP_EMPTY)
            return
        for index, info in enumerate(infos):
            ctx.progress(index / len(infos))
            part = ctx.part_of(info.filename)
            if unsafe_name(info.filename):
                ctx.add(codes_hostile.ZIP_UNSAFE_NAME, name=info.filename[:200])
                continue
            if info.flag_bits & 0x1:
                ctx.add(codes.ZIP_ENCRYPTED, part=part)
                continue
            # Our own name on disk: a member called "../../x" stays in the work folder.
            target = ctx.temp(PurePosixPath(info.filename).suffix[:16])
            try:
                with archive.open(info) as source, open(target, "wb") as out:
                    shutil.copyfileobj(source, out, 1024 * 1024)
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError) as error:
                ctx.add(codes.FILE_UNREADABLE, part=part, format="ZIP",
                        error=str(error) or type(error).__name__)
                continue
            try:
                yield Member(info.filename, target)
            finally:
                target.unlink(missing_ok=True)


def unsafe_name(name: str) -> bool:
    """A member that an unpacking program would write outside its folder (zip slip)."""
    path = name.replace("\\", "/")
    return (path.startswith("/") or re.match(r"^[A-Za-z]:", path) is not None
            or ".." in PurePosixPath(path).parts)


def _junk(name: str) -> bool:
    return name.startswith(_JUNK[0]) or PurePosixPath(name).name in _JUNK[1:]
