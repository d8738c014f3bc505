"""КМУ 409 indicators: one small class each, in the explicit list the pages and the tests use."""

import datetime as dt
from collections.abc import Sequence

from radadata.registry.models import Owner
from radadata.reports.periods import year_as_of
from radadata.reports.snapshot import take_snapshot

from .base import Indicator, IndicatorValue
from .formats import MachineReadableFormats
from .national_structures import NationalStructures
from .passports import PassportCompleteness
from .published_share import PublishedShare
from .structures import StructureFiles
from .timeliness import Timeliness

INDICATORS: tuple[Indicator, ...] = (PublishedShare(), Timeliness(), PassportCompleteness(),
                                     StructureFiles(), MachineReadableFormats(),
                                     NationalStructures())

__all__ = ["INDICATORS", "Indicator", "IndicatorValue", "evaluate"]


def evaluate(owners: Sequence[Owner], year: int, *, today: dt.date
             ) -> dict[int, list[tuple[Indicator, IndicatorValue]]]:
    """Every indicator of every owner, from one reading of the registry."""
    snapshot = take_snapshot(as_of=year_as_of(year, today), owner_ids=[o.pk for o in owners])
    return {owner.pk: [(indicator, indicator.compute(owner, year, today=today,
                                                     snapshot=snapshot))
                       for indicator in INDICATORS]
            for owner in owners}
