from __future__ import annotations

from django import template

from radadata.registry.models import Dataset
from radadata.structures import selectors

register = template.Library()


@register.inclusion_tag("structures/_dataset.html")
def dataset_national_structure(dataset: Dataset, office: bool = False) -> dict:
    """Which national structure the dataset follows (office: with the link to change it)."""
    return {"dataset": dataset, "following": selectors.following(dataset), "office": office}


@register.simple_tag
def national_structure_ids(datasets) -> dict[int, str]:
    """dataset id → the national structure id it follows, for a page of a list (one query)."""
    return selectors.following_ids([d.pk for d in datasets])


@register.filter
def followed(ids: dict[int, str], dataset: Dataset) -> str:
    return ids.get(dataset.pk, "") if ids else ""


@register.inclusion_tag("structures/_dashboard_card.html")
def national_structures_card(user) -> dict:
    """The dashboard's card: published tables that follow a national structure and pass."""
    return {"share": selectors.share_for(user)}
