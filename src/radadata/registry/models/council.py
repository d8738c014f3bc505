from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Council(models.Model):
    """The council this installation serves: one row."""

    name = models.CharField(_("name"), max_length=255, default="Міська рада")
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    edrpou = models.CharField(_("ЄДРПОУ code"), max_length=8, blank=True)
    city = models.CharField(_("settlement"), max_length=100, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("open-data e-mail"), blank=True)

    class Meta:
        verbose_name = _("council")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> Council:
        council = cls.objects.filter(pk=1).first()
        return council or cls(pk=1)
