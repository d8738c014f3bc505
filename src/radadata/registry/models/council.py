from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CouncilKind(models.TextChoices):
    CITY = "city", _("city council (міська рада)")
    SETTLEMENT = "settlement", _("settlement council (селищна рада)")
    VILLAGE = "village", _("village council (сільська рада)")


#: The adjective each kind of council is named with: "міська рада", "міський голова".
KIND_STEMS = {CouncilKind.CITY: "міськ", CouncilKind.SETTLEMENT: "селищн",
              CouncilKind.VILLAGE: "сільськ"}


class Council(models.Model):
    """The council this installation serves: one row, reached through `Council.current()`.

    Everything that names the council (pages, letters, reports, exports, the portal push) reads
    it from here; `set_up_at` is empty until the council's own details are entered (the set-up
    page or `radadata council init`).
    """

    name = models.CharField(_("official name"), max_length=255, default="")
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=CouncilKind.choices,
                            default=CouncilKind.CITY)
    edrpou = models.CharField(_("ЄДРПОУ code"), max_length=8, blank=True)
    city = models.CharField(_("settlement"), max_length=100, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("open-data e-mail"), blank=True)
    head_name = models.CharField(_("council head (full name)"), max_length=255, blank=True,
                                 help_text=_("Surname, given name, patronymic."))
    head_title = models.CharField(_("head's title"), max_length=255, blank=True,
                                  help_text=_("For example: міський голова."))
    signer_name = models.CharField(
        _("signs the reports (full name)"), max_length=255, blank=True,
        help_text=_("The secretary of the council or the executive committee's manager."))
    signer_title = models.CharField(_("signer's title"), max_length=255, blank=True)
    officer_name = models.CharField(_("open-data officer (full name)"), max_length=255,
                                    blank=True)
    officer_title = models.CharField(_("open-data officer's title"), max_length=255, blank=True)
    reports_count_moderation = models.BooleanField(
        _("reports count datasets on moderation"), default=True,
        help_text=_("As councils count: a dataset uploaded to the portal and still on "
                    "moderation counts in its owner's figure, the total and the share, marked "
                    "«(на модерації)». Untick to count published datasets only."))
    set_up_at = models.DateTimeField(_("set up"), null=True, blank=True)

    class Meta:
        verbose_name = _("council")

    def __str__(self) -> str:
        return self.name

    @property
    def is_set_up(self) -> bool:
        return self.set_up_at is not None

    @property
    def kind_stem(self) -> str:
        return KIND_STEMS.get(self.kind, "міськ")

    @classmethod
    def current(cls) -> Council:
        council = cls.objects.filter(pk=1).first()
        return council or cls(pk=1)
