"""Contract tests against real CKAN portals started by scripts/with-ckan (make test-ckan).

Two portals: `dgua`, with a data.gov.ua-like dataset schema (ckanext-scheming) and the
harvesters, and `stock`, CKAN without a schema plugin. Each test gets its own organisation on
the portal, so packages of one test never meet another's. Without scripts/with-ckan (no
RADADATA_CKAN_URL) the tests are skipped; `make unit` does not select them at all.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import ckanapi
import pytest

from radadata.portal_sync import services
from radadata.portal_sync.client import PortalClient
from radadata.portal_sync.models import PortalConnection
from radadata.registry.models import Council
from tests.factories import AT
from tests.portal_sync.conftest import _checks_inline, _english, office  # noqa: F401

pytestmark = pytest.mark.ckan


def pytest_collection_modifyitems(items):
    for item in items:
        if "ckan_real" in str(item.fspath):
            item.add_marker(pytest.mark.ckan)
            if not os.environ.get("RADADATA_CKAN_URL"):
                item.add_marker(pytest.mark.skip(reason="no CKAN: run make test-ckan"))


@dataclass
class Portal:
    """One real CKAN: its address, a sysadmin's token, and the organisation of the test."""

    kind: str
    url: str
    token: str
    organization: str
    ini: str  # its configuration, for the `ckan` command (harvester run-test)

    def api(self) -> ckanapi.RemoteCKAN:
        return ckanapi.RemoteCKAN(self.url, apikey=self.token)

    def action(self, action: str, /, **data):
        with self.api() as api:
            return api.call_action(action, data)

    def packages(self) -> list[dict]:
        found = self.action("package_search", fq=f"organization:{self.organization}",
                            include_private=True, rows=1000)
        return [self.action("package_show", id=p["id"]) for p in found["results"]]

    def client(self, **options) -> PortalClient:
        options = {"retries": 1, "backoff": 0.01, "timeout": 20, **options}
        return PortalClient(self.url, self.token, **options)


def _portal(kind: str, url_env: str, token_env: str, ini_env: str) -> Portal:
    url, token = os.environ[url_env], os.environ[token_env]
    name = f"rada-{uuid.uuid4().hex[:10]}"
    portal = Portal(kind=kind, url=url, token=token, organization=name,
                    ini=os.environ[ini_env])
    portal.action("organization_create", name=name, title="Світлогірська міська рада")
    return portal


@pytest.fixture
def dgua() -> Portal:
    return _portal("dgua", "RADADATA_CKAN_URL", "RADADATA_CKAN_TOKEN", "RADADATA_CKAN_INI")


@pytest.fixture
def stock() -> Portal:
    return _portal("stock", "RADADATA_CKAN_STOCK_URL", "RADADATA_CKAN_STOCK_TOKEN",
                   "RADADATA_CKAN_STOCK_INI")


@pytest.fixture(params=["dgua", "stock"])
def portal(request) -> Portal:
    return request.getfixturevalue(request.param)


def connect(portal: Portal, officer, *, api_key: str | None = None) -> PortalConnection:
    # Package names are unique on the whole portal: the council's short name (the names'
    # prefix) is the test's own.
    Council.objects.update_or_create(pk=1, defaults={
        "name": "Світлогірська міська рада",
        "short_name": f"Світлогірська {portal.organization.removeprefix('rada-')}"})
    return services.connection_save(base_url=portal.url, organization=portal.organization,
                                    api_key=api_key or portal.token, by=officer, at=AT)


@pytest.fixture
def conn(db, portal, officer) -> PortalConnection:
    return connect(portal, officer)


@pytest.fixture
def portal_client(portal) -> Iterator[PortalClient]:
    with portal.client() as client:
        yield client
