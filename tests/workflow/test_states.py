"""Every State × Action pair of the transition table, performed through the real service.

A legal pair is tried by each kind of person: the owner's responsible person (the clerk), the
open-data officer, an editor of a §1.15.2 owner, a stranger and the system (by=None). The right
person moves the submission to the table's target and leaves an event; a wrong one gets 403 and
nothing changes; a stranger gets 404. An impossible pair gets 409 naming the current state.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from dataclasses import dataclass
from unittest import mock

import pytest
from django.db import transaction

from radadata.accounts import services as account_services
from radadata.accounts.models import User
from radadata.core.errors import Conflict, NotAllowed, NotFound
from radadata.core.models import AuditEntry
from radadata.registry import hooks
from radadata.registry.models import Dataset, Owner
from radadata.registry.vocabularies import MembershipRole, OwnerKind
from radadata.workflow import services
from radadata.workflow.models import Submission
from radadata.workflow.roles import actor_roles
from radadata.workflow.states import (
    EDITABLE,
    HAS_FILES,
    NEEDS_REASON,
    OPEN,
    TRANSITIONS,
    Action,
    Actor,
    State,
    actions_from,
)
from tests.factories import DatasetFactory, OwnerFactory, UserFactory, add_file, officer

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)  # Monday, 10:00 in Kyiv
REASON = "Додайте стовпець з адресою закладу."
TERMINAL = {State.PUBLISHED, State.WITHDRAWN}

#: What each person is in the workflow of the cast's dataset (a §1.15.2 owner's).
ROLES: dict[str, frozenset[Actor]] = {
    "clerk": frozenset({Actor.OWNER}),
    "editor": frozenset({Actor.OWNER, Actor.PORTAL_EDITOR}),
    "officer": frozenset({Actor.OFFICE}),
    "stranger": frozenset(),
    "system": frozenset(Actor),
}


@dataclass
class Cast:
    owner: Owner
    clerk: User
    editor: User
    officer: User
    stranger: User
    #: One submission resting in each state, each of its own dataset.
    submissions: dict[State, Submission]

    def person(self, who: str) -> User | None:
        return None if who == "system" else getattr(self, who)


def _make_cast() -> Cast:
    owner = OwnerFactory(kind=OwnerKind.DEPARTMENT_LEGAL)
    cast = Cast(owner=owner, clerk=UserFactory(owner=owner),
                editor=UserFactory(owner=owner, owner_role=MembershipRole.EDITOR),
                officer=officer(), stranger=UserFactory(), submissions={})
    for state in State:
        cast.submissions[state] = drive(cast, state, DatasetFactory(owner=owner))
    return cast


@pytest.fixture(scope="module")
def _prepared(django_db_setup, django_db_blocker):
    """Built once for the module, as TestCase.setUpTestData does: ~200 cases that each drove
    their own submission would take many seconds. Every test runs in a savepoint that is
    rolled back at its end, so each one starts from exactly this; the outer transaction is
    rolled back when the module is done."""
    # Module-scoped, so before tests/conftest.py checks files at once: ask for it here.
    with django_db_blocker.unblock(), transaction.atomic(), hooks.work_inline():
        cast = _make_cast()
        yield {"people": {who: getattr(cast, who).pk for who in ("clerk", "editor", "officer",
                                                                  "stranger")},
               "owner": cast.owner.pk,
               "submissions": {state: s.pk for state, s in cast.submissions.items()}}
        transaction.set_rollback(True)


@pytest.fixture
def cast(_prepared, db) -> Cast:
    """Fresh instances of the prepared rows, so no test sees another's objects in memory."""
    people = {who: User.objects.get(pk=pk) for who, pk in _prepared["people"].items()}
    return Cast(owner=Owner.objects.get(pk=_prepared["owner"]), **people,
                submissions={state: Submission.objects.get(pk=pk)
                             for state, pk in _prepared["submissions"].items()})


def _resting_edges():
    """The table as a person meets it: submitting runs the checks at once (a good file
    passes), so CHECKING is never a state anyone acts from."""
    for (source, action), transition in TRANSITIONS.items():
        if source != State.CHECKING:
            target = transition.target
            yield source, action, State.RECEIVED if target == State.CHECKING else target


def shortest_path(goal: State) -> list[Action]:
    """The fewest actions that bring a fresh draft to `goal` (breadth-first search)."""
    paths: dict[State, list[Action]] = {State.DRAFT: []}
    queue = deque([State.DRAFT])
    while queue:
        state = queue.popleft()
        for source, action, target in _resting_edges():
            if source == state and target not in paths:
                paths[target] = [*paths[state], action]
                queue.append(target)
    return paths[goal]


def _performer(cast: Cast, action: Action, state: State) -> User | None:
    """A real person the table allows, the system only for the checks."""
    actors = TRANSITIONS[(state, action)].actors
    if Actor.OWNER in actors:
        return cast.clerk
    if Actor.OFFICE in actors:
        return cast.officer
    return None


