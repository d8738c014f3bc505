"""The demo council's catalogue (53 published datasets, 10 owners) harvested by CKAN's own
tools: ckanext-harvest's `ckan` harvester from /api/3 and ckanext-dcat's RDF harvester from
/catalog.ttl. Every published dataset arrives."""

from __future__ import annotations

import pytest

from radadata.registry.models import Dataset
from tests.ckan_real.test_harvest import _harvest, _harvested

pytestmark = [pytest.mark.ckan]


@pytest.fixture
def demo(transactional_db, live_server, settings):
    settings.SITE_URL = live_server.url
    from radadata.registry.demo import load_demo
    load_demo()
    return list(Dataset.objects.published().select_related("owner"))


def test_both_harvesters_take_the_whole_demo_catalogue(demo, dgua, stock, live_server):
    assert len(demo) == 53

    by_ckan = _harvest(dgua, url=live_server.url, source_type="ckan",
                       config={"remote_orgs": "create", "remote_groups": "create"})
    by_dcat = _harvest(stock, url=f"{live_server.url}/catalog.ttl", source_type="dcat_rdf",
                       config={"rdf_format": "text/turtle"})

    for stats in (by_ckan, by_dcat):
        assert stats["errored"] == 0, stats["report"]
        assert stats["added"] + stats["updated"] + stats["not modified"] == 53, stats
    assert len(_harvested(dgua, [d.name for d in demo])) == 53
    package = dgua.action("package_show", id=demo[0].name)
    assert package["organization"]["title"] == demo[0].owner.name
    assert package["license_id"] == "cc-by"
