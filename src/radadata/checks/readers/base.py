"""What a reader gets and gives: the file being read, its limits, and the findings so far."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from radadata.checks.findings import CODES, Finding
from radadata.checks.limits import Limits

Progress = Callable[[float], None]


def _silent(fraction: float) -> None:
    pass


@dataclass
class FileContext:
    """One file under check: the upload itself, or a member of a ZIP archive."""

    path: Path
    name: str  # as the owner named it: the extension is a claim the content is checked against
    limits: Limits
    workdir: Path  # temporary files (a converted copy, unpacked members) go here
    part: str = ""  # the ZIP member; "" for the uploaded file
    depth: int = 0  # 1 inside a ZIP archive
    progress: Progress = _silent
    findings: list[Finding] = field(default_factory=list)
    # What the reading found out, for the report.
    format: str = ""
    encoding: str = ""
    delimiter: str = ""

    def add(self, code: str, *, row: int | None = None, column: str | None = None,
            excerpt: str = "", count: int = 1, part: str | None = None, **params: Any) -> None:
        if "%(count)" in str(CODES[code].message):
            params["count"] = count
        self.findings.append(Finding(code, row=row, column=column, excerpt=excerpt,
                                     count=count, params=params,
                                     part=self.part if part is None else part))

    def part_of(self, sub: str) -> str:
        """The part name of a sheet or JSON key inside this file (inside this ZIP member)."""
        if not sub:
            return self.part
        return f"{self.part} › {sub}" if self.part else sub

    def temp(self, suffix: str) -> Path:
        handle, name = tempfile.mkstemp(suffix=suffix, dir=self.workdir)
        os.close(handle)
        return Path(name)


def excerpt(value: Any, limit: int = 80) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
