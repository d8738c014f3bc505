"""Importing a council's packages from the fake portal: the dry run (owners matched and created,
files too big or of an unknown format, nothing written), the job (passports, files as first
versions, remote ids kept), a failing download, re-import without duplicates, and a push after
the import that updates the imported package instead of creating another."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from radadata.core.models import AuditEntry
from radadata.jobs.models import ItemStatus, Status
from radadata.jobs.services import job_run
from radadata.portal_sync.importing import dry_run, import_start, make_source
from radadata.portal_sync.models import DatasetSync, SyncState
from radadata.portal_sync.push import push_dataset
from radadata.portal_sync.selectors_office import sync_list
from radadata.registry.models import Dataset, Owner, ResourceVersion
from radadata.registry.vocabularies import Periodicity
from tests.factories import AT, OwnerFactory, UserFactory, valid_edrpou
from tests.portal_sync.conftest import CSV, quick_client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

PURPOSE = "Закон України «Про доступ до публічної інформації»."
XLSX_LIKE = b"PK\x03\x04" + b"xl/workbook.xml" + bytes(range(256)) * 4


def seed(portal, *, name: str, title: str, files: list[tuple[str, bytes, str, str]] = (),
         org: str = "miska-rada", published: bool = True, edit: dict | None = None,
         **fields: Any) -> dict:
    """A package on the fake portal as a council's cabinet would hold it; `files` are
    (resource name, content, format, file name); `edit` is changed afterwards by hand, past the
    portal's validation (as an older package may be)."""
    data = {"name": name, "title": title, "notes": f"Опис: {title}.", "owner_org": org,
            "tag_string": "освіта,школи", "purpose_of_collecting_information": PURPOSE,
            "update_frequency": "once a month", "language": "uk", **fields}
    package = portal.action_package_create(data)
    for resource_name, content, fmt, filename in files:
        portal.action_resource_create({"package_id": package["id"], "name": resource_name,
                                       "format": fmt}, (filename, content))
    if edit:
        portal.edit(package["id"], **edit)
    if published:
        portal.moderate(package["id"], "published")
    return portal.package(package["id"])


@pytest.fixture
def council(portal, conn):
    """Three packages of the connected organisation and one of another, owners to match."""
    code = valid_edrpou()
    known = OwnerFactory(name="Управління освіти міської ради", edrpou=code)
    seed(portal, name="svitlohirska-mr-merezha-shkil", title="Мережа закладів освіти",
         files=[("Перелік закладів", CSV, "CSV", "schools.csv")],
         publisherIdentifier=code, publisherName="УПРАВЛІННЯ ОСВІТИ",
         maintainer="Коваленко Ірина Петрівна", maintainer_email="kovalenko@rada.example.ua")
    seed(portal, name="byudzhet-2026", title="Бюджет громади на 2026 рік",
         files=[("Видатки", "стаття,сума\nЗарплата,100\n".encode(), "CSV", "budget.csv"),
                ("Зведення", XLSX_LIKE, "XLSX", "budget.xlsx")],
         publisherName="Фінансове управління", update_frequency="once a year",
         maintainer="Бондар Марія Іванівна", maintainer_email="bondar@rada.example.ua")
    seed(portal, name="zupynky", title="Зупинки громадського транспорту",
         files=[("Зупинки", b"id,name\n1,Central\n", "CSV", "stops.csv")],
         publisherName="«Фінансове   управління»", edit={"update_frequency": "Щокварталу"})
    seed(portal, name="chuzhyi", title="Чужий набір", org="insha-rada")
    return known


def test_the_dry_run_says_what_each_package_would_do_and_writes_nothing(council, portal):
    OwnerFactory(name="Відділ транспорту")
    report = dry_run(make_source(base_url=portal.base_url, organization="miska-rada"), at=AT)

    assert report.linked
    plans = {p.incoming.remote_name: p for p in report.plans}
    assert set(plans) == {"svitlohirska-mr-merezha-shkil", "byudzhet-2026", "zupynky"}
    assert report.counts == {"create": 3, "update": 0, "unchanged": 0, "skip": 0}
    schools = plans["svitlohirska-mr-merezha-shkil"]
    assert schools.owner == council  # by ЄДРПОУ, though the package spells the name otherwise
    budget, stops = plans["byudzhet-2026"], plans["zupynky"]
    assert budget.new_owner is not None and budget.new_owner.name == "Фінансове управління"
    assert any("New owner “Фінансове управління”" in n for n in budget.notes)
    assert stops.owner is budget.owner  # the same new owner: quotes and spaces aside
    assert [f.action for f in budget.files] == ["new", "new"]
    assert "  owner: Фінансове управління" in budget.lines()
    assert not Dataset.objects.exists()
    assert not Owner.objects.filter(name="Фінансове управління").exists()


