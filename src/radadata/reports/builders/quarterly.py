"""A closed quarter as plain data for its two documents (§8.5): the summary for the working
group and the information for the mayor. Only the frozen figures and the stored texts are
read: the registry as it is now plays no part."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from radadata.registry.models import Council
from radadata.reports.models import QuarterClose
from radadata.reports.periods import Quarter


@dataclass(frozen=True)
class OwnerPart:
    figures: dict[str, Any]
    conclusions: str
    recommendations: str

    @property
    def name(self) -> str:
        return self.figures["name"]

    @property
    def has_problems(self) -> bool:
        f = self.figures
        return bool(f["overdue"] or f["unpublished_items"] or f["returned"] or f["rejected"])


@dataclass(frozen=True)
class QuarterlyReport:
    council_name: str
    quarter: Quarter
    as_of: dt.date
    summary: str
    owners: tuple[OwnerPart, ...]
    totals: dict[str, int]
    officer_position: str
    officer_name: str
    council_kind: str = ""


def quarterly_report(close: QuarterClose) -> QuarterlyReport:
    notes = {note.position: note for note in close.notes.all()}
    owners = []
    for n, figures in enumerate(close.figures.get("owners", []), start=1):
        note = notes.get(n)
        owners.append(OwnerPart(figures=figures,
                                conclusions=note.conclusions if note else "",
                                recommendations=note.recommendations if note else ""))
    officer = close.closed_by
    council = Council.current()
    return QuarterlyReport(
        council_name=council.name, council_kind=council.kind, quarter=close.period,
        as_of=close.as_of,
        summary=close.summary, owners=tuple(owners), totals=close.figures.get("totals", {}),
        officer_position=(officer.position if officer and officer.position
                          else "Відповідальний за відкриті дані"),
        officer_name=officer.full_name if officer else "")
