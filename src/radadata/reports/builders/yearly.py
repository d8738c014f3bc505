"""The yearly report to the council (§8.5) as plain data: every figure from the registry as of
31 December (or today while the year runs), the words from the year's stored texts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Min, Sum
from django.db.models.functions import ExtractMonth
from django.utils.translation import gettext as _

from radadata.catalog.models import DailyCount
from radadata.core.errors import ValidationFailed
from radadata.registry.models import Council, Dataset
from radadata.reports.builders.figures import figures, share
from radadata.reports.periods import FIRST_YEAR, local_date, year_as_of
from radadata.reports.snapshot import take_snapshot
from radadata.reports.wording import council_genitive


@dataclass(frozen=True)
class OwnerRow:
    number: int
    name: str  # the short name, as the council's tables write it
    published: int
    on_moderation: int  # not published yet, waiting for the portal's moderation
    count_moderation: bool = True  # councils count them in (Council.reports_count_moderation)
    level: int = 0  # 1 for a unit under a body of the table

    @property
    def counted(self) -> int:
        return self.published + (self.on_moderation if self.count_moderation else 0)

    @property
    def published_cell(self) -> str | int:
        """ "12", "4 (на модерації)" (all four wait), "12 (з них 2 на модерації)"; counting
        published datasets only: "10 (ще 2 на модерації)"."""
        if not self.on_moderation:
            return self.published
        if not self.count_moderation:
            return f"{self.published} (ще {self.on_moderation} на модерації)"
        if not self.published:
            return f"{self.counted} (на модерації)"
        return f"{self.counted} (з них {self.on_moderation} на модерації)"


@dataclass(frozen=True)
class OwnerGroup:
    title: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class YearlyReport:
    council_name: str
    council_genitive: str
    city: str
    year: int
    as_of: dt.date
    texts: dict[str, str]
    registered: tuple[OwnerGroup, ...]  # owners registered on the portal, grouped
    published: int  # datasets on the portal (published; with those on moderation if counted)
    approved: int  # entries of the approved list
    approved_published: int  # of them published (or on moderation, if counted)
    rows: tuple[OwnerRow, ...]
    on_moderation: int
    new_by_month: tuple[int, ...]  # first publications, January to December
    views_by_month: tuple[int, ...]
    downloads_by_month: tuple[int, ...]
    count_moderation: bool = True
    council_kind: str = ""
    use_kept: bool = True  # views and downloads were counted during the year

    @property
    def share(self) -> float | None:
        return share(self.approved_published, self.approved)

    @property
    def registered_count(self) -> int:
        return sum(len(group.names) for group in self.registered)

    @property
    def total_published(self) -> int:
        return sum(row.counted for row in self.rows)


def check_year(year: int, *, today: dt.date) -> dt.date:
    """The report's date for `year`, or ValidationFailed saying which years have data."""
    if year > today.year:
        raise ValidationFailed({"year": [_("The year %(year)d has not begun yet; choose %(now)d "
                                           "or an earlier year.")
                                         % {"year": year, "now": today.year}]})
    first = first_year()
    if first is None:
        raise ValidationFailed({"year": [_("The registry is empty: register the datasets "
                                           "first, then build the report.")]})
    if year < max(first, FIRST_YEAR):
        raise ValidationFailed({"year": [_("There is no data for %(year)d: the registry holds "
                                           "datasets from %(first)d on. Choose a year from "
                                           "%(first)d.") % {"year": year, "first": first}]})
    return year_as_of(year, today)


def first_year() -> int | None:
    """The year the first dataset entered the registry."""
    first = Dataset.objects.aggregate(first=Min("registered_at"))["first"]
    return local_date(first).year if first else None


def yearly_report(year: int, *, today: dt.date, texts: dict[str, str]) -> YearlyReport:
    as_of = check_year(year, today=today)
    council = Council.current()
    counting = council.reports_count_moderation
    snapshot = take_snapshot(as_of=as_of)
    data = figures(snapshot, period_start=dt.date(year, 1, 1))
    owners = data["owners"]
    levels = _levels(owners)
    rows = tuple(OwnerRow(number=n, name=o["short_name"] or o["name"], published=o["published"],
                          on_moderation=o["new_on_moderation"], count_moderation=counting,
                          level=levels[o["owner_id"]])
                 for n, o in enumerate(owners, start=1))
    new_by_month = [0] * 12
    for dataset in snapshot.published():
        published_on = local_date(dataset.first_published_at)
        if published_on.year == year:
            new_by_month[published_on.month - 1] += 1
    views, downloads, kept = _use_by_month(year, as_of)
    totals = data["totals"]
    extra = totals["new_on_moderation"] if counting else 0
    extra_items = totals["approved_on_moderation"] if counting else 0
    return YearlyReport(
        council_name=council.name, council_genitive=council_genitive(council.name),
        city=council.city, year=year, as_of=as_of, texts=texts,
        registered=_registered_groups(owners, council.name),
        published=totals["published"] + extra, approved=totals["approved"],
        approved_published=totals["approved_published"] + extra_items, rows=rows,
        on_moderation=totals["new_on_moderation"], new_by_month=tuple(new_by_month),
        views_by_month=views, downloads_by_month=downloads, count_moderation=counting,
        council_kind=council.kind, use_kept=kept)


def _levels(owners: list[dict]) -> dict[int, int]:
    present = {o["owner_id"] for o in owners}
    return {o["owner_id"]: int(o.get("parent_id") in present) for o in owners}


def _registered_groups(owners: list[dict], council_name: str) -> tuple[OwnerGroup, ...]:
    """The owners registered on the portal, as the decisions list them: the executive bodies
    (each with the units that publish through it), then the enterprises and institutions."""
    by_id = {o["owner_id"]: o for o in owners}
    units: dict[int, list[str]] = {}
    for owner in owners:
        parent = by_id.get(owner.get("parent_id"))
        if (parent is not None and not owner["registered_on_portal"]
                and parent["registered_on_portal"] and owner["published"]
                + owner["new_on_moderation"]):
            units.setdefault(parent["owner_id"], []).append(owner["short_name"]
                                                            or owner["name"])

    def entry(owner: dict) -> str:
        name = owner["name"]
        if owner["owner_id"] in units:
            name += (" (оприлюднює також набори даних структурних підрозділів: "
                     f"{', '.join(units[owner['owner_id']])})")
        return name

    registered = [o for o in owners if o["registered_on_portal"]]
    groups = (
        OwnerGroup(f"Виконавчий комітет {council_genitive(council_name)} та його структурні "
                   "підрозділи", tuple(entry(o) for o in registered if not o["enterprise"])),
        OwnerGroup("Комунальні підприємства, установи та заклади",
                   tuple(entry(o) for o in registered if o["enterprise"])),
    )
    return tuple(group for group in groups if group.names)


def _use_by_month(year: int, as_of: dt.date
                  ) -> tuple[tuple[int, ...], tuple[int, ...], bool]:
    """Views of dataset pages and downloads of their files, summed per month (DailyCount), and
    whether any were counted that year at all (a council that moved in later kept none)."""
    rows = (DailyCount.objects.filter(day__gte=dt.date(year, 1, 1), day__lte=as_of)
            .annotate(month=ExtractMonth("day")).values("month")
            .annotate(views=Sum("views"), downloads=Sum("downloads")).order_by("month"))
    views, downloads = [0] * 12, [0] * 12
    kept = False
    for row in rows:
        kept = True
        views[row["month"] - 1] = row["views"] or 0
        downloads[row["month"] - 1] = row["downloads"] or 0
    return tuple(views), tuple(downloads), kept