def test_files_too_big_or_of_an_unknown_format_are_reported_as_skipped(portal, conn, settings):
    settings.MAX_UPLOAD_BYTES = 100
    package = seed(portal, name="velykyi", title="Великий набір",
                   files=[("Дані", b"x" * 500, "CSV", "big.csv"),
                          ("Сервіс", b"<wms/>", "WMS", "service.xml")],
                   publisherName="Відділ архітектури")

    [plan] = dry_run(make_source(base_url=portal.base_url, organization="miska-rada"),
                     at=AT).plans

    assert plan.incoming.remote_id == package["id"]
    reasons = [f.reason for f in plan.files]
    assert reasons == ["the file is too big (0.0 MB; the limit is 0.0 MB)",
                       "the format WMS is not among the recommended formats (§5.2)"]
    assert plan.action == "create"


def run_import(portal, officer, organization: str = "miska-rada"):
    job = import_start(source=make_source(base_url=portal.base_url, organization=organization),
                       by=officer, at=AT)
    return job_run(job.pk)


def test_the_job_imports_passports_files_and_remote_ids(council, portal, officer):
    job = run_import(portal, officer)

    assert job.status == Status.DONE, list(job.items.values_list("message", flat=True))
    assert job.total == 3
    assert job.result == {"counts": {"create": 3}}
    schools = Dataset.objects.get(title="Мережа закладів освіти")
    assert schools.owner == council
    assert schools.name == "merezha-shkil"  # the council's prefix of our pushes taken off
    assert schools.description == "Опис: Мережа закладів освіти."
    assert schools.purpose == PURPOSE
    assert schools.periodicity == Periodicity.MONTHLY
    assert sorted(k.name for k in schools.keywords.all()) == ["освіта", "школи"]
    assert schools.is_published
    contact = schools.owner.memberships.get().user  # the owner had no responsible person
    assert (contact.email, contact.full_name) == ("kovalenko@rada.example.ua",
                                                  "Коваленко Ірина Петрівна")
    [version] = ResourceVersion.objects.filter(resource__dataset=schools)
    assert version.resource.title == "Перелік закладів"
    assert version.sha256 == hashlib.sha256(CSV).hexdigest()
    assert version.published_at is not None
    finance = Owner.objects.get(name="Фінансове управління")
    stops = Dataset.objects.get(title="Зупинки громадського транспорту")
    assert stops.owner == finance and stops.periodicity == Periodicity.QUARTERLY
    budget = Dataset.objects.get(title="Бюджет громади на 2026 рік")
    assert [v.format for v in ResourceVersion.objects.filter(resource__dataset=budget)
            .order_by("resource__position")] == ["CSV", "XLSX"]

    package = portal.package("svitlohirska-mr-merezha-shkil")
    sync = DatasetSync.objects.get(dataset=schools)
    assert (sync.remote_id, sync.remote_name) == (package["id"], package["name"])
    assert sync.resources[str(version.resource_id)]["id"] == package["resources"][0]["id"]
    assert sync.state == SyncState.IN_SYNC and not sync.drift
    assert AuditEntry.objects.filter(action="portal.package_imported").count() == 3
    assert not Dataset.objects.filter(title="Чужий набір").exists()


def test_a_failing_download_fails_that_dataset_only(council, portal, officer):
    budget = portal.package("byudzhet-2026")
    lost = budget["resources"][1]["id"]
    content = portal.files.pop(lost)  # the portal answers 404 for that file

    job = run_import(portal, officer)

    assert job.status == Status.DONE_WITH_ERRORS
    failed = job.items.get(status=ItemStatus.FAILED)
    assert failed.label == "Бюджет громади на 2026 рік"
    assert "The file “Зведення” failed: the source answered HTTP 404" in failed.message
    assert not Dataset.objects.filter(title="Бюджет громади на 2026 рік").exists()
    assert Dataset.objects.count() == 2

    portal.files[lost] = content
    again = run_import(portal, officer)

    assert again.status == Status.DONE
    assert Dataset.objects.count() == 3
    assert again.result == {"counts": {"create": 1, "unchanged": 2}}


