from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from radadata.registry.vocabularies import DatasetStatus, DataType, Periodicity

from .owners import Owner


class Theme(models.Model):
    """A subject heading (предмет, §4.13) used to group and filter datasets."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=150, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name


class Keyword(models.Model):
    name = models.CharField(_("keyword"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("keyword")
        verbose_name_plural = _("keywords")

    def __str__(self) -> str:
        return self.name


def public_q(prefix: str = "") -> models.Q:
    """Datasets the public sees: published ones, and those published once and then marked
    "no longer updated" (their data stays open). `prefix` reaches them through a relation,
    e.g. "dataset__"."""
    return (models.Q(**{f"{prefix}status": DatasetStatus.PUBLISHED})
            | models.Q(**{f"{prefix}status": DatasetStatus.ARCHIVED,
                          f"{prefix}first_published_at__isnull": False}))


class DatasetQuerySet(models.QuerySet["Dataset"]):
    def published(self) -> DatasetQuerySet:
        return self.filter(public_q())

    def of_owners(self, owners) -> DatasetQuerySet:
        return self.filter(owner__in=owners)


class Dataset(models.Model):
    """A dataset in the registry (§4.3) with its passport (КМУ 835 п.7, §6.15.1)."""

    # Passport (КМУ 835 п.7)
    identifier = models.CharField(
        _("identifier"), max_length=100, unique=True,
        help_text=_("Stable unique identification number of the dataset (§5.3)."),
    )
    name = models.SlugField(
        _("address name"), max_length=100, unique=True,
        help_text=_("Lowercase Latin letters, digits and hyphens; the page is /dataset/<name>."),
    )
    title = models.CharField(_("title"), max_length=254)
    description = models.TextField(
        _("description"), validators=[MaxLengthValidator(4000)],
        help_text=_("A short description of the content, up to 4000 characters."),
    )
    purpose = models.TextField(
        _("legal basis and purpose of collection"), validators=[MaxLengthValidator(512)],
    )
    language = models.CharField(_("language"), max_length=8, default="uk")
    declared_formats = models.CharField(
        _("formats"), max_length=100, blank=True,
        help_text=_("Comma-separated, e.g. CSV, XLSX. Filled from the files when empty."),
    )
    compression = models.CharField(_("compression format"), max_length=20, blank=True)
    periodicity = models.CharField(
        _("update frequency"), max_length=40, choices=Periodicity.choices,
    )
    keywords = models.ManyToManyField(Keyword, verbose_name=_("keywords"), blank=True,
                                      related_name="datasets")
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True,
                                    related_name="datasets")
    landing_page_override = models.URLField(
        _("external page"), blank=True,
        help_text=_("Only if the dataset's page is elsewhere; normally left empty."),
    )
    # Registry (§4.3)
    owner = models.ForeignKey(Owner, verbose_name=_("owner"), on_delete=models.PROTECT,
                              related_name="datasets")
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible person"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="responsible_for",
        help_text=_("Contact point of the dataset; the owner's responsible person if empty."),
    )
    data_type = models.CharField(_("data type"), max_length=20, choices=DataType.choices,
                                 default=DataType.STRUCTURED)
    created_on = models.DateField(_("date of creation"))
    status = models.CharField(_("state"), max_length=20, choices=DatasetStatus.choices,
                              default=DatasetStatus.REGISTERED, db_index=True)
    first_published_at = models.DateTimeField(_("first published"), null=True, blank=True)
    last_modified_at = models.DateTimeField(_("last changed"), null=True, blank=True)
    data_as_of = models.DateField(_("data current as of"), null=True, blank=True)
    registered_at = models.DateTimeField(_("entered in the registry"))
    updated_at = models.DateTimeField(_("updated"), db_index=True)

    objects = DatasetQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("dataset")
        verbose_name_plural = _("datasets")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("registry:dataset-detail", args=[self.name])

    @property
    def landing_page(self) -> str:
        return self.landing_page_override or f"{settings.SITE_URL}/dataset/{self.name}"

    @property
    def is_published(self) -> bool:
        return self.status == DatasetStatus.PUBLISHED or (
            self.status == DatasetStatus.ARCHIVED and self.first_published_at is not None)
