"""Two owners, each with a draft and a published dataset, and a clerk of owner A with a token."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.test import Client

from radadata.accounts import services as account_services
from radadata.accounts.models import User
from radadata.registry.models import Dataset, Owner
from tests.factories import AT, DatasetFactory, OwnerFactory, UserFactory, add_file


@dataclass
class Council:
    owner_a: Owner
    owner_b: Owner
    clerk_a: User
    token_a: str
    a_draft: Dataset
    a_published: Dataset
    b_draft: Dataset
    b_published: Dataset


class ApiClient:
    """The Django test client speaking JSON, with an optional bearer token."""

    def __init__(self, client: Client, token: str | None = None):
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, url: str, **params):
        return self.client.get(url, params, headers=self.headers)

    def post(self, url: str, data: dict | str):
        body = data if isinstance(data, str) else json.dumps(data)
        return self.client.post(url, body, content_type="application/json",
                                headers=self.headers)

    def patch(self, url: str, data: dict | str):
        body = data if isinstance(data, str) else json.dumps(data)
        return self.client.patch(url, body, content_type="application/json",
                                 headers=self.headers)

    def upload(self, url: str, **fields):
        return self.client.post(url, fields, headers=self.headers)


@pytest.fixture(autouse=True)
def _forget_the_search_cache():
    # Each test's database is rolled back, the process's cache is not: start every test
    # without what an earlier one made the search remember.
    cache.clear()


@pytest.fixture
def council(db) -> Council:
    owner_a = OwnerFactory(name="Управління освіти", slug="osvita")
    owner_b = OwnerFactory(name="Фінансове управління", slug="finansy")
    clerk_a = UserFactory(owner=owner_a, email="clerk.a@rada.example.ua")
    _token, raw = account_services.token_create(user=clerk_a, name="script", by=clerk_a, at=AT)
    council = Council(
        owner_a=owner_a, owner_b=owner_b, clerk_a=clerk_a, token_a=raw,
        a_draft=DatasetFactory(owner=owner_a, title="Мережа закладів освіти", name="shkoly"),
        a_published=DatasetFactory(owner=owner_a, title="Школи громади", name="shkoly-pub",
                                   published=True, keywords=["освіта"]),
        b_draft=DatasetFactory(owner=owner_b, title="Бюджет проєкт", name="budget-draft"),
        b_published=DatasetFactory(owner=owner_b, title="Бюджет громади", name="budget",
                                   published=True),
    )
    add_file(council.a_published)
    return council


@pytest.fixture
def anon(client) -> ApiClient:
    return ApiClient(client)


@pytest.fixture
def clerk(client, council) -> ApiClient:
    return ApiClient(client, council.token_a)
