"""The demand loop's changes: the survey, the answers, votes for data requests, searches that
found nothing, the officer's adjustments and the proposal for the approved list."""

from __future__ import annotations

import datetime as dt
import logging
import re

from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.audit import access, throttle
from radadata.audit.models import (
    EmptySearch,
    ListProposal,
    PriorityAdjustment,
    ProposalItem,
    RequestVote,
    Survey,
    SurveyAnswer,
    SurveyAnswerState,
)
from radadata.audit.screening import personal_data_in
from radadata.catalog.models import DataRequest, RequestState
from radadata.core import audit as log
from radadata.core.errors import Conflict, NotAllowed, ValidationFailed
from radadata.core.validation import clean_or_raise

logger = logging.getLogger(__name__)


class TooMany(NotAllowed):
    code = "too_many"
    status = 429

    def __init__(self, until: dt.datetime):
        super().__init__(_("Too many messages from your address; please try again after "
                           "%(time)s.") % {"time": until.strftime("%H:%M")})
        self.until = until


def _limit(client: str | None, at: dt.datetime) -> None:
    if client is None:
        return
    until = throttle.retry_at(client, at)
    if until is not None:
        raise TooMany(until)


@transaction.atomic
def survey_open(*, title: str, question: str, by: User | None, at: dt.datetime) -> Survey:
    access.require_office(by)
    if Survey.objects.filter(closed_at__isnull=True).exists():
        raise Conflict(_("A survey is already open; close it before opening another."))
    survey = Survey(title=title.strip(), question=question.strip(), opened_at=at)
    clean_or_raise(survey)
    survey.save()
    log.record(actor=by, action="audit.survey_opened", obj=survey, at=at)
    return survey


@transaction.atomic
def survey_close(*, survey: Survey, by: User | None, at: dt.datetime) -> Survey:
    access.require_office(by)
    if not survey.is_open:
        raise Conflict(_("The survey is already closed."))
    survey.closed_at = at
    survey.save(update_fields=["closed_at"])
    log.record(actor=by, action="audit.survey_closed", obj=survey, at=at)
    return survey


@transaction.atomic
def answer_send(*, survey: Survey, wanted: str, purpose: str = "", at: dt.datetime,
                client: str | None = None) -> SurveyAnswer:
    """A public answer. Screened for personal data first: an answer with some is kept for the
    officer but not shown (the sender is told why)."""
    if not survey.is_open:
        raise Conflict(_("This survey is closed; thank you for your interest."))
    _limit(client, at)
    answer = SurveyAnswer(survey=survey, wanted=wanted.strip(), purpose=purpose.strip(),
                          created_at=at)
    found = personal_data_in(f"{answer.wanted}\n{answer.purpose}")
    if found:
        answer.state, answer.found = SurveyAnswerState.HELD, ",".join(found)
    clean_or_raise(answer)
    answer.save()
    if client is not None:
        throttle.note(client, at)
    return answer


@transaction.atomic
def answer_moderate(*, answer: SurveyAnswer, show: bool, by: User | None,
                    at: dt.datetime) -> SurveyAnswer:
    """The officer hides an answer, or shows one again; one held for personal data stays
    held (the sender may send it again without them)."""
    access.require_office(by)
    if answer.state == SurveyAnswerState.HELD:
        raise Conflict(_("This answer holds personal data and cannot be shown."))
    answer.state = SurveyAnswerState.SHOWN if show else SurveyAnswerState.HIDDEN
    answer.save(update_fields=["state"])
    log.record(actor=by, action="audit.changed", obj=answer.survey, at=at,
               note=f"answer {answer.pk}: {answer.state}")
    return answer


@transaction.atomic
def request_vote(*, data_request: DataRequest, at: dt.datetime,
                 client: str | None = None) -> RequestVote:
    if data_request.state in (RequestState.PUBLISHED, RequestState.DECLINED):
        raise Conflict(_("This request is already closed."))
    _limit(client, at)
    vote = RequestVote.objects.create(data_request=data_request, day=at.date())
    if client is not None:
        throttle.note(client, at)
    return vote


_SPACES = re.compile(r"\s+")


def search_note(*, text: str, found: int, at: dt.datetime) -> EmptySearch | None:
    """Count a catalogue search that found nothing (§2.18). Only the words and the day are
    kept; words holding personal data are not kept at all."""
    words = _SPACES.sub(" ", (text or "").strip().lower())[:200]
    if found or len(words) < 3 or personal_data_in(words):
        return None
    entry, created = EmptySearch.objects.get_or_create(text=words, day=at.date())
    if not created:
        EmptySearch.objects.filter(pk=entry.pk).update(count=F("count") + 1)
    return entry


@transaction.atomic
def priority_adjust(*, candidate: str, points: int, reason: str, by: User | None,
                    at: dt.datetime) -> PriorityAdjustment:
    access.require_office(by)
    if not reason.strip():
        raise ValidationFailed({"reason": [_("Say why the score changes: the reason is shown "
                                             "beside it.")]})
    adjustment = PriorityAdjustment(candidate=candidate, points=points, reason=reason.strip(),
                                    by=by if getattr(by, "pk", None) else None, at=at)
    clean_or_raise(adjustment)
    adjustment.save()
    log.record(actor=by, action="audit.priority_adjusted", obj=adjustment, at=at,
               note=f"{candidate} {points:+d}: {adjustment.reason}")
    return adjustment


@transaction.atomic
def proposal_make(*, title: str, keys: list[str], by: User | None, at: dt.datetime,
                  deadline_days: int = 90) -> ListProposal:
    """The chosen candidates, in the order of their score, as a proposal for the list."""
    from radadata.audit.priorities import candidates

    access.require_office(by)
    ranked = [c for c in candidates(today=at.date()) if c.key in set(keys)]
    if not ranked:
        raise ValidationFailed({"candidates": [_("Choose at least one candidate.")]})
    proposal = ListProposal.objects.create(title=title.strip(), made_at=at,
                                           made_by=by if getattr(by, "pk", None) else None)
    deadline = at.date() + dt.timedelta(days=deadline_days)
    for position, candidate in enumerate(ranked, start=1):
        ProposalItem.objects.create(
            proposal=proposal, candidate=candidate.key, title=candidate.title[:500],
            owner=candidate.owner, periodicity=candidate.periodicity,
            responsible=candidate.responsible, deadline=deadline, score=candidate.total,
            position=position)
    log.record(actor=by, action="audit.proposal_made", obj=proposal, at=at,
               note=f"{len(ranked)}")
    return proposal


def catalogue_searched(*, text: str, found: int, page: int = 1) -> None:
    """The catalogue's search page calls this once per search: a first page of words that
    found nothing is counted (the search view is an edge, so the clock is read here). A count
    never breaks the search: a busy database loses the count, not the page."""
    from django.utils import timezone

    if page != 1 or found or not text.strip():
        return
    try:
        with transaction.atomic():
            search_note(text=text, found=found, at=timezone.now())
    except DatabaseError:
        logger.warning("A search that found nothing was not counted.", exc_info=True)
