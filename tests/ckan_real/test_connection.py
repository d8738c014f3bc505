"""The connection check against a real CKAN: it reads the portal's dataset schema where the
portal publishes it, says where each field will be kept, and creates nothing."""

from __future__ import annotations

import pytest

from radadata.portal_sync import services
from radadata.portal_sync.layout import Layout
from radadata.portal_sync.models import PortalConnection
from radadata.portal_sync.probe import LEGACY_KEY, TOKEN, key_kind
from tests.factories import AT

pytestmark = [pytest.mark.ckan, pytest.mark.django_db]


def test_the_check_reads_the_schema_of_a_scheming_portal(dgua, officer):
    from tests.ckan_real.conftest import connect
    conn = connect(dgua, officer)

    message = services.connection_check(conn=conn, at=AT)

    assert "CKAN 2.11.6" in message
    assert "The key is an API token" in message
    assert "The portal's dataset schema keeps as its own fields: legal basis and purpose of " \
           "collection, update frequency, language;" in message
    layout = Layout.from_stored(PortalConnection.current().layout)
    assert layout.place("update_frequency") == "top"
    assert layout.place("publisher_name") == "extras"
    assert dgua.packages() == []  # it created nothing


def test_a_stock_portal_is_verified_by_the_first_push(stock, officer):
    from tests.ckan_real.conftest import connect
    conn = connect(stock, officer)

    message = services.connection_check(conn=conn, at=AT)

    assert "does not publish its dataset schema: the first push will verify" in message
    assert stock.packages() == []


def test_the_key_kind_is_told_by_its_form():
    assert key_kind("eyJhbGciOiJIUzI1NiJ9.eyJqdGkiOiJ4In0.c2ln") == TOKEN
    assert key_kind("0b6f4c1e-6a4f-4b8e-9d3c-2f1a5e7b9c0d") == LEGACY_KEY
