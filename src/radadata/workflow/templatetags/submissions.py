"""The workflow's part of the registry's dataset page. Registry code must not import the
workflow (the dependency points the other way), so its templates load these tags instead."""

from __future__ import annotations

from django import template

from radadata.registry import access
from radadata.registry.models import Dataset, ResourceVersion
from radadata.registry.vocabularies import DatasetStatus
from radadata.workflow import selectors
from radadata.workflow.forms import OpenForm
from radadata.workflow.models import Submission

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
        "submissions": list(selectors.dataset_submissions(dataset)),
    }


@register.simple_tag
def submission_of_version(version: ResourceVersion) -> Submission | None:
    return selectors.submission_of_version(version)
