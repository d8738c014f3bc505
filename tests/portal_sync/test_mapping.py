"""Our passport as the portal's package: the deterministic Latin name, the limits the portal
sets, the required fields, and reading a package back however the portal keeps its fields."""

from __future__ import annotations

import re

import pytest

from radadata.portal_sync import mapping
from radadata.registry.models import Council
from tests.factories import DatasetFactory

pytestmark = pytest.mark.django_db


def test_the_package_name_is_lowercase_latin_from_the_council_and_the_title(office, conn):
    out = mapping.outgoing_one(office.schools, conn)

    assert out.name == "svitlohirska-mr-merezha-shkil"
    assert mapping.outgoing_one(office.schools, conn).name == out.name  # the same every time


def test_a_long_name_is_cut_to_100_and_stays_unique(office, conn):
    title = "Перелік договорів оренди нежитлових приміщень комунальної власності " * 3
    first = DatasetFactory(owner=office.owner, title=title, keywords=["оренда"])
    second = DatasetFactory(owner=office.owner, title=title, keywords=["оренда"])

    names = [mapping.outgoing_one(d, conn).name for d in (first, second)]

    assert all(len(n) <= 100 and re.fullmatch(r"[a-z0-9-]+", n) for n in names)
    assert names[0] != names[1]
    assert names[0].startswith("svitlohirska-mr-perelik-dohovoriv-orendy")


def test_the_portals_limits_are_kept(office, conn):
    dataset = DatasetFactory(owner=office.owner, title="Т" * 254, purpose="П" * 512,
                             keywords=["k"])
    Council.objects.filter(pk=1).update(short_name="")

    out = mapping.outgoing_one(dataset, conn)

    assert len(out.fields["title"]) == 254
    assert len(out.fields["purpose_of_collecting_information"]) == 512
    assert out.name.startswith("svitlohirska-miska-rada-")


def test_the_fields_the_portal_requires_are_named_when_empty(office, conn):
    dataset = DatasetFactory(owner=office.owner, title="Без ключових слів")

    out = mapping.outgoing_one(dataset, conn)

    assert out.problems == ["Fill in the keywords: the portal requires it."]


def test_a_package_is_read_back_from_top_level_fields_extras_and_tags():
    package = {
        "title": "Школи", "notes": "Опис", "owner_org": "3f1c", "license_id": "cc-by",
        "organization": {"id": "3f1c", "name": "miska-rada"},
        "tags": [{"name": "освіта"}, {"name": "школи"}],
        "extras": [{"key": "update_frequency", "value": "once a year"},
                   {"key": "language", "value": "uk"}],
    }

    fields = mapping.remote_fields(package, organization="miska-rada")

    assert fields["tag_string"] == "освіта,школи"
    assert fields["update_frequency"] == "once a year"
    assert fields["owner_org"] == "miska-rada"
    assert fields["maintainer"] == ""
    assert mapping.same("tag_string", "школи, освіта", fields["tag_string"])


def test_the_fingerprint_follows_what_would_be_sent(office, conn):
    before = mapping.outgoing_one(office.schools, conn).fingerprint

    office.schools.keywords.clear()

    assert mapping.outgoing_one(office.schools, conn).fingerprint != before
