"""What every check produces: findings with a stable code, and the catalogue of those codes.

A finding stores its code and parameters, never translated text: the report is kept with the
version and shown later in the reader's language. `CODES` is the one catalogue — each check
module registers its codes with `register()`; docs/checks.md lists every code (a test keeps the
two in step) and the pages render `message` and `fix` through it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from django.utils.functional import Promise


class Severity(StrEnum):
    BLOCKING = "blocking"  # personal data: stops publication until anonymised or justified (§2.9)
    ERROR = "error"  # the file is not acceptable as it is: returned to the owner
    WARNING = "warning"  # shown to the owner and the officer; does not stop anything
    INFO = "info"  # a fact worth knowing (detected encoding, inferred structure)


@dataclass(frozen=True)
class CheckCode:
    code: str
    severity: Severity
    title: str | Promise  # short, for lists: "Not UTF-8"
    message: str | Promise  # with %(name)s parameters from Finding.params
    fix: str | Promise  # what the owner does next, in plain words


CODES: dict[str, CheckCode] = {}


def register(*codes: CheckCode) -> None:
    for code in codes:
        if code.code in CODES and CODES[code.code] != code:
            raise ValueError(f"check code {code.code!r} registered twice")
        CODES[code.code] = code


@dataclass(frozen=True)
class Finding:
    code: str
    row: int | None = None  # the file's own row number: the header is row 1
    column: str | None = None  # the column's header as written in the file
    excerpt: str = ""  # masked when it may hold personal data
    count: int = 1  # how many cells/rows share this finding (per-column findings)
    params: dict[str, Any] = field(default_factory=dict)
    part: str = ""  # the member of a ZIP archive, or the sheet of a workbook

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

    def message(self) -> str:
        return str(CODES[self.code].message) % _Params(self.params)

    def fix(self) -> str:
        return str(CODES[self.code].fix) % _Params(self.params)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        return cls(**data)

    def key(self) -> tuple[int | None, str | None, str]:
        """What tests assert: (row, column, code)."""
        return (self.row, self.column, self.code)


class _Params(dict):
    """Missing parameters print as "?" rather than breaking a page."""

    def __missing__(self, key: str) -> str:
        return "?"


@dataclass
class Report:
    """One file's check: what it is and what was found. Stored as JSON with the version."""

    format: str = ""  # detected from content: csv, xlsx, ods, json, xml, geojson, zip, …
    encoding: str = ""  # text formats: the detected encoding ("utf-8", "windows-1251", …)
    delimiter: str = ""  # CSV only
    rows: int = 0  # data rows, header excluded
    columns: list[str] = field(default_factory=list)
    schema: dict[str, Any] | None = None  # Table Schema inferred (first version) or used
    findings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0

    def by_severity(self, severity: Severity) -> list[Finding]:
        return [f for f in self.findings if f.severity == severity]

    @property
    def blocking(self) -> list[Finding]:
        return self.by_severity(Severity.BLOCKING)

    @property
    def errors(self) -> list[Finding]:
        return self.by_severity(Severity.ERROR)

    @property
    def warnings(self) -> list[Finding]:
        return self.by_severity(Severity.WARNING)

    @property
    def passed(self) -> bool:
        return not self.errors and not self.blocking

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["findings"] = [f.as_dict() for f in self.findings]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        data = dict(data)
        data["findings"] = [Finding.from_dict(f) for f in data.get("findings", [])]
        return cls(**data)
