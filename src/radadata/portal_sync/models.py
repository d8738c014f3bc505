"""The council's connection to data.gov.ua (or any CKAN) and each dataset's sync record.

A DatasetSync keeps what the portal knows of the dataset: the remote package and resource ids
(saved as each step of a push succeeds, so a failed push resumes where it stopped), a hash of
what we last sent, the fields we sent (to see hand edits on the portal), the moderation answer
last seen, and the claim that keeps two workers from pushing the same dataset at once."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from radadata.portal_sync import keys
from radadata.registry.models import Dataset


class PortalConnection(models.Model):
    """The council's organisation on the portal: one row (pk 1), like registry.Council."""

    base_url = models.URLField(
        _("portal address"), max_length=200,
        help_text=_("https://data.gov.ua for the national portal, https://test.data.gov.ua for "
                    "its test instance, or the address of any CKAN portal."))
    organization = models.CharField(
        _("organisation on the portal"), max_length=100,
        help_text=_("The id or short name of the council's organisation on the portal, as in "
                    "the address of its page (…/organization/<name>)."))
    api_key_encrypted = models.TextField(blank=True)
    #: What the portal keeps where (layout.Layout.stored()): read from its schema by the
    #: connection check, or learnt from a push.
    layout = models.JSONField(_("what the portal keeps"), default=dict, blank=True)
    updated_at = models.DateTimeField(_("changed"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("changed by"),
                                   null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        verbose_name = _("portal connection")

    def __str__(self) -> str:
        return f"{self.base_url} ({self.organization})"

    @classmethod
    def current(cls) -> PortalConnection | None:
        return cls.objects.filter(pk=1).first()

    @property
    def api_key(self) -> str:
        """The key in clear, for the client only. Raises keys.KeyUnreadable."""
        return keys.decrypt(self.api_key_encrypted) if self.api_key_encrypted else ""

    @property
    def masked_key(self) -> str:
        if not self.api_key_encrypted:
            return ""
        try:
            return keys.mask(self.api_key)
        except keys.KeyUnreadable:
            return ""

    @property
    def key_unreadable(self) -> bool:
        return bool(self.api_key_encrypted) and not self.masked_key

    def package_url(self, name: str) -> str:
        return f"{self.base_url.rstrip('/')}/dataset/{name}"


class SyncState(models.TextChoices):
    """What a page shows. `state` stores the first, third and last three; "local changes" and
    "changed on the portal" are worked out when read (selectors.shown_state)."""

    NEVER = "never", _("never pushed")
    IN_SYNC = "in_sync", _("in sync")
    LOCAL_CHANGES = "local_changes", _("local changes not pushed")
    CHANGED_ON_PORTAL = "changed_on_portal", _("changed on the portal")
    PUSHING = "pushing", _("pushing")
    FAILED = "failed", _("failed")


class Moderation(models.TextChoices):
    """The portal's answer last seen (polling.portal_answer)."""

    PENDING = "pending", _("waiting for the portal's moderator")
    APPROVED = "approved", _("approved by the portal administrator")
    REJECTED = "rejected", _("rejected by the portal administrator")
    PUBLISHED = "published", _("published on the portal")


class DatasetSync(models.Model):
    dataset = models.OneToOneField(Dataset, verbose_name=_("dataset"), on_delete=models.CASCADE,
                                   related_name="portal_sync")
    state = models.CharField(_("sync state"), max_length=20, choices=SyncState.choices,
                             default=SyncState.NEVER, db_index=True)
    remote_id = models.CharField(_("package id on the portal"), max_length=100, blank=True,
                                 db_index=True)
    remote_name = models.CharField(_("package name on the portal"), max_length=100, blank=True)
    #: {"<resource pk>" or "structure": {"id", "sha256", "name", "source"}} of what we uploaded.
    resources = models.JSONField(_("resources on the portal"), default=dict, blank=True)
    pushed_hash = models.CharField(_("hash of what was sent"), max_length=64, blank=True)
    #: The package fields as last sent: a difference on the portal is a hand edit.
    pushed_fields = models.JSONField(default=dict, blank=True)
    pushed_at = models.DateTimeField(_("last pushed"), null=True, blank=True)
    #: The portal's metadata_modified right after our last push (the portal's clock).
    remote_modified = models.DateTimeField(_("portal's time of the last push"), null=True,
                                           blank=True)
    #: {"fields": {name: [sent, on the portal]}, "files": [text, ...], "deleted": bool}
    drift = models.JSONField(_("changes made on the portal"), default=dict, blank=True)
    drift_found_at = models.DateTimeField(null=True, blank=True)
    moderation = models.CharField(_("portal moderation"), max_length=20, blank=True,
                                  choices=Moderation.choices)
    polled_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)
    # The push lock: a random token while one worker pushes, with the time it was taken.
    claim = models.CharField(max_length=32, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"))

    class Meta:
        verbose_name = _("dataset sync with the portal")
        verbose_name_plural = _("dataset syncs with the portal")

    def __str__(self) -> str:
        return f"{self.dataset}: {self.get_state_display()}"
