"""Reads for the office and public pages of datasets, resources and the approved list."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.core.errors import NotFound
from radadata.core.models import AuditEntry
from radadata.registry import access
from radadata.registry.models import (
    ApprovedListItem,
    Dataset,
    NationalListItem,
    Owner,
    Resource,
    ResourceVersion,
)
from radadata.registry.models.datasets import public_q
from radadata.registry.selectors import Coverage, approved_list_coverage, datasets_with_files
from radadata.registry.vocabularies import DatasetStatus


def _visible(queryset: QuerySet[Dataset], user) -> QuerySet[Dataset]:
    """Published datasets are public; others only for people who may read them."""
    readable = access.datasets_readable_by(user).values("pk")
    return queryset.filter(public_q() | Q(pk__in=readable))


def dataset_for_page(*, name: str, user) -> Dataset:
    """The dataset behind /dataset/<name>, or NotFound so its existence is not disclosed."""
    dataset = datasets_with_files(_visible(Dataset.objects.filter(name=name), user)).first()
    if dataset is None:
        raise NotFound(_no_such_dataset())
    return dataset


def dataset_for_office(*, name: str, user) -> Dataset:
    dataset = datasets_with_files(access.datasets_readable_by(user).filter(name=name)).first()
    if dataset is None:
        raise NotFound(_no_such_dataset())
    return dataset


def version_for_download(*, name: str, resource_id: int, number: int, user) -> ResourceVersion:
    """A published version for everybody; a waiting one for those who may read the dataset."""
    readable = access.datasets_readable_by(user).values("pk")
    version = (ResourceVersion.objects
               .filter(resource_id=resource_id, number=number, resource__dataset__name=name)
               .filter(Q(published_at__isnull=False) & public_q("resource__dataset__")
                       | Q(resource__dataset__in=readable))
               .select_related("resource__dataset").first())
    if version is None:
        raise NotFound(_("No such file."))
    return version


def resource_of(*, dataset: Dataset, resource_id: int) -> Resource:
    resource = dataset.resources.filter(pk=resource_id).first()
    if resource is None:
        raise NotFound(_("No such resource."))
    return resource


def _no_such_dataset() -> str:
    return _("No such dataset.")


@dataclass(frozen=True)
class ResourceFiles:
    resource: Resource
    current: ResourceVersion | None
    earlier: list[ResourceVersion]


def resources_with_versions(dataset: Dataset, *, public: bool = False) -> list[ResourceFiles]:
    """Each resource with its newest version and the earlier ones, newest first; `public`
    leaves out the versions that wait for publication (and resources with none published).

    Expects `dataset` from datasets_with_files(), whose prefetch orders versions by number.
    """
    result = []
    for resource in dataset.resources.all():
        versions = sorted((v for v in resource.versions.all()
                           if v.published_at is not None or not public),
                          key=lambda v: v.number, reverse=True)
        if public and not versions:
            continue
        result.append(ResourceFiles(resource=resource, current=versions[0] if versions else None,
                                    earlier=versions[1:]))
    return result


def dataset_history(dataset: Dataset) -> QuerySet[AuditEntry]:
    """Audit entries of the dataset and of its resources (uploads are logged on resources)."""
    resource_ids = [str(pk) for pk in dataset.resources.values_list("pk", flat=True)]
    return (AuditEntry.objects
            .filter(Q(object_type="registry.dataset", object_id=str(dataset.pk))
                    | Q(object_type="registry.resource", object_id__in=resource_ids))
            .select_related("actor"))


def has_owners() -> bool:
    return Owner.objects.exists()


def published_count() -> int:
    return Dataset.objects.published().count()


def can_edit_dataset(user, dataset: Dataset) -> bool:
    return access.owners_editable_by(user).filter(pk=dataset.owner_id).exists()


def latest_published(limit: int = 10) -> QuerySet[Dataset]:
    return (Dataset.objects.published().select_related("owner")
            .order_by("-first_published_at", "-id")[:limit])


def status_counts(datasets: QuerySet[Dataset]) -> list[tuple[str, str, int]]:
    """(status, label, count) for every status, zeros included, in the order of the choices."""
    counts = dict(datasets.order_by().values_list("status").annotate(n=Count("pk")))
    return [(value, label, counts.get(value, 0)) for value, label in DatasetStatus.choices]


@dataclass(frozen=True)
class OwnerSummary:
    owner: Owner
    counts: list[tuple[str, str, int]]
    datasets: list[Dataset]
    coverage: Coverage


def owner_summaries(owners: QuerySet[Owner]) -> list[OwnerSummary]:
    """For a clerk's overview: each of their owners with its datasets by status."""
    result = []
    for owner in owners.order_by("name"):
        datasets = owner.datasets.order_by("status", "title")
        result.append(OwnerSummary(owner=owner, counts=status_counts(datasets),
                                   datasets=list(datasets),
                                   coverage=approved_list_coverage(owner)))
    return result


