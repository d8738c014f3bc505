"""The yearly data audit (§3.1–3.6): its order, stages, bodies, auditors, the inventory each
body keeps (the registry is formed from it, §4.1: an item links its dataset), the findings
and recommendations, and the report once approved."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from radadata.registry.models import Dataset, Owner
from radadata.registry.vocabularies import Periodicity


class AuditKind(models.TextChoices):
    """§3.3: how the audit is carried out."""

    REMOTE = "remote", _("remote")
    CONTACT = "contact", _("contact")
    COMBINED = "combined", _("combined")


class AuditState(models.TextChoices):
    PLANNED = "planned", _("planned: the order is being prepared")
    RUNNING = "running", _("running: the bodies are being audited")
    REPORTED = "reported", _("report submitted for approval")
    PUBLISHED = "published", _("report approved and published")


class Audit(models.Model):
    year = models.PositiveIntegerField(_("year"), unique=True)
    kind = models.CharField(_("kind of audit"), max_length=20, choices=AuditKind.choices)
    subject = models.TextField(_("subject of the audit"), max_length=2000)
    report_procedure = models.TextField(
        _("procedure for the report"), max_length=2000, blank=True,
        help_text=_("How and by when the auditors present the report (§3.5)."))
    state = models.CharField(_("state"), max_length=20, choices=AuditState.choices,
                             default=AuditState.PLANNED, db_index=True)
    summary = models.TextField(_("conclusions of the report"), blank=True, max_length=10000)
    order_number = models.CharField(_("number of the mayor's order"), max_length=30, blank=True)
    order_date = models.DateField(_("date of the mayor's order"), null=True, blank=True)
    opened_at = models.DateTimeField(_("opened"))
    reported_at = models.DateTimeField(_("report submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-year"]
        verbose_name = _("data audit")
        verbose_name_plural = _("data audits")

    def __str__(self) -> str:
        return f"Аудит даних {self.year}"

    @property
    def is_published(self) -> bool:
        return self.state == AuditState.PUBLISHED

    @property
    def starts_on(self) -> dt.date | None:
        return min((s.starts_on for s in self.stages.all()), default=None)

    @property
    def ends_on(self) -> dt.date | None:
        return max((s.ends_on for s in self.stages.all()), default=None)


class AuditStage(models.Model):
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="stages")
    title = models.CharField(_("stage"), max_length=255)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))

    class Meta:
        ordering = ["starts_on", "id"]
        verbose_name = _("audit stage")

    def __str__(self) -> str:
        return self.title


class AuditBody(models.Model):
    """A body (owner) audited, on its schedule, with the person who receives the auditors."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="bodies")
    owner = models.ForeignKey(Owner, verbose_name=_("body"), on_delete=models.PROTECT,
                              related_name="audits")
    visit_from = models.DateField(_("audited from"))
    visit_to = models.DateField(_("audited to"))
    contact_name = models.CharField(_("contact person"), max_length=255)
    contact_position = models.CharField(_("contact's position"), max_length=255, blank=True)
    contact_phone = models.CharField(_("contact's phone"), max_length=32, blank=True)
    contact_email = models.EmailField(_("contact's e-mail"), blank=True)

    class Meta:
        ordering = ["visit_from", "owner__name"]
        verbose_name = _("audited body")
        constraints = [models.UniqueConstraint(fields=["audit", "owner"],
                                               name="uniq_audit_body")]

    def __str__(self) -> str:
        return str(self.owner)


class Auditor(models.Model):
    """A person appointed to the audit, with powers and a term: outside the term the person
    has no auditor's rights (§3.4)."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="auditors")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="audit_terms")
    powers = models.TextField(_("powers"), max_length=2000)
    term_from = models.DateField(_("term from"))
    term_to = models.DateField(_("term to"))

    class Meta:
        ordering = ["audit", "user__last_name"]
        verbose_name = _("auditor")
        constraints = [models.UniqueConstraint(fields=["audit", "user"],
                                               name="uniq_audit_auditor")]

    def __str__(self) -> str:
        return str(self.user)

    def active_on(self, day: dt.date) -> bool:
        return self.term_from <= day <= self.term_to and self.user.is_active


class ItemKind(models.TextChoices):
    SYSTEM = "system", _("information system")
    REGISTER = "register", _("register")
    DATABASE = "database", _("database")
    SPREADSHEET = "spreadsheet", _("spreadsheet")
    DOCUMENTS = "documents", _("documents")


class Keeping(models.TextChoices):
    ELECTRONIC = "electronic", _("electronic")
    PAPER = "paper", _("on paper")
    MIXED = "mixed", _("on paper and electronic")


class PublicValue(models.IntegerChoices):
    LOW = 1, _("low")
    MEDIUM = 2, _("medium")
    HIGH = 3, _("high")


class InventoryItem(models.Model):
    """One information resource a body keeps (§3.2): what it is and whether it can be open."""

    body = models.ForeignKey(AuditBody, on_delete=models.CASCADE, related_name="items")
    name = models.CharField(_("name"), max_length=254)
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices)
    content = models.TextField(_("what it holds"), max_length=2000)
    data_format = models.CharField(_("format"), max_length=100, blank=True)
    keeping = models.CharField(_("how it is kept"), max_length=20, choices=Keeping.choices,
                               default=Keeping.ELECTRONIC)
    personal_data = models.BooleanField(_("holds personal data"), default=False)
    legal_basis = models.CharField(_("legal basis"), max_length=500, blank=True)
    volume = models.CharField(_("volume"), max_length=100, blank=True)
    change_frequency = models.CharField(_("how often it changes"), max_length=40,
                                        choices=Periodicity.choices, blank=True)
    public_value = models.PositiveSmallIntegerField(_("value for the public"),
                                                    choices=PublicValue.choices,
                                                    default=PublicValue.MEDIUM)
    dataset = models.ForeignKey(Dataset, verbose_name=_("already a dataset"), null=True,
                                blank=True, on_delete=models.SET_NULL, related_name="+")
    recommend_publish = models.BooleanField(_("recommended for publication"), default=False)
    recommendation = models.TextField(_("recommendation"), max_length=2000, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"))

    class Meta:
        ordering = ["body", "name"]
        verbose_name = _("inventory item")

    def __str__(self) -> str:
        return self.name


class Finding(models.Model):
    """A finding of the audit with its recommendation, for one body or for the council."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="findings")
    body = models.ForeignKey(AuditBody, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="findings", verbose_name=_("body"))
    text = models.TextField(_("finding"), max_length=2000)
    recommendation = models.TextField(_("recommendation"), max_length=2000)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    recorded_at = models.DateTimeField(_("recorded"))

    class Meta:
        ordering = ["audit", "id"]
        verbose_name = _("audit finding")

    def __str__(self) -> str:
        return self.text[:60]
