"""The checks' part of the registry's dataset page. Registry code must not import the checks
(the dependency points the other way), so its templates load these tags instead."""

from __future__ import annotations

from django import template

from radadata.checks import selectors
from radadata.registry.models import Dataset, ResourceVersion

register = template.Library()


@register.inclusion_tag("checks/_panel.html", takes_context=True)
def version_check(context: template.Context, version: ResourceVersion) -> dict:
    """The check of a file version: progress while it runs, then the findings and actions."""
    return {
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),  # an inclusion tag does not inherit it
        "view": selectors.check_view(version, user=context["request"].user),
    }


@register.inclusion_tag("checks/_structure_link.html")
def dataset_structure(dataset: Dataset) -> dict:
    view = selectors.structure_view(dataset)
    return {"dataset": dataset, "view": view}


@register.simple_tag
def unanswered_personal_data(dataset: Dataset) -> list[str]:
    """Columns presumed lawful that wait for the owner's answer (for the officer's queue)."""
    return selectors.unanswered_warnings(dataset)
