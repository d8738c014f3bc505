from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.core import audit
from radadata.core.errors import ValidationFailed
from radadata.core.validation import clean_or_raise
from radadata.registry import access
from radadata.registry.models import ApprovedListItem, Dataset, NationalListItem, Owner

NATIONAL_LIST_CSV = Path(__file__).resolve().parents[1] / "data" / "national_list.csv"


@transaction.atomic
def national_list_load(path: Path = NATIONAL_LIST_CSV) -> int:
    """Load or refresh the shipped national list (КМУ 835, local self-government part)."""
    count = 0
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            NationalListItem.objects.update_or_create(
                code=row["code"],
                defaults={"title": row["title"], "section": row["section"],
                          "unconfirmed": row["unconfirmed"].strip().lower() == "true",
                          "source": row["source"]},
            )
            count += 1
    return count


def _check_dataset_free(item: ApprovedListItem) -> None:
    if item.dataset_id and (ApprovedListItem.objects.filter(dataset_id=item.dataset_id)
                            .exclude(pk=item.pk).exists()):
        raise ValidationFailed({"dataset": [_("This dataset already fulfils another item of "
                                              "the approved list.")]})
    if item.national_item_id and (ApprovedListItem.objects
                                  .filter(national_item_id=item.national_item_id)
                                  .exclude(pk=item.pk).exists()):
        raise ValidationFailed({"national_item": [_("This national list item is already on "
                                                    "the approved list.")]})


@transaction.atomic
def approved_item_add(*, title: str = "", national_item: NationalListItem | None = None,
                      owner: Owner | None = None, dataset: Dataset | None = None,
                      by: User | None, at: dt.datetime) -> ApprovedListItem:
    access.require_office(by)
    title = (title or "").strip() or (national_item.title if national_item else "")
    if not title:
        raise ValidationFailed({"title": [_("Name the dataset that must be published.")]})
    position = (ApprovedListItem.objects.aggregate(m=Max("position"))["m"] or 0) + 1
    item = ApprovedListItem(title=title, national_item=national_item,
                            owner=owner or (dataset.owner if dataset else None), dataset=dataset,
                            position=position, added_at=at)
    _check_dataset_free(item)
    clean_or_raise(item)
    item.save()
    audit.record(actor=by, action="approved_list.added", obj=item, at=at,
                 changes={"title": [None, title],
                          "dataset": [None, str(dataset) if dataset else None]})
    return item


@transaction.atomic
def approved_item_update(*, item: ApprovedListItem, by: User | None, at: dt.datetime,
                         **fields) -> ApprovedListItem:
    access.require_office(by)
    allowed = {"title", "national_item", "owner", "dataset", "position"}
    before = audit.snapshot(item, tuple(allowed))
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(f"not editable: {name}")
        setattr(item, name, value)
    _check_dataset_free(item)
    clean_or_raise(item)
    item.save()
    changes = audit.diff(before, audit.snapshot(item, tuple(allowed)))
    if changes:
        audit.record(actor=by, action="approved_list.updated", obj=item, at=at, changes=changes)
    return item


@transaction.atomic
def approved_item_remove(*, item: ApprovedListItem, by: User | None, at: dt.datetime) -> None:
    access.require_office(by)
    audit.record(actor=by, action="approved_list.removed", obj=item, at=at,
                 changes={"title": [item.title, None]})
    item.delete()
