from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .datasets import Dataset


class Resource(models.Model):
    """One file of a dataset (e.g. "Дані за 2026 рік"); its content lives in versions."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="resources")
    title = models.CharField(_("title"), max_length=254)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created"))

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def __str__(self) -> str:
        return self.title

    @property
    def current_version(self) -> ResourceVersion | None:
        versions = getattr(self, "_prefetched_objects_cache", {}).get("versions")
        if versions is not None:
            return max(versions, key=lambda v: v.number, default=None)
        return self.versions.order_by("-number").first()


def version_upload_to(instance: ResourceVersion, filename: str) -> str:
    return (f"datasets/{instance.resource.dataset_id}/{instance.resource_id}/"
            f"v{instance.number}/{filename}")


class ResourceVersion(models.Model):
    """An immutable uploaded file. Earlier versions stay downloadable."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=version_upload_to, max_length=500)
    original_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64)
    size = models.BigIntegerField(_("size, bytes"))
    format = models.CharField(_("format"), max_length=20)
    media_type = models.CharField(_("media type"), max_length=100, blank=True)
    encoding = models.CharField(_("encoding"), max_length=40, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    published_at = models.DateTimeField(
        _("published"), null=True, blank=True,
        help_text=_("Empty while the version waits for publication: the public sees only "
                    "published versions."),
    )

    class Meta:
        ordering = ["resource", "-number"]
        verbose_name = _("resource version")
        verbose_name_plural = _("resource versions")
        constraints = [
            models.UniqueConstraint(fields=["resource", "number"], name="uniq_version_number"),
        ]

    def __str__(self) -> str:
        return f"{self.resource} v{self.number}"

    def save(self, *args, **kwargs) -> None:
        # Versions are evidence of what was published: never rewritten once stored.
        if self.pk is not None and not kwargs.pop("_allow_update", False):
            raise RuntimeError("ResourceVersion is immutable")
        super().save(*args, **kwargs)


class Structure(models.Model):
    """The dataset's structure (§6.6.2, §6.16) as a Frictionless Table Schema."""

    class Source(models.TextChoices):
        INFERRED = "inferred", _("inferred from the first file")
        NATIONAL = "national", _("national structure")
        MANUAL = "manual", _("entered by hand")

    dataset = models.OneToOneField(Dataset, on_delete=models.CASCADE, related_name="structure")
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    national_code = models.CharField(_("national structure"), max_length=100, blank=True)
    schema = models.JSONField(_("Table Schema"), default=dict)
    updated_at = models.DateTimeField(_("updated"))

    class Meta:
        verbose_name = _("structure")

    def __str__(self) -> str:
        return f"{self.dataset}: {self.get_source_display()}"
