from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from radadata.registry.models import Owner
from radadata.reports.snapshot import DatasetAsOf, Snapshot

from .base import Indicator, IndicatorValue, published, value_of


class Timeliness(Indicator):
    code = "timeliness"
    title = _("Timeliness of updates")
    measures = _("Published datasets with an update schedule that were not overdue: the next "
                 "update is due one period after the last (the dashboard's due dates).")
    how_to_improve = _("Update the overdue datasets first, then keep to their periodicity; the "
                       "reminders warn the responsible person before each due date. If a "
                       "dataset is no longer updated, mark it so instead of letting it lapse.")
    not_applicable = _("The owner has no published dataset with an update schedule.")

    def value(self, snapshot: Snapshot, datasets: list[DatasetAsOf],
              owner: Owner) -> IndicatorValue:
        scheduled = [d for d in published(datasets) if d.due is not None]
        return value_of([d for d in scheduled if not d.overdue],
                        [d for d in scheduled if d.overdue])
