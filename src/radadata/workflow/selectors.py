"""Reads for the workflow pages: one submission with what a person may do with it, the
officer's queue, a person's submissions, a dataset's submissions, and notices.

What a person may do is computed from states.TRANSITIONS and their roles (roles.actor_roles);
no page decides it from the state by itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Case, Count, Exists, F, OuterRef, QuerySet, Value, When
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.checks.findings import Severity
from radadata.core.errors import NotFound
from radadata.registry import access
from radadata.registry.models import Dataset, Owner, OwnerMembership, ResourceVersion
from radadata.registry.vocabularies import MembershipRole, OwnerKind
from radadata.workflow import format_copies, services
from radadata.workflow.models import Notice, Submission, SubmissionEvent
from radadata.workflow.roles import actor_roles
from radadata.workflow.states import (
    EDITABLE,
    NEEDS_REASON,
    OPEN,
    TRANSITIONS,
    Action,
    Actor,
    State,
    actions_from,
)


def _states_where(actor: Actor, *, unless: Actor | None = None) -> frozenset[State]:
    """States in which `actor` has a step of their own to take (and `unless` has none)."""
    return frozenset(
        state for (state, _action), transition in TRANSITIONS.items()
        if actor in transition.actors and (unless is None or unless not in transition.actors))


#: What waits for the office: received, accepted, uploaded, portal approved, portal rejected.
#: Steps the owner's side may take too (submit, withdraw) do not put a submission in the queue.
QUEUE_STATES = _states_where(Actor.OFFICE, unless=Actor.OWNER)
#: Where a §1.15.2 owner's editor has portal work to do (§6.8).
PORTAL_EDITOR_STATES = _states_where(Actor.PORTAL_EDITOR)
#: Steps that send a submission back or end it: their buttons look different.
_BACKWARD = frozenset({State.RETURNED, State.PORTAL_REJECTED, State.WITHDRAWN})
_CHECKS = (Action.CHECKS_PASS, Action.CHECKS_FAIL)
#: Findings that send a submission back (checks.gate marks ruled personal data as warnings).
_FAILING = frozenset({Severity.ERROR, Severity.BLOCKING})


def _ordered(states: frozenset[State]) -> list[State]:
    return [state for state in State if state in states]


# One submission ------------------------------------------------------------------------------

def submission_for_page(*, pk: int, user: User) -> Submission:
    """A submission of a dataset the person may read, or NotFound (existence not disclosed)."""
    readable = access.datasets_readable_by(user).values("pk")
    submission = (Submission.objects.filter(pk=pk, dataset__in=readable)
                  .select_related("dataset__owner", "created_by").first())
    if submission is None:
        raise NotFound(_("No such submission."))
    return submission


@dataclass(frozen=True)
class ActionChoice:
    """One step the person may take now: one form on the submission page."""

    action: Action
    target: State
    needs_reason: bool
    backward: bool

    @property
    def label(self) -> str:
        return str(self.action.label)

    @property
    def on_portal(self) -> bool:
        """A step that happens on data.gov.ua: it is recorded with the portal's date."""
        return self.action in services.DATE_FIELDS


def actions_for(submission: Submission, user: User) -> list[ActionChoice]:
    """The steps of the transition table open to this person in the submission's state."""
    roles = actor_roles(user, submission.dataset)
    state = State(submission.state)
    choices = []
    for action in actions_from(state):
        transition = TRANSITIONS[(state, action)]
        if roles & transition.actors:
            choices.append(ActionChoice(action=action, target=transition.target,
                                        needs_reason=NEEDS_REASON in transition.guards,
                                        backward=transition.target in _BACKWARD))
    return choices


def action_choice(submission: Submission, user: User, action: str) -> ActionChoice | None:
    return next((c for c in actions_for(submission, user) if c.action == action), None)


@dataclass(frozen=True)
class DeadlineRow:
    rule: str
    label: str
    due: dt.date
    met_on: dt.date | None
    late: bool


@dataclass(frozen=True)
class SubmissionPage:
    submission: Submission
    is_open: bool
    editable: bool
    files: list[ResourceVersion]
    #: The latest automatic checks (their findings split below); None before any check ran.
    checks: SubmissionEvent | None
    errors: list[dict]
    warnings: list[dict]
    deadlines: list[DeadlineRow]
    nearest: DeadlineRow | None
    events: list[SubmissionEvent]
    #: The step that sent the submission back (or ended it), when it says why.
    reason: SubmissionEvent | None
    actions: list[ActionChoice]
    can_edit_files: bool
    can_attach_letter: bool
    #: Hand-made files of the same table in other formats that the submission leaves older.
    older_formats: list = field(default_factory=list)


def submission_files(submission: Submission) -> list[ResourceVersion]:
    """While people may still change the files: what a submit would take (the newest version
    of each file, if it waits for publication, as services._take_files takes them);
    afterwards: the snapshot the submission brought."""
    if submission.state in EDITABLE:
        newer = ResourceVersion.objects.filter(resource=OuterRef("resource"),
                                               number__gt=OuterRef("number"))
        versions = submission.waiting_versions().exclude(Exists(newer))
    else:
        versions = ResourceVersion.objects.filter(submission_items__submission=submission)
    return list(versions.select_related("resource", "resource__dataset")
                .order_by("resource__position", "resource_id", "number"))


