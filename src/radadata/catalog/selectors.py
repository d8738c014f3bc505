"""Reads of the public catalogue: what the dataset page adds to the registry's passport and
files (structure, previews, feedback, use counts), and the lists the officer works through."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet, Sum
from django.utils.translation import gettext as _

from radadata.catalog import preview, structure
from radadata.catalog.models import DailyCount, DataRequest, Feedback, Moderation, RequestState
from radadata.core.errors import NotFound
from radadata.registry.models import Dataset
from radadata.registry.selectors_office import ResourceFiles


@dataclass(frozen=True)
class UseTotals:
    views: int
    downloads: int


def use_totals(dataset: Dataset) -> UseTotals:
    sums = DailyCount.objects.filter(dataset=dataset).aggregate(v=Sum("views"),
                                                                d=Sum("downloads"))
    return UseTotals(views=sums["v"] or 0, downloads=sums["d"] or 0)


def shown_feedback(dataset: Dataset) -> QuerySet[Feedback]:
    """Messages the officer approved, oldest first, as a conversation reads."""
    return dataset.feedback.filter(state=Moderation.APPROVED).order_by("created_at", "id")


def dataset_structure(dataset: Dataset, resources: list[ResourceFiles]
                      ) -> structure.DatasetStructure | None:
    return structure.dataset_structure(dataset, [rf.current for rf in resources])


@dataclass(frozen=True)
class ResourcePreview:
    title: str
    preview: preview.Preview


def previews(resources: list[ResourceFiles]) -> list[ResourcePreview]:
    """The first rows of each resource's current version the page shows (the published one
    for the public: a waiting file is never read), in resource order."""
    result = []
    for rf in resources:
        found = preview.preview(rf.current)
        if found is not None:
            result.append(ResourcePreview(title=rf.resource.title, preview=found))
    return result


def feedback_for_office(*, state: str = "") -> QuerySet[Feedback]:
    items = Feedback.objects.select_related("dataset", "moderated_by")
    if state in Moderation.values:
        items = items.filter(state=state)
    return items


def pending_feedback_count() -> int:
    return Feedback.objects.filter(state=Moderation.PENDING).count()


def feedback_item(pk: int) -> Feedback:
    item = Feedback.objects.select_related("dataset").filter(pk=pk).first()
    if item is None:
        raise NotFound(_("No such message."))
    return item


def data_requests(*, state: str = "") -> QuerySet[DataRequest]:
    items = DataRequest.objects.select_related("dataset")
    if state in RequestState.values:
        items = items.filter(state=state)
    return items


def data_request(pk: int) -> DataRequest:
    item = DataRequest.objects.select_related("dataset").filter(pk=pk).first()
    if item is None:
        raise NotFound(_("No such data request."))
    return item
