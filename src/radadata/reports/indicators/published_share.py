from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from radadata.registry.models import Owner
from radadata.reports.snapshot import DatasetAsOf, Snapshot

from .base import Indicator, IndicatorValue


class PublishedShare(Indicator):
    code = "published_share"
    title = _("Published share of the approved list")
    measures = _("Entries of the approved list assigned to the owner whose dataset is published.")
    how_to_improve = _("Prepare the datasets of the list that are not published yet and submit "
                       "them with a cover letter; a new dataset is due within 10 days (§6.18).")
    not_applicable = _("No entry of the approved list is assigned to this owner.")

    def value(self, snapshot: Snapshot, datasets: list[DatasetAsOf],
              owner: Owner) -> IndicatorValue:
        items = snapshot.items_of(owner.pk)
        lacking = tuple(item.title for item in items if not snapshot.item_published(item))
        return IndicatorValue(len(items) - len(lacking), len(items), lacking)
