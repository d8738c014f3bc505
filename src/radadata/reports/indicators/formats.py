from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from radadata.registry.models import Owner
from radadata.registry.vocabularies import DataType
from radadata.reports.snapshot import DatasetAsOf, Snapshot

from .base import Indicator, IndicatorValue, published, value_of

#: Formats a program reads field by field (§5.2 lists them with the documents and pictures).
MACHINE_READABLE = frozenset({
    "CSV", "JSON", "XML", "RDF", "XLS", "XLSX", "ODS", "YAML", "GEOJSON", "GTFS", "GTFS-RT",
    "SHP", "GPX", "KML", "DMF", "MID", "MIF", "DXF", "GEOTIFF", "LOC", "ARINC", "AIXM",
})


class MachineReadableFormats(Indicator):
    code = "machine_readable"
    title = _("Machine-readable formats")
    measures = _("Published structured datasets whose every public file is in a "
                 "machine-readable format (CSV, JSON, XML, XLSX…), not a scan or a text "
                 "document.")
    how_to_improve = _("Publish the table itself as CSV or XLSX next to (or instead of) the PDF "
                       "or DOC file; a scan cannot be read by a program.")
    not_applicable = _("The owner has no published structured dataset with files.")

    def value(self, snapshot: Snapshot, datasets: list[DatasetAsOf],
              owner: Owner) -> IndicatorValue:
        tables = [d for d in published(datasets)
                  if d.data_type in (DataType.STRUCTURED, DataType.GEO) and d.formats]
        return value_of([d for d in tables if set(d.formats) <= MACHINE_READABLE],
                        [d for d in tables if not set(d.formats) <= MACHINE_READABLE])
