"""Shared steps of the monitoring tests: datasets published on a given day, put on the approved
list, and carried through the workflow to a given state — all through the real services."""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

from radadata.accounts.models import User
from radadata.registry.models import Dataset
from radadata.registry.services import datasets as dataset_services
from radadata.registry.services import lists as list_services
from radadata.registry.services import resources as resource_services
from radadata.workflow import services as workflow_services
from radadata.workflow.models import Submission
from radadata.workflow.states import Action, State

KYIV = ZoneInfo("Europe/Kyiv")


def at(day: str, hour: int = 10) -> dt.datetime:
    """A moment of a day in Kyiv."""
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=KYIV)


def publish(dataset: Dataset, day: str) -> Dataset:
    return dataset_services.dataset_mark_published(dataset=dataset, by=None, at=at(day))


def put_on_list(dataset: Dataset, day: str = "2026-01-05") -> None:
    list_services.approved_item_add(title=dataset.title, dataset=dataset, by=None, at=at(day))


def upload(dataset: Dataset, *, by: User, day: str) -> None:
    """A new file from the owner's clerk: it waits for publication."""
    resource = dataset.resources.first() or resource_services.resource_create(
        dataset=dataset, title="Дані", by=by, at=at(day))
    resource_services.version_add(resource=resource, stream=io.BytesIO(b"id,name\n1,A\n"),
                                  filename="data.csv", by=by, at=at(day))


def submission_in(dataset: Dataset, state: State, *, by: User, officer: User,
                  day: str = "2026-03-02") -> Submission:
    """An update of the dataset carried to `state` (received, returned, uploaded or rejected)."""
    upload(dataset, by=by, day=day)
    moment = at(day)
    submission = workflow_services.submission_open(dataset=dataset, by=by, at=moment)

    def step(action: Action, who: User, note: str = "") -> Submission:
        return workflow_services.submission_transition(submission=submission, action=action,
                                                       by=who, at=moment, note=note)

    submission = step(Action.SUBMIT, by)
    if state == State.RETURNED:
        return step(Action.RETURN, officer, "Додайте адреси.")
    if state in (State.UPLOADED, State.PORTAL_REJECTED):
        submission = step(Action.UPLOAD, officer)
    if state == State.PORTAL_REJECTED:
        submission = step(Action.PORTAL_REJECT, officer, "Опис занадто короткий.")
    assert submission.state == state
    return submission
