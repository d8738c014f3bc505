from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from radadata.checks.models import CheckRun, RunStatus
from radadata.registry.models import Owner
from radadata.registry.vocabularies import DataType
from radadata.reports.snapshot import DatasetAsOf, Snapshot
from radadata.structures.models import DatasetNationalStructure

from .base import Indicator, IndicatorValue, published, value_of


class NationalStructures(Indicator):
    """Published structured datasets that follow a national structure (КМУ 835) and whose
    newest checked file passed the check against it, as of the snapshot's moment."""

    code = "national_structures"
    title = _("Datasets that follow a national structure and pass")
    measures = _("Published structured datasets that follow a national structure (КМУ 835 "
                 "recommendations) and whose newest checked file passes the check against it.")
    how_to_improve = _("For each dataset listed below, pick its national structure in the office "
                       "(if one exists), fill its template and upload a file that passes.")
    not_applicable = _("The owner has no published structured dataset.")

    def value(self, snapshot: Snapshot, datasets: list[DatasetAsOf],
              owner: Owner) -> IndicatorValue:
        tables = [d for d in published(datasets)
                  if d.data_type in (DataType.STRUCTURED, DataType.GEO)]
        good = _passing(snapshot)
        return value_of([d for d in tables if d.pk in good],
                        [d for d in tables if d.pk not in good])


def _passing(snapshot: Snapshot) -> set[int]:
    """The datasets of the snapshot that follow a national structure and whose newest checked
    file passed, as of its moment: read once per snapshot (two queries), not once per owner."""
    memo = snapshot.__dict__.get("_national_passing")
    if memo is not None:
        return memo
    ids = [d.pk for d in published(list(snapshot.datasets.values()))
           if d.data_type in (DataType.STRUCTURED, DataType.GEO)]
    following = set(DatasetNationalStructure.objects.filter(
        dataset_id__in=ids, chosen_at__lte=snapshot.moment).values_list("dataset_id",
                                                                       flat=True))
    newest: dict[int, CheckRun] = {}
    for run in (CheckRun.objects.filter(version__resource__dataset_id__in=following,
                                        status=RunStatus.DONE,
                                        finished_at__lte=snapshot.moment)
                .select_related("version__resource").order_by("finished_at", "pk")):
        newest[run.version.resource.dataset_id] = run
    memo = {pk for pk in following if pk in newest and newest[pk].passed}
    snapshot.__dict__["_national_passing"] = memo
    return memo