def submission_page(submission: Submission, *, user: User, today: dt.date) -> SubmissionPage:
    editable = submission.state in EDITABLE
    events = list(submission.events.select_related("by").order_by("at", "id"))
    checks = next((e for e in reversed(events) if e.action in _CHECKS), None)
    last = events[-1] if events else None
    reason = last if (last and last.note and last.to_state == submission.state
                      and last.to_state in _BACKWARD) else None
    findings = checks.findings if checks else []
    is_open = submission.state in OPEN
    # A withdrawn or published submission no longer runs late on what it never reached.
    deadlines = [DeadlineRow(rule=d.rule, label=d.label, due=d.due, met_on=d.met_on,
                             late=d.met_late if not is_open else d.late(today))
                 for d in services.submission_deadlines(submission)]
    nearest = next((d for d in deadlines if d.met_on is None and d.rule == submission.due_rule
                    and d.due == submission.due_on), None)
    roles = actor_roles(user, submission.dataset)
    may_edit = bool(roles & {Actor.OWNER, Actor.OFFICE})
    files = submission_files(submission)
    return SubmissionPage(
        submission=submission, is_open=is_open, editable=editable,
        files=files, checks=checks,
        older_formats=format_copies.older_formats(files) if editable else [],
        errors=[f for f in findings if f.get("severity") in _FAILING],
        warnings=[f for f in findings if f.get("severity") not in _FAILING],
        deadlines=deadlines, nearest=nearest, events=events, reason=reason,
        actions=actions_for(submission, user),
        can_edit_files=editable and access.owners_editable_by(user).filter(
            pk=submission.dataset.owner_id).exists(),
        # The same states submission_attach_letter accepts.
        can_attach_letter=may_edit and submission.state in EDITABLE | {State.RECEIVED,
                                                                       State.ACCEPTED},
    )


def checks_failed(submission: Submission) -> bool:
    """Whether the latest step was the checks sending the submission back."""
    last = submission.events.order_by("-at", "-id").values_list("action", flat=True).first()
    return last == Action.CHECKS_FAIL


# Lists -----------------------------------------------------------------------------------

def _by_due(submissions: QuerySet[Submission]) -> QuerySet[Submission]:
    return submissions.order_by(F("due_on").asc(nulls_last=True), "created_at", "id")


def queue(*, state: str = "", owner: Owner | None = None) -> QuerySet[Submission]:
    """The officer's queue: what waits for the office, the nearest deadline first."""
    submissions = Submission.objects.filter(state__in=QUEUE_STATES).select_related(
        "dataset__owner")
    if state:
        submissions = submissions.filter(state=state)
    if owner is not None:
        submissions = submissions.filter(dataset__owner=owner)
    return _by_due(submissions)


@dataclass(frozen=True)
class QueueCounts:
    total: int
    late: int
    by_state: list[tuple[str, str, int]]


def queue_counts(*, today: dt.date) -> QueueCounts:
    """The figures above the queue: how many in each state and how many are late."""
    waiting = Submission.objects.filter(state__in=QUEUE_STATES)
    counts = dict(waiting.order_by().values_list("state").annotate(n=Count("pk")))
    return QueueCounts(
        total=sum(counts.values()),
        late=waiting.filter(due_on__lt=today).count(),
        by_state=[(s.value, str(s.label), counts.get(s.value, 0))
                  for s in _ordered(QUEUE_STATES)],
    )


def queue_states() -> list[State]:
    return _ordered(QUEUE_STATES)


def submissions_of(*, user: User) -> QuerySet[Submission]:
    """Submissions of the datasets the person reads: open ones first (nearest deadline
    first), then the finished ones, newest first."""
    readable = access.datasets_readable_by(user).values("pk")
    return (Submission.objects.filter(dataset__in=readable).select_related("dataset__owner")
            .annotate(finished=Case(When(state__in=sorted(OPEN), then=Value(0)), default=Value(1)))
            .order_by("finished", F("due_on").asc(nulls_last=True), "-created_at", "-id"))


def portal_work_of(*, user: User) -> QuerySet[Submission]:
    """§6.8: submissions of the person's own §1.15.2 owners that wait for them on the portal."""
    owners = OwnerMembership.objects.filter(
        user=user, role=MembershipRole.EDITOR,
        owner__kind=OwnerKind.DEPARTMENT_LEGAL).values("owner")
    return _by_due(Submission.objects.filter(state__in=PORTAL_EDITOR_STATES,
                                             dataset__owner__in=owners)
                   .select_related("dataset__owner"))


# A dataset's side ------------------------------------------------------------------------------

def dataset_submissions(dataset: Dataset) -> QuerySet[Submission]:
    return dataset.submissions.order_by("-created_at", "-id")


def open_submission(dataset: Dataset) -> Submission | None:
    return dataset.submissions.filter(state__in=OPEN).first()


def may_submit(user: User, dataset: Dataset) -> bool:
    return bool(actor_roles(user, dataset) & {Actor.OWNER, Actor.OFFICE})


def submission_of_version(version: ResourceVersion) -> Submission | None:
    """The submission that published this version, if the workflow published it."""
    return (Submission.objects.filter(items__version=version, state=State.PUBLISHED)
            .order_by("-published_at").first())


# Notices ---------------------------------------------------------------------------------

def notices_of(user: User) -> QuerySet[Notice]:
    return (user.notices.select_related("submission__dataset", "dataset")
            .order_by("-created_at", "-id"))


def unread_count(user: User) -> int:
    return user.notices.filter(read_at__isnull=True).count()
