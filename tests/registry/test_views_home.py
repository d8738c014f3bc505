"""The office overview for the officer and for an owner's clerk, and the public landing page."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from radadata.registry.services import lists as list_services
from tests.factories import AT, DatasetFactory, OwnerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    # The assertions read the English msgids; Ukrainian is the default once translated.
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def council(db) -> dict:
    education = OwnerFactory(name="Управління освіти")
    finance = OwnerFactory(name="Фінансове управління")
    schools = DatasetFactory(owner=education, title="Школи громади", published=True)
    DatasetFactory(owner=education, title="Мережа закладів освіти")
    DatasetFactory(owner=finance, title="Бюджет громади", published=True)
    DatasetFactory(owner=finance, title="Проєкт бюджету")
    list_services.approved_item_add(title="Заклади освіти", dataset=schools, by=None, at=AT)
    list_services.approved_item_add(title="Тарифи", owner=education, by=None, at=AT)
    list_services.approved_item_add(title="Рішення сесій", by=None, at=AT)
    list_services.approved_item_add(title="Депутати ради", by=None, at=AT)
    return {"education": education, "finance": finance}


def card(html: str, label: str) -> str:
    """The figure on the overview card whose link reads `label`."""
    match = re.search(rf'<p class="big">(\d+)</p>\s*<p><a [^>]*>{label}</a>', html)
    assert match, f"no card {label}"
    return match.group(1)


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_officer_sees_council_counts_and_approved_list_coverage(officer_client, council):
    response = officer_client.get(reverse("registry:office"))
    assert response.status_code == 200
    html = response.content.decode()
    assert card(html, "Published") == "2"
    assert card(html, "In the registry, not published") == "2"
    assert card(html, "No longer updated") == "0"
    assert "2 datasets published, 25% of the approved list" in html
    assert "Entries of the approved list with a published dataset: 1 of 4." in html
    assert "Register a dataset" in html
    assert reverse("registry:approved-list") in html


def test_clerk_sees_its_owner_with_datasets_by_state_and_nothing_of_others(council):
    client = Client()
    client.force_login(UserFactory(owner=council["education"]))

    html = client.get(reverse("registry:office")).content.decode()

    assert card(html, "Published") == "1"
    assert card(html, "In the registry, not published") == "1"
    page = text(html)
    assert "Управління освіти" in page
    assert "Published Школи громади" in page
    assert "In the registry, not published Мережа закладів освіти" in page
    assert "Entries of this owner on the approved list with a published dataset: 1 of 2." in page
    assert "Бюджет громади" not in page
    assert "Проєкт бюджету" not in page
    assert "of the approved list" not in page  # the council-wide figure is the officer's


def test_the_overview_needs_sign_in_and_a_role(client, council):
    response = client.get(reverse("registry:office"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))

    client.force_login(UserFactory())
    response = client.get(reverse("registry:office"))
    assert response.status_code == 403
    assert "You have no role in the open-data office yet; ask the officer." in (
        response.content.decode())


def test_the_public_home_page_shows_the_published_figure(client, council):
    html = client.get(reverse("registry:home")).content.decode()
    assert "2 datasets published, 25% of the approved list" in html
    assert "Школи громади" in html
    assert "Проєкт бюджету" not in html
