"""Sending the reminders about due updates: the one door that records and mails them.

A reminder is first recorded (ReminderSent, unique per dataset, due date, stage and person or
address), then mailed after the commit. A row whose e-mail has not gone yet (a crash between
the two, a mail server that was down) is mailed by the next run, for up to MAIL_RETRY_FOR;
the unique constraint makes a second run, or a second worker, record nothing twice.
"""

from __future__ import annotations

import datetime as dt
import logging
from itertools import groupby

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from radadata.core import audit
from radadata.core.calendar import WorkingCalendar
from radadata.monitoring.models import ReminderSent
from radadata.monitoring.reminders import Planned, reminders_due
from radadata.workflow.models import Notice

log = logging.getLogger(__name__)

#: How long a reminder whose e-mail failed is tried again.
MAIL_RETRY_FOR = dt.timedelta(days=3)


def _already_sent(planned: list[Planned]) -> set[tuple]:
    if not planned:
        return set()
    sent = (ReminderSent.objects
            .filter(dataset_id__in={p.dataset.pk for p in planned},
                    due_on__in={p.due_on for p in planned})
            .values_list("dataset_id", "due_on", "stage", "recipient_id", "email"))
    return {(d, due, stage, user, "" if user else email) for d, due, stage, user, email in sent}


@transaction.atomic
def reminders_send(*, at: dt.datetime, calendar: WorkingCalendar | None = None
                   ) -> list[ReminderSent]:
    """Record every reminder due at `at` that was not sent before, one audit entry per dataset
    and stage, and mail them after the commit. Safe to run again at any time (the worker does,
    every 15 minutes and after a restart). Returns the reminders recorded by this run."""
    today = timezone.localtime(at).date()
    planned = reminders_due(today=today, calendar=calendar)
    sent = _already_sent(planned)
    created: list[ReminderSent] = []
    for item in planned:
        if item.key in sent:
            continue
        try:
            # A savepoint: another worker may have recorded the same reminder a moment ago.
            with transaction.atomic():
                created.append(ReminderSent.objects.create(
                    dataset=item.dataset, due_on=item.due_on, stage=item.stage,
                    recipient=item.recipient, email=item.email, text=item.text, sent_at=at))
        except IntegrityError:
            continue
    # The same news in the app, for the people who have an account (heads are reached by e-mail).
    Notice.objects.bulk_create([Notice(user=r.recipient, dataset=r.dataset, text=r.text,
                                       created_at=at) for r in created if r.recipient])
    for (_dataset_id, stage), group in groupby(created, key=lambda r: (r.dataset_id, r.stage)):
        reminders = list(group)
        audit.record(actor=None, action="monitoring.reminder_sent", obj=reminders[0].dataset,
                     at=at, changes={"stage": [None, stage],
                                     "due_on": [None, reminders[0].due_on.isoformat()]},
                     note=", ".join(r.email or str(r.recipient) for r in reminders)[:1000])
    transaction.on_commit(lambda: reminders_mail(at=at))
    return created


def _message(reminder: ReminderSent, connection) -> EmailMessage:
    dataset = reminder.dataset
    link = settings.SITE_URL + reverse("registry:dataset-office", args=[dataset.name])
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Open data reminder: %(title)s") % {"title": dataset.title}
    return EmailMessage(subject=subject[:200], body=f"{reminder.text}\n\n{link}\n",
                        from_email=settings.DEFAULT_FROM_EMAIL, to=[reminder.email],
                        connection=connection)


def reminders_mail(*, at: dt.datetime) -> int:
    """Mail the recorded reminders whose e-mail has not gone yet; each is marked as it goes,
    so a failure part-way leaves only the rest for the next run. Returns how many went."""
    waiting = list(ReminderSent.objects.filter(mailed_at__isnull=True,
                                               sent_at__gte=at - MAIL_RETRY_FOR)
                   .exclude(email="").select_related("dataset").order_by("id"))
    if not waiting:
        return 0
    done = 0
    try:
        with get_connection() as connection:
            for reminder in waiting:
                _message(reminder, connection).send()
                ReminderSent.objects.filter(pk=reminder.pk).update(mailed_at=at)
                done += 1
    except Exception:  # the mail server is down: the next run tries the rest again
        log.exception("could not mail reminder; %s left for the next run", len(waiting) - done)
    return done
