"""What the DCAT-AP documents show: published datasets only (drafts answer 404 in every
format), in a stable order so that the catalogue's pages do not shift between requests."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from django.db.models import Max
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from radadata.core.errors import NotFound, ValidationFailed
from radadata.registry import selectors
from radadata.registry.models import Dataset

#: Datasets per catalogue page, as ckanext-dcat pages its catalogue.
PAGE_SIZE = 100


@dataclass(frozen=True)
class CataloguePage:
    datasets: list[Dataset]
    number: int
    last: int
    total: int
    size: int
    modified: dt.datetime | None


def page_number(raw: str | None) -> int:
    if raw is None or raw == "":
        return 1
    if not raw.isdigit() or int(raw) < 1:
        raise ValidationFailed({"page": [_("The page must be a whole number from 1 up.")]})
    return int(raw)


def catalogue_page(number: int, size: int | None = None) -> CataloguePage:
    """One page of the published datasets; NotFound past the last page (an empty catalogue
    still has its first page)."""
    size = size or PAGE_SIZE
    published = selectors.published_datasets()
    total = published.count()
    last = max(1, math.ceil(total / size))
    if number > last:
        raise NotFound(_("There is no such page of the catalogue."))
    start = (number - 1) * size
    modified = published.aggregate(
        m=Max(Coalesce("last_modified_at", "first_published_at")))["m"]
    return CataloguePage(datasets=list(published[start:start + size]), number=number,
                         last=last, total=total, size=size, modified=modified)


def published_dataset(name: str) -> Dataset:
    dataset = selectors.published_datasets().filter(name=name).first()
    if dataset is None:
        raise NotFound(_("No such dataset."))
    return dataset
