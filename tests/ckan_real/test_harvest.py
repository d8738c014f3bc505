"""CKAN's own tools read our catalogue: ckanext-harvest's `ckan` harvester (our /api/3) and
ckanext-dcat's RDF harvester (our /catalog.ttl), run by `ckan harvester run-test` on the real
CKAN against this test's live server; and `ckanapi dump`."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import uuid

import ckanapi
import pytest

from radadata.registry.models import Theme
from radadata.registry.services.datasets import dataset_mark_published
from tests.factories import DatasetFactory, OwnerFactory
from tests.portal_sync.conftest import add_file

pytestmark = [pytest.mark.ckan]

KEYWORDS = ["безбар'єрність", "освіта"]


@pytest.fixture
def catalogue(transactional_db, live_server, settings):
    """Published datasets of two owners, with files, a theme and an apostrophe keyword."""
    settings.SITE_URL = live_server.url  # the download links point at the server under test
    tag = uuid.uuid4().hex[:6]
    theme = Theme.objects.create(code=f"osvita-{tag}", name=f"Освіта {tag}")
    datasets = []
    for number, name in enumerate(["Управління освіти", "Відділ культури"]):
        owner = OwnerFactory(name=name, slug=f"owner-{number}-{tag}")
        for index in range(2):
            dataset = DatasetFactory(owner=owner, title=f"Набір {number}.{index} {name}",
                                     name=f"nabir-{number}-{index}-{tag}", keywords=KEYWORDS)
            dataset.themes.add(theme)
            add_file(dataset, f"код,назва\n{index},Рядок\n".encode(), f"dani-{index}.csv",
                     f"Дані {index}")
            datasets.append(dataset_mark_published(dataset=dataset, by=None,
                                                   at=dataset.registered_at))
    return datasets


def _run_test(portal, source_id: str) -> str:
    ckan = os.path.join(os.environ["RADADATA_CKAN_BIN"], "ckan")
    done = subprocess.run([ckan, "-c", portal.ini, "harvester",
                           "run-test", source_id], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout + done.stderr


def _harvest(portal, *, url: str, source_type: str, config: dict) -> dict:
    """Create a harvest source on the portal, run it once, and return its job's report."""
    # The live server's address is the same for the whole session, and CKAN allows one
    # source per address and config: a key of the test's own tells them apart.
    run = uuid.uuid4().hex[:8]
    source = portal.action("harvest_source_create", name=f"source-{run}",
                           title="RadaData", url=url, source_type=source_type,
                           owner_org=portal.organization,
                           config=json.dumps({**config, "radadata_test": run}))
    _run_test(portal, source["id"])
    [job] = portal.action("harvest_job_list", source_id=source["id"])
    return {**job["stats"], "report": portal.action("harvest_job_report", id=job["id"])}


def _harvested(dgua, names: list[str]) -> list[dict]:
    found = []
    for name in names:
        with contextlib.suppress(ckanapi.NotFound):  # not harvested
            found.append(dgua.action("package_show", id=name))
    return found


def test_the_ckan_harvester_takes_every_published_dataset(catalogue, dgua, live_server):
    stats = _harvest(dgua, url=live_server.url, source_type="ckan",
                     config={"remote_orgs": "create", "remote_groups": "create"})

    assert (stats["added"], stats["errored"]) == (len(catalogue), 0), stats["report"]
    packages = _harvested(dgua, [d.name for d in catalogue])

    assert len(packages) == len(catalogue)
    for package, dataset in zip(packages, catalogue, strict=True):
        assert package["title"] == dataset.title
        assert package["organization"]["name"] == dataset.owner.slug  # recreated there
        assert package["organization"]["title"] == dataset.owner.name
        assert package["license_id"] == "cc-by"
        assert sorted(t["name"] for t in package["tags"]) == ["безбарʼєрність", "освіта"]
        assert [g["title"] for g in package["groups"]] == [t.name for t in dataset.themes.all()]
        [resource] = package["resources"]
        assert resource["url"].startswith(live_server.url)
        assert resource["hash"]
        assert package["update_frequency"] == dataset.periodicity


def test_the_dcat_harvester_takes_every_published_dataset(catalogue, stock, live_server):
    # Into a CKAN without a dataset schema: the DCAT-AP profile has no place for data.gov.ua's
    # required fields (purpose, update frequency), which a schema like data.gov.ua's demands.
    stats = _harvest(stock, url=f"{live_server.url}/catalog.ttl", source_type="dcat_rdf",
                     config={"rdf_format": "text/turtle"})

    assert (stats["added"], stats["errored"]) == (len(catalogue), 0), stats["report"]
    found = stock.action("package_search", fq=f"organization:{stock.organization}",
                         rows=100)["results"]
    packages = [p for p in found if p.get("type", "dataset") == "dataset"]

    assert sorted(p["title"] for p in packages) == sorted(d.title for d in catalogue)
    for package in packages:
        assert package["license_id"] == "cc-by"
        assert "безбарʼєрність" in [t["name"] for t in package["tags"]]
        assert len(package["resources"]) == 1


@pytest.mark.parametrize(("kind", "expected"), [("datasets", 4), ("organizations", 2),
                                                 ("groups", 1)])
def test_ckanapi_dumps_the_catalogue(catalogue, live_server, tmp_path, kind, expected):
    # ckanapi's command (installed beside CKAN) starts its workers by name, from PATH.
    path = os.pathsep.join([os.environ["RADADATA_CKAN_BIN"], os.environ.get("PATH", "")])
    out = tmp_path / f"{kind}.jsonl"
    done = subprocess.run(["ckanapi", "dump", kind, "--all", "-r", live_server.url,
                           "-O", str(out), "-p", "1", "-q"], env={**os.environ, "PATH": path},
                          capture_output=True, text=True, timeout=120)

    assert done.returncode == 0, done.stderr[-2000:]
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == expected
    if kind == "datasets":
        assert {r["name"] for r in records} == {d.name for d in catalogue}
        assert all(len(r["resources"]) == 1 for r in records)
