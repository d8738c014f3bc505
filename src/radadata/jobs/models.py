"""Background jobs: what was asked, how far it got, and a line per item (DESIGN.md "Jobs").

The queue itself is django-tasks (the database backend in the embedded default); a Job is the
user-facing record that a page can show as a progress bar and a log."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    PENDING = "pending", _("waiting to start")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    DONE_WITH_ERRORS = "done_with_errors", _("done with errors")
    FAILED = "failed", _("failed")
    CANCELLED = "cancelled", _("cancelled")


FINISHED = {Status.DONE, Status.DONE_WITH_ERRORS, Status.FAILED, Status.CANCELLED}


class Job(models.Model):
    kind = models.CharField(_("kind"), max_length=50, db_index=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.PENDING, db_index=True)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    # What the job is about, as "app.model:pk", so a page can find the job of its object.
    subject = models.CharField(_("subject"), max_length=100, blank=True, db_index=True)
    done = models.PositiveIntegerField(_("items done"), default=0)
    total = models.PositiveIntegerField(_("items in all"), default=0)
    # Progress inside the current item (one big file): 0..1.
    fraction = models.FloatField(default=0.0)
    message = models.TextField(_("message"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("started by"),
                                   null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(_("created"))
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    # The worker process that runs it ("host-pid"), so a dead worker's jobs can be taken over.
    worker = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def percent(self) -> int:
        if self.status == Status.DONE:
            return 100
        if not self.total:
            return int(self.fraction * 100)
        return min(100, int((self.done + self.fraction) * 100 / self.total))


class ItemStatus(models.TextChoices):
    OK = "ok", _("done")
    FAILED = "failed", _("failed")
    SKIPPED = "skipped", _("skipped")


class JobItem(models.Model):
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="items")
    key = models.CharField(max_length=200)
    label = models.CharField(_("item"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ItemStatus.choices)
    message = models.TextField(_("message"), blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["job", "key"], name="uniq_job_item_key")]

    def __str__(self) -> str:
        return f"{self.job} {self.key}"


class WorkerBeat(models.Model):
    """One row per worker process: when it was last seen alive (jobs/heartbeat.py)."""

    worker = models.CharField(max_length=64, unique=True)
    host = models.CharField(max_length=64)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.worker


class PeriodicRun(models.Model):
    """When each periodic task last started: survives restarts, so nothing runs twice as often
    and nothing is forgotten."""

    name = models.CharField(max_length=100, unique=True)
    last_run_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.name
