"""Reads across relations. Views and exports ask here rather than building querysets."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from radadata.accounts.models import User
from radadata.registry.models import (
    ApprovedListItem,
    Dataset,
    Owner,
    OwnerMembership,
    ResourceVersion,
)
from radadata.registry.models.datasets import public_q
from radadata.registry.vocabularies import MembershipRole


def responsible_person(owner: Owner) -> User | None:
    """The owner's active responsible person, else the active substitute (§6.7.1)."""
    for role in (MembershipRole.RESPONSIBLE, MembershipRole.SUBSTITUTE):
        membership = (owner.memberships.filter(role=role, user__is_active=True)
                      .select_related("user").first())
        if membership:
            return membership.user
    return None


def contact_point(dataset: Dataset, responsible_by_owner: dict[int, User | None] | None = None
                  ) -> User | None:
    if dataset.responsible_id and dataset.responsible.is_active:
        return dataset.responsible
    if responsible_by_owner is not None:
        return responsible_by_owner.get(dataset.owner_id)
    return responsible_person(dataset.owner)


def responsible_by_owner() -> dict[int, User | None]:
    """Each owner's contact person in two queries (for exports of thousands of rows)."""
    result: dict[int, User | None] = {}
    rank = {MembershipRole.RESPONSIBLE: 0, MembershipRole.SUBSTITUTE: 1}
    best: dict[int, int] = {}
    memberships = (OwnerMembership.objects
                   .filter(role__in=list(rank), user__is_active=True)
                   .select_related("user").order_by("id"))
    for m in memberships:
        if m.owner_id not in best or rank[m.role] < best[m.owner_id]:
            best[m.owner_id] = rank[m.role]
            result[m.owner_id] = m.user
    return result


def file_formats_by_dataset(datasets: QuerySet[Dataset]) -> dict[int, list[str]]:
    """Each dataset's formats of its current files, in resource order, in one query (for
    exports of thousands of rows, where prefetching resources and versions costs seconds)."""
    latest: dict[int, tuple[int, str]] = {}  # resource → (dataset, format of its newest version)
    versions = (ResourceVersion.objects.filter(resource__dataset__in=datasets)
                .order_by("resource__position", "resource_id", "number")
                .values_list("resource_id", "resource__dataset_id", "format"))
    for resource_id, dataset_id, fmt in versions:
        latest[resource_id] = (dataset_id, fmt)
    result: dict[int, list[str]] = {}
    for dataset_id, fmt in latest.values():
        formats = result.setdefault(dataset_id, [])
        if fmt not in formats:
            formats.append(fmt)
    return result


def dataset_formats(dataset: Dataset, file_formats: dict[int, list[str]] | None = None
                    ) -> list[str]:
    """Declared formats, else the formats of the current files, upper case, in order.

    `file_formats` is file_formats_by_dataset() of a whole export; without it the dataset's
    prefetched resources are read."""
    if dataset.declared_formats.strip():
        items = dataset.declared_formats.replace(";", ",").split(",")
        return list(dict.fromkeys(f.strip().upper() for f in items if f.strip()))
    if file_formats is not None:
        return list(file_formats.get(dataset.pk, []))
    formats: list[str] = []
    for resource in dataset.resources.all():
        version = resource.current_version
        if version and version.format not in formats:
            formats.append(version.format)
    return formats


def datasets_with_files(queryset: QuerySet[Dataset]) -> QuerySet[Dataset]:
    return queryset.select_related("owner", "responsible").prefetch_related(
        "keywords", "themes",
        Prefetch("resources__versions", queryset=ResourceVersion.objects.order_by("number")),
    )


def published_datasets() -> QuerySet[Dataset]:
    return datasets_with_files(Dataset.objects.published().order_by("first_published_at", "id"))


@dataclass(frozen=True)
class Coverage:
    approved: int
    published: int

    @property
    def share(self) -> float:
        return self.published / self.approved if self.approved else 0.0


def approved_list_coverage(owner: Owner | None = None) -> Coverage:
    """How much of the approved list is published ("129 datasets, 90% of the list")."""
    items = ApprovedListItem.objects.all()
    if owner is not None:
        items = items.filter(owner=owner)
    published = items.filter(public_q("dataset__")).count()
    return Coverage(approved=items.count(), published=published)
