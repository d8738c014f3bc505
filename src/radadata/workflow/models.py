"""Submissions of datasets for publication (§6.10–6.18), their files, their timeline, and the
in-app notices people get about them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from radadata.registry.models import Dataset, Resource, ResourceVersion
from radadata.workflow.states import OPEN, Action, State


class Kind(models.TextChoices):
    NEW = "new", _("new dataset")
    SCHEDULED = "scheduled", _("scheduled update")
    UNSCHEDULED = "unscheduled", _("unscheduled update after a change (§6.12)")


class SubmissionQuerySet(models.QuerySet["Submission"]):
    def open(self) -> SubmissionQuerySet:
        return self.filter(state__in=OPEN)


class Submission(models.Model):
    """One dataset sent by its owner for publication or update, with its cover letter."""

    dataset = models.ForeignKey(Dataset, verbose_name=_("dataset"), on_delete=models.PROTECT,
                                related_name="submissions")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    state = models.CharField(_("state"), max_length=20, choices=State.choices,
                             default=State.DRAFT, db_index=True)
    note = models.TextField(_("comment of the owner"), blank=True)
    change_occurred_on = models.DateField(
        _("date of the change"), null=True, blank=True,
        help_text=_("For an unscheduled update: when the data changed (the 3 working days of "
                    "§6.12 count from it)."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"),
                                   null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created"))
    updated_at = models.DateTimeField(_("updated"))
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    first_received_at = models.DateTimeField(_("first received"), null=True, blank=True)
    received_at = models.DateTimeField(_("received"), null=True, blank=True)
    # The four dates of the cover letter's template.
    uploaded_at = models.DateTimeField(_("uploaded to the portal"), null=True, blank=True)
    portal_approved_at = models.DateTimeField(_("approved by the portal administrator"),
                                              null=True, blank=True)
    portal_rejected_at = models.DateTimeField(_("rejected by the portal administrator"),
                                              null=True, blank=True)
    published_at = models.DateTimeField(_("published on the portal"), null=True, blank=True)
    portal_rejection_reason = models.TextField(_("reason of the portal's rejection"),
                                               blank=True)
    # The nearest legal deadline, kept for sorting the queue (workflow.deadlines computes it).
    due_on = models.DateField(_("due"), null=True, blank=True, db_index=True)
    due_rule = models.CharField(_("deadline"), max_length=40, blank=True)
    signed_letter = models.FileField(_("signed cover letter (scan)"), blank=True,
                                     upload_to="letters/%Y/", max_length=300)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(fields=["dataset"], condition=Q(state__in=sorted(OPEN)),
                                    name="one_open_submission_per_dataset"),
        ]

    def __str__(self) -> str:
        return f"№{self.pk}: {self.dataset}"

    def has_files(self) -> bool:
        return self.items.exists() or self.waiting_versions().exists()

    def waiting_versions(self):
        """The dataset's files not published yet: what this submission would bring."""
        return ResourceVersion.objects.filter(resource__dataset=self.dataset_id,
                                              published_at__isnull=True)


class SubmissionItem(models.Model):
    """A file version the submission brings (snapshot taken when it is submitted)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="items")
    version = models.ForeignKey(ResourceVersion, on_delete=models.PROTECT,
                                related_name="submission_items")

    class Meta:
        ordering = ["version__resource__position", "version__number"]
        constraints = [models.UniqueConstraint(fields=["submission", "version"],
                                               name="uniq_submission_version")]

    def __str__(self) -> str:
        return f"{self.submission}: {self.version}"


class SubmissionEvent(models.Model):
    """One step of the timeline: who did what, when, with what comment."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    from_state = models.CharField(_("previous state"), max_length=20, choices=State.choices)
    to_state = models.CharField(_("new state"), max_length=20, choices=State.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("who"), null=True,
                           on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("when"))
    #: For a step on the portal: when it happened there, as the officer read it on the portal
    #: (`at` is when it was recorded here). The letter's dates and the deadlines take this one.
    happened_at = models.DateTimeField(_("when it happened on the portal"), null=True,
                                       blank=True)
    note = models.TextField(_("comment"), blank=True)
    findings = models.JSONField(_("check findings"), default=list, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("submission event")

    def __str__(self) -> str:
        return f"{self.submission} {self.action} {self.at:%Y-%m-%d %H:%M}"

    @property
    def effective_at(self):
        """When the step happened: on the portal if it was recorded later, else when recorded."""
        return self.happened_at or self.at


class Notice(models.Model):
    """An in-app notice about a submission, or about a dataset (a reminder of a due update);
    the same news also goes by e-mail."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="notices")
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="notices",
                                   null=True, blank=True)
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="+",
                                null=True, blank=True)
    text = models.CharField(_("notice text"), max_length=500)
    created_at = models.DateTimeField(_("created"))
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notice")

    def __str__(self) -> str:
        return self.text


class FormatCopy(models.Model):
    """«One file, every format»: `resource` holds the same table as `source`, in `format`,
    generated from each new version of `source` (workflow.format_copies)."""

    resource = models.OneToOneField(Resource, verbose_name=_("generated file"),
                                    on_delete=models.CASCADE, related_name="format_copy")
    source = models.ForeignKey(Resource, verbose_name=_("generated from"),
                               on_delete=models.CASCADE, related_name="format_copies")
    format = models.CharField(_("format"), max_length=10)
    created_at = models.DateTimeField(_("created"))

    class Meta:
        ordering = ["source", "format"]
        verbose_name = _("generated format")
        constraints = [models.UniqueConstraint(fields=["source", "format"],
                                               name="one_copy_per_format")]

    def __str__(self) -> str:
        return f"{self.source} → {self.format}"
