"""The one change an import makes that no other service makes: recording a publication that
happened before the registry was kept here, with the date the council's own list gives."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.core import audit
from radadata.core.errors import Conflict
from radadata.registry import access
from radadata.registry.models import Dataset
from radadata.registry.services.datasets import DATASET_FIELDS
from radadata.registry.vocabularies import DatasetStatus


def start_of_day(day: dt.date) -> dt.datetime:
    """Midnight of `day` in the council's time zone (what the exports print back as that day)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


@transaction.atomic
def dataset_record_publication(*, dataset: Dataset, published_on: dt.date, by: User | None,
                               at: dt.datetime) -> Dataset:
    """Mark the dataset published on `published_on` (its date of first publication)."""
    access.require_office(by)
    if dataset.status == DatasetStatus.ARCHIVED:
        raise Conflict(_("An archived dataset is no longer updated; restore it first."))
    before = audit.snapshot(dataset, DATASET_FIELDS)
    was_published = dataset.status == DatasetStatus.PUBLISHED
    first = start_of_day(published_on)
    dataset.status = DatasetStatus.PUBLISHED
    dataset.first_published_at = first
    if dataset.last_modified_at is None or dataset.last_modified_at < first:
        dataset.last_modified_at = first
    dataset.updated_at = at
    dataset.save()
    audit.record(actor=by, action="dataset.updated" if was_published else "dataset.published",
                 obj=dataset, at=at, changes=audit.diff(before, audit.snapshot(dataset,
                                                                               DATASET_FIELDS)),
                 note=_("Date of first publication from the imported registry."))
    return dataset
