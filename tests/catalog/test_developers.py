"""«Для розробників»: the page and each dataset page point at the JSON API, the CKAN API and
DCAT-AP, and every address the page gives answers."""

from __future__ import annotations

import re

import pytest

from radadata.registry.services import datasets as dataset_services
from tests.factories import AT, DatasetFactory, add_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def published():
    dataset = DatasetFactory(name="merezha-shkil", title="Мережа шкіл")
    add_file(dataset, content="код,назва\n1,Ліцей №1\n".encode())
    dataset_services.dataset_mark_published(dataset=dataset, by=None, at=AT)
    return dataset


def test_the_developers_page_gives_working_examples_for_this_council(client, published):
    response = client.get("/developers/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Для розробників</h1>" in html
    assert "http://testserver/api/v1/datasets/merezha-shkil" in html
    links = sorted(set(re.findall(r'href="(/(?:api|catalog|dataset)[^"#]*)"', html)))
    assert {"/api/v1/docs", "/api/3/action/package_list", "/catalog.ttl",
            "/dataset/merezha-shkil.ttl"} <= set(links)
    for link in links:
        assert client.get(link.replace("&amp;", "&")).status_code == 200, link


def test_the_footer_and_each_dataset_page_link_the_apis(client, published):
    home = client.get("/").content.decode()
    footer = home[home.index("<footer"):]
    for address in ("/developers/", "/api/v1/docs", "/api/3/action/package_list", "/catalog.ttl"):
        assert f'href="{address}"' in footer
    page = client.get("/dataset/merezha-shkil").content.decode()
    for address in ("/api/v1/datasets/merezha-shkil", "/api/3/action/package_show?id=merezha-shkil",
                    "/dataset/merezha-shkil.ttl"):
        assert f'href="{address}"' in page
