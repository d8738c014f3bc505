"""What a caller may see through the API, composed from registry.access and api/related.py.

Published data is public (§2.20): anybody reads published datasets and their owners. A signed-in
person reads, in addition, everything access.py lets them read (all states). Whatever is not
visible answers 404, so its existence is not disclosed.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.api.related import with_related
from radadata.core.errors import NotFound, ValidationFailed
from radadata.registry import access
from radadata.registry.models import Dataset, Owner, Resource, ResourceVersion
from radadata.registry.models.datasets import public_q
from radadata.registry.vocabularies import DatasetStatus, Periodicity

Caller = User | AnonymousUser
PUBLISHED = public_q()


def datasets_visible_to(user: Caller) -> QuerySet[Dataset]:
    if not user.is_authenticated:
        return Dataset.objects.published()
    if access.reads_all(user):
        return Dataset.objects.all()
    readable = access.datasets_readable_by(user).values("pk")
    return Dataset.objects.filter(PUBLISHED | Q(pk__in=readable))


def _title_contains(text: str) -> Q:
    # SQLite folds the case of ASCII letters only; also try the usual Cyrillic spellings.
    variants = {text, text.lower(), text.upper(), text.capitalize()}
    query = Q()
    for variant in variants:
        query |= Q(title__icontains=variant)
    return query


def dataset_list(user: Caller, *, owner: str | None = None, status: str | None = None,
                 periodicity: str | None = None, q: str | None = None) -> QuerySet[Dataset]:
    errors: dict[str, list[str]] = {}
    if status and status not in DatasetStatus.values:
        errors["status"] = [_("Unknown state: %(value)s") % {"value": status}]
    if periodicity and periodicity not in Periodicity.values:
        errors["periodicity"] = [_("Unknown update frequency: %(value)s") % {"value": periodicity}]
    if errors:
        raise ValidationFailed(errors)
    datasets = datasets_visible_to(user)
    if owner:
        datasets = datasets.filter(owner__slug=owner)
    if status:
        datasets = datasets.filter(status=status)
    if periodicity:
        datasets = datasets.filter(periodicity=periodicity)
    if q and q.strip():
        datasets = datasets.filter(_title_contains(q.strip()))
    return with_related(datasets.order_by("title", "id"))


def dataset_get(user: Caller, name: str, *, with_files: bool = True) -> Dataset:
    """The dataset named `name` if the caller may see it; `with_files` loads what the output
    reads (api/related.py)."""
    datasets = datasets_visible_to(user).filter(name=name).select_related("owner")
    if with_files:
        datasets = with_related(datasets)
    # A NUL character is in no name (and PostgreSQL refuses it in a query).
    dataset = datasets.first() if "\x00" not in name else None
    if dataset is None:
        raise NotFound(_("No such dataset."))
    return dataset


def dataset_resources(user: Caller, dataset: Dataset) -> QuerySet[Resource]:
    """The dataset's resources with their versions, newest first; for a caller who may not
    read the dataset itself, only the published versions (and resources that have one)."""
    versions = ResourceVersion.objects.order_by("-number")
    resources = Resource.objects.filter(dataset=dataset).order_by("position", "id")
    # access.py reads None as "the system"; an anonymous caller is the public.
    public = not user.is_authenticated or not access.datasets_readable_by(user).filter(
        pk=dataset.pk).exists()
    if dataset.is_published and public:
        versions = versions.filter(published_at__isnull=False)
        resources = resources.filter(versions__published_at__isnull=False).distinct()
    return resources.prefetch_related(Prefetch("versions", queryset=versions))


def resource_get(user: Caller, resource_id: int) -> Resource:
    resource = (Resource.objects.select_related("dataset")
                .filter(pk=resource_id, dataset__in=datasets_visible_to(user)).first())
    if resource is None:
        raise NotFound(_("No such resource."))
    return resource


def owner_by_slug(slug: str) -> Owner:
    """The owner a client names when registering or moving a dataset."""
    owner = Owner.objects.filter(slug=slug).first()
    if owner is None:
        raise ValidationFailed({"owner": [_("There is no owner with the short name "
                                            "%(slug)s.") % {"slug": slug}]})
    return owner


def owners_visible_to(user: Caller) -> QuerySet[Owner]:
    with_published = Owner.objects.filter(
        pk__in=Dataset.objects.published().values("owner_id"))
    if user.is_authenticated:
        readable = access.owners_readable_by(user).values("pk")
        owners = Owner.objects.filter(Q(pk__in=readable) | Q(pk__in=with_published.values("pk")))
    else:
        owners = with_published
    return (owners.select_related("managing_owner")
            .annotate(published_count=Count("datasets", filter=public_q("datasets__")))
            .order_by("name", "id"))


def owner_get(user: Caller, slug: str) -> Owner:
    # A NUL character is in no short name (and PostgreSQL refuses it in a query).
    owner = owners_visible_to(user).filter(slug=slug).first() if "\x00" not in slug else None
    if owner is None:
        raise NotFound(_("No such owner."))
    return owner
