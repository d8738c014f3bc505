"""Shared steps of the report tests: owners and datasets registered, published and updated on
given days in Kyiv, and submissions carried to a state — all through the real services."""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

from radadata.accounts.models import User
from radadata.registry.models import Dataset, Owner
from radadata.registry.services import datasets as dataset_services
from radadata.registry.services import lists as list_services
from radadata.registry.services import owners as owner_services
from radadata.registry.services import resources as resource_services
from radadata.registry.vocabularies import OwnerKind, Periodicity
from radadata.workflow import services as workflow_services
from radadata.workflow.models import Submission
from radadata.workflow.states import Action, State
from tests.factories import valid_edrpou

KYIV = ZoneInfo("Europe/Kyiv")


def at(day: str, hour: int = 10) -> dt.datetime:
    """A moment of a day in Kyiv."""
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=KYIV)


def register(owner: Owner, title: str, *, day: str = "2025-10-01",
             periodicity: str = Periodicity.QUARTERLY, listed: bool = False,
             keywords: tuple[str, ...] = ("дані",), **optional) -> Dataset:
    dataset = dataset_services.dataset_register(
        owner=owner, title=title, description=f"Опис: {title}.",
        purpose="Закон України «Про доступ до публічної інформації».",
        periodicity=periodicity, created_on=dt.date.fromisoformat(day), keywords=keywords,
        by=None, at=at(day), **optional)
    if listed:
        list_services.approved_item_add(title=title, dataset=dataset, by=None, at=at(day, 11))
    return dataset


def add_file(dataset: Dataset, *, day: str, content: bytes = b"id,name\n1,A\n",
             filename: str = "data.csv", by: User | None = None) -> None:
    resource = dataset.resources.first() or resource_services.resource_create(
        dataset=dataset, title="Дані", by=by, at=at(day, 9))
    resource_services.version_add(resource=resource, stream=io.BytesIO(content),
                                  filename=filename, by=by, at=at(day, 9))


def publish(dataset: Dataset, day: str, *, with_file: bool = True) -> Dataset:
    """Publish (or, for a published dataset, update) with a new file on `day`."""
    if with_file:
        add_file(dataset, day=day)
    return dataset_services.dataset_mark_published(dataset=dataset, by=None, at=at(day, 12))


def submission_in(dataset: Dataset, state: State, *, clerk: User, officer: User,
                  day: str) -> Submission:
    """The dataset sent through the workflow on `day` up to `state`."""
    add_file(dataset, day=day, by=clerk)
    moment = at(day, 14)
    submission = workflow_services.submission_open(dataset=dataset, by=clerk, at=moment)

    def step(action: Action, who: User, note: str = "") -> Submission:
        return workflow_services.submission_transition(submission=submission, action=action,
                                                       by=who, at=moment, note=note)

    submission = step(Action.SUBMIT, clerk)
    if state == State.RETURNED:
        submission = step(Action.RETURN, officer, "Додайте адреси.")
    if state in (State.UPLOADED, State.PORTAL_REJECTED, State.PUBLISHED):
        submission = step(Action.UPLOAD, officer)
    if state == State.PORTAL_REJECTED:
        submission = step(Action.PORTAL_REJECT, officer, "Опис занадто короткий.")
    if state == State.PUBLISHED:
        submission = step(Action.PUBLISH, officer)
    assert submission.state == state
    return submission


def owner(name: str, *, day: str = "2025-01-10", **fields) -> Owner:
    """An owner entered in the registry on `day` (the factories' owners date from 2026)."""
    fields.setdefault("kind", OwnerKind.DEPARTMENT_LEGAL)
    if fields["kind"] != OwnerKind.DEPARTMENT:
        fields.setdefault("edrpou", valid_edrpou())
    return owner_services.owner_create(name=name, by=None, at=at(day), **fields)
