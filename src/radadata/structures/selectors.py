"""Reads: which national structure a dataset follows, which one to propose, the shares."""

from __future__ import annotations

from dataclasses import dataclass

from radadata.checks.models import CheckRun, RunStatus
from radadata.registry import access
from radadata.registry.models import Dataset, Structure
from radadata.registry.vocabularies import DataType
from radadata.structures import catalog
from radadata.structures.catalog import NationalStructure
from radadata.structures.errors import StructureNotFound
from radadata.structures.models import DatasetNationalStructure
from radadata.structures.search import lemmas


@dataclass(frozen=True)
class Following:
    choice: DatasetNationalStructure
    structure: NationalStructure | None  # None: the edition is no longer shipped
    current: bool  # the dataset's structure is still the national one (not changed by hand)


def following(dataset: Dataset) -> Following | None:
    choice = DatasetNationalStructure.objects.filter(dataset=dataset).first()
    if choice is None:
        return None
    try:
        structure = catalog.get(choice.structure_id)
    except StructureNotFound:
        structure = None
    current = Structure.objects.filter(dataset=dataset, source=Structure.Source.NATIONAL,
                                       national_code=choice.structure_id).exists()
    return Following(choice, structure, current)


def proposals(dataset: Dataset, *, limit: int = 3) -> list[NationalStructure]:
    """The structures whose titles share most words with the national-list item the dataset's
    approved-list entry is linked to (else with the dataset's own title)."""
    item = getattr(dataset, "approved_item", None)
    national = getattr(item, "national_item", None) if item is not None else None
    text = national.title if national is not None else dataset.title
    words = {w for w in lemmas(text) if len(w) > 3}
    if not words:
        return []
    scored = []
    for structure in catalog.all_structures():
        own = {w for w in lemmas(structure.title) if len(w) > 3}
        shared = len(words & own)
        if shared and shared / len(own | words) >= 0.25:
            scored.append((shared / len(own | words), structure))
    scored.sort(key=lambda pair: -pair[0])
    return [structure for _score, structure in scored[:limit]]


def following_ids(dataset_ids: list[int]) -> dict[int, str]:
    """dataset id → the national structure id it follows (for lists)."""
    return dict(DatasetNationalStructure.objects.filter(dataset_id__in=dataset_ids)
                .values_list("dataset_id", "structure_id"))


@dataclass(frozen=True)
class Share:
    tables: int  # published structured (or geospatial) datasets
    following: int  # … of them following a national structure
    passing: int  # … and whose newest checked file passed

    @property
    def percent(self) -> int | None:
        return round(self.passing * 100 / self.tables) if self.tables else None


def share_for(user) -> Share:
    """For the datasets `user` may read: how many published tables follow a national
    structure and pass (the dashboard's card; the КМУ 409 indicator counts the same)."""
    tables = list(access.datasets_readable_by(user).published()
                  .filter(data_type__in=[DataType.STRUCTURED, DataType.GEO])
                  .values_list("pk", flat=True))
    following = set(DatasetNationalStructure.objects.filter(dataset_id__in=tables)
                    .values_list("dataset_id", flat=True))
    newest: dict[int, bool] = {}
    for dataset_id, errors, blocking in (
            CheckRun.objects.filter(version__resource__dataset_id__in=following,
                                    status=RunStatus.DONE)
            .order_by("finished_at", "pk")
            .values_list("version__resource__dataset_id", "errors", "blocking")):
        newest[dataset_id] = not errors and not blocking
    return Share(len(tables), len(following), sum(1 for ok in newest.values() if ok))
