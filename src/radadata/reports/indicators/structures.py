from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from radadata.registry.models import Owner, Structure
from radadata.registry.vocabularies import DataType
from radadata.reports.snapshot import DatasetAsOf, Snapshot

from .base import Indicator, IndicatorValue, published, value_of


class StructureFiles(Indicator):
    code = "structures"
    title = _("Structure files present")
    measures = _("Published structured datasets that have a structure describing their fields "
                 "(§6.6.2, §6.16), which the portal shows as the dataset's data dictionary.")
    how_to_improve = _("On each dataset listed below, choose its national structure if one "
                       "exists, or check the structure inferred from its file and save it.")
    not_applicable = _("The owner has no published structured dataset.")

    def value(self, snapshot: Snapshot, datasets: list[DatasetAsOf],
              owner: Owner) -> IndicatorValue:
        tables = [d for d in published(datasets)
                  if d.data_type in (DataType.STRUCTURED, DataType.GEO)]
        schemas = dict(Structure.objects.filter(dataset_id__in=[d.pk for d in tables])
                       .values_list("dataset_id", "schema"))
        has = {pk for pk, schema in schemas.items()
               if isinstance(schema, dict) and schema.get("fields")}
        return value_of([d for d in tables if d.pk in has],
                        [d for d in tables if d.pk not in has])
