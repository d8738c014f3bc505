"""The CKAN API's derived UUIDs: stable, readable back, and never taken for another kind's or
another catalogue's."""

from __future__ import annotations

import uuid

from radadata.api.ckan import ids


def test_an_id_is_a_uuid_that_reads_back_to_its_record(settings):
    value = ids.resource_id(42)

    assert str(uuid.UUID(value)) == value
    assert ids.resource_id(42) == value
    assert ids.read("resource", value) == 42
    assert ids.read("organization", value) is None
    assert ids.read("resource", "42") is None
    settings.SITE_URL = "https://another.example.ua"
    assert ids.resource_id(42) != value  # another catalogue, other ids
