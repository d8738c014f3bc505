from __future__ import annotations

import datetime as dt
from pathlib import PurePath
from typing import IO

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.core import audit
from radadata.core.errors import ValidationFailed
from radadata.core.validation import clean_or_raise
from radadata.registry import access, hooks
from radadata.registry.files import examine, stored_name
from radadata.registry.models import Dataset, Resource, ResourceVersion


@transaction.atomic
def resource_create(*, dataset: Dataset, title: str, description: str = "",
                    by: User | None, at: dt.datetime) -> Resource:
    access.require_dataset_edit(by, dataset)
    position = (dataset.resources.aggregate(m=Max("position"))["m"] or 0) + 1
    resource = Resource(dataset=dataset, title=(title or "").strip(),
                        description=description.strip(), position=position, created_at=at)
    if not resource.title:
        raise ValidationFailed({"title": [_("Give the file a title, e.g. “Дані за 2026 рік”.")]})
    clean_or_raise(resource)
    resource.save()
    audit.record(actor=by, action="resource.created", obj=resource, at=at,
                 changes={"title": [None, resource.title]}, note=str(dataset))
    hooks.dataset_outputs_changed(dataset)  # the APIs count its files
    hooks.catalogue_changed()
    return resource


def _safe_name(filename: str) -> str:
    name = PurePath(filename.replace("\\", "/")).name.strip() or "file"
    return name[-200:]


@transaction.atomic
def version_add(*, resource: Resource, stream: IO[bytes], filename: str, by: User | None,
                at: dt.datetime, note: str = "", publish: bool | None = None
                ) -> ResourceVersion:
    """Store an uploaded file as the resource's next version. Earlier versions stay as they are.

    If anything fails, the transaction rolls back and the stored file is removed, so a bad
    upload leaves the previous version untouched.

    `publish` None: a file the office uploads to a published dataset is meant to be public at
    once; any other waits until the dataset (or the submission that brings it) is published, so
    the public keeps seeing the previous version meanwhile. Either way the file goes public only
    once its check allows it (hooks.publishable): until then the previous version stays public.
    """
    access.require_dataset_edit(by, resource.dataset)
    facts = examine(stream, filename)
    if facts.size == 0:
        raise ValidationFailed({"file": [_("The file is empty (0 bytes). Choose the file again.")]},
                               code="empty_file")
    if facts.size > settings.MAX_UPLOAD_BYTES:
        raise ValidationFailed(
            {"file": [_("The file is larger than %(mb)d MB. Split it or compress it as ZIP.")
                      % {"mb": settings.MAX_UPLOAD_BYTES // (1024 * 1024)}]},
            code="file_too_large")
    # Lock the resource row so two uploads at once get consecutive numbers.
    Resource.objects.select_for_update().filter(pk=resource.pk).first()
    number = (resource.versions.aggregate(m=Max("number"))["m"] or 0) + 1
    version = ResourceVersion(
        resource=resource, number=number, original_name=_safe_name(filename),
        sha256=facts.sha256, size=facts.size, format=facts.format,
        media_type=facts.media_type, encoding=facts.encoding, uploaded_by=by,
        uploaded_at=at, note=note[:500],
    )
    if publish is None:
        publish = resource.dataset.is_published and access.is_office(by)
    version.published_at = None  # made public below, once the hooks have seen it
    # Files are not transactional: if saving the row fails, remove the file again. A file left
    # by a rollback further out is unreferenced and harmless.
    version.file.save(stored_name(version.original_name), File(stream), save=False)
    try:
        version.save()
    except Exception:
        version.file.delete(save=False)
        raise
    hooks.version_added(version, at=at)  # the checks app starts the file's check
    if publish and versions_publish(versions=ResourceVersion.objects.filter(pk=version.pk),
                                    at=at):
        version.published_at = at
    resource.dataset.updated_at = at
    resource.dataset.save(update_fields=["updated_at"])
    audit.record(actor=by, action="resource.version_added", obj=resource, at=at,
                 changes={"version": [number - 1 or None, number], "sha256": [None, facts.sha256],
                          "size": [None, facts.size], "format": [None, facts.format]},
                 note=version.original_name)
    if version.published_at:
        hooks.dataset_changed(resource.dataset)  # its public formats may have changed
    else:
        hooks.dataset_outputs_changed(resource.dataset)  # /api/v1 shows the newest format
    hooks.catalogue_changed()  # the dataset's modification time shows in the APIs
    return version


def versions_publish(*, versions: QuerySet[ResourceVersion], at: dt.datetime) -> int:
    """Make waiting versions public (the caller records the publication). An update of one
    column only: versions are otherwise immutable. Versions the hooks hold back (a check
    pending or failed) stay waiting; the checks app publishes them once they pass."""
    waiting = hooks.versions_publishable(versions.filter(published_at__isnull=True), at=at)
    datasets = set(waiting.values_list("resource__dataset_id", flat=True))
    published = waiting.update(published_at=at)
    if published:
        for dataset in Dataset.objects.filter(pk__in=datasets):
            hooks.dataset_outputs_changed(dataset)  # the files the APIs list
        hooks.catalogue_changed()
    return published
