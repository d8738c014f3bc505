"""What the public side of the site keeps: use counts, feedback on datasets (§6.15.4), and
requests for data that is not published (§2.18)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from radadata.registry.models import Dataset


class DailyCount(models.Model):
    """Views of a dataset's page and downloads of its files on one day. No cookie, no address,
    nothing about the person: only the numbers."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="daily_counts")
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)
    downloads = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("daily use count")
        constraints = [models.UniqueConstraint(fields=["dataset", "day"],
                                               name="uniq_daily_count")]

    def __str__(self) -> str:
        return f"{self.dataset} {self.day}: {self.views}/{self.downloads}"


class Moderation(models.TextChoices):
    PENDING = "pending", _("waiting for moderation")
    APPROVED = "approved", _("shown")
    REJECTED = "rejected", _("hidden")


class Feedback(models.Model):
    """A user's message about a dataset (§6.15.4). Shown after the officer approves it."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="feedback")
    author_name = models.CharField(_("name"), max_length=150, blank=True)
    author_email = models.EmailField(_("e-mail"), blank=True,
                                     help_text=_("Only the officer sees it, to answer you."))
    text = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("sent"))
    state = models.CharField(_("moderation"), max_length=20, choices=Moderation.choices,
                             default=Moderation.PENDING, db_index=True)
    answer = models.TextField(_("answer"), blank=True)
    moderated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self) -> str:
        return f"{self.dataset}: {self.text[:50]}"


class RequestState(models.TextChoices):
    NEW = "new", _("new")
    ANSWERED = "answered", _("answered")
    PUBLISHED = "published", _("published")
    DECLINED = "declined", _("declined")


class DataRequest(models.Model):
    """Someone asks for data the council does not publish yet; the officer answers publicly."""

    title = models.CharField(_("what data"), max_length=254)
    reason = models.TextField(_("why it is needed"), max_length=5000, blank=True)
    contact_name = models.CharField(_("name"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True,
                                      help_text=_("Optional; only the officer sees it."))
    created_at = models.DateTimeField(_("sent"))
    state = models.CharField(_("state"), max_length=20, choices=RequestState.choices,
                             default=RequestState.NEW, db_index=True)
    answer = models.TextField(_("answer"), blank=True)
    dataset = models.ForeignKey(Dataset, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="requests",
                                help_text=_("The published dataset that answers it."))
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("data request")
        verbose_name_plural = _("data requests")

    def __str__(self) -> str:
        return self.title


class SearchEntry(models.Model):
    """One published dataset as the search reads it: the lemmas of its texts (see
    catalog/search/text.py) and its formats. Kept in step by catalog.search.index_dataset().

    The full-text index over these columns is the database's own: an FTS5 table kept by
    triggers on SQLite, a generated tsvector column with a GIN index on PostgreSQL (both made
    by migration 0002, outside Django's model state)."""

    dataset = models.OneToOneField(Dataset, on_delete=models.CASCADE, primary_key=True,
                                   related_name="search_entry")
    title = models.TextField(blank=True)
    tags = models.TextField(blank=True)  # keywords and theme names
    body = models.TextField(blank=True)  # description
    owner = models.TextField(blank=True)
    formats = models.CharField(max_length=200, blank=True)  # ",CSV,XLSX," for exact matching
    # The APIs' outputs of the dataset, the parts that follow from it alone, as JSON text
    # (api/rendered.py), and the SITE_URL their addresses were written with. Nullable: SQLite
    # adds such a column in place, where a default would rebuild the table and lose the
    # full-text triggers of migration 0002.
    ckan = models.TextField(null=True, blank=True)
    v1 = models.TextField(null=True, blank=True)
    site = models.CharField(max_length=300, null=True, blank=True)

    class Meta:
        verbose_name = _("search index entry")

    def __str__(self) -> str:
        return f"{self.dataset_id}: {self.title}"

    @property
    def format_list(self) -> list[str]:
        return [f for f in self.formats.split(",") if f]


class CatalogueVersion(models.Model):
    """One row whose token changes, in the same transaction, with every change the search can
    see (catalog.search.index bumps it). Cached search results are keyed by the token, so a
    cache is never read across a change, in any process: see catalog/search/cache.py."""

    token = models.CharField(max_length=32)
    # Changes only with what the search index itself holds (index.py): the copy of the index
    # each process keeps in memory (search/memory.py) is rebuilt when it does.
    index_token = models.CharField(max_length=32, default="", blank=True)

    class Meta:
        verbose_name = _("catalogue version")

    def __str__(self) -> str:
        return self.token
