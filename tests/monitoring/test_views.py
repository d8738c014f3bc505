"""The dashboard and the list behind each of its numbers, as the officer, an owner's clerk and a
working-group member see them."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest
from django.utils import timezone

from radadata.accounts.models import Role
from radadata.registry.services import datasets as dataset_services
from radadata.registry.vocabularies import Periodicity
from tests.factories import DatasetFactory, OwnerFactory, UserFactory
from tests.monitoring.steps import put_on_list

pytestmark = pytest.mark.django_db

DASHBOARD = "/office/dashboard/"
LIST = "/office/dashboard/datasets/"


def published_days_ago(dataset, days: int):
    moment = timezone.now() - dt.timedelta(days=days)
    return dataset_services.dataset_mark_published(dataset=dataset, by=None, at=moment)


@pytest.fixture
def council():
    education = OwnerFactory(name="Управління освіти")
    finance = OwnerFactory(name="Фінансове управління")
    empty = OwnerFactory(name="Відділ культури")
    late = DatasetFactory(owner=education, title="Мережа шкіл", periodicity=Periodicity.MONTHLY)
    fresh = DatasetFactory(owner=education, title="Садки", periodicity=Periodicity.YEARLY)
    budget = DatasetFactory(owner=finance, title="Бюджет громади",
                            periodicity=Periodicity.YEARLY)
    published_days_ago(late, 90)
    published_days_ago(fresh, 3)
    for dataset in (late, fresh, budget):
        put_on_list(dataset, timezone.localdate().isoformat())
    return {"education": education, "finance": finance, "empty": empty}


def text(response) -> str:
    return response.content.decode()


def figure(html: str, ident: str) -> str:
    return re.search(rf'id="{ident}"[^>]*>([^<]*)<', html).group(1)


def test_the_officer_sees_the_council_s_figures(officer_client, council):
    response = officer_client.get(DASHBOARD)
    assert response.status_code == 200
    html = text(response)
    assert figure(html, "total-overdue") == "1"
    assert figure(html, "total-approved-published") == "2"
    assert figure(html, "total-approved") == "3"
    assert ">67%<" in html
    assert 'href="/office/dashboard/datasets/?status=overdue"' in html
    owner_row = re.search(rf'<tr data-owner="{council["education"].pk}".*?</tr>', html, re.S)
    assert f'status=overdue&amp;owner={council["education"].pk}"' in owner_row.group(0)
    assert "Відділ культури" in html  # an owner with no dataset has its row, with zeros
    assert 'id="total-blocking"' not in html  # until the checks app supplies the figure


def test_the_charts_are_inline_svg_with_a_title_and_unique_ids(officer_client, council):
    html = text(officer_client.get(DASHBOARD))
    assert html.count('<svg role="img"') == 2
    assert '<title id="chart-coverage-title">' in html
    assert '<desc id="chart-coverage-desc">' in html
    assert "Управління освіти" in re.search(r"<desc id=\"chart-coverage-desc\">(.*?)</desc>",
                                            html).group(1)
    ids = Counter(re.findall(r'\bid="([^"]+)"', html))
    assert [name for name, n in ids.items() if n > 1] == []
    assert "<?xml" not in html


def test_the_dashboard_is_the_first_link_of_the_office_menu(officer_client):
    html = text(officer_client.get("/office/"))
    nav = re.search(r'<nav aria-label="[^"]*" class="office-nav">(.*?)</nav>', html, re.S)
    assert re.search(r"<a href=\"([^\"]+)\"", nav.group(1)).group(1) == DASHBOARD


def test_each_number_opens_its_list(officer_client, council):
    response = officer_client.get(LIST, {"status": "overdue"})
    assert response.status_code == 200
    html = text(response)
    assert "Мережа шкіл" in html
    assert "Садки" not in html and "Бюджет громади" not in html
    assert 'data-count="1"' in html
    html = text(officer_client.get(LIST, {"status": "approved_unpublished",
                                          "owner": council["finance"].pk}))
    assert "Бюджет громади" in html and "Мережа шкіл" not in html


def test_the_list_shows_due_dates_in_order(officer_client, council):
    html = text(officer_client.get(LIST))
    assert html.index("Мережа шкіл") < html.index("Бюджет громади") < html.index("Садки")


def test_an_owner_s_clerk_sees_only_their_own_owner(client, council):
    clerk = UserFactory(owner=council["education"])
    client.force_login(clerk)
    html = text(client.get(DASHBOARD))
    assert "Управління освіти" in html
    assert "Фінансове управління" not in html and "Відділ культури" not in html
    assert figure(html, "total-approved") == "2"
    # Another owner's list is not theirs: the filter is ignored, their own datasets show.
    html = text(client.get(LIST, {"owner": council["finance"].pk}))
    assert "Бюджет громади" not in html
    assert "Мережа шкіл" in html


def test_a_working_group_member_sees_the_whole_council(client, council):
    client.force_login(UserFactory(roles=[Role.WORKING_GROUP]))
    html = text(client.get(DASHBOARD))
    assert "Фінансове управління" in html and "Управління освіти" in html


def test_strangers_are_sent_to_sign_in_and_people_without_a_role_are_refused(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(UserFactory())
    assert client.get(DASHBOARD).status_code == 403


def test_a_council_without_owners_says_what_to_do(officer_client):
    response = officer_client.get(DASHBOARD)
    assert response.status_code == 200
    assert "<svg" not in text(response)


def _first_step(response) -> str | None:
    match = re.search(r'data-first-step="(\w+)"', text(response))
    return match.group(1) if match else None


def test_a_new_officer_is_shown_the_first_step_and_it_moves_on_with_the_registry(officer_client):
    response = officer_client.get(DASHBOARD)
    assert _first_step(response) == "owners"
    assert 'href="/office/import/"' in text(response)  # import the council's list …
    assert 'href="/office/owners/new/"' in text(response)  # … or add an owner by hand
    owner = OwnerFactory(name="Відділ культури")
    assert _first_step(officer_client.get(DASHBOARD)) == "datasets"
    DatasetFactory(owner=owner, title="Бібліотеки")
    assert _first_step(officer_client.get(DASHBOARD)) == "files"


def test_the_dashboard_of_a_council_at_work_has_no_first_step(officer_client, council):
    assert _first_step(officer_client.get(DASHBOARD)) is None


def test_a_new_clerk_is_asked_to_register_the_first_dataset_a_reader_is_not(client):
    owner = OwnerFactory(name="Відділ культури")
    client.force_login(UserFactory(owner=owner))
    assert _first_step(client.get(DASHBOARD)) == "datasets"
    assert 'href="/office/datasets/new/"' in text(client.get(DASHBOARD))
    client.force_login(UserFactory(roles=[Role.WORKING_GROUP]))  # reads, registers nothing
    assert _first_step(client.get(DASHBOARD)) is None
