"""Reminders about due updates: one row per person (or address) and stage of one due date, so
the same reminder is never sent twice, whatever restarts the worker goes through."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from radadata.registry.models import Dataset


class Stage(models.TextChoices):
    BEFORE = "before", _("before the due date")
    ON_DAY = "on_day", _("on the due date")
    ESCALATION = "overdue_escalation", _("late: the head of the owner and the officer told")


class ReminderSent(models.Model):
    """A reminder about one due date of one dataset, sent to one person or address.

    `recipient` is empty for the head of an owner, who is reached at the owner's e-mail
    address (heads are not users). The e-mail goes after the row is committed; `mailed_at`
    stays empty until it has gone, so a later run sends what a crash or a mail server that was
    down left behind."""

    dataset = models.ForeignKey(Dataset, verbose_name=_("dataset"), on_delete=models.CASCADE,
                                related_name="reminders")
    due_on = models.DateField(_("due"))
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recipient"),
                                  null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="reminders")
    email = models.EmailField(_("e-mail"), blank=True)
    text = models.CharField(_("text"), max_length=500)
    sent_at = models.DateTimeField(_("sent"))
    mailed_at = models.DateTimeField(_("e-mail sent"), null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(fields=["dataset", "due_on", "stage", "recipient"],
                                    condition=Q(recipient__isnull=False),
                                    name="uniq_reminder_per_person"),
            models.UniqueConstraint(fields=["dataset", "due_on", "stage", "email"],
                                    condition=Q(recipient__isnull=True),
                                    name="uniq_reminder_per_address"),
        ]

    def __str__(self) -> str:
        return f"{self.dataset} {self.due_on} {self.stage} → {self.recipient or self.email}"
