"""The cover letter's facts (§6.10, the appendix «ЗРАЗОК»), taken from a submission.

The letters package knows nothing of the models; this module is the only place that copies a
submission, its dataset, owner and files, the council and the officer into a LetterData.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from radadata.accounts.models import Role, User
from radadata.registry.models import Council
from radadata.workflow.letters import LetterData
from radadata.workflow.letters.wording import council_genitive
from radadata.workflow.models import Kind, Submission
from radadata.workflow.selectors import submission_files
from radadata.workflow.states import Action

#: The steps the officer records on the portal: whoever recorded the latest signs the marks.
_PORTAL_STEPS = (Action.UPLOAD, Action.PORTAL_APPROVE, Action.PORTAL_REJECT, Action.PUBLISH)


def _day(value: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(value).date() if value else None


def letter_officer(submission: Submission) -> User | None:
    """The officer who recorded the latest portal step of this submission, or else the first
    active open-data officer of the council."""
    officers = User.objects.filter(is_active=True, roles__role=Role.OFFICER).distinct()
    recorded = (submission.events.filter(action__in=_PORTAL_STEPS, by__in=officers)
                .order_by("-at", "-id").values_list("by", flat=True).first())
    if recorded is not None:
        return officers.get(pk=recorded)
    return officers.order_by("last_name", "first_name", "pk").first()


def letter_data(submission: Submission, *, today: dt.date) -> LetterData:
    """The letter as it stands now: dated the day it was (last) submitted, today while still a
    draft; the files it brings (see selectors.submission_files); the portal's dates so far."""
    council = Council.current()
    owner = submission.dataset.owner
    officer = letter_officer(submission)
    return LetterData(
        council_name=council.name,
        recipient=f"Відповідальному за відкриті дані {council_genitive(council.name)}",
        owner_name=owner.name,
        head_position=owner.head_position,
        head_name=owner.head_name,
        deputy_position=owner.deputy_position,
        deputy_name=owner.deputy_name,
        dataset_title=submission.dataset.title,
        kind="new" if submission.kind == Kind.NEW else "update",
        files=[version.original_name for version in submission_files(submission)],
        date=_day(submission.submitted_at) or today,
        uploaded_on=_day(submission.uploaded_at),
        approved_on=_day(submission.portal_approved_at),
        rejected_on=_day(submission.portal_rejected_at),
        published_on=_day(submission.published_at),
        officer_position=officer.position if officer else "",
        officer_name=officer.full_name if officer else "",
    )
