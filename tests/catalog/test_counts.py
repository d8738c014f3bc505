"""Views and downloads counted per dataset and day, with no cookie and nothing about the
person; HEAD requests and obvious robots are not counted."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import QuerySet
from django.test import Client
from django.utils import timezone

from radadata.catalog import services
from radadata.catalog.models import DailyCount
from tests.factories import DatasetFactory, add_file

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/128.0"


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def dataset():
    dataset = DatasetFactory(name="shkoly", published=True)
    add_file(dataset, filename="data.csv")
    return dataset


def _today(dataset) -> DailyCount | None:
    return DailyCount.objects.filter(dataset=dataset, day=timezone.localdate()).first()


def _download_url(dataset) -> str:
    version = dataset.resources.get().versions.get()
    return f"/dataset/shkoly/resource/{version.resource_id}/v{version.number}/data.csv"


def test_views_and_downloads_are_counted_and_shown(dataset):
    client = Client(HTTP_USER_AGENT=BROWSER)
    client.get("/dataset/shkoly")
    client.get("/dataset/shkoly")
    response = client.get(_download_url(dataset))
    assert response.status_code == 200
    b"".join(response.streaming_content)
    count = _today(dataset)
    assert (count.views, count.downloads) == (2, 1)
    html = client.get("/dataset/shkoly").content.decode()
    assert "3 views, 1 download" in html
    assert not response.cookies and "sessionid" not in client.cookies


def test_head_requests_are_not_counted(dataset):
    client = Client(HTTP_USER_AGENT=BROWSER)
    assert client.head("/dataset/shkoly").status_code == 200
    assert client.head(_download_url(dataset)).status_code == 200
    assert _today(dataset) is None


@pytest.mark.parametrize("agent", [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Baiduspider", "Some-Crawler/1.0"])
def test_robots_are_not_counted(dataset, agent):
    client = Client(HTTP_USER_AGENT=agent)
    client.get("/dataset/shkoly")
    client.get(_download_url(dataset))
    assert _today(dataset) is None


def test_days_are_counted_apart(dataset):
    day = dt.date(2026, 3, 2)
    services.count_view(dataset=dataset, day=day)
    services.count_view(dataset=dataset, day=day + dt.timedelta(days=1))
    services.count_download(dataset=dataset, day=day)
    assert sorted(DailyCount.objects.values_list("day", "views", "downloads")) == [
        (day, 1, 1), (day + dt.timedelta(days=1), 1, 0)]


def test_unpublished_datasets_are_not_counted(db, officer_client):
    draft = DatasetFactory(name="chernetka")
    assert officer_client.get("/dataset/chernetka").status_code == 200
    assert not DailyCount.objects.filter(dataset=draft).exists()


def test_a_row_created_by_another_request_meanwhile_is_counted_not_lost(dataset,
                                                                      monkeypatch):
    # Two requests on the first view of the day: both find no row, one creates it, the other
    # hits the unique constraint and must add its view to that row.
    day = dt.date(2026, 3, 2)
    services.count_view(dataset=dataset, day=day)
    real_update = QuerySet.update
    calls = []

    def update_missing_once(self, **kwargs):
        calls.append(kwargs)
        return 0 if len(calls) == 1 else real_update(self, **kwargs)

    monkeypatch.setattr(QuerySet, "update", update_missing_once)
    services.count_view(dataset=dataset, day=day)
    assert len(calls) == 2
    assert DailyCount.objects.get(dataset=dataset, day=day).views == 2
