"""Who hears about a step of the workflow, in the app and by e-mail (sent after the commit,
so a failed transition never sends anything).

- The owner's responsible person and substitute: when their submission is returned (by the
  officer or by the checks), rejected by the portal, or published.
- The open-data officers: when a submission enters their queue.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mass_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from radadata.accounts.models import Role, User
from radadata.registry.models import OwnerMembership
from radadata.registry.vocabularies import MembershipRole
from radadata.workflow.models import Notice, SubmissionEvent
from radadata.workflow.states import State

log = logging.getLogger(__name__)

TO_OWNER = {State.RETURNED, State.PORTAL_REJECTED, State.PUBLISHED}
TO_OFFICE = {State.RECEIVED}


def _owner_people(event: SubmissionEvent) -> list[User]:
    owner = event.submission.dataset.owner
    owners = [owner.pk, *([owner.managing_owner_id] if owner.managing_owner_id else [])]
    memberships = (OwnerMembership.objects.filter(
        owner_id__in=owners, user__is_active=True,
        role__in=[MembershipRole.RESPONSIBLE, MembershipRole.SUBSTITUTE])
        .select_related("user"))
    return list({m.user_id: m.user for m in memberships}.values())


def _officers() -> list[User]:
    return list(User.objects.filter(is_active=True, roles__role=Role.OFFICER).distinct())


def _text(event: SubmissionEvent) -> str:
    title = event.submission.dataset.title
    state = State(event.to_state)
    if state == State.RECEIVED:
        return _("A submission is waiting in your queue: “%(title)s”.") % {"title": title}
    if state == State.RETURNED:
        return _("“%(title)s” is returned to you: %(reason)s") % {
            "title": title, "reason": event.note or _("see the submission")}
    if state == State.PORTAL_REJECTED:
        return _("The portal rejected “%(title)s”: %(reason)s") % {
            "title": title, "reason": event.note}
    return _("“%(title)s” is published on the portal.") % {"title": title}


def transition_done(event_id: int) -> None:
    event = (SubmissionEvent.objects.select_related("submission__dataset__owner")
             .filter(pk=event_id).first())
    if event is None:
        return
    if event.to_state in TO_OWNER:
        people = _owner_people(event)
    elif event.to_state in TO_OFFICE:
        people = _officers()
    else:
        return
    # The council's language, whatever the request that caused the step was in.
    with translation.override(settings.LANGUAGE_CODE):
        text = _text(event)[:500]
        link = settings.SITE_URL + reverse("workflow:submission-detail",
                                           args=[event.submission_id])
        subject = _("Open data: %(title)s") % {"title": event.submission.dataset.title}
        body = f"{text}\n\n{link}\n"
    Notice.objects.bulk_create([Notice(user=p, submission=event.submission, text=text,
                                       created_at=event.at) for p in people])
    messages = [(subject[:200], body, settings.DEFAULT_FROM_EMAIL, [p.email])
                for p in people if p.email]
    try:
        send_mass_mail(messages, fail_silently=False)
    except Exception:  # a mail server that is down must not undo a done step
        log.exception("could not send the e-mail about submission %s", event.submission_id)
