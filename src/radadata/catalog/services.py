"""Changes the public makes and the officer answers: feedback on a dataset (§6.15.4), requests
for data that is not published (§2.18), and the daily use counts.

Feedback and requests go through the usual door (keyword-only, `by`, `at`, one transaction,
one audit entry). The counts do not: a page view is not a change anybody answers for, so it
writes no audit entry, only one UPDATE of a counter."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.catalog.models import DailyCount, DataRequest, Feedback, Moderation, RequestState
from radadata.core import audit
from radadata.core.errors import Conflict, NotFound, ValidationFailed
from radadata.core.validation import clean_or_raise
from radadata.registry import access
from radadata.registry.models import Dataset

_ROBOT_MARKS = ("bot", "spider", "crawl")


# Feedback (§6.15.4) ----------------------------------------------------------------------

@transaction.atomic
def feedback_send(*, dataset: Dataset, text: str, author_name: str = "",
                  author_email: str = "", by: User | None, at: dt.datetime) -> Feedback:
    """Store a message about a published dataset; it waits for the officer's moderation."""
    if not Dataset.objects.published().filter(pk=dataset.pk).exists():
        raise NotFound(_("No such dataset."))
    feedback = Feedback(dataset=dataset, text=(text or "").strip(),
                        author_name=(author_name or "").strip(),
                        author_email=(author_email or "").strip(), created_at=at)
    if not feedback.text:
        raise ValidationFailed({"text": [_("Write your message.")]})
    clean_or_raise(feedback, exclude=["moderated_by"])
    feedback.save()
    # The audit log is read by staff: it records that a message came, not who wrote it.
    audit.record(actor=by, action="feedback.sent", obj=feedback, at=at, note=dataset.identifier)
    return feedback


@transaction.atomic
def feedback_moderate(*, feedback: Feedback, approve: bool, answer: str = "",
                      by: User | None, at: dt.datetime) -> Feedback:
    """Show the message on the dataset page (with the officer's public answer) or hide it."""
    access.require_office(by)
    before = audit.snapshot(feedback, ["state", "answer"])
    feedback.state = Moderation.APPROVED if approve else Moderation.REJECTED
    feedback.answer = (answer or "").strip()
    feedback.moderated_by = by if getattr(by, "pk", None) else None
    feedback.moderated_at = at
    clean_or_raise(feedback)
    feedback.save()
    audit.record(actor=by, action="feedback.moderated", obj=feedback, at=at,
                 changes=audit.diff(before, audit.snapshot(feedback, ["state", "answer"])),
                 note=feedback.dataset.identifier)
    return feedback


# Data requests (§2.18) -------------------------------------------------------------------

@transaction.atomic
def request_send(*, title: str, reason: str = "", contact_name: str = "",
                 contact_email: str = "", by: User | None, at: dt.datetime) -> DataRequest:
    """Anyone asks for data that is not published; the request is listed publicly at once."""
    data_request = DataRequest(title=" ".join((title or "").split()),
                               reason=(reason or "").strip(),
                               contact_name=(contact_name or "").strip(),
                               contact_email=(contact_email or "").strip(), created_at=at)
    if not data_request.title:
        raise ValidationFailed({"title": [_("Say what data you need.")]})
    clean_or_raise(data_request, exclude=["dataset", "answered_by"])
    data_request.save()
    audit.record(actor=by, action="data_request.sent", obj=data_request, at=at)
    return data_request


@transaction.atomic
def request_answer(*, data_request: DataRequest, answer: str, state: str,
                   dataset: Dataset | None = None, by: User | None,
                   at: dt.datetime) -> DataRequest:
    """The officer's public answer; "published" points to the dataset that answers it."""
    access.require_office(by)
    answer = (answer or "").strip()
    errors: dict[str, list[str]] = {}
    if state not in RequestState.values or state == RequestState.NEW:
        errors["state"] = [_("Choose answered, published or declined.")]
    if not answer:
        errors["answer"] = [_("Write the answer the public will read.")]
    if state == RequestState.PUBLISHED and dataset is None:
        errors["dataset"] = [_("Choose the published dataset that answers the request.")]
    if dataset is not None and not Dataset.objects.published().filter(pk=dataset.pk).exists():
        errors["dataset"] = [_("This dataset is not published yet; link it once it is.")]
    if errors:
        raise ValidationFailed(errors)
    fields = ["state", "answer", "dataset"]
    before = audit.snapshot(data_request, fields)
    data_request.answer = answer
    data_request.state = state
    data_request.dataset = dataset
    data_request.answered_by = by if getattr(by, "pk", None) else None
    data_request.answered_at = at
    clean_or_raise(data_request)
    data_request.save()
    audit.record(actor=by, action="data_request.answered", obj=data_request, at=at,
                 changes=audit.diff(before, audit.snapshot(data_request, fields)))
    return data_request


# Use counts ------------------------------------------------------------------------------

def is_counted(*, method: str, user_agent: str) -> bool:
    """Only real GETs by people count: HEAD (link checkers) and obvious robots do not."""
    agent = (user_agent or "").lower()
    return method == "GET" and not any(mark in agent for mark in _ROBOT_MARKS)


def _increment(dataset: Dataset, day: dt.date, field: str) -> None:
    # One UPDATE ... SET n = n + 1: two requests at once never lose a count. The row of the
    # day is created on first use; if another request created it first, the unique
    # constraint says so and the UPDATE is simply repeated.
    rows = DailyCount.objects.filter(dataset=dataset, day=day)
    if rows.update(**{field: F(field) + 1}):
        return
    try:
        with transaction.atomic():
            DailyCount.objects.create(dataset=dataset, day=day, **{field: 1})
    except IntegrityError:
        if not rows.update(**{field: F(field) + 1}):
            raise Conflict(_("The use count could not be recorded.")) from None


def count_view(*, dataset: Dataset, day: dt.date) -> None:
    """One view of the dataset's public page. Nothing about the person is kept."""
    if dataset.is_published:
        _increment(dataset, day, "views")


def count_download(*, dataset: Dataset, day: dt.date) -> None:
    """One download of a file of the dataset."""
    if dataset.is_published:
        _increment(dataset, day, "downloads")
