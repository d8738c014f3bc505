"""The yearly state assessment (КМУ 409, §8.8): the indicators an owner can compute for itself
before the state does. What is known of the official card is in REGULATION-NOTES §2 (its
criteria 2–5 are not confirmed); these are the indicators the registry can measure.

Each indicator is one small class (djangoproject.com's dashboard Metric): a code, a title, how to
improve it, and compute(owner, year) -> a value with its numerator and denominator, worked out
from the registry as it stood at the end of the year (or today while the year runs).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import ClassVar

from django.utils.functional import Promise

from radadata.registry.models import Owner
from radadata.reports.periods import year_as_of
from radadata.reports.snapshot import DatasetAsOf, Snapshot, take_snapshot


@dataclass(frozen=True)
class IndicatorValue:
    numerator: int
    denominator: int
    #: The titles that keep the value down: what to work on first.
    lacking: tuple[str, ...] = field(default=())

    @property
    def share(self) -> float | None:
        """0..1, or None when nothing is there to measure."""
        return self.numerator / self.denominator if self.denominator else None

    @property
    def percent(self) -> int | None:
        return None if self.share is None else round(self.share * 100)


class Indicator:
    code: ClassVar[str]
    title: ClassVar[str | Promise]
    #: What is measured, in one sentence.
    measures: ClassVar[str | Promise]
    how_to_improve: ClassVar[str | Promise]
    #: Said when the denominator is 0 (the indicator does not apply yet).
    not_applicable: ClassVar[str | Promise]

    def compute(self, owner: Owner, year: int, *, today: dt.date,
                snapshot: Snapshot | None = None) -> IndicatorValue:
        """The value for `owner` in `year` (as of `today` while the year runs); pass
        `snapshot` to compute several indicators from one reading of the registry."""
        if snapshot is None:
            snapshot = take_snapshot(as_of=year_as_of(year, today), owner_ids=[owner.pk])
        return self.value(snapshot, snapshot.datasets_of(owner.pk), owner)

    def value(self, snapshot: Snapshot, datasets: list[DatasetAsOf],
              owner: Owner) -> IndicatorValue:
        raise NotImplementedError


def published(datasets: list[DatasetAsOf]) -> list[DatasetAsOf]:
    return [d for d in datasets if d.published]


def value_of(passed: list[DatasetAsOf], failed: list[DatasetAsOf]) -> IndicatorValue:
    return IndicatorValue(len(passed), len(passed) + len(failed),
                          tuple(d.title for d in failed))
