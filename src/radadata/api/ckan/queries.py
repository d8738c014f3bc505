"""What the CKAN API reads: published datasets only, their owners, themes and keywords, built
on Dataset.objects.published(), with what the dicts read attached (api/related.py). Anything
else answers NotFound, so the existence of unpublished records is not disclosed."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from radadata.api.ckan import ids
from radadata.api.ckan.dicts import theme_code
from radadata.api.related import with_related
from radadata.core.errors import NotFound
from radadata.registry.models import Dataset, Keyword, Owner, Resource, ResourceVersion, Theme
from radadata.registry.models.datasets import public_q


def published() -> QuerySet[Dataset]:
    return Dataset.objects.published()


def dataset_by_id_or_name(value: str) -> Dataset:
    dataset = with_related(published().filter(Q(identifier=value) | Q(name=value))).first()
    if dataset is None:
        raise NotFound(_("No published dataset has this id or name."))
    return dataset


def dataset_names(*, limit: int | None, offset: int) -> list[str]:
    names = published().order_by("name").values_list("name", flat=True)
    end = None if limit is None else offset + limit
    return list(names[offset:end])


def owners_with_counts() -> QuerySet[Owner]:
    """Owners with at least one published dataset, with `package_count`."""
    return (Owner.objects
            .annotate(package_count=Count("datasets", filter=public_q("datasets__")))
            .filter(package_count__gt=0))


def owner_names(values: tuple[str, ...]) -> tuple[str, ...]:
    """Organisation names (slugs) for fq's organization:/owner_org: values, ids or names."""
    pks = {value: ids.read("organization", value) for value in values}
    if not any(pks.values()):
        return values  # names already: nothing to look up
    slugs = dict(Owner.objects.filter(pk__in=[pk for pk in pks.values() if pk])
                 .values_list("pk", "slug"))
    return tuple(slugs.get(pks[value], value) if pks[value] else value for value in values)


def owner_by_id(value: str) -> Owner:
    pk = ids.read("organization", value)
    owner = owners_with_counts().filter(Q(pk=pk) if pk else Q(slug=value)).first()
    if owner is None:
        raise NotFound(_("No organization with published datasets has this id or name."))
    return owner


def datasets_of_owner(owner: Owner, *, limit: int) -> list[Dataset]:
    return list(with_related(published().filter(owner=owner).order_by("title", "id"))[:limit])


def themes_with_counts() -> QuerySet[Theme]:
    return Theme.objects.annotate(
        package_count=Count("datasets", filter=public_q("datasets__")))


def theme_by_id(value: str) -> Theme:
    pk = ids.read("group", value)
    theme = themes_with_counts().filter(Q(pk=pk) if pk else Q(code=theme_code(value))).first()
    if theme is None:
        raise NotFound(_("No group has this id or name."))
    return theme


def datasets_of_theme(theme: Theme, *, limit: int) -> list[Dataset]:
    return list(with_related(published().filter(themes=theme).order_by("title", "id"))[:limit])


def keywords_in_use(*, containing: str = "") -> QuerySet[Keyword]:
    """Keywords of published datasets, by name."""
    keywords = Keyword.objects.filter(
        Exists(published().filter(keywords=OuterRef("pk")))).order_by("name")
    if containing:
        keywords = keywords.filter(name__icontains=containing)
    return keywords


def public_resource(value: str) -> Resource:
    """A resource of a published dataset that has a published version."""
    pk = ids.read("resource", value)
    if pk is None:
        raise NotFound(_("No published resource has this id."))
    resource = (Resource.objects.filter(pk=pk, dataset__in=published())
                .filter(Exists(ResourceVersion.objects.filter(resource=OuterRef("pk"),
                                                              published_at__isnull=False)))
                .select_related("dataset")
                .prefetch_related(Prefetch("versions", to_attr="version_list")).first())
    if resource is None:
        raise NotFound(_("No published resource has this id."))
    return resource
