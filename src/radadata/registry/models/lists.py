from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .datasets import Dataset
from .owners import Owner


class NationalListItem(models.Model):
    """An item of the national list of datasets (КМУ 835 appendix) for local self-government.

    Shipped as data (registry/data/national_list.csv); `unconfirmed` marks wording and
    numbering not verified against the official text (REGULATION-NOTES §1.7).
    """

    code = models.CharField(_("code"), max_length=20, unique=True)
    title = models.CharField(_("title"), max_length=500)
    section = models.CharField(_("section"), max_length=100, blank=True)
    unconfirmed = models.BooleanField(_("wording unconfirmed"), default=True)
    source = models.CharField(_("source"), max_length=255, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("national list item")
        verbose_name_plural = _("national list (КМУ 835)")

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"


class ApprovedListItem(models.Model):
    """An entry of the council's approved list (перелік, §2.11–2.19): what must be published."""

    title = models.CharField(_("title"), max_length=500)
    national_item = models.ForeignKey(
        NationalListItem, verbose_name=_("national list item"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="approved_items",
    )
    owner = models.ForeignKey(Owner, verbose_name=_("owner"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="approved_items")
    dataset = models.OneToOneField(
        Dataset, verbose_name=_("dataset"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="approved_item",
    )
    position = models.PositiveIntegerField(_("number"), default=0)
    added_at = models.DateTimeField(_("added"))

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("approved list item")
        verbose_name_plural = _("approved list")
        constraints = [
            models.UniqueConstraint(
                fields=["national_item"], condition=models.Q(national_item__isnull=False),
                name="uniq_approved_national_item",
            ),
        ]

    def __str__(self) -> str:
        return self.title
