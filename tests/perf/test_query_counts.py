"""No office page asks the database once more per dataset (N+1): each page is opened with a few
datasets, then with more of them in every state a page lists (published with a file, on the
approved list, with a submission under way, with a message from a reader), and its number of
queries must not grow. bench/office_pages.py lists the same pages' times on the demo council."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from radadata.catalog import services as catalog_services
from radadata.registry.services import datasets as dataset_services
from radadata.registry.services import lists as list_services
from radadata.workflow import services as workflow_services
from tests.factories import AT, DatasetFactory, OwnerFactory, add_file

pytestmark = pytest.mark.django_db

#: Office pages that list datasets or figures about them (GET, no arguments).
PAGES = [
    "registry:office", "registry:owner-list", "registry:dataset-list", "registry:approved-list",
    "registry:audit-log", "registry:people", "workflow:queue", "workflow:my-submissions",
    "workflow:notices", "monitoring:dashboard", "monitoring:datasets", "reports:index",
    "reports:indicators", "portal_sync:list", "catalog:feedback-office", "jobs:list",
]


def add_datasets(owner, officer, count: int, start: int) -> None:
    for n in range(start, start + count):
        dataset = DatasetFactory(owner=owner, title=f"Перелік закладів освіти {n}",
                                 name=f"zaklady-{n}", keywords=[f"освіта {n}", "школи"],
                                 themes=["osvita"])
        add_file(dataset, content=f"id,name\n{n},Ліцей №{n}\n".encode())
        dataset_services.dataset_mark_published(dataset=dataset, by=None, at=AT)
        list_services.approved_item_add(title=dataset.title, dataset=dataset, by=officer, at=AT)
        catalog_services.feedback_send(dataset=dataset, text=f"Дякуємо за набір {n}",
                                       by=None, at=AT)
        workflow_services.submission_open(dataset=dataset, by=officer, at=AT)


def queries_per_page(client, owner) -> dict[str, int]:
    paths = {name: reverse(name) for name in PAGES}
    paths["registry:owner-detail"] = reverse("registry:owner-detail", args=[owner.slug])
    counts = {}
    for name, path in paths.items():
        assert client.get(path).status_code == 200, name  # the first answer fills caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200, name
        counts[name] = len(captured.captured_queries)
    return counts


def test_no_office_page_asks_once_more_per_dataset(officer_client, officer):
    owner = OwnerFactory(name="Управління освіти", slug="osvita")
    add_datasets(owner, officer, 2, start=1)
    few = queries_per_page(officer_client, owner)
    add_datasets(owner, officer, 4, start=3)
    more = queries_per_page(officer_client, owner)
    grown = {name: (few[name], more[name]) for name in few if more[name] > few[name]}
    assert grown == {}, "queries with 2 datasets → with 6"