def _case_variants(text: str) -> set[str]:
    # SQLite folds case for ASCII only; trying the usual spellings makes "школа" find "Школа".
    return {text, text.lower(), text.capitalize(), text.upper()}


def datasets_for_office(*, user, owner: Owner | None = None, status: str = "",
                        periodicity: str = "", text: str = "") -> QuerySet[Dataset]:
    datasets = access.datasets_readable_by(user).select_related("owner")
    if owner is not None:
        datasets = datasets.filter(owner=owner)
    if status:
        datasets = datasets.filter(status=status)
    if periodicity:
        datasets = datasets.filter(periodicity=periodicity)
    text = " ".join(text.split())
    if text:
        match = Q(identifier__icontains=text)
        for variant in _case_variants(text):
            match |= Q(title__icontains=variant)
        datasets = datasets.filter(match)
    return datasets.order_by("title", "id")


def responsible_candidates(user: User, *, current: User | None = None) -> QuerySet[User]:
    """Active people who work for an owner the user may edit (and the current choice)."""
    owners = access.owners_editable_by(user)
    match = Q(is_active=True, memberships__owner__in=owners)
    if current is not None:
        match |= Q(pk=current.pk)
    return User.objects.filter(match).distinct().order_by("last_name", "first_name")


def approved_items() -> QuerySet[ApprovedListItem]:
    return ApprovedListItem.objects.select_related("national_item", "owner", "dataset")


def approved_item(pk: int) -> ApprovedListItem:
    item = approved_items().filter(pk=pk).first()
    if item is None:
        raise NotFound(_("No such entry of the approved list."))
    return item


def national_item(pk: int) -> NationalListItem:
    item = NationalListItem.objects.filter(pk=pk).first()
    if item is None:
        raise NotFound(_("No such item of the national list."))
    return item


def national_items_free(*, keep: NationalListItem | None = None) -> QuerySet[NationalListItem]:
    """National list items not yet on the approved list (plus `keep`, the current choice)."""
    match = Q(approved_items__isnull=True)
    if keep is not None:
        match |= Q(pk=keep.pk)
    return NationalListItem.objects.filter(match).distinct()


def datasets_free(*, keep: Dataset | None = None) -> QuerySet[Dataset]:
    """Datasets that fulfil no item of the approved list yet (plus `keep`)."""
    match = Q(approved_item__isnull=True)
    if keep is not None:
        match |= Q(pk=keep.pk)
    return Dataset.objects.filter(match).select_related("owner").order_by("title")


@dataclass(frozen=True)
class NationalSection:
    name: str
    items: list[tuple[NationalListItem, ApprovedListItem | None]]


def national_list_by_section() -> list[NationalSection]:
    """All national list items grouped by section, each with its approved-list entry if any."""
    on_list = {item.national_item_id: item
               for item in ApprovedListItem.objects.filter(national_item__isnull=False)}
    sections: dict[str, list] = {}
    # In code order, so the sections come as the list numbers them (all holders first), not
    # alphabetically.
    for item in NationalListItem.objects.order_by("code"):
        sections.setdefault(item.section, []).append((item, on_list.get(item.pk)))
    return [NationalSection(name=name, items=items) for name, items in sections.items()]
