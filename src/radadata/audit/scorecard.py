"""The council against the criteria checked from outside: the КМУ 409 indicators, the share of
the approved and of the national list, national structures, timeliness (the portal's «Не
оновлений»: overdue against the declared periodicity), passports, structure files, formats,
the portal cabinet, the approved order, the site's open-data page; and a quality score per
dataset with its parts (after udata's quality criteria and the data.europa.eu metadata
quality dimensions, adapted). Every criterion says how to reach it and lists what falls short.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from radadata.registry.models import (
    ApprovedListItem,
    Council,
    Dataset,
    Owner,
    ResourceVersion,
    Structure,
)
from radadata.registry.selectors import contact_point, responsible_by_owner
from radadata.registry.vocabularies import DataType
from radadata.reports.indicators import INDICATORS
from radadata.reports.indicators.formats import MACHINE_READABLE
from radadata.reports.periods import year_as_of
from radadata.reports.snapshot import Snapshot, take_snapshot


@dataclass(frozen=True)
class Criterion:
    code: str
    title: str
    how_to: str
    numerator: int
    denominator: int
    lacking: tuple[str, ...] = ()
    note: str = ""

    @property
    def percent(self) -> int | None:
        return round(100 * self.numerator / self.denominator) if self.denominator else None

    @property
    def met(self) -> bool:
        return bool(self.denominator) and self.numerator == self.denominator


#: The parts of a dataset's quality score and their weights (they add up to 100).
QUALITY_PARTS = (
    ("description", _("description of at least 100 characters"), 15),
    ("periodicity", _("update periodicity declared"), 10),
    ("on_time", _("updated on time"), 20),
    ("open_format", _("machine-readable open format"), 15),
    ("structure", _("structure file"), 15),
    ("licence", _("open licence (§7: every dataset of the site)"), 5),
    ("contact", _("contact person with an e-mail"), 10),
    ("no_blocking", _("no finding that blocks publication"), 10),
)


@dataclass
class DatasetQuality:
    dataset: Dataset
    parts: dict[str, bool] = field(default_factory=dict)

    @property
    def score(self) -> int:
        return sum(weight for code, _label, weight in QUALITY_PARTS if self.parts.get(code))

    @property
    def missing(self) -> list[str]:
        return [str(label) for code, label, _w in QUALITY_PARTS if not self.parts.get(code)]


@dataclass
class Scorecard:
    today: dt.date
    criteria: list[Criterion]
    quality: list[DatasetQuality]

    @property
    def met(self) -> int:
        return sum(1 for c in self.criteria if c.met)

    @property
    def quality_average(self) -> int | None:
        if not self.quality:
            return None
        return round(sum(q.score for q in self.quality) / len(self.quality))

    def criterion(self, code: str) -> Criterion | None:
        return next((c for c in self.criteria if c.code == code), None)


def _blocked_ids() -> set[int]:
    newest = (ResourceVersion.objects.values("resource").annotate(last=Max("id"))
              .values_list("last", flat=True))
    return set(ResourceVersion.objects.filter(id__in=list(newest), check_run__blocking__gt=0)
               .values_list("resource__dataset_id", flat=True))


def dataset_quality(*, today: dt.date, snapshot: Snapshot | None = None
                    ) -> list[DatasetQuality]:
    """Every published dataset with the parts of its quality score, lowest score first."""
    snapshot = snapshot or take_snapshot(as_of=today)
    published = [d for d in snapshot.datasets.values() if d.published]
    datasets = {d.pk: d for d in Dataset.objects.filter(pk__in=[d.pk for d in published])
                .select_related("responsible", "owner")}
    structured = set(Structure.objects.filter(dataset__in=list(datasets))
                     .exclude(schema={}).values_list("dataset_id", flat=True))
    people = responsible_by_owner()
    blocked = _blocked_ids()
    result = []
    for row in published:
        dataset = datasets[row.pk]
        person = contact_point(dataset, people)
        formats = set(row.formats)
        result.append(DatasetQuality(dataset=dataset, parts={
            "description": len((dataset.description or "").strip()) >= 100,
            "periodicity": bool(dataset.periodicity),
            "on_time": not row.overdue,
            "open_format": bool(formats) and formats <= MACHINE_READABLE,
            "structure": row.pk in structured or row.data_type not in (DataType.STRUCTURED,
                                                                       DataType.GEO),
            "licence": True,
            "contact": bool(person and person.email),
            "no_blocking": row.pk not in blocked,
        }))
    return sorted(result, key=lambda q: (q.score, q.dataset.title))


def _indicator_criteria(today: dt.date, snapshot: Snapshot) -> list[Criterion]:
    owners = list(Owner.objects.all())
    values = {owner.pk: [(indicator, indicator.compute(owner, today.year, today=today,
                                                       snapshot=snapshot))
                         for indicator in INDICATORS] for owner in owners}
    criteria = []
    for indicator in INDICATORS:
        if indicator.code == "published_share":
            continue  # counted council-wide below, with the entries that have no owner
        numerator = denominator = 0
        lacking: list[str] = []
        for owner in owners:
            for ind, value in values[owner.pk]:
                if ind.code == indicator.code:
                    numerator += value.numerator
                    denominator += value.denominator
                    lacking += list(value.lacking)
        criteria.append(Criterion(code=indicator.code, title=str(indicator.title),
                                  how_to=str(indicator.how_to_improve), numerator=numerator,
                                  denominator=denominator, lacking=tuple(lacking),
                                  note=str(_("КМУ 409 indicator"))))
    return criteria


def _list_criteria() -> list[Criterion]:
    entries = list(ApprovedListItem.objects.select_related("dataset", "national_item",
                                                           "dataset__responsible"))

    def title(entry: ApprovedListItem) -> str:
        return entry.title or (entry.national_item.title if entry.national_item else "")

    def published(entry: ApprovedListItem) -> bool:
        return bool(entry.dataset and entry.dataset.first_published_at)

    national = [e for e in entries if e.national_item_id]
    on_structure = set(Structure.objects.exclude(national_code="")
                       .values_list("dataset_id", flat=True))
    national_published = [e for e in national if published(e)]
    people = responsible_by_owner()

    def complete(entry: ApprovedListItem) -> bool:
        dataset = entry.dataset
        return bool(dataset and dataset.periodicity and contact_point(dataset, people))

    return [
        Criterion(code="approved_list", title=str(_("Published share of the approved list")),
                  how_to=str(_("Publish every dataset of the approved list; a new dataset is "
                               "due within 10 days (§6.18).")),
                  numerator=sum(1 for e in entries if published(e)), denominator=len(entries),
                  lacking=tuple(title(e) for e in entries if not published(e))),
        Criterion(code="national_list",
                  title=str(_("Published share of the national list (КМУ 835)")),
                  how_to=str(_("Link each entry of the approved list to its item of the "
                               "national list and publish it; after a change of the national "
                               "list, within 3 months (§2.12).")),
                  numerator=len(national_published), denominator=len(national),
                  lacking=tuple(title(e) for e in national if not published(e))),
        Criterion(code="national_structures",
                  title=str(_("Datasets on the national structures")),
                  how_to=str(_("Choose the national structure as the dataset's structure "
                               "instead of inventing one, and publish files that follow it.")),
                  numerator=sum(1 for e in national_published if e.dataset_id in on_structure),
                  denominator=len(national_published),
                  lacking=tuple(title(e) for e in national_published
                                if e.dataset_id not in on_structure)),
        Criterion(code="approved_order",
                  title=str(_("An approved order with the list, periodicity and responsible "
                              "people")),
                  how_to=str(_("Rank the candidates on the priorities page, make a proposal "
                               "and have the mayor sign the order with its annex; every entry "
                               "needs a dataset with a periodicity and a responsible person.")),
                  numerator=sum(1 for e in entries if complete(e)), denominator=len(entries),
                  lacking=tuple(title(e) for e in entries if not complete(e))),
    ]


def _cabinet() -> Criterion:
    from radadata.portal_sync.models import DatasetSync

    published = list(Dataset.objects.published().order_by("title"))
    pushed = set(DatasetSync.objects.exclude(remote_id="").values_list("dataset_id", flat=True))
    return Criterion(
        code="portal_cabinet", title=str(_("All datasets in the council's portal cabinet")),
        how_to=str(_("Connect the council's data.gov.ua cabinet on the portal page and push "
                     "every published dataset there (the Ministry's “single window”).")),
        numerator=sum(1 for d in published if d.pk in pushed), denominator=len(published),
        lacking=tuple(d.title for d in published if d.pk not in pushed))


def _site_page() -> Criterion:
    council = Council.current()
    has = bool(council.website)
    return Criterion(
        code="site_page", title=str(_("An open-data page on the council's site linking the "
                                      "registry")),
        how_to=str(_("Give the council's website on the council page, and put a page «Відкриті "
                     "дані» there that links this site's registry of datasets.")),
        numerator=int(has), denominator=1,
        lacking=() if has else (str(_("the council's website is not given")),),
        note=str(_("checked by hand: the system cannot read the council's site")))


def _quality_criterion(quality: list[DatasetQuality]) -> Criterion:
    good = [q for q in quality if q.score >= 80]
    return Criterion(
        code="quality", title=str(_("Datasets with a quality score of 80 or more")),
        how_to=str(_("Open each dataset listed and add what its score lacks: a description, "
                     "a structure, an open format, a contact, an update on time.")),
        numerator=len(good), denominator=len(quality),
        lacking=tuple(f"{q.dataset.title} ({q.score}: {', '.join(q.missing)})"
                      for q in quality if q.score < 80))


def scorecard(*, today: dt.date) -> Scorecard:
    # One reading of the registry as of today serves the indicators and the quality scores.
    snapshot = take_snapshot(as_of=year_as_of(today.year, today))
    quality = dataset_quality(today=today, snapshot=snapshot)
    lists = _list_criteria()
    criteria = [lists[0], lists[1], lists[2], *_indicator_criteria(today, snapshot), _cabinet(),
                lists[3], _site_page(), _quality_criterion(quality)]
    return Scorecard(today=today, criteria=criteria, quality=quality)
