"""Which national structure a dataset follows, and in which edition.

The registry's own `Structure` holds the Table Schema every file is validated against (its
source "national", its `national_code` the id); this row keeps what was chosen — the id, the
edition and its status at the time, who chose it and when — so that a dataset keeps the
edition it was checked against when a later edition is shipped.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from radadata.registry.models import Dataset


class DatasetNationalStructure(models.Model):
    dataset = models.OneToOneField(Dataset, on_delete=models.CASCADE,
                                   related_name="national_structure")
    structure_id = models.CharField(_("national structure"), max_length=200)
    edition = models.CharField(_("edition"), max_length=20)
    title = models.CharField(_("title"), max_length=500)
    edition_status = models.CharField(_("status of the edition"), max_length=20)
    chosen_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")
    chosen_at = models.DateTimeField(_("chosen"))

    class Meta:
        verbose_name = _("national structure of a dataset")

    def __str__(self) -> str:
        return f"{self.dataset}: {self.structure_id}"

    @property
    def unconfirmed(self) -> bool:
        return self.edition_status == "unconfirmed"
