"""Load the demo council through the real services, as the system (by=None) on fixed dates.

Going through the services means the demo reaches only states the application can reach, and
the audit log tells the same story as the data: owners entered in January 2025, datasets
registered and published over 2025–2026, some files updated later.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import uuid
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction
from stdnum.ua import edrpou

from radadata.accounts import services as account_services
from radadata.accounts.models import User
from radadata.audit.demo import load_audit_demo
from radadata.registry import exports, hooks, selectors
from radadata.registry.models import Council, Dataset, NationalListItem, Owner, Resource
from radadata.registry.services import council as council_services
from radadata.registry.services import datasets as dataset_services
from radadata.registry.services import lists as list_services
from radadata.registry.services import owners as owner_services
from radadata.registry.services import resources as resource_services
from radadata.registry.vocabularies import MembershipRole

from . import (
    sets_city,
    sets_council,
    sets_economy,
    sets_enterprises,
    sets_finance,
    sets_health,
    sets_housing,
    sets_social,
)
from .common import DatasetSpec, Table, at, d
from .council import COUNCIL, DEPUTY_MAYOR, OWNERS, PASSWORD, STAFF, OwnerSpec, Person
from .files import EXTENSIONS, render

SETS: list[DatasetSpec] = [*sets_council.SETS, *sets_economy.SETS, *sets_social.SETS,
                           *sets_health.SETS, *sets_finance.SETS, *sets_housing.SETS,
                           *sets_city.SETS, *sets_enterprises.SETS]
STARTED = d("2025-01-10")  # owners and people entered in the registry
LIST_ADOPTED = d("2025-01-28")  # the approved list (перелік) adopted by the executive committee
# Items of the approved list that no dataset fulfils yet: (national code, owner slug).
LIST_WITHOUT_DATASET = [("B-040", "zhytlovo-komunalne-hospodarstvo"),
                        ("B-057", "zhytlovo-komunalne-hospodarstvo")]
IDENTIFIERS = uuid.UUID("6f1c1d0e-5b1a-4c39-9a57-3d0c2e1b7a10")  # namespace for dataset ids


@dataclass(frozen=True)
class Summary:
    owners: int
    people: int
    datasets: int
    published: int
    files: int
    approved: int
    approved_published: int


def with_check_digit(body: str) -> str:
    return body + edrpou.calc_check_digit(body)


def load_demo() -> Summary | None:
    """Load the demo council, or do nothing (None) when the council already has owners."""
    if Owner.objects.exists():
        return None
    # One transaction: a failure leaves no half-loaded council (stored files may remain; no
    # row refers to them). Files are checked at once, not by the worker later: a file is
    # public only once its check passes, and the demo's files are published on their dates.
    with transaction.atomic(), hooks.work_inline():
        _council()
        owners = _owners()
        people = _people(owners)
        datasets = {spec.key: _dataset(spec, owners, people)
                    for spec in SETS if not spec.from_registry}
        for spec in SETS:
            if spec.from_registry:
                datasets[spec.key] = _dataset(spec, owners, people)
        _approved_list(datasets, owners)
        load_audit_demo()  # the demo council's data audit and survey (audit/demo.py)
    coverage = selectors.approved_list_coverage()
    return Summary(owners=len(owners), people=len(people), datasets=len(datasets),
                   published=Dataset.objects.published().count(),
                   files=sum(len(spec.files) for spec in SETS),
                   approved=coverage.approved, approved_published=coverage.published)


def _council() -> Council:
    values = {key: value for key, value in COUNCIL.items() if key != "edrpou_body"}
    values["edrpou"] = with_check_digit(COUNCIL["edrpou_body"])
    return council_services.council_update(by=None, at=at(STARTED, 9), **values)


def _owners() -> dict[str, Owner]:
    owners: dict[str, Owner] = {}
    for n, spec in enumerate(OWNERS):
        deputy_name, deputy_position = DEPUTY_MAYOR[spec.deputy]
        owners[spec.slug] = owner_services.owner_create(
            by=None, at=at(STARTED, 9, n), name=spec.name, short_name=spec.short_name,
            slug=spec.slug, kind=spec.kind,
            edrpou=with_check_digit(spec.edrpou_body) if spec.edrpou_body else "",
            managing_owner=owners[spec.managing] if spec.managing else None,
            head_name=spec.head[0], head_position=spec.head[1], deputy_name=deputy_name,
            deputy_position=deputy_position, email=spec.email, phone=spec.phone,
            address=f"{spec.address}, м. Світлогірськ, 20100",
            registered_on_portal=spec.registered_on_portal)
    return owners


def _people(owners: dict[str, Owner]) -> dict[str, User]:
    people: dict[str, User] = {}
    moment = at(STARTED, 11)
    for email, last, first, patronymic, position, role in STAFF:
        people[email] = account_services.user_create(
            email=email, last_name=last, first_name=first, patronymic=patronymic,
            position=position, roles=[role], by=None, at=moment)
    for spec in OWNERS:
        for role, person in _owner_roles(spec):
            user = people.get(person.email) or account_services.user_create(
                email=person.email, last_name=person.last_name, first_name=person.first_name,
                patronymic=person.patronymic, position=f"{person.position}, {spec.short_name}",
                phone=person.phone or spec.phone, by=None, at=moment)
            people[person.email] = user
            owner_services.membership_add(owner=owners[spec.slug], user=user, role=role,
                                          by=None, at=moment)
    # One hash for every demo account: hashing is deliberately slow (PBKDF2, about 0.3 s), and
    # thirty separate hashes of the same published demo password would protect nothing more.
    User.objects.filter(pk__in=[u.pk for u in people.values()]).update(
        password=make_password(PASSWORD))
    return people


def _owner_roles(spec: OwnerSpec) -> list[tuple[str, Person]]:
    roles = [(MembershipRole.RESPONSIBLE, spec.responsible)]
    if spec.substitute:
        roles.append((MembershipRole.SUBSTITUTE, spec.substitute))
    if spec.editor:
        roles.append((MembershipRole.EDITOR, spec.editor))
    return roles


def _table(spec: DatasetSpec, edition: int, moment: dt.datetime) -> Table:
    if spec.from_registry:
        # The register of datasets is the §4.10 registry of what was published by then.
        published = (selectors.published_datasets()
                     .filter(first_published_at__lte=moment))
        structure = exports.REGISTRY_4_10
        return structure.header, list(exports.published_rows(structure, published))
    assert spec.table is not None
    return spec.table(random.Random(f"{spec.key}:{edition}"), edition)


def _add_files(spec: DatasetSpec, resources: list[Resource], edition: int,
               moment: dt.datetime) -> None:
    table = _table(spec, edition, moment)
    note = "" if edition == 1 else "Оновлення даних"
    for resource, file in zip(resources, spec.files, strict=True):
        if spec.from_registry:
            # Rendered as the published registry is (publisherIdentifier `null`, §4.10).
            content = b"".join(exports.rendered(file.format.lower(), *table))
        else:
            content = render(table, file.format)
        resource_services.version_add(
            resource=resource, stream=io.BytesIO(content),
            filename=f"{file.stem}.{EXTENSIONS[file.format]}", by=None, at=moment, note=note)


def _dataset(spec: DatasetSpec, owners: dict[str, Owner], people: dict[str, User]) -> Dataset:
    published = spec.published_on
    registered = (published - dt.timedelta(days=8) if published
                  else max(spec.created_on + dt.timedelta(days=14), LIST_ADOPTED))
    optional = {"identifier": str(uuid.uuid5(IDENTIFIERS, spec.key))}
    if spec.responsible:
        optional["responsible"] = people[spec.responsible]
    if published:
        optional["data_as_of"] = published - dt.timedelta(days=1)
    dataset = dataset_services.dataset_register(
        owner=owners[spec.owner], title=spec.title, description=spec.description,
        purpose=spec.purpose, periodicity=spec.periodicity, created_on=spec.created_on,
        keywords=spec.keywords, themes=spec.themes, by=None, at=at(registered), **optional)
    resources = [resource_services.resource_create(dataset=dataset, title=file.title, by=None,
                                                   at=at(registered, 11, n))
                 for n, file in enumerate(spec.files)]
    if not resources:
        return dataset
    uploaded = (published - dt.timedelta(days=1)) if published else registered
    _add_files(spec, resources, 1, at(uploaded, 15))
    if published is None:
        return dataset
    dataset_services.dataset_mark_published(dataset=dataset, by=None, at=at(published, 12))
    if spec.updated_on:
        _add_files(spec, resources, 2, at(spec.updated_on, 10))
        dataset_services.dataset_update(dataset=dataset, by=None, at=at(spec.updated_on, 10, 5),
                                        data_as_of=spec.updated_on - dt.timedelta(days=1))
        dataset_services.dataset_mark_published(dataset=dataset, by=None,
                                                at=at(spec.updated_on, 12))
    return dataset


def _approved_list(datasets: dict[str, Dataset], owners: dict[str, Owner]) -> None:
    national = {item.code: item for item in NationalListItem.objects.all()}
    entries = [(spec.national or f"Я-{spec.key}", spec) for spec in SETS if spec.on_list]
    entries += [(code, owner) for code, owner in LIST_WITHOUT_DATASET]
    for code, entry in sorted(entries, key=lambda pair: pair[0]):
        if isinstance(entry, str):
            list_services.approved_item_add(national_item=national[code],
                                            owner=owners[entry], by=None, at=at(LIST_ADOPTED))
            continue
        dataset = datasets[entry.key]
        moment = max(at(LIST_ADOPTED), dataset.registered_at)
        list_services.approved_item_add(
            title="" if entry.national else entry.title,
            national_item=national[entry.national] if entry.national else None,
            dataset=dataset, by=None, at=moment)
