"""A dataset follows a national structure: picked in the office, every later file checked
against it, shown on the dataset's pages."""

from __future__ import annotations

import pytest

from radadata.checks.models import CheckRun
from radadata.core.errors import NotAllowed, NotFound
from radadata.registry.models import Structure
from radadata.structures import catalog, selectors, services
from radadata.structures.downloads import template_file
from radadata.structures.errors import StructureNotFound
from tests.factories import AT, DatasetFactory, UserFactory, add_file
from tests.structures.helpers import filled_xlsx

pytestmark = pytest.mark.django_db


def test_following_sets_the_structure_every_file_is_checked_against(officer):
    dataset = DatasetFactory(title="Захисні споруди громади")
    choice = services.dataset_follow_structure(dataset=dataset, structure_id="2025/72-shelters",
                                               by=officer, at=AT)
    assert (choice.edition, choice.edition_status) == ("2025", "unconfirmed")
    saved = Structure.objects.get(dataset=dataset)
    assert (saved.source, saved.national_code) == ("national", "2025/72-shelters")
    schema = catalog.get("2025/72-shelters").table_schema()
    assert saved.schema == schema
    body, _type, _name = template_file(catalog.get("2025/72-shelters"), "xlsx")
    good = filled_xlsx(body, schema["fields"])
    add_file(dataset, good, filename="shelters.xlsx")
    run = CheckRun.objects.filter(version__resource__dataset=dataset).latest("pk")
    assert run.errors == 0, run.report
    add_file(dataset, b"id,name\n1,School\n", filename="other.csv")
    run = CheckRun.objects.filter(version__resource__dataset=dataset).latest("pk")
    codes = {f["code"] for f in run.report["findings"]}
    assert "column_missing" in codes


def test_a_later_edition_does_not_change_what_was_chosen(officer):
    dataset = DatasetFactory()
    services.dataset_follow_structure(dataset=dataset, structure_id="2019/RegisterOfDatasets",
                                      by=officer, at=AT)
    found = selectors.following(dataset)
    assert found.choice.edition == "2019" and found.current


def test_unknown_id_and_strangers_are_refused(officer):
    dataset = DatasetFactory()
    with pytest.raises(StructureNotFound):
        services.dataset_follow_structure(dataset=dataset, structure_id="2025/nope",
                                          by=officer, at=AT)
    stranger = UserFactory()
    with pytest.raises((NotAllowed, NotFound)):  # not even readable for a stranger
        services.dataset_follow_structure(dataset=dataset, structure_id="2025/72-shelters",
                                          by=stranger, at=AT)


def test_unfollowing_keeps_the_columns_as_the_datasets_own(officer):
    dataset = DatasetFactory()
    services.dataset_follow_structure(dataset=dataset, structure_id="2025/72-shelters",
                                      by=officer, at=AT)
    services.dataset_unfollow_structure(dataset=dataset, by=officer, at=AT)
    saved = Structure.objects.get(dataset=dataset)
    assert (saved.source, saved.national_code) == ("manual", "")
    assert selectors.following(dataset) is None


def test_office_page_search_pick_and_dataset_pages(client):
    dataset = DatasetFactory(title="Укриття громади")
    owner_person = UserFactory(owner=dataset.owner)
    client.force_login(owner_person)
    url = f"/office/datasets/{dataset.name}/national-structure/"
    page = client.get(url, {"q": "захисних спорудах"}).content.decode()
    assert "Дані про розташування захисних споруд" in page
    response = client.post(url, {"structure": "2025/72-shelters"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "/structures/2025/72-shelters/download/xlsx/" in page
    office = client.get(f"/office/datasets/{dataset.name}/").content.decode()
    assert "2025/72-shelters" in office
    public = client.get(dataset.get_absolute_url()).content.decode()
    assert "2025/72-shelters" in public


def test_proposal_from_the_national_list_title(officer):
    dataset = DatasetFactory(title="Дані про розташування захисних споруд цивільного захисту")
    ids = [s.id for s in selectors.proposals(dataset)]
    assert ids and ids[0] == "2025/72-shelters"


def test_the_office_registry_list_says_which_structure(officer_client, officer):
    dataset = DatasetFactory(title="Захисні споруди")
    DatasetFactory(title="Бюджет")
    services.dataset_follow_structure(dataset=dataset, structure_id="2025/72-shelters",
                                      by=officer, at=AT)
    page = officer_client.get("/office/datasets/").content.decode()
    assert 'data-national-structure="2025/72-shelters"' in page
    assert page.count("data-national-structure=") == 1


def test_a_check_report_keeps_the_structure_and_edition_it_used(officer):
    dataset = DatasetFactory()
    services.dataset_follow_structure(dataset=dataset, structure_id="2019/RegisterOfDatasets",
                                      by=officer, at=AT)
    add_file(dataset, b"identifier,title\nx,y\n", filename="register.csv")
    run = CheckRun.objects.filter(version__resource__dataset=dataset).latest("pk")
    assert run.report["schema"]["title"].endswith("(2019/RegisterOfDatasets)")
