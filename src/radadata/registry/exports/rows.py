"""Registry rows: one list of cells per dataset, in the order of a structure's columns.

A cell is a string, or None where the structure says `null` (publisherIdentifier of an owner
without a ЄДРПОУ code, a §1.15.1 department). The owners' contact people, the files' formats and
the keywords of a whole export are each read in one query before the first row, and the datasets
stream in chunks without per-row prefetching: a registry of 10,000 datasets costs the same four
queries as one of ten.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from radadata.accounts.models import User
from radadata.registry import access, selectors
from radadata.registry.models import Dataset, OwnerMembership
from radadata.registry.vocabularies import PERIODICITY_UK, MembershipRole

from .structures import (
    DATA_TYPE_UK,
    REGISTRY_4_10,
    REGISTRY_2019,
    REGISTRY_2025,
    STATUS_UK,
    Structure,
)

Cell = str | None
Row = list[Cell]
CHUNK = 2000


@dataclass(frozen=True)
class _Lookups:
    """What the rows of one export share. None means "read the dataset's prefetched
    relations" (a page of the public registry, a few rows)."""

    contacts: dict[int, User | None]
    formats: dict[int, list[str]] | None = None
    keywords: dict[int, list[str]] | None = None


def keywords_by_dataset(datasets: QuerySet[Dataset]) -> dict[int, list[str]]:
    """Each dataset's keywords, alphabetical, in one query."""
    through = Dataset.keywords.through
    result: dict[int, list[str]] = {}
    pairs = (through.objects.filter(dataset__in=datasets).order_by("keyword__name")
             .values_list("dataset_id", "keyword__name"))
    for dataset_id, name in pairs:
        result.setdefault(dataset_id, []).append(name)
    return result


def _lookups(datasets: QuerySet[Dataset]) -> _Lookups:
    return _Lookups(contacts=selectors.responsible_by_owner(),
                    formats=selectors.file_formats_by_dataset(datasets),
                    keywords=keywords_by_dataset(datasets))


def _streamed(datasets: QuerySet[Dataset]) -> Iterator[Dataset]:
    # The lookups replace the prefetching; owner and responsible come with the same query.
    return (datasets.prefetch_related(None).select_related("owner", "responsible")
            .iterator(chunk_size=CHUNK))


def published_on(dataset: Dataset) -> str:
    """The date of first publication (YYYY-MM-DD, the council's time zone), or ""."""
    if dataset.first_published_at is None:
        return ""
    return timezone.localtime(dataset.first_published_at).date().isoformat()


def _formats(dataset: Dataset, lookups: _Lookups) -> str:
    return ", ".join(selectors.dataset_formats(dataset, lookups.formats))


def _periodicity(dataset: Dataset) -> str:
    return PERIODICITY_UK.get(dataset.periodicity, dataset.periodicity)


def _keywords(dataset: Dataset, lookups: _Lookups) -> str:
    if lookups.keywords is not None:
        return ", ".join(lookups.keywords.get(dataset.pk, []))
    return ", ".join(keyword.name for keyword in dataset.keywords.all())


def _contact(dataset: Dataset, lookups: _Lookups) -> tuple[str, str]:
    person = selectors.contact_point(dataset, lookups.contacts)
    return (person.full_name, person.email) if person else ("", "")


def _row_4_10(dataset: Dataset, lookups: _Lookups) -> Row:
    name, email = _contact(dataset, lookups)
    return [dataset.title, dataset.identifier, dataset.description, _formats(dataset, lookups),
            published_on(dataset), _periodicity(dataset), dataset.landing_page,
            dataset.owner.name, dataset.owner.edrpou or None, name, email]


def _row_national(dataset: Dataset, lookups: _Lookups) -> Row:
    # 2019 and 2025 differ in their column names only, not in order or content.
    name, email = _contact(dataset, lookups)
    return [dataset.identifier, dataset.title, dataset.description, _periodicity(dataset),
            _keywords(dataset, lookups), dataset.purpose, dataset.landing_page,
            _formats(dataset, lookups), dataset.owner.name, dataset.owner.edrpou or None,
            name, email]


_BUILDERS: dict[str, Callable[[Dataset, _Lookups], Row]] = {
    REGISTRY_4_10.key: _row_4_10,
    REGISTRY_2019.key: _row_national,
    REGISTRY_2025.key: _row_national,
}


def published_rows(structure: Structure, page: Iterable[Dataset] | None = None
                   ) -> Iterator[Row]:
    """Rows of the published registry (selectors.published_datasets(), oldest publication
    first); `page` instead gives a few of those datasets, as the selector prefetched them."""
    build = _BUILDERS[structure.key]
    if page is not None:
        lookups = _Lookups(contacts=selectors.responsible_by_owner())
        for dataset in page:
            yield build(dataset, lookups)
        return
    datasets = selectors.published_datasets()
    lookups = _lookups(datasets)
    for dataset in _streamed(datasets):
        yield build(dataset, lookups)


# The internal registry (§4.3) ---------------------------------------------------------------

def internal_datasets(user: User | None) -> QuerySet[Dataset]:
    """Every dataset the person may read (registry.access), by owner and title."""
    return access.datasets_readable_by(user).order_by("owner__name", "title", "id")


def _people_by_owner() -> dict[int, list[User]]:
    """Each owner's active responsible person and substitutes, in that order (one query)."""
    rank = {MembershipRole.RESPONSIBLE: 0, MembershipRole.SUBSTITUTE: 1}
    memberships = sorted(
        OwnerMembership.objects.filter(role__in=list(rank), user__is_active=True)
        .select_related("user"),
        key=lambda m: (m.owner_id, rank[m.role], m.pk),
    )
    people: dict[int, list[User]] = {}
    for membership in memberships:
        people.setdefault(membership.owner_id, []).append(membership.user)
    return people


def _responsible_names(dataset: Dataset, people: dict[int, list[User]]) -> str:
    persons = list(people.get(dataset.owner_id, []))
    if dataset.responsible_id and dataset.responsible.is_active:
        persons.insert(0, dataset.responsible)
    names = dict.fromkeys(person.full_name or person.email for person in persons)
    return "; ".join(names)


def internal_rows(user: User | None) -> Iterator[Row]:
    datasets = internal_datasets(user)
    lookups = _lookups(datasets)
    people = _people_by_owner()
    for dataset in _streamed(datasets):
        _, email = _contact(dataset, lookups)
        yield [
            dataset.identifier, dataset.title, dataset.description,
            dataset.created_on.isoformat() if dataset.created_on else "",
            _formats(dataset, lookups), DATA_TYPE_UK.get(dataset.data_type, dataset.data_type),
            _periodicity(dataset), dataset.owner.name, dataset.owner.edrpou,
            _responsible_names(dataset, people), email, published_on(dataset),
            STATUS_UK.get(dataset.status, dataset.status), dataset.purpose,
            _keywords(dataset, lookups),
        ]
