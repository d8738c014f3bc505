"""The portal's part of the workflow pages (the dataset panel, the submission page): the sync
state and the "push to the portal" button. Workflow templates load these tags, so the workflow
never imports portal_sync."""

from __future__ import annotations

from django import template

from radadata.portal_sync import selectors
from radadata.portal_sync.client import FIELD_LABELS
from radadata.portal_sync.models import PortalConnection
from radadata.registry import access
from radadata.registry.models import Dataset
from radadata.workflow.models import Submission
from radadata.workflow.states import State

register = template.Library()


@register.filter
def portal_field(key: str) -> str:
    """A portal field's name as the passport calls it."""
    return str(FIELD_LABELS.get(key, key))


@register.inclusion_tag("portal_sync/_panel.html", takes_context=True)
def portal_panel(context: template.Context, dataset: Dataset,
                 submission: Submission | None = None) -> dict:
    request = context["request"]
    if not access.is_office(request.user):
        return {"show": False}
    sync = selectors.sync_of(dataset)
    state = submission.state if submission is not None else ""
    return {
        "show": True,
        "request": request,
        "csrf_token": context.get("csrf_token"),  # an inclusion tag does not inherit it
        "dataset": dataset,
        "sync": sync,
        "state": selectors.shown_state(sync, None),
        "connection": PortalConnection.current(),
        "pushable": selectors.is_pushable(dataset),
        "submission": submission,
        "at_upload_step": state in selectors.UPLOAD_STEP,
        "needs_accept": state == State.RECEIVED,
        "drift": sync.drift if sync else {},
    }
