"""THE publishing workflow (§6): every state, every action, and which action moves a submission
from which state to which, who may do it, and what must hold first. Nothing else in the code
decides a transition; services.submission_transition() reads this table.

    draft ─submit→ checking ─checks pass→ received ─accept→ accepted ─upload→ uploaded
                        └─checks fail→ returned ←return─┘                     │
    uploaded ─portal approve→ portal approved ─publish→ published             │
    uploaded/portal approved ─portal reject→ portal rejected ─upload/resubmit→ …

docs/workflow.md is generated from TRANSITIONS (a test keeps it in step).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    DRAFT = "draft", _("draft")
    CHECKING = "checking", _("being checked")
    RECEIVED = "received", _("received by the officer")
    RETURNED = "returned", _("returned to the owner")
    ACCEPTED = "accepted", _("accepted for upload")
    UPLOADED = "uploaded", _("uploaded to the portal")
    PORTAL_APPROVED = "portal_approved", _("approved by the portal administrator")
    PORTAL_REJECTED = "portal_rejected", _("rejected by the portal administrator")
    PUBLISHED = "published", _("published")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Action(models.TextChoices):
    SUBMIT = "submit", _("submit")
    CHECKS_PASS = "checks_pass", _("checks passed")
    CHECKS_FAIL = "checks_fail", _("checks failed")
    ACCEPT = "accept", _("accept")
    RETURN = "return", _("return to the owner")
    RESUBMIT = "resubmit", _("submit again")
    UPLOAD = "upload", _("record the upload to the portal")
    PORTAL_APPROVE = "portal_approve", _("record approval by the portal administrator")
    PORTAL_REJECT = "portal_reject", _("record rejection by the portal administrator")
    PUBLISH = "publish", _("record publication on the portal")
    WITHDRAW = "withdraw", _("withdraw")


class Actor(models.TextChoices):
    """Who acts, relative to one submission (see services.actor_roles)."""

    SYSTEM = "system", _("the system (automatic checks)")
    OWNER = "owner", _("the owner's people (responsible person, substitute, editor)")
    OFFICE = "office", _("the open-data officer")
    PORTAL_EDITOR = "portal_editor", _("an editor of a §1.15.2 owner (§6.8)")


#: Open submissions: at most one per dataset (a database constraint enforces it).
OPEN = frozenset(State) - {State.PUBLISHED, State.WITHDRAWN}
#: Where a person may still add or replace files.
EDITABLE = frozenset({State.DRAFT, State.RETURNED, State.PORTAL_REJECTED})


@dataclass(frozen=True)
class Guard:
    """A condition on the submission; `message` says what to do when it fails (409)."""

    code: str
    test: Callable[..., bool]
    message: str


def _has_files(submission, note: str) -> bool:
    return submission.has_files()


def _has_note(submission, note: str) -> bool:
    return bool(note.strip())


HAS_FILES = Guard("no_files", _has_files,
                  _("Add at least one file of the dataset before submitting."))
NEEDS_REASON = Guard("reason_required", _has_note,
                     _("Write the reason: the owner reads it to know what to correct."))


@dataclass(frozen=True)
class Transition:
    target: State
    actors: frozenset[Actor]
    guards: tuple[Guard, ...] = field(default=())


OWNER_SIDE = frozenset({Actor.OWNER, Actor.OFFICE})
OFFICE = frozenset({Actor.OFFICE})
UPLOADERS = frozenset({Actor.OFFICE, Actor.PORTAL_EDITOR})
SYSTEM = frozenset({Actor.SYSTEM})

TRANSITIONS: dict[tuple[State, Action], Transition] = {
    (State.DRAFT, Action.SUBMIT): Transition(State.CHECKING, OWNER_SIDE, (HAS_FILES,)),
    (State.DRAFT, Action.WITHDRAW): Transition(State.WITHDRAWN, OWNER_SIDE),
    (State.CHECKING, Action.CHECKS_PASS): Transition(State.RECEIVED, SYSTEM),
    (State.CHECKING, Action.CHECKS_FAIL): Transition(State.RETURNED, SYSTEM),
    (State.RECEIVED, Action.ACCEPT): Transition(State.ACCEPTED, OFFICE),
    (State.RECEIVED, Action.RETURN): Transition(State.RETURNED, OFFICE, (NEEDS_REASON,)),
    # §6.8: a §1.15.2 owner's editor uploads its own data; the officer may accept and upload
    # in one step.
    (State.RECEIVED, Action.UPLOAD): Transition(State.UPLOADED, UPLOADERS),
    (State.RECEIVED, Action.WITHDRAW): Transition(State.WITHDRAWN, OWNER_SIDE),
    (State.RETURNED, Action.RESUBMIT): Transition(State.CHECKING, OWNER_SIDE, (HAS_FILES,)),
    (State.RETURNED, Action.WITHDRAW): Transition(State.WITHDRAWN, OWNER_SIDE),
    (State.ACCEPTED, Action.UPLOAD): Transition(State.UPLOADED, UPLOADERS),
    (State.ACCEPTED, Action.RETURN): Transition(State.RETURNED, OFFICE, (NEEDS_REASON,)),
    (State.ACCEPTED, Action.WITHDRAW): Transition(State.WITHDRAWN, OWNER_SIDE),
    (State.UPLOADED, Action.PORTAL_APPROVE): Transition(State.PORTAL_APPROVED, UPLOADERS),
    (State.UPLOADED, Action.PORTAL_REJECT): Transition(State.PORTAL_REJECTED, UPLOADERS,
                                                       (NEEDS_REASON,)),
    (State.UPLOADED, Action.PUBLISH): Transition(State.PUBLISHED, UPLOADERS),
    (State.PORTAL_APPROVED, Action.PUBLISH): Transition(State.PUBLISHED, UPLOADERS),
    (State.PORTAL_APPROVED, Action.PORTAL_REJECT): Transition(State.PORTAL_REJECTED, UPLOADERS,
                                                              (NEEDS_REASON,)),
    # After a rejection: the officer fixes and uploads again, or the owner sends new files.
    (State.PORTAL_REJECTED, Action.UPLOAD): Transition(State.UPLOADED, UPLOADERS),
    (State.PORTAL_REJECTED, Action.RESUBMIT): Transition(State.CHECKING, OWNER_SIDE,
                                                         (HAS_FILES,)),
    (State.PORTAL_REJECTED, Action.WITHDRAW): Transition(State.WITHDRAWN, OWNER_SIDE),
}


def actions_from(state: State) -> list[Action]:
    """The actions the table allows in `state`, in the order of Action."""
    return [action for action in Action if (state, action) in TRANSITIONS]
