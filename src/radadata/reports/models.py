"""What the reports keep: closed quarters with their frozen figures and the texts the officer
edits (§8.2–8.5), and the editable texts of each year's report to the council."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from radadata.registry.models import Owner
from radadata.reports.periods import Quarter


class QuarterClose(models.Model):
    """A quarter of monitoring, closed: its figures as they stood on its last day, frozen."""

    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    as_of = models.DateField(_("figures as of"))
    figures = models.JSONField(_("figures"), default=dict,
                               help_text=_("Per owner and in total, as computed at closing."))
    summary = models.TextField(_("general conclusions"), blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("closed by"),
                                  null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    closed_at = models.DateTimeField(_("closed"))
    updated_at = models.DateTimeField(_("updated"))

    class Meta:
        ordering = ["-year", "-quarter"]
        verbose_name = _("closed quarter")
        verbose_name_plural = _("closed quarters")
        constraints = [models.UniqueConstraint(fields=["year", "quarter"],
                                               name="uniq_quarter_close")]

    def __str__(self) -> str:
        return str(self.period)

    @property
    def period(self) -> Quarter:
        return Quarter(self.year, self.quarter)


class QuarterNote(models.Model):
    """The working group's conclusions and recommendations for one owner (§8.5), drafted by the
    system from the frozen figures and edited by the officer."""

    close = models.ForeignKey(QuarterClose, on_delete=models.CASCADE, related_name="notes")
    owner = models.ForeignKey(Owner, verbose_name=_("owner"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    owner_name = models.CharField(_("owner"), max_length=255)  # as it was named at closing
    position = models.PositiveIntegerField(_("position"), default=0)
    conclusions = models.TextField(_("conclusions"), blank=True)
    recommendations = models.TextField(_("recommendations"), blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("edited by"),
                                   null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_at = models.DateTimeField(_("updated"))

    class Meta:
        ordering = ["close", "position", "id"]
        verbose_name = _("conclusions for an owner")
        verbose_name_plural = _("conclusions for owners")

    def __str__(self) -> str:
        return f"{self.close}: {self.owner_name}"


class YearlyText(models.Model):
    """The editable words of one year's report to the council (§8.5): the decision of the
    executive committee and the parts of the report that are not figures."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title of the decision"), max_length=500)
    preamble = models.TextField(_("preamble"))
    points = models.TextField(_("points of the decision"),
                              help_text=_("One point per line; they are numbered in order."))
    measures = models.TextField(_("measures taken during the year"))
    plan = models.TextField(_("plan for the next year"))
    mayor_name = models.CharField(_("mayor (full name)"), max_length=255, blank=True)
    signer_position = models.CharField(_("position of the person who signs the report"),
                                       max_length=255)
    signer_name = models.CharField(_("name of the person who signs the report"),
                                   max_length=255, blank=True)
    prepared = models.TextField(
        _("prepared by"), blank=True,
        help_text=_("The «ПІДГОТУВАВ» block: position — full name, e.g. the open-data "
                    "officer."))
    agreed = models.TextField(
        _("agreed with"), blank=True,
        help_text=_("The «ПОГОДЖЕНО» block: one person per line, position — full name."))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("edited by"),
                                   null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_at = models.DateTimeField(_("updated"))

    class Meta:
        ordering = ["-year"]
        verbose_name = _("texts of a yearly report")
        verbose_name_plural = _("texts of yearly reports")

    def __str__(self) -> str:
        return str(self.year)
