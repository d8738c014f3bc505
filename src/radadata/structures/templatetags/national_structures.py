from __future__ import annotations

from django import template

from radadata.registry.models import Dataset
from radadata.structures import selectors

register = template.Library()


@register.inclusion_tag("structures/_dataset.html")
def dataset_national_structure(dataset: Dataset, office: bool = False) -> dict:
    """Which national structure the dataset follows (office: with the link to change it)."""
    return {"dataset": dataset, "following": selectors.following(dataset), "office": office}
