"""The approved list (§2.11–2.19) and the national list (КМУ 835) pages of the officer."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from radadata.core.models import AuditEntry
from radadata.registry.models import ApprovedListItem, NationalListItem
from radadata.registry.services import lists as list_services
from tests.factories import AT, DatasetFactory, OwnerFactory, UserFactory

pytestmark = pytest.mark.django_db

NATIONAL_CSV = """code,title,section,unconfirmed,source
T-31,Поіменні результати голосування депутатів на пленарних засіданнях,Рада,false,КМУ 835
T-42,Адресний реєстр,Містобудування,true,КМУ 835
T-36,Дані про тарифи на комунальні послуги,Житлово-комунальне господарство,true,КМУ 835
"""


@pytest.fixture(autouse=True)
def _english(settings):
    # The assertions read the English msgids; Ukrainian is the default once translated.
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def national(tmp_path) -> dict[str, NationalListItem]:
    path = tmp_path / "national_list.csv"
    path.write_text(NATIONAL_CSV, encoding="utf-8")
    list_services.national_list_load(path)
    return {item.code: item for item in NationalListItem.objects.filter(code__startswith="T-")}


def row(html: str, item: NationalListItem) -> str:
    """The table row of one national list item."""
    match = re.search(rf'<tr id="item-{item.pk}">(.*?)</tr>', html, re.DOTALL)
    assert match, f"no row for {item.code}"
    return match.group(1)


def add_buttons(html: str) -> int:
    return html.count(">Add to the approved list</button>")


@pytest.fixture
def owner(db):
    return OwnerFactory(name="Управління освіти")


def test_the_approved_list_shows_its_entries_and_coverage(officer_client, owner):
    published = DatasetFactory(owner=owner, title="Школи громади", published=True)
    list_services.approved_item_add(title="Мережа закладів освіти", dataset=published,
                                    by=None, at=AT)
    list_services.approved_item_add(title="Тарифи на комунальні послуги", by=None, at=AT)

    html = officer_client.get(reverse("registry:approved-list")).content.decode()

    assert "1 of 2 entries published: 50% of the approved list." in html
    assert "Мережа закладів освіти" in html
    assert "Школи громади" in html
    assert "Тарифи на комунальні послуги" in html
    assert "no dataset yet" in html


def test_officer_adds_an_entry_with_the_form(officer_client, owner):
    dataset = DatasetFactory(owner=owner, title="Мережа закладів освіти")
    response = officer_client.post(reverse("registry:approved-list"), {
        "title": "Перелік закладів освіти", "national_item": "", "owner": "",
        "dataset": dataset.pk}, follow=True)

    assert "Entry 1 is added to the approved list." in response.content.decode()
    item = ApprovedListItem.objects.get()
    assert (item.title, item.dataset, item.owner, item.position) == (
        "Перелік закладів освіти", dataset, owner, 1)
    assert AuditEntry.objects.filter(action="approved_list.added").count() == 1


def test_an_entry_without_title_or_national_item_is_refused(officer_client):
    response = officer_client.post(reverse("registry:approved-list"), {"title": "  "})
    assert response.status_code == 200
    assert "Name the dataset that must be published." in response.content.decode()
    assert not ApprovedListItem.objects.exists()


def test_the_national_list_adds_an_item_to_the_approved_list(officer_client, national):
    address = national["T-42"]
    page = officer_client.get(reverse("registry:national-list")).content.decode()
    assert "Адресний реєстр" in row(page, address)
    assert "wording unconfirmed" in row(page, address)
    assert "wording unconfirmed" not in row(page, national["T-31"])
    assert "Add to the approved list" in row(page, address)
    buttons = add_buttons(page)

    response = officer_client.post(reverse("registry:national-item-add", args=[address.pk]))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('registry:national-list')}#item-{address.pk}"

    item = ApprovedListItem.objects.get()
    assert (item.title, item.national_item) == ("Адресний реєстр", address)
    page = officer_client.get(reverse("registry:national-list")).content.decode()
    assert "“Адресний реєстр” is entry 1 of the approved list." in page
    assert add_buttons(page) == buttons - 1
    assert "Add to the approved list" not in row(page, address)
    assert reverse("registry:approved-item-edit", args=[item.pk]) in row(page, address)


def test_the_national_list_keeps_the_order_of_its_codes(officer_client, national):
    page = officer_client.get(reverse("registry:national-list")).content.decode()
    headings = re.findall(r'<h2 id="section-\d+">([^<]+)</h2>', page)
    mine = [h for h in headings if h in {"Рада", "Житлово-комунальне господарство",
                                         "Містобудування"}]
    assert mine == ["Рада", "Житлово-комунальне господарство", "Містобудування"]


def test_a_national_item_is_added_only_once(officer_client, national):
    url = reverse("registry:national-item-add", args=[national["T-31"].pk])
    officer_client.post(url)
    response = officer_client.post(url, follow=True)
    assert "This national list item is already on the approved list." in (
        response.content.decode())
    assert ApprovedListItem.objects.count() == 1


def test_officer_edits_an_entry(officer_client, owner, national):
    item = list_services.approved_item_add(national_item=national["T-36"], by=None, at=AT)
    dataset = DatasetFactory(owner=owner, title="Тарифи на теплову енергію")
    url = reverse("registry:approved-item-edit", args=[item.pk])
    assert "Дані про тарифи на комунальні послуги" in officer_client.get(url).content.decode()

    response = officer_client.post(url, {
        "title": "Тарифи на теплопостачання", "national_item": national["T-36"].pk,
        "owner": "", "dataset": dataset.pk, "position": 3}, follow=True)

    assert "The entry is saved." in response.content.decode()
    item.refresh_from_db()
    assert (item.title, item.dataset, item.position) == ("Тарифи на теплопостачання", dataset, 3)
    assert AuditEntry.objects.filter(action="approved_list.updated",
                                     object_id=str(item.pk)).exists()


def test_removing_an_entry_asks_first_and_keeps_the_dataset(officer_client, owner):
    dataset = DatasetFactory(owner=owner, title="Мережа закладів освіти")
    item = list_services.approved_item_add(title="Заклади освіти", dataset=dataset, by=None,
                                           at=AT)
    url = reverse("registry:approved-item-remove", args=[item.pk])

    confirm = officer_client.get(url)
    assert "Remove entry 1: “Заклади освіти”?" in confirm.content.decode()
    assert ApprovedListItem.objects.exists()

    response = officer_client.post(url, follow=True)
    assert "The entry is removed from the approved list." in response.content.decode()
    assert not ApprovedListItem.objects.exists()
    assert AuditEntry.objects.filter(action="approved_list.removed").exists()
    dataset.refresh_from_db()  # the dataset stays in the registry


def test_a_clerk_may_not_open_or_change_the_lists(owner, national):
    client = Client()
    client.force_login(UserFactory(owner=owner))
    assert client.get(reverse("registry:approved-list")).status_code == 403
    assert client.get(reverse("registry:national-list")).status_code == 403
    response = client.post(reverse("registry:national-item-add",
                                   args=[national["T-31"].pk]))
    assert response.status_code == 403
    assert not ApprovedListItem.objects.exists()
