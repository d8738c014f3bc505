from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .datasets import Dataset


class FactKind(models.TextChoices):
    UPLOADED = "uploaded", _("uploaded to the portal")
    REJECTED = "rejected", _("rejected by the portal administrator")


class DatasetFact(models.Model):
    """A dated event of a dataset's life before RadaData kept it, from the council's own list
    (the registry import's history columns).

    Live use records the same events as workflow submissions; the reports read both, so a past
    quarter or year sees an imported upload exactly as one made here (reports/snapshot.py).
    The dates of first publication and last update are the dataset's own fields.
    """

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="facts")
    kind = models.CharField(_("event"), max_length=20, choices=FactKind.choices)
    at = models.DateTimeField(_("date"))
    recorded_at = models.DateTimeField(_("recorded"))

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("dated fact")
        verbose_name_plural = _("dated facts")
        constraints = [models.UniqueConstraint(fields=["dataset", "kind"],
                                               name="uniq_dataset_fact")]

    def __str__(self) -> str:
        return f"{self.dataset} — {self.get_kind_display()} — {self.at:%Y-%m-%d}"
