"""Moderation follow-up: the worker asks the portal what its moderator decided about each
uploaded package and records it in the workflow, with the portal's date, as the officer would
(states: portal_approve, portal_reject, publish; by None = the system). Manual entry stays:
a step someone recorded by hand meanwhile is simply not recorded again.

Where data.gov.ua keeps the moderator's answer is not documented (REGULATION-NOTES §7); the
fields read are listed below, first found wins. A portal with no moderation field (a plain
CKAN, our own /api/3) publishes at once: an active, public package is published.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from radadata.core.errors import Conflict, DomainError
from radadata.jobs.schedule import periodic
from radadata.portal_sync import mapping, selectors, services
from radadata.portal_sync.client import PortalClient, PortalError
from radadata.portal_sync.models import DatasetSync, Moderation
from radadata.workflow.services import submission_transition
from radadata.workflow.states import Action, State

log = logging.getLogger(__name__)

STATUS_KEYS = ("moderation_status", "moderation_state")
DATE_KEYS = ("moderation_date", "moderated_at")
REASON_KEYS = ("moderation_comment", "moderation_reason", "rejection_reason")
ANSWERS = {
    "pending": Moderation.PENDING, "on_moderation": Moderation.PENDING,
    "new": Moderation.PENDING, "draft": Moderation.PENDING,
    "approved": Moderation.APPROVED, "accepted": Moderation.APPROVED,
    "rejected": Moderation.REJECTED, "declined": Moderation.REJECTED,
    "published": Moderation.PUBLISHED,
}
#: (submission state, portal answer) → the workflow action that records it.
STEPS = {
    (State.UPLOADED, Moderation.APPROVED): Action.PORTAL_APPROVE,
    (State.UPLOADED, Moderation.REJECTED): Action.PORTAL_REJECT,
    (State.UPLOADED, Moderation.PUBLISHED): Action.PUBLISH,
    (State.PORTAL_APPROVED, Moderation.REJECTED): Action.PORTAL_REJECT,
    (State.PORTAL_APPROVED, Moderation.PUBLISHED): Action.PUBLISH,
}


@dataclass(frozen=True)
class Answer:
    status: Moderation
    at: dt.datetime | None
    reason: str = ""
    #: Read from a moderation field (not inferred from a plain CKAN package's state).
    explicit: bool = True


def _value(package: dict[str, Any], keys: tuple[str, ...]) -> Any:
    extras = {e.get("key"): e.get("value") for e in package.get("extras") or []
              if isinstance(e, dict)}
    for key in keys:
        for source in (package, extras):
            if source.get(key) not in (None, ""):
                return source[key]
    return None


def portal_answer(package: dict[str, Any]) -> Answer:
    raw = _value(package, STATUS_KEYS)
    modified = mapping.parse_timestamp(package.get("metadata_modified"))
    if raw is not None:
        status = ANSWERS.get(str(raw).strip().lower(), Moderation.PENDING)
        when = mapping.parse_timestamp(_value(package, DATE_KEYS)) or modified
        return Answer(status=status, at=when, reason=str(_value(package, REASON_KEYS) or ""))
    public = package.get("state", "active") == "active" and not package.get("private")
    return Answer(status=Moderation.PUBLISHED if public else Moderation.PENDING, at=modified,
                  explicit=False)


def _when(answer: Answer, uploaded_at: dt.datetime | None, now: dt.datetime) -> dt.datetime:
    """The portal's date, kept between the upload and now (clocks differ)."""
    when = answer.at or now
    if uploaded_at is not None:
        when = max(when, uploaded_at)
    return min(when, now)


def follow(sync: DatasetSync, package: dict[str, Any], *, at: dt.datetime) -> Action | None:
    """Record the portal's answer for one package; the action recorded, if any."""
    answer = portal_answer(package)
    services.sync_record_moderation(sync=sync, moderation=answer.status, at=at)
    submission = sync.dataset.submissions.filter(state__in=selectors.AWAITING_MODERATION).first()
    if submission is None:
        return None
    action = STEPS.get((State(submission.state), answer.status))
    if action is None:
        return None
    if (answer.explicit and answer.at and sync.remote_modified
            and answer.at <= sync.remote_modified):
        return None  # an answer about the package before our last push (say, last year's)
    note = answer.reason.strip()
    if action == Action.PORTAL_REJECT and not note:
        note = _("The portal administrator rejected the dataset; the portal gave no reason. "
                 "Read it in the organisation's cabinet on the portal.")
    try:
        submission_transition(submission=submission, action=action, by=None,
                              at=_when(answer, submission.uploaded_at, at), note=note,
                              expected_state=submission.state)
    except Conflict:
        return None  # recorded by hand a moment ago
    return action


def _poll(client: PortalClient, sync: DatasetSync, at: dt.datetime) -> Action | None:
    package = client.show_or_none("package_show", id=sync.remote_id)
    if package is None:
        return None  # deleted on the portal: the drift check reports it
    return follow(sync, package, at=at)


@periodic("portal_sync.poll", every=dt.timedelta(minutes=30))
def poll_moderation(*, at: dt.datetime) -> int:
    """Ask about every package awaiting moderation; returns how many answers were recorded.
    Idempotent: an answer already recorded finds the submission past that step."""
    try:
        conn = selectors.usable_connection()
    except DomainError:
        return 0
    recorded = 0
    with selectors.client_for(conn) as client:
        for sync in selectors.awaiting_moderation():
            try:
                recorded += _poll(client, sync, at) is not None
            except PortalError as error:
                log.warning("moderation poll of %s: %s", sync.remote_name, error.message)
    return recorded