def drive(cast: Cast, goal: State, dataset: Dataset) -> Submission:
    """A fresh submission of `dataset` (with a good CSV) brought to `goal` through the
    services, along the shortest legal path, by people the table allows."""
    add_file(dataset)
    submission = services.submission_open(dataset=dataset, by=cast.clerk, at=T0)
    if goal == State.CHECKING:
        # The checks run in the submit's own transaction, so nothing ever rests in CHECKING;
        # holding them back is the only way to act on a submission in that state.
        with mock.patch.object(services, "_run_checks",
                               lambda submission, *, at: submission.events.latest("id")):
            return services.submission_transition(submission=submission, action=Action.SUBMIT,
                                                  by=cast.clerk, at=T0)
    for n, action in enumerate(shortest_path(goal), start=1):
        submission = services.submission_transition(
            submission=submission, action=action, by=_performer(cast, action, submission.state),
            at=T0 + dt.timedelta(minutes=n), note=REASON)
    assert submission.state == goal
    return submission


def _trace(submission: Submission) -> tuple:
    """What a failed attempt must leave as it was."""
    fresh = Submission.objects.get(pk=submission.pk)
    audit = AuditEntry.objects.filter(object_type="workflow.submission",
                                      object_id=str(submission.pk))
    return fresh.state, fresh.updated_at, fresh.events.count(), audit.count()


def _act(submission: Submission, action: Action, by: User | None, note: str = REASON):
    return services.submission_transition(submission=submission, action=action, by=by,
                                          at=T0 + dt.timedelta(hours=5), note=note)


LEGAL = [(source, action, who) for (source, action) in TRANSITIONS for who in ROLES]
IMPOSSIBLE = [(state, action) for state in State for action in Action
              if (state, action) not in TRANSITIONS]


@pytest.mark.parametrize(("source", "action", "who"), LEGAL,
                         ids=[f"{s}-{a}-{w}" for s, a, w in LEGAL])
def test_a_legal_pair(cast, source, action, who):
    submission = cast.submissions[source]
    person = cast.person(who)
    transition = TRANSITIONS[(source, action)]
    before = _trace(submission)
    if who == "stranger":
        with pytest.raises(NotFound):
            _act(submission, action, person)
        assert _trace(submission) == before
        return
    if not ROLES[who] & transition.actors:
        with pytest.raises(NotAllowed) as error:
            _act(submission, action, person)
        assert error.value.status == 403
        assert _trace(submission) == before
        return
    done = _act(submission, action, person)
    event = done.events.filter(action=action).latest("id")
    assert (event.from_state, event.to_state, event.by) == (source, transition.target, person)
    assert event.note == REASON
    # Submitting runs the checks at once: a good file passes them.
    expected = State.RECEIVED if transition.target == State.CHECKING else transition.target
    assert Submission.objects.get(pk=submission.pk).state == expected
    assert AuditEntry.objects.filter(object_type="workflow.submission",
                                     object_id=str(submission.pk),
                                     action=f"submission.{action}").exists()


@pytest.mark.parametrize(("source", "action"), IMPOSSIBLE,
                         ids=[f"{s}-{a}" for s, a in IMPOSSIBLE])
def test_an_impossible_pair_is_a_conflict_naming_the_state(cast, source, action):
    submission = cast.submissions[source]
    before = _trace(submission)
    # The clerk has a part in the workflow, so what they hear is about the state, not them.
    with pytest.raises(Conflict) as error:
        _act(submission, action, cast.clerk)
    assert error.value.status == 409
    assert str(State(source).label) in error.value.message
    assert str(Action(action).label) in error.value.message
    assert _trace(submission) == before


def test_the_walk_covers_every_pair():
    assert len(LEGAL) // len(ROLES) + len(IMPOSSIBLE) == len(State) * len(Action)


@pytest.mark.parametrize(("source", "action"),
                         [(State.RECEIVED, Action.RETURN), (State.ACCEPTED, Action.RETURN),
                          (State.UPLOADED, Action.PORTAL_REJECT),
                          (State.PORTAL_APPROVED, Action.PORTAL_REJECT)])
@pytest.mark.parametrize("note", ["", "   \n"])
def test_returning_or_rejecting_needs_a_reason(cast, source, action, note):
    submission = cast.submissions[source]
    before = _trace(submission)
    with pytest.raises(Conflict) as error:
        _act(submission, action, cast.officer, note=note)
    assert error.value.code == "reason_required"
    assert _trace(submission) == before


