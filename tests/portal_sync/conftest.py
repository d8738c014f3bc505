"""The fake portal on a free local port, the council connected to it, and datasets in the
states a push meets: published with files, and one whose accepted submission brings a file."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.utils import translation

from radadata.accounts.models import User
from radadata.portal_sync import services
from radadata.portal_sync.client import PortalClient
from radadata.portal_sync.models import PortalConnection
from radadata.registry import hooks
from radadata.registry.models import Council, Dataset, Owner, ResourceVersion
from radadata.registry.services import datasets as dataset_services
from radadata.registry.services import resources as resource_services
from radadata.workflow import services as workflow
from radadata.workflow.models import Submission
from radadata.workflow.states import Action
from tests.factories import AT, DatasetFactory, OwnerFactory, UserFactory
from tests.portal_sync.fake_ckan import FakeCKAN, serve

CSV = "код,назва,адреса\n1,Школа №1,вул. Шевченка 5\n2,Ліцей №2,просп. Миру 12\n".encode()
CSV_V2 = CSV + "3,Гімназія №3,вул. Лесі Українки 1\n".encode()


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    # Messages are asserted by their English msgids (the interface itself is Ukrainian).
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _checks_inline() -> Iterator[None]:
    # The test's transaction never commits: each new file is checked at once, not by a job.
    with hooks.work_inline():
        yield


@pytest.fixture
def portal() -> Iterator[FakeCKAN]:
    fake = FakeCKAN()
    with serve(fake):
        yield fake


@pytest.fixture
def conn(db, portal, officer) -> PortalConnection:
    Council.objects.update_or_create(pk=1, defaults={"name": "Світлогірська міська рада",
                                                     "short_name": "Світлогірська МР"})
    return services.connection_save(base_url=portal.base_url, organization="miska-rada",
                                    api_key=portal.api_key, by=officer, at=AT)


def quick_client(portal: FakeCKAN, *, retries: int = 3, timeout: float = 2.0,
                 sleeps: list[float] | None = None) -> PortalClient:
    """A client that does not really wait between retries (the waits are recorded)."""
    record = sleeps if sleeps is not None else []
    return PortalClient(portal.base_url, portal.api_key, timeout=timeout, retries=retries,
                        backoff=0.5, backoff_cap=8.0, sleep=record.append)


@pytest.fixture
def portal_client(portal) -> Iterator[PortalClient]:
    with quick_client(portal) as client:
        yield client


@dataclass
class Office:
    owner: Owner
    clerk: User
    officer: User
    schools: Dataset  # published, one CSV file
    budget: Dataset  # new; its accepted submission brings an XLSX-less CSV


def add_file(dataset: Dataset, content: bytes, filename: str, title: str, *,
             by: User | None = None, at: dt.datetime = AT) -> ResourceVersion:
    resource = (dataset.resources.filter(title=title).first()
                or resource_services.resource_create(dataset=dataset, title=title, by=by, at=at))
    return resource_services.version_add(resource=resource, stream=io.BytesIO(content),
                                         filename=filename, by=by, at=at)


def accepted_submission(dataset: Dataset, clerk: User, officer: User) -> Submission:
    submission = workflow.submission_open(dataset=dataset, by=clerk, at=AT)
    submission = workflow.submission_transition(submission=submission, action=Action.SUBMIT,
                                                by=clerk, at=AT)
    return workflow.submission_transition(submission=submission, action=Action.ACCEPT,
                                          by=officer, at=AT)


@pytest.fixture
def office(db, officer) -> Office:
    owner = OwnerFactory(name="Управління освіти", slug="osvita")
    clerk = UserFactory(owner=owner, email="kovalenko@rada.example.ua", last_name="Коваленко",
                        first_name="Ірина", patronymic="Петрівна")
    schools = DatasetFactory(owner=owner, title="Мережа закладів освіти", name="merezha-shkil",
                             keywords=["освіта", "школи"], published=True)
    add_file(schools, CSV, "schools.csv", "Перелік закладів")
    budget = DatasetFactory(owner=owner, title="Видатки на освіту", name="vydatky-osvita",
                            keywords=["бюджет"])
    add_file(budget, "стаття,сума\nЗарплата,100\n".encode(), "budget.csv", "Видатки",
             by=clerk)
    accepted_submission(budget, clerk, officer)
    return Office(owner=owner, clerk=clerk, officer=officer, schools=schools, budget=budget)


def reload(dataset: Dataset) -> Dataset:
    return Dataset.objects.get(pk=dataset.pk)


def publish_update(dataset: Dataset, **fields) -> Dataset:
    return dataset_services.dataset_update(dataset=dataset, by=None, at=AT, **fields)
