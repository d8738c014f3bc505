"""Every change to a submission goes through these functions; transitions only through
submission_transition(), which reads states.TRANSITIONS."""

from __future__ import annotations

import datetime as dt
from typing import IO

from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.checks import gate
from radadata.core import audit
from radadata.core.calendar import default_calendar
from radadata.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from radadata.registry import access
from radadata.registry.models import Dataset, ResourceVersion
from radadata.registry.services import datasets as dataset_services
from radadata.registry.services.resources import versions_publish
from radadata.registry.vocabularies import DatasetStatus
from radadata.workflow import deadlines, notifications
from radadata.workflow.models import Kind, Notice, Submission, SubmissionEvent, SubmissionItem
from radadata.workflow.roles import actor_roles
from radadata.workflow.states import EDITABLE, HAS_FILES, TRANSITIONS, Action, Actor, State

#: Which of the four dates of the letter an action records.
DATE_FIELDS = {
    Action.UPLOAD: "uploaded_at",
    Action.PORTAL_APPROVE: "portal_approved_at",
    Action.PORTAL_REJECT: "portal_rejected_at",
    Action.PUBLISH: "published_at",
}


def _local_date(value: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(value).date() if value else None


@transaction.atomic
def submission_open(*, dataset: Dataset, by: User | None, at: dt.datetime,
                    unscheduled: bool = False, change_occurred_on: dt.date | None = None,
                    note: str = "") -> Submission:
    """A draft submission of the dataset: new, a scheduled or an unscheduled update."""
    if Actor.OWNER not in actor_roles(by, dataset) and Actor.OFFICE not in actor_roles(
            by, dataset):
        access.require_dataset_read(by, dataset)  # 404 for strangers, before 403
        raise NotAllowed(_("Only the owner's people and the officer submit this dataset."))
    if Submission.objects.open().filter(dataset=dataset).exists():
        raise Conflict(_("This dataset already has an open submission; continue that one."))
    if dataset.status == DatasetStatus.ARCHIVED:
        # Its publication would be refused at the very end (dataset_mark_published).
        raise Conflict(_("An archived dataset is no longer updated; restore it first."))
    if dataset.first_published_at is None:
        kind = Kind.NEW
    else:
        kind = Kind.UNSCHEDULED if unscheduled else Kind.SCHEDULED
    # Only an update of a published dataset has a change date: a new dataset's term runs
    # from its creation (§4.5), not §6.12.
    submission = Submission(dataset=dataset, kind=kind, note=note.strip(), created_by=by,
                            created_at=at, updated_at=at,
                            change_occurred_on=change_occurred_on
                            if kind == Kind.UNSCHEDULED else None)
    if kind == Kind.UNSCHEDULED and change_occurred_on is None:
        submission.change_occurred_on = _local_date(at)
    try:
        with transaction.atomic():
            submission.save()
    except IntegrityError as error:  # another person opened one a moment ago
        raise Conflict(_("This dataset already has an open submission; continue that "
                         "one.")) from error
    _recompute_deadline(submission, today=_local_date(at))
    submission.save(update_fields=["due_on", "due_rule"])
    audit.record(actor=by, action="submission.opened", obj=submission, at=at,
                 changes={"kind": [None, kind]}, note=str(dataset))
    return submission


def _lock(submission: Submission) -> Submission:
    locked = Submission.objects.select_for_update().select_related("dataset__owner").filter(
        pk=submission.pk).first()
    if locked is None:
        raise NotFound(_("No such submission."))
    return locked


def _refuse_impossible(submission: Submission, action: Action) -> None:
    state = State(submission.state)
    raise Conflict(_("“%(action)s” is not possible now: the submission is %(state)s.")
                   % {"action": Action(action).label, "state": state.label})


def _portal_moment(submission: Submission, action: Action, *, at: dt.datetime,
                   happened_at: dt.datetime | None) -> dt.datetime | None:
    """When a step on the portal happened there (the officer reads it on the portal): not later
    than now (`at`) and not before the previous step of the timeline. None for other steps, or
    when it is the moment of recording."""
    if action not in DATE_FIELDS or happened_at is None or happened_at == at:
        return None
    if happened_at > at:
        raise ValidationFailed({"happened_at": [
            _("The date on the portal cannot be later than now (%(now)s).")
            % {"now": timezone.localtime(at).strftime("%d.%m.%Y %H:%M")}]}, code="portal_date")
    previous = submission.events.order_by("-at", "-id").first()
    if previous is not None:
        earliest = previous.effective_at.replace(second=0, microsecond=0)
        if happened_at < earliest:
            raise ValidationFailed({"happened_at": [
                _("The date on the portal cannot be earlier than the previous step "
                  "(“%(step)s”, %(date)s).")
                % {"step": previous.get_action_display(),
                   "date": timezone.localtime(previous.effective_at).strftime("%d.%m.%Y %H:%M")}
            ]}, code="portal_date")
    return happened_at


@transaction.atomic
def submission_transition(*, submission: Submission, action: Action | str, by: User | None,
                          at: dt.datetime, note: str = "",
                          expected_state: str | None = None,
                          happened_at: dt.datetime | None = None) -> Submission:
    """Perform one action of the table: check who and what, move, record, recompute the
    deadline; notify after the commit. Two people acting at once: the second one finds the
    state changed and gets a Conflict naming the current state.

    A step on the portal (upload, approval, rejection, publication) may carry `happened_at`,
    the date and time it happened on the portal: the letter's dates, the publication and the
    legal terms take it; `at` stays the moment it was recorded."""
    action = Action(action)
    submission = _lock(submission)
    dataset = submission.dataset
    roles = actor_roles(by, dataset)
    if not roles:
        access.require_dataset_read(by, dataset)
        raise NotAllowed(_("You have no part in the workflow of this dataset."))
    if expected_state and submission.state != expected_state:
        raise Conflict(_("Someone has just changed this submission: it is %(state)s now. "
                         "Reload the page to see what happened.")
                       % {"state": State(submission.state).label})
    transition = TRANSITIONS.get((State(submission.state), action))
    if transition is None:
        _refuse_impossible(submission, action)
    if not roles & transition.actors:
        raise NotAllowed(_("You may not “%(action)s” this submission.")
                         % {"action": action.label})
    for guard in transition.guards:
        if not guard.test(submission, note):
            raise Conflict(str(guard.message), code=guard.code)
    happened = _portal_moment(submission, action, at=at, happened_at=happened_at)
    event = _move(submission, action, transition.target, by=by, at=at, note=note,
                  happened_at=happened)
    if transition.target == State.CHECKING:
        # Files still being checked: the submission waits; their checks move it on.
        event = _run_checks(submission, at=at) or event
    transaction.on_commit(lambda: notifications.transition_done(event.pk))
    return submission


def _move(submission: Submission, action: Action, target: State, *, by: User | None,
          at: dt.datetime, note: str, findings: list | None = None,
          happened_at: dt.datetime | None = None) -> SubmissionEvent:
    source = submission.state
    happened = happened_at or at
    submission.state = target
    submission.updated_at = at
    if action in (Action.SUBMIT, Action.RESUBMIT):
        submission.submitted_at = at
        _take_files(submission)
    if target == State.RECEIVED:
        submission.received_at = at
        submission.first_received_at = submission.first_received_at or at
    if action in DATE_FIELDS:
        setattr(submission, DATE_FIELDS[action], happened)
    if action == Action.PORTAL_REJECT:
        submission.portal_rejection_reason = note.strip()
    if action == Action.PUBLISH:
        _publish(submission, by=by, at=happened)
    event = SubmissionEvent.objects.create(submission=submission, action=action,
                                           from_state=source, to_state=target, by=by, at=at,
                                           happened_at=happened_at,
                                           note=note.strip(), findings=findings or [])
    _recompute_deadline(submission, today=_local_date(at))
    submission.save()
    audit.record(actor=by, action=f"submission.{action}", obj=submission, at=at,
                 changes={"state": [source, target]}, note=note.strip()[:500])
    return event


def _take_files(submission: Submission) -> None:
    """The files the submission brings: the newest version of each resource, if it waits for
    publication. A version replaced by a newer one (say the file returned for its encoding)
    is left behind: it would fail the checks again, or be published though nobody meant it."""
    newer = ResourceVersion.objects.filter(resource=OuterRef("resource"),
                                           number__gt=OuterRef("number"))
    waiting = list(submission.waiting_versions().exclude(Exists(newer)))
    if not waiting:
        # Waiting versions all superseded by newer public ones: nothing would be published.
        raise Conflict(str(HAS_FILES.message), code=HAS_FILES.code)
    SubmissionItem.objects.filter(submission=submission).exclude(
        version__in=waiting).delete()
    SubmissionItem.objects.bulk_create(
        [SubmissionItem(submission=submission, version=v) for v in waiting],
        ignore_conflicts=True)


def _run_checks(submission: Submission, *, at: dt.datetime) -> SubmissionEvent | None:
    """The checks gate (§6.14): a file that fails goes back to the owner with the reasons and
    never reaches the officer's queue. None while a file's check is not finished: the
    submission waits in CHECKING (submissions_checks_finished moves it on)."""
    versions = [item.version for item in
                submission.items.select_related("version__resource__dataset")]
    verdict = gate.verdict(versions, at=at)
    if verdict.pending:
        return None
    action = Action.CHECKS_FAIL if verdict.failed else Action.CHECKS_PASS
    target = TRANSITIONS[(State.CHECKING, action)].target
    return _move(submission, action, target, by=None, at=at,
                 note=verdict.note if verdict.failed else "", findings=verdict.findings)


@transaction.atomic
def submissions_checks_finished(*, version: ResourceVersion, at: dt.datetime
                                ) -> list[Submission]:
    """The check of `version` has finished (the checks app calls this as the system): each
    submission waiting in CHECKING for it passes or fails the gate once all its files are
    checked."""
    moved = []
    waiting = Submission.objects.filter(state=State.CHECKING, items__version=version)
    for submission in waiting.distinct():
        submission = _lock(submission)
        if submission.state != State.CHECKING:
            continue
        event = _run_checks(submission, at=at)
        if event is not None:
            transaction.on_commit(lambda pk=event.pk: notifications.transition_done(pk))
            moved.append(submission)
    return moved


def _publish(submission: Submission, *, by: User | None, at: dt.datetime) -> None:
    dataset = submission.dataset
    versions = submission.waiting_versions().filter(submission_items__submission=submission)
    versions_publish(versions=versions, at=at)
    # The officer records what the portal did; the registry follows as the system would.
    dataset_services.dataset_mark_published(dataset=dataset, by=None, at=at, all_versions=False)


def _facts(submission: Submission) -> deadlines.Facts:
    events = list(submission.events.order_by("at", "id")) if submission.pk else []
    # While the owner holds it (a draft, or returned), the officer has nothing to do by a
    # date: the receipt-based terms start again at the next receipt.
    received = submission.received_at if submission.state not in EDITABLE else None

    def after_receipt(action: Action) -> dt.date | None:
        dates = [e.effective_at for e in events
                 if e.action == action and received and e.effective_at >= received]
        return _local_date(min(dates)) if dates else None

    first_submitted = [e.at for e in events if e.action in (Action.SUBMIT, Action.RESUBMIT)]
    return deadlines.Facts(
        is_new=submission.kind == Kind.NEW,
        dataset_created_on=submission.dataset.created_on,
        change_occurred_on=submission.change_occurred_on,
        first_submitted_on=_local_date(min(first_submitted)) if first_submitted else None,
        first_received_on=_local_date(submission.first_received_at),
        received_on=_local_date(received),
        accepted_on=after_receipt(Action.ACCEPT),
        uploaded_on=after_receipt(Action.UPLOAD),
        published_on=_local_date(submission.published_at),
    )


def submission_deadlines(submission: Submission) -> list[deadlines.Deadline]:
    return deadlines.deadlines(_facts(submission), default_calendar())


def _recompute_deadline(submission: Submission, *, today: dt.date | None) -> None:
    pending = None
    if submission.state not in (State.PUBLISHED, State.WITHDRAWN):
        pending = deadlines.next_deadline(submission_deadlines(submission))
    submission.due_on = pending.due if pending else None
    submission.due_rule = pending.rule if pending else ""


@transaction.atomic
def submission_attach_letter(*, submission: Submission, stream: IO[bytes], filename: str,
                             by: User | None, at: dt.datetime) -> Submission:
    """Keep the scan of the signed cover letter (§6.10)."""
    submission = _lock(submission)
    if not actor_roles(by, submission.dataset) & {Actor.OWNER, Actor.OFFICE}:
        access.require_dataset_read(by, submission.dataset)  # 404 for strangers, before 403
        raise NotAllowed(_("Only the owner's people and the officer attach the letter."))
    if submission.state not in EDITABLE | {State.RECEIVED, State.ACCEPTED}:
        raise Conflict(_("The letter can no longer be replaced: the submission is %(state)s.")
                       % {"state": State(submission.state).label})
    submission.signed_letter.save(filename, File(stream), save=False)
    submission.updated_at = at
    submission.save(update_fields=["signed_letter", "updated_at"])
    audit.record(actor=by, action="submission.letter_attached", obj=submission, at=at,
                 note=filename)
    return submission


@transaction.atomic
def dataset_archive(*, dataset: Dataset, by: User | None, at: dt.datetime,
                    reason: str) -> Dataset:
    """The dataset is no longer updated (an explicit decision, with its reason)."""
    access.require_office(by)  # "not yours" before "not now"
    if Submission.objects.open().filter(dataset=dataset).exists():
        raise Conflict(_("The dataset has an open submission: finish or withdraw it first."))
    return dataset_services.dataset_archive(dataset=dataset, by=by, at=at, reason=reason)


def dataset_restore(*, dataset: Dataset, by: User | None, at: dt.datetime, periodicity: str,
                    reason: str) -> Dataset:
    """The dataset is updated again: new submissions may be opened for it."""
    return dataset_services.dataset_restore(dataset=dataset, by=by, at=at,
                                            periodicity=periodicity, reason=reason)


def notices_mark_read(*, user: User, notices: list[Notice], at: dt.datetime) -> int:
    """The person has seen these notices of theirs. Not in the audit log: reading one's own
    notices changes no record of the council."""
    ids = [notice.pk for notice in notices if notice.user_id == user.pk]
    return Notice.objects.filter(pk__in=ids, read_at__isnull=True).update(read_at=at)
