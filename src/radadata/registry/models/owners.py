from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from radadata.registry.vocabularies import MembershipRole, OwnerKind


class OwnerQuerySet(models.QuerySet["Owner"]):
    def active(self) -> OwnerQuerySet:
        return self.filter(is_active=True)


class Owner(models.Model):
    """A data owner (розпорядник набору даних, §1.15): department or communal enterprise."""

    name = models.CharField(_("full name"), max_length=255, unique=True)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    slug = models.SlugField(_("short Latin name"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OwnerKind.choices)
    edrpou = models.CharField(
        _("ЄДРПОУ code"), max_length=8, blank=True,
        help_text=_("8 digits; required for legal entities (§1.15.2, §1.15.3)."),
    )
    managing_owner = models.ForeignKey(
        "self", verbose_name=_("managing executive body"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="managed_owners",
        help_text=_("For an enterprise: the department that manages it and publishes its "
                    "data (§6.9)."),
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("subordinate to"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="units",
        help_text=_("Where the council's lists put this owner: a structural unit under the "
                    "executive committee, an enterprise under the body that manages it. "
                    "Reports group the owners by it."))
    position = models.PositiveIntegerField(
        _("order"), default=0,
        help_text=_("The owner's place in the council's tables and reports (1, 2, 3…); owners "
                    "with the same number follow by name."))
    head_name = models.CharField(_("head (full name)"), max_length=255, blank=True)
    head_position = models.CharField(_("head's position"), max_length=255, blank=True)
    deputy_name = models.CharField(
        _("supervising deputy (full name)"), max_length=255, blank=True,
        help_text=_("Agrees the cover letters (§6.10)."),
    )
    deputy_position = models.CharField(_("supervising deputy's position"), max_length=255,
                                       blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    registered_on_portal = models.BooleanField(
        _("registered on data.gov.ua"), default=False,
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"))
    updated_at = models.DateTimeField(_("updated"))

    objects = OwnerQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("data owner")
        verbose_name_plural = _("data owners")
        constraints = [
            models.UniqueConstraint(
                fields=["edrpou"], condition=~Q(edrpou=""), name="uniq_owner_edrpou"
            ),
        ]

    def __str__(self) -> str:
        return self.short_name or self.name

    @property
    def is_legal_entity(self) -> bool:
        return self.kind in (OwnerKind.DEPARTMENT_LEGAL, OwnerKind.ENTERPRISE)


class OwnerMembership(models.Model):
    """A person's role at one owner: responsible person, substitute (§6.7.1) or editor (§6.8)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=MembershipRole.choices)

    class Meta:
        ordering = ["owner__name", "role"]
        verbose_name = _("owner role")
        verbose_name_plural = _("owner roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "owner", "role"], name="uniq_membership"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.owner}"
