"""The officer opens the dashboard from the office menu, reads the figures, clicks the overdue
number and sees the overdue dataset in the list — in the browser. The site answers in
Ukrainian to this English browser, so the test goes by ids and data attributes."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from radadata.registry.services import datasets as dataset_services
from radadata.registry.vocabularies import Periodicity
from tests.e2e.test_accessibility import _violations, axe_script  # noqa: F401  (a fixture)
from tests.factories import DatasetFactory, OwnerFactory, officer
from tests.monitoring.steps import put_on_list

PASSWORD = "correct-horse-battery"


def _sign_in(page, email: str) -> None:
    page.goto(page.base + "/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def _published(title: str, owner, periodicity: str, days_ago: int):
    dataset = DatasetFactory(owner=owner, title=title, periodicity=periodicity)
    moment = timezone.now() - dt.timedelta(days=days_ago)
    dataset_services.dataset_mark_published(dataset=dataset, by=None, at=moment)
    put_on_list(dataset, timezone.localdate().isoformat())
    return dataset


def test_the_officer_opens_the_overdue_list_from_the_dashboard(page):
    owner = OwnerFactory(name="Управління освіти")
    late = _published("Мережа закладів освіти", owner, Periodicity.MONTHLY, 60)
    _published("Розклад уроків", owner, Periodicity.YEARLY, 2)
    officer(email="opendata@rada.example.ua", password=PASSWORD)

    _sign_in(page, "opendata@rada.example.ua")
    page.goto(page.base + "/office/")
    page.locator("#nav-dashboard").click()
    page.wait_for_url("**/office/dashboard/")
    assert page.locator("#total-overdue").inner_text() == "1"
    assert page.locator("#total-approved").inner_text() == "2"
    assert page.locator("#total-percent").inner_text() == "100%"
    assert page.locator("figure.chart svg[role=img]").count() == 2

    page.locator("#total-overdue").click()
    page.wait_for_url("**/office/dashboard/datasets/?status=overdue")
    assert page.locator("#found").get_attribute("data-count") == "1"
    row = page.locator(f"tr[data-dataset='{late.pk}']")
    assert row.count() == 1
    assert "Мережа закладів освіти" in row.inner_text()
    assert page.locator("tr[data-dataset]").count() == 1


def test_the_dashboard_and_its_list_pass_axe(page, axe_script):  # noqa: F811  (the fixture)
    owner = OwnerFactory(name="Управління освіти")
    _published("Мережа закладів освіти", owner, Periodicity.MONTHLY, 60)
    officer(email="opendata@rada.example.ua", password=PASSWORD)
    _sign_in(page, "opendata@rada.example.ua")
    found = []
    for path in ("/office/dashboard/", "/office/dashboard/datasets/?status=overdue"):
        page.goto(page.base + path)
        page.wait_for_load_state()
        found += _violations(page, axe_script)
    assert found == []