def test_the_reason_guard_is_on_exactly_the_returns_and_rejections():
    guarded = {key for key, transition in TRANSITIONS.items() if NEEDS_REASON in transition.guards}
    assert guarded == {(State.RECEIVED, Action.RETURN), (State.ACCEPTED, Action.RETURN),
                       (State.UPLOADED, Action.PORTAL_REJECT),
                       (State.PORTAL_APPROVED, Action.PORTAL_REJECT)}


def test_submitting_without_files_is_a_conflict(cast):
    dataset = DatasetFactory(owner=cast.owner)
    submission = services.submission_open(dataset=dataset, by=cast.clerk, at=T0)
    before = _trace(submission)
    with pytest.raises(Conflict) as error:
        _act(submission, Action.SUBMIT, cast.clerk)
    assert error.value.code == "no_files"
    assert _trace(submission) == before
    assert {key for key, t in TRANSITIONS.items() if HAS_FILES in t.guards} == {
        (State.DRAFT, Action.SUBMIT), (State.RETURNED, Action.RESUBMIT),
        (State.PORTAL_REJECTED, Action.RESUBMIT)}


def test_a_stranger_cannot_learn_that_an_unpublished_dataset_exists(cast):
    with pytest.raises(NotFound):
        services.submission_open(dataset=DatasetFactory(owner=cast.owner), by=cast.stranger,
                                 at=T0)
    submission = cast.submissions[State.RECEIVED]
    with pytest.raises(NotFound):
        _act(submission, Action.ACCEPT, cast.stranger)


def test_who_reads_everything_but_has_no_part_is_refused_not_hidden(cast):
    member = UserFactory(roles=["working_group"])
    submission = cast.submissions[State.RECEIVED]
    with pytest.raises(NotAllowed):
        _act(submission, Action.ACCEPT, member)
    with pytest.raises(NotAllowed):
        services.submission_open(dataset=DatasetFactory(owner=cast.owner), by=member,
                                 at=T0)


def test_the_people_of_the_walk_have_the_roles_it_assumes(cast):
    for who, roles in ROLES.items():
        dataset = cast.submissions[State.DRAFT].dataset
        assert actor_roles(cast.person(who), dataset) == roles, who


def test_an_editor_uploads_only_for_an_owner_that_is_a_legal_entity():
    department = OwnerFactory(kind=OwnerKind.DEPARTMENT)
    editor = UserFactory(owner=department, owner_role=MembershipRole.EDITOR)
    assert actor_roles(editor, DatasetFactory(owner=department)) == {Actor.OWNER}


def test_the_managing_owner_s_people_act_for_its_enterprise():
    department = OwnerFactory(kind=OwnerKind.DEPARTMENT)
    school = OwnerFactory(kind=OwnerKind.ENTERPRISE, managing_owner=department)
    clerk = UserFactory(owner=department)
    assert actor_roles(clerk, DatasetFactory(owner=school)) == {Actor.OWNER}


def test_a_deactivated_officer_has_no_part(cast):
    account_services.user_deactivate(user=cast.officer, by=None, at=T0)
    cast.officer.refresh_from_db()
    submission = cast.submissions[State.RECEIVED]
    assert actor_roles(cast.officer, submission.dataset) == frozenset()
    with pytest.raises(NotFound):
        _act(submission, Action.ACCEPT, cast.officer)


# The table itself.


def _reachable(start: State) -> set[State]:
    seen, queue = {start}, deque([start])
    while queue:
        state = queue.popleft()
        for (source, _action), transition in TRANSITIONS.items():
            if source == state and transition.target not in seen:
                seen.add(transition.target)
                queue.append(transition.target)
    return seen


def test_terminal_states_have_no_actions():
    assert set(State) - OPEN == TERMINAL
    for state in TERMINAL:
        assert actions_from(state) == []


def test_every_open_state_can_still_be_published_or_withdrawn():
    for state in OPEN:
        reachable = _reachable(state)
        assert State.PUBLISHED in reachable, state
        assert State.WITHDRAWN in reachable, state


def test_every_state_is_reached_from_a_draft_and_every_action_is_used():
    assert _reachable(State.DRAFT) == set(State)
    assert {action for _state, action in TRANSITIONS} == set(Action)


def test_only_the_system_decides_the_checks_and_only_the_officer_returns():
    for (source, action), transition in TRANSITIONS.items():
        if action in (Action.CHECKS_PASS, Action.CHECKS_FAIL):
            assert transition.actors == {Actor.SYSTEM}
        if action == Action.RETURN:
            assert transition.actors == {Actor.OFFICE}
        if source in EDITABLE and action == Action.WITHDRAW:
            assert Actor.OWNER in transition.actors


def test_the_shortest_paths_are_the_expected_ones():
    assert shortest_path(State.RECEIVED) == [Action.SUBMIT]
    assert shortest_path(State.RETURNED) == [Action.SUBMIT, Action.RETURN]
    assert shortest_path(State.PUBLISHED) == [Action.SUBMIT, Action.UPLOAD, Action.PUBLISH]