def test_importing_again_changes_nothing_and_updates_what_changed(council, portal, officer):
    run_import(portal, officer)
    versions = ResourceVersion.objects.count()

    again = run_import(portal, officer)

    assert again.result == {"counts": {"unchanged": 3}}
    assert "No change" in again.items.first().message
    assert (Dataset.objects.count(), ResourceVersion.objects.count()) == (3, versions)
    assert Owner.objects.filter(name="Фінансове управління").count() == 1

    package = portal.package("zupynky")
    portal.edit("zupynky", title="Зупинки та маршрути", tag_string="транспорт")
    portal.action_resource_update({"id": package["resources"][0]["id"]},
                                  ("stops.csv", b"id,name\n1,Central\n2,Park\n"))
    third = run_import(portal, officer)

    assert third.result == {"counts": {"unchanged": 2, "update": 1}}
    stops = Dataset.objects.get(identifier=package["id"])
    assert stops.title == "Зупинки та маршрути"
    assert [k.name for k in stops.keywords.all()] == ["транспорт"]
    assert stops.resources.get().versions.count() == 2
    assert Dataset.objects.count() == 3


def test_a_push_after_the_import_updates_the_imported_package(council, portal, officer, conn):
    run_import(portal, officer)
    schools = Dataset.objects.get(title="Мережа закладів освіти")
    packages = len(portal.live_packages())
    portal.calls.clear()

    with quick_client(portal) as client:
        result = push_dataset(dataset=schools, conn=conn, client=client, by=None, at=AT)

    assert not result.created
    assert "package_create" not in {c.action for c in portal.calls}
    assert "Перелік закладів" not in result.uploaded  # the portal has that file already
    assert len(portal.live_packages()) == packages


def test_a_known_contact_person_becomes_the_datasets_contact(portal, conn, officer):
    owner = OwnerFactory(name="Відділ культури")
    UserFactory(owner=owner, email="head@rada.example.ua")
    other = UserFactory(email="melnyk@rada.example.ua")
    seed(portal, name="muzei", title="Музеї громади", publisherName="Відділ культури",
         maintainer="Мельник Петро", maintainer_email="Melnyk@rada.example.ua",
         files=[("Музеї", b"id,name\n1,Museum\n", "CSV", "museums.csv")])

    run_import(portal, officer)

    dataset = Dataset.objects.get(title="Музеї громади")
    assert (dataset.owner, dataset.responsible) == (owner, other)


def test_a_file_found_too_big_while_downloading_is_left_out_and_reported(portal, conn,
                                                                        officer, settings):
    settings.MAX_UPLOAD_BYTES = 100
    package = seed(portal, name="karta", title="Карта громади",
                   publisherName="Відділ архітектури",
                   files=[("Опис", b"id,name\n1,A\n", "CSV", "a.csv"),
                          ("Карта", b"x" * 500, "GEOJSON", "map.geojson")])
    del portal.packages[package["id"]]["resources"][1]["size"]  # the portal did not say

    job = run_import(portal, officer)

    assert job.status == Status.DONE
    assert "Not imported: Карта (the file is larger than 0.0 MB" in job.items.get().message
    dataset = Dataset.objects.get(title="Карта громади")
    assert [r.title for r in dataset.resources.all()] == ["Опис"]
    sync = DatasetSync.objects.get(dataset=dataset)
    skipped = package["resources"][1]["id"]
    assert sync.resources[f"portal:{skipped}"] == {"id": skipped, "name": "Карта",
                                                   "foreign": True}


def test_an_owner_whose_code_contradicts_the_registry_is_not_guessed(portal, conn):
    OwnerFactory(name="Відділ культури", edrpou=valid_edrpou())
    other = valid_edrpou()
    seed(portal, name="muzei", title="Музеї громади", publisherName="«ВІДДІЛ КУЛЬТУРИ»",
         publisherIdentifier=other)

    [plan] = dry_run(make_source(base_url=portal.base_url, organization="miska-rada"),
                     at=AT).plans

    assert plan.action == "skip"
    assert f"but the package gives {other}" in plan.reasons[0]


def test_a_package_this_registry_pushed_comes_back_in_sync(office, conn, portal, officer):
    with quick_client(portal) as client:
        push_dataset(dataset=office.schools, conn=conn, client=client, by=None, at=AT)
    identifier = office.schools.identifier
    Dataset.objects.filter(pk=office.schools.pk).delete()  # a registry that lost it
    portal.calls.clear()

    run_import(portal, officer)

    dataset = Dataset.objects.get(name="merezha-shkil")
    assert dataset.identifier == identifier  # the push sent it: the import keeps it
    [row] = [r for r in sync_list().rows if r.dataset.pk == dataset.pk]
    assert row.state == SyncState.IN_SYNC
    assert row.sync.remote_name == "svitlohirska-mr-merezha-shkil"
    assert not {c.action for c in portal.calls} - {"organization_show", "package_search"}
