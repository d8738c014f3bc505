"""The demand loop (§2.13, §2.18, §3.7): what the public asks for, searches that found
nothing, the survey, the officer's adjustments of the priority, and the proposal for the
approved list. Nothing here identifies a person."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from radadata.catalog.models import DataRequest
from radadata.registry.models import Owner
from radadata.registry.vocabularies import Periodicity


class RequestVote(models.Model):
    """“I need this too” on a public data request; only the day is kept, not the person."""

    data_request = models.ForeignKey(DataRequest, on_delete=models.CASCADE,
                                     related_name="votes")
    day = models.DateField(_("day"))

    class Meta:
        verbose_name = _("vote for a data request")

    def __str__(self) -> str:
        return f"{self.data_request_id} {self.day}"


class EmptySearch(models.Model):
    """Searches of the catalogue that found nothing, counted per words and day. The words are
    dropped when they hold personal data."""

    text = models.CharField(_("searched for"), max_length=200)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("times"), default=1)

    class Meta:
        ordering = ["-day", "text"]
        verbose_name = _("search that found nothing")
        constraints = [models.UniqueConstraint(fields=["text", "day"],
                                               name="uniq_empty_search")]

    def __str__(self) -> str:
        return self.text


class Survey(models.Model):
    """The public survey «Які дані вам потрібні?», opened and closed by the officer."""

    title = models.CharField(_("title"), max_length=254)
    question = models.TextField(_("question"), max_length=2000)
    opened_at = models.DateTimeField(_("opened"))
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("survey")

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class SurveyAnswerState(models.TextChoices):
    SHOWN = "shown", _("shown")
    HELD = "held", _("held: personal data found")
    HIDDEN = "hidden", _("hidden by the officer")


class SurveyAnswer(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="answers")
    wanted = models.TextField(_("what data you need"), max_length=2000)
    purpose = models.CharField(_("what for"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("sent"))
    state = models.CharField(_("state"), max_length=20, choices=SurveyAnswerState.choices,
                             default=SurveyAnswerState.SHOWN, db_index=True)
    found = models.CharField(_("personal data found"), max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("survey answer")

    def __str__(self) -> str:
        return self.wanted[:60]

    @property
    def found_kinds(self) -> str:
        """What personal data was found, in words (the codes stay in `found`)."""
        from radadata.audit.screening import kinds_of

        return ", ".join(kinds_of(self.found))


class RateHit(models.Model):
    """One message from a client in the last hour, kept in the database so that every web
    process sees the same count. The client is a salted hash that changes daily."""

    key = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("rate-limit hit")

    def __str__(self) -> str:
        return f"{self.key[:8]} {self.at}"


class PriorityAdjustment(models.Model):
    """The officer's change of a candidate's score, with the reason (shown beside the score)."""

    candidate = models.CharField(_("candidate"), max_length=40, db_index=True)
    points = models.IntegerField(_("points"))
    reason = models.CharField(_("reason"), max_length=500)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                           on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("adjusted"))

    class Meta:
        ordering = ["-at"]
        verbose_name = _("priority adjustment")

    def __str__(self) -> str:
        return f"{self.candidate} {self.points:+d}"


class ListProposal(models.Model):
    """The ranked candidates the officer chose, as a proposal for the approved list (§2.19)."""

    title = models.CharField(_("title"), max_length=254)
    made_at = models.DateTimeField(_("prepared"))
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-made_at"]
        verbose_name = _("proposal for the approved list")

    def __str__(self) -> str:
        return self.title


class ProposalItem(models.Model):
    proposal = models.ForeignKey(ListProposal, on_delete=models.CASCADE, related_name="items")
    candidate = models.CharField(_("candidate"), max_length=40)
    title = models.CharField(_("dataset"), max_length=500)
    owner = models.ForeignKey(Owner, verbose_name=_("owner"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    periodicity = models.CharField(_("periodicity"), max_length=40,
                                   choices=Periodicity.choices, blank=True)
    responsible = models.CharField(_("responsible person"), max_length=255, blank=True)
    deadline = models.DateField(_("publish by"), null=True, blank=True)
    score = models.IntegerField(_("priority score"), default=0)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["proposal", "position"]
        verbose_name = _("proposed dataset")

    def __str__(self) -> str:
        return self.title
