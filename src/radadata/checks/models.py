"""What the checks keep: the check of each file version (its report, stored with the version),
and the owner's decisions on personal-data columns that later versions respect."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from radadata.checks.findings import Report
from radadata.registry.models import Dataset, ResourceVersion


class RunStatus(models.TextChoices):
    PENDING = "pending", _("waiting to be checked")
    RUNNING = "running", _("being checked")
    DONE = "done", _("checked")
    FAILED = "failed", _("could not be checked")


FINISHED = frozenset({RunStatus.DONE, RunStatus.FAILED})


class CheckRun(models.Model):
    """The check of one file version. One per version: checking again replaces the report."""

    version = models.OneToOneField(ResourceVersion, verbose_name=_("file version"),
                                   on_delete=models.CASCADE, related_name="check_run")
    status = models.CharField(_("status"), max_length=10, choices=RunStatus.choices,
                              default=RunStatus.PENDING, db_index=True)
    # None when the check ran at once in the upload's transaction (demo loader, tests).
    job = models.ForeignKey("jobs.Job", verbose_name=_("background job"), null=True,
                            blank=True, on_delete=models.SET_NULL, related_name="+")
    report = models.JSONField(_("report"), default=dict, blank=True)
    # Counts for lists without reading the report. `blocking` counts the personal-data
    # findings no ruling of the dataset covers: it changes when a column is ruled on.
    errors = models.PositiveIntegerField(_("errors"), default=0)
    warnings = models.PositiveIntegerField(_("warnings"), default=0)
    blocking = models.PositiveIntegerField(_("blocking findings"), default=0)
    # The upload (or the officer's publication) meant the file to be public: the check
    # publishes it once it passes.
    publish_when_passed = models.BooleanField(default=False)
    message = models.TextField(_("message"), blank=True)  # why the check could not finish
    created_at = models.DateTimeField(_("created"))
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("check of a file")
        verbose_name_plural = _("checks of files")

    def __str__(self) -> str:
        return f"{self.version}: {self.status}"

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def passed(self) -> bool:
        return self.status == RunStatus.DONE and not self.errors and not self.blocking

    def parsed(self) -> Report | None:
        return Report.from_dict(self.report) if self.report else None


class RulingKind(models.TextChoices):
    OFFICIAL = "official", _("officials acting in their office (§2.5)")
    LEGAL_ENTITY = "legal_entity", _("data on legal entities (§2.8)")
    THREE_PART_TEST = "three_part_test", _("three-part test justifies publication (§2.10)")


#: The kinds the personal-data scan itself treats as lawful (checks.engine `lawful`).
LAWFUL_KINDS = frozenset({RulingKind.OFFICIAL, RulingKind.LEGAL_ENTITY})


class ColumnRuling(models.Model):
    """A decision on one column of a dataset: its personal data may be published. Later
    versions of the dataset respect it."""

    dataset = models.ForeignKey(Dataset, verbose_name=_("dataset"), on_delete=models.CASCADE,
                                related_name="column_rulings")
    column = models.CharField(_("column"), max_length=200)
    kind = models.CharField(_("decision"), max_length=20, choices=RulingKind.choices)
    # The three-part test (§2.10): {question key: {"answer": "yes"|"no", "reason": text}}.
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    note = models.TextField(_("note"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("decided by"),
                                   null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("decided"))

    class Meta:
        ordering = ["dataset", "column"]
        verbose_name = _("ruling on a column")
        verbose_name_plural = _("rulings on columns")
        constraints = [models.UniqueConstraint(fields=["dataset", "column"],
                                               name="uniq_ruling_dataset_column")]

    def __str__(self) -> str:
        return f"{self.dataset}: {self.column} ({self.kind})"

    def test_answers(self) -> list[tuple[str, str, str]]:
        """The three-part test as read: (question, yes/no, why), in the order of §2.2."""
        from radadata.checks.three_part_test import readable

        return readable(self.answers)
