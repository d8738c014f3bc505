from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.core import audit
from radadata.core.errors import Conflict, ValidationFailed
from radadata.core.text import latin_slug
from radadata.core.validation import clean_or_raise
from radadata.registry import access, hooks
from radadata.registry.models import Dataset, Keyword, Owner, ResourceVersion, Theme
from radadata.registry.vocabularies import DatasetStatus, Periodicity

DATASET_FIELDS = ("identifier", "name", "title", "description", "purpose", "language",
                  "declared_formats", "compression", "periodicity", "landing_page_override",
                  "owner", "responsible", "data_type", "created_on", "status",
                  "first_published_at", "last_modified_at", "data_as_of")
EDITABLE = {"title", "description", "purpose", "language", "declared_formats", "compression",
            "periodicity", "landing_page_override", "owner", "responsible", "data_type",
            "created_on", "data_as_of", "name", "identifier"}


def _unique_name(title: str, *, exclude_pk: int | None) -> str:
    base = latin_slug(title, max_length=90)
    name, n = base, 2
    while Dataset.objects.filter(name=name).exclude(pk=exclude_pk).exists():
        name = f"{base}-{n}"
        n += 1
    return name


def _clean_keywords(words: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for word in words:
        word = " ".join(str(word).split()).strip(" ,;").lower()
        if word:
            seen.setdefault(word[:100])
    return list(seen)


def _set_tags(dataset: Dataset, keywords: Iterable[str] | None,
              themes: Iterable[str] | None) -> dict:
    changes = {}
    if keywords is not None:
        before = sorted(dataset.keywords.values_list("name", flat=True))
        words = _clean_keywords(keywords)
        existing = {k.name: k for k in Keyword.objects.filter(name__in=words)}
        missing = [Keyword(name=w) for w in words if w not in existing]
        Keyword.objects.bulk_create(missing, ignore_conflicts=True)
        dataset.keywords.set(Keyword.objects.filter(name__in=words))
        if before != sorted(words):
            changes["keywords"] = [before, sorted(words)]
    if themes is not None:
        codes = sorted(set(themes))
        found = list(Theme.objects.filter(code__in=codes))
        if len(found) != len(codes):
            unknown = sorted(set(codes) - {t.code for t in found})
            message = _("Unknown theme: %(code)s") % {"code": unknown[0]}
            raise ValidationFailed({"themes": [message]})
        before = sorted(dataset.themes.values_list("code", flat=True))
        dataset.themes.set(found)
        if before != codes:
            changes["themes"] = [before, codes]
    return changes


def passport_errors(dataset: Dataset) -> dict[str, list[str]]:
    """The required passport fields left empty. No query: the registry import checks rows
    with it before anything is saved."""
    errors: dict[str, list[str]] = {}
    for field, label in (("title", _("title")), ("description", _("description")),
                         ("purpose", _("legal basis and purpose of collection"))):
        if not (getattr(dataset, field) or "").strip():
            errors[field] = [_("Fill in the %(field)s: the passport requires it.")
                             % {"field": label}]
    return errors


def _validate(dataset: Dataset) -> None:
    errors = passport_errors(dataset)
    if Dataset.objects.filter(identifier=dataset.identifier).exclude(pk=dataset.pk).exists():
        errors["identifier"] = [_("Identifier %(id)s is already used by another dataset.")
                                % {"id": dataset.identifier}]
    if errors:
        raise ValidationFailed(errors)
    clean_or_raise(dataset)


@transaction.atomic
def dataset_register(
    *,
    owner: Owner,
    title: str,
    description: str,
    purpose: str,
    periodicity: str,
    created_on: dt.date | None = None,
    keywords: Iterable[str] = (),
    themes: Iterable[str] = (),
    by: User | None,
    at: dt.datetime,
    **optional,
) -> Dataset:
    """Enter a new dataset in the registry (§4.4). Not published yet."""
    access.require_owner_edit(by, owner)
    unknown = set(optional) - EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    dataset = Dataset(owner=owner, title=(title or "").strip(),
                      description=(description or "").strip(), purpose=(purpose or "").strip(),
                      periodicity=periodicity, created_on=created_on or at.date(),
                      registered_at=at, updated_at=at, **optional)
    dataset.identifier = (dataset.identifier or "").strip() or str(uuid.uuid4())
    dataset.name = dataset.name or _unique_name(dataset.title, exclude_pk=None)
    _validate(dataset)
    dataset.save()
    tag_changes = _set_tags(dataset, keywords, themes)
    audit.record(actor=by, action="dataset.registered", obj=dataset, at=at,
                 changes={**audit.diff({}, audit.snapshot(dataset, DATASET_FIELDS)),
                          **tag_changes})
    hooks.dataset_changed(dataset)
    return dataset


@transaction.atomic
def dataset_update(
    *,
    dataset: Dataset,
    by: User | None,
    at: dt.datetime,
    keywords: Iterable[str] | None = None,
    themes: Iterable[str] | None = None,
    **fields,
) -> Dataset:
    access.require_dataset_edit(by, dataset)
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if "owner" in fields and fields["owner"] != dataset.owner:
        access.require_owner_edit(by, fields["owner"])
    before = audit.snapshot(dataset, DATASET_FIELDS)
    for name, value in fields.items():
        setattr(dataset, name, value.strip() if isinstance(value, str) else value)
    dataset.updated_at = at
    _validate(dataset)
    dataset.save()
    changes = {**audit.diff(before, audit.snapshot(dataset, DATASET_FIELDS)),
               **_set_tags(dataset, keywords, themes)}
    if changes:
        audit.record(actor=by, action="dataset.updated", obj=dataset, at=at, changes=changes)
    hooks.dataset_changed(dataset)
    return dataset


@transaction.atomic
def dataset_mark_published(*, dataset: Dataset, by: User | None, at: dt.datetime,
                           all_versions: bool = True) -> Dataset:
    """Record that the dataset is published. `all_versions` makes every waiting file public;
    the workflow passes False and publishes exactly the files of the submission."""
    access.require_office(by)
    if dataset.status == DatasetStatus.ARCHIVED:
        raise Conflict(_("An archived dataset is no longer updated; restore it first."))
    before = audit.snapshot(dataset, DATASET_FIELDS)
    dataset.status = DatasetStatus.PUBLISHED
    dataset.first_published_at = dataset.first_published_at or at
    dataset.last_modified_at = at
    dataset.updated_at = at
    dataset.save()
    # Imported here: resources depend on datasets, not the other way round.
    from radadata.registry.services.resources import versions_publish

    if all_versions:
        versions_publish(versions=ResourceVersion.objects.filter(resource__dataset=dataset),
                         at=at)
    audit.record(actor=by, action="dataset.published", obj=dataset, at=at,
                 changes=audit.diff(before, audit.snapshot(dataset, DATASET_FIELDS)))
    hooks.dataset_changed(dataset)
    return dataset


@transaction.atomic
def dataset_archive(*, dataset: Dataset, by: User | None, at: dt.datetime,
                    reason: str) -> Dataset:
    """The dataset is no longer updated: it stays in the registry and its files stay public."""
    access.require_office(by)
    if dataset.status == DatasetStatus.ARCHIVED:
        raise Conflict(_("The dataset is already marked as no longer updated."))
    if not (reason or "").strip():
        raise ValidationFailed({"reason": [_("Write why the dataset is no longer updated.")]})
    before = audit.snapshot(dataset, DATASET_FIELDS)
    dataset.status = DatasetStatus.ARCHIVED
    dataset.periodicity = Periodicity.NO_LONGER
    dataset.updated_at = at
    dataset.save()
    audit.record(actor=by, action="dataset.archived", obj=dataset, at=at, note=reason.strip(),
                 changes=audit.diff(before, audit.snapshot(dataset, DATASET_FIELDS)))
    hooks.dataset_changed(dataset)
    return dataset


@transaction.atomic
def dataset_restore(*, dataset: Dataset, by: User | None, at: dt.datetime,
                    periodicity: str, reason: str) -> Dataset:
    """Undo "no longer updated": the dataset is updated again on the schedule given. It returns
    to published when it was ever published, else to the registry."""
    access.require_office(by)
    if dataset.status != DatasetStatus.ARCHIVED:
        raise Conflict(_("The dataset is not marked as no longer updated."))
    errors: dict[str, list[str]] = {}
    if periodicity not in Periodicity.values or periodicity == Periodicity.NO_LONGER:
        errors["periodicity"] = [_("Choose how often the dataset will be updated again.")]
    if not (reason or "").strip():
        errors["reason"] = [_("Write why the dataset is updated again.")]
    if errors:
        raise ValidationFailed(errors)
    before = audit.snapshot(dataset, DATASET_FIELDS)
    dataset.status = (DatasetStatus.PUBLISHED if dataset.first_published_at
                      else DatasetStatus.REGISTERED)
    dataset.periodicity = periodicity
    dataset.updated_at = at
    dataset.save()
    audit.record(actor=by, action="dataset.restored", obj=dataset, at=at, note=reason.strip(),
                 changes=audit.diff(before, audit.snapshot(dataset, DATASET_FIELDS)))
    hooks.dataset_changed(dataset)
    return dataset


def periodicity_before_archiving(dataset: Dataset) -> str | None:
    """The update frequency the dataset had before it was archived, from the audit log."""
    from radadata.core.models import AuditEntry

    entry = (AuditEntry.objects.filter(action="dataset.archived", object_id=str(dataset.pk),
                                       object_type=dataset._meta.label_lower)
             .order_by("-at", "-pk").first())
    change = (entry.changes or {}).get("periodicity") if entry else None
    old = change[0] if isinstance(change, list | tuple) and change else None
    return old if old in Periodicity.values and old != Periodicity.NO_LONGER else None

