"""The workflow's part of the registry's dataset page. Registry code must not import the
workflow (the dependency points the other way), so its templates load these tags instead."""

from __future__ import annotations

from django import template

from radadata.registry import access, formats
from radadata.registry.models import Dataset, Resource, ResourceVersion
from radadata.registry.vocabularies import DatasetStatus
from radadata.workflow import selectors
from radadata.workflow.forms import OpenForm
from radadata.workflow.models import FormatCopy, Submission

register = template.Library()


@register.inclusion_tag("workflow/_dataset_panel.html", takes_context=True)
def dataset_workflow(context: template.Context, dataset: Dataset) -> dict:
    """Submit for publication or an update, the open submission, archiving, the history."""
    user = context["request"].user
    current = selectors.open_submission(dataset)
    archived = dataset.status == DatasetStatus.ARCHIVED
    may_submit = current is None and not archived and selectors.may_submit(user, dataset)
    new = dataset.first_published_at is None
    return {
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),  # an inclusion tag does not inherit it
        "dataset": dataset,
        "current": current,
        "new": new,
        "open_form": OpenForm(new=new) if may_submit else None,
        "may_archive": not archived and access.is_office(user),
        "may_restore": archived and access.is_office(user),
        "submissions": list(selectors.dataset_submissions(dataset)),
    }


@register.simple_tag
def submission_of_version(version: ResourceVersion) -> Submission | None:
    return selectors.submission_of_version(version)


@register.inclusion_tag("workflow/_every_format.html", takes_context=True)
def every_format(context: template.Context, resource: Resource) -> dict:
    """On a file of the dataset's office page: «one file, every format» — the offer, or what
    this file is generated from, or which formats it makes."""
    copy = FormatCopy.objects.filter(resource=resource).select_related("source").first()
    copies = list(FormatCopy.objects.filter(source=resource).order_by("format")
                  .values_list("format", flat=True))
    current = resource.current_version
    return {
        "csrf_token": context.get("csrf_token"),
        "dataset": resource.dataset, "resource": resource, "copy": copy, "copies": copies,
        "others": [f for f in formats.TABLE_FORMATS
                   if current is not None and f != current.format.upper()],
        "offer": copy is None and not copies and current is not None
        and current.format.upper() in formats.TABLE_FORMATS,
    }
