"""The office pages of datasets (register, edit, upload, publish) and the public dataset page."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from radadata.accounts.models import Role, User
from radadata.core.models import AuditEntry
from radadata.registry.models import Dataset, Owner, ResourceVersion
from radadata.registry.vocabularies import DatasetStatus, DataType, Periodicity
from tests.factories import DatasetFactory, OwnerFactory, UserFactory, add_file

pytestmark = pytest.mark.django_db

REUSE_START = ("Відповідно до Закону України «Про доступ до публічної інформації» публічна "
               "інформація у формі відкритих даних (відкриті дані) оприлюднюється для вільного "
               "та безоплатного доступу до неї.")
REUSE_CONDITION = ("Умовою будь – якого подальшого використання відкритих даних є обов’язкове "
                   "посилання на джерело їх отримання")


@pytest.fixture(autouse=True)
def _english(settings):
    # The assertions read the English msgids; Ukrainian is the default once translated.
    settings.LANGUAGE_CODE = "en"


@dataclass
class Council:
    owner_a: Owner
    owner_b: Owner
    clerk_a: User
    a_draft: Dataset
    b_draft: Dataset
    b_published: Dataset


@pytest.fixture
def council(db) -> Council:
    owner_a = OwnerFactory(name="Управління освіти")
    owner_b = OwnerFactory(name="Фінансове управління")
    return Council(
        owner_a=owner_a, owner_b=owner_b,
        clerk_a=UserFactory(owner=owner_a, email="clerk.a@rada.example.ua"),
        a_draft=DatasetFactory(owner=owner_a, title="Мережа закладів освіти", name="shkoly"),
        b_draft=DatasetFactory(owner=owner_b, title="Проєкт бюджету", name="budget-draft"),
        b_published=DatasetFactory(owner=owner_b, title="Бюджет громади", name="budget",
                                   published=True),
    )


@pytest.fixture
def clerk_client(council) -> Client:
    client = Client()
    client.force_login(council.clerk_a)
    return client


def passport(owner: Owner, **overrides) -> dict:
    """The POST data of the passport form, valid unless overridden."""
    data = {
        "owner": owner.pk, "title": "Перелік закладів загальної середньої освіти",
        "description": "Назви, адреси і контакти шкіл громади.",
        "purpose": "Закон України «Про освіту», постанова КМУ №835.",
        "identifier": "", "name": "", "language": "uk", "declared_formats": "CSV",
        "compression": "", "periodicity": Periodicity.YEARLY, "keywords": "школи, освіта",
        "landing_page_override": "", "responsible": "", "data_type": DataType.STRUCTURED,
        "created_on": "", "data_as_of": "2026-01-01",
    }
    data.update(overrides)
    return data


def field_error(html: str, field: str) -> str:
    """The error message shown right under a field of core/form.html, or ''."""
    match = re.search(rf'id="id_{field}_error">([^<]*)<', html)
    return match.group(1) if match else ""


def csv_file(content: bytes, name: str = "schools.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/csv")


def download(client: Client, version: ResourceVersion) -> bytes:
    dataset = version.resource.dataset
    response = client.get(reverse("registry:version-download", args=[
        dataset.name, version.resource_id, version.number, version.original_name]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


# Registering and editing -----------------------------------------------------------------

def test_officer_registers_a_dataset_and_finds_it_on_its_page_and_in_the_list(
        officer_client, council):
    form_page = officer_client.get(reverse("registry:dataset-create"))
    assert form_page.status_code == 200
    assert 'name="title"' in form_page.content.decode()

    response = officer_client.post(reverse("registry:dataset-create"),
                                   passport(council.owner_a), follow=True)

    dataset = Dataset.objects.get(title="Перелік закладів загальної середньої освіти")
    assert response.redirect_chain[-1][0] == reverse("registry:dataset-office",
                                                     args=[dataset.name])
    html = response.content.decode()
    assert "The dataset is entered in the registry." in html
    assert "Назви, адреси і контакти шкіл громади." in html
    assert dataset.identifier in html
    assert dataset.owner == council.owner_a
    assert dataset.status == DatasetStatus.REGISTERED
    assert sorted(k.name for k in dataset.keywords.all()) == ["освіта", "школи"]
    assert "dataset entered in the registry" in html  # the history on the page
    assert AuditEntry.objects.filter(action="dataset.registered",
                                     object_id=str(dataset.pk)).exists()

    listing = officer_client.get(reverse("registry:dataset-list")).content.decode()
    assert "Перелік закладів загальної середньої освіти" in listing
    assert reverse("registry:dataset-office", args=[dataset.name]) in listing


def test_a_title_of_255_characters_is_refused_next_to_the_title(officer_client, council):
    before = Dataset.objects.count()
    response = officer_client.post(reverse("registry:dataset-create"),
                                   passport(council.owner_a, title="б" * 255))
    assert response.status_code == 200
    assert "at most 254 characters" in field_error(response.content.decode(), "title")
    assert Dataset.objects.count() == before


def test_empty_description_and_purpose_are_reported(officer_client, council):
    before = Dataset.objects.count()
    response = officer_client.post(reverse("registry:dataset-create"),
                                   passport(council.owner_a, description="", purpose="   "))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing is saved yet" in html
    assert field_error(html, "description") == "This field is required."
    assert field_error(html, "purpose") == "This field is required."
    assert Dataset.objects.count() == before


def test_an_identifier_taken_by_another_dataset_is_shown_next_to_the_identifier(
        officer_client, council):
    response = officer_client.post(reverse("registry:dataset-create"), passport(
        council.owner_a, identifier=council.b_draft.identifier))
    assert response.status_code == 200
    assert "already used by another dataset" in field_error(response.content.decode(),
                                                            "identifier")
    assert not Dataset.objects.filter(title=passport(council.owner_a)["title"]).exists()


def test_clerk_edits_the_passport_of_its_own_dataset(clerk_client, council):
    dataset = council.a_draft
    url = reverse("registry:dataset-edit", args=[dataset.name])
    form_page = clerk_client.get(url).content.decode()
    assert f'value="{dataset.identifier}"' in form_page

    response = clerk_client.post(url, passport(
        council.owner_a, title="Мережа закладів освіти громади", identifier=dataset.identifier,
        name=dataset.name, created_on="2026-03-02"), follow=True)

    assert "The changes are saved." in response.content.decode()
    dataset.refresh_from_db()
    assert dataset.title == "Мережа закладів освіти громади"
    entry = AuditEntry.objects.get(action="dataset.updated", object_id=str(dataset.pk))
    assert entry.actor == council.clerk_a
    assert entry.changes["title"] == ["Мережа закладів освіти", "Мережа закладів освіти громади"]


def test_a_refused_edit_shows_the_reason_and_keeps_the_stored_passport(clerk_client, council):
    dataset = council.a_draft
    taken = DatasetFactory(owner=council.owner_a, title="Інший набір").identifier
    response = clerk_client.post(
        reverse("registry:dataset-edit", args=[dataset.name]),
        passport(council.owner_a, title="Нова назва", identifier=taken, name=dataset.name,
                 created_on="2026-03-02"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "already used by another dataset" in field_error(html, "identifier")
    assert "Edit the passport of “Мережа закладів освіти”" in html
    stored = Dataset.objects.get(pk=dataset.pk)
    assert (stored.title, stored.identifier) == ("Мережа закладів освіти", dataset.identifier)


def test_clerk_registers_only_for_its_own_owner(clerk_client, council):
    form_page = clerk_client.get(reverse("registry:dataset-create")).content.decode()
    assert council.owner_a.name in form_page
    assert council.owner_b.name not in form_page

    response = clerk_client.post(reverse("registry:dataset-create"), passport(council.owner_b))
    assert response.status_code == 200
    assert field_error(response.content.decode(), "owner")
    assert not council.owner_b.datasets.filter(title=passport(council.owner_b)["title"]).exists()


# Who sees what ---------------------------------------------------------------------------

def test_clerk_of_another_owner_gets_404_and_changes_nothing(clerk_client, council):
    draft, published = council.b_draft, council.b_published
    assert clerk_client.get(reverse("registry:dataset-office", args=[draft.name])
                            ).status_code == 404
    assert clerk_client.get(reverse("registry:dataset-detail", args=[draft.name])
                            ).status_code == 404
    # B's published dataset is public, but the office pages of owner B stay closed (404, so the
    # clerk learns nothing of B's work beyond what is published).
    assert clerk_client.get(reverse("registry:dataset-detail", args=[published.name])
                            ).status_code == 200
    assert clerk_client.get(reverse("registry:dataset-office", args=[published.name])
                            ).status_code == 404
    edit = reverse("registry:dataset-edit", args=[published.name])
    assert clerk_client.get(edit).status_code == 404
    response = clerk_client.post(edit, passport(
        council.owner_b, title="Зламано", identifier=published.identifier, name=published.name,
        created_on="2026-03-02"))
    assert response.status_code == 404
    upload = clerk_client.post(reverse("registry:resource-create", args=[published.name]),
                               {"title": "Дані", "file": csv_file(b"a,b\n1,2\n")})
    assert upload.status_code == 404
    publish = clerk_client.post(reverse("registry:dataset-publish", args=[draft.name]))
    assert publish.status_code == 404

    published.refresh_from_db()
    draft.refresh_from_db()
    assert published.title == "Бюджет громади"
    assert not published.resources.exists()
    assert draft.status == DatasetStatus.REGISTERED


def test_working_group_reads_a_dataset_but_may_not_edit_it(council):
    member = UserFactory(roles=[Role.WORKING_GROUP])
    client = Client()
    client.force_login(member)
    dataset = council.b_draft

    page = client.get(reverse("registry:dataset-office", args=[dataset.name]))
    assert page.status_code == 200
    assert "Edit the passport" not in page.content.decode()
    assert "Mark as published" not in page.content.decode()

    edit = reverse("registry:dataset-edit", args=[dataset.name])
    assert client.get(edit).status_code == 403
    response = client.post(edit, passport(council.owner_b, title="Зламано",
                                          identifier=dataset.identifier, name=dataset.name,
                                          created_on="2026-03-02"))
    assert response.status_code == 403
    assert "You may read this dataset but not change it." in response.content.decode()
    dataset.refresh_from_db()
    assert dataset.title == "Проєкт бюджету"


def test_office_pages_send_anonymous_visitors_to_sign_in(client, council):
    response = client.get(reverse("registry:dataset-office", args=[council.a_draft.name]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_list_shows_a_clerk_only_its_owners_datasets_and_filters(clerk_client, council):
    DatasetFactory(owner=council.owner_a, title="Школи громади", name="shkoly-pub",
                   published=True)
    html = clerk_client.get(reverse("registry:dataset-list")).content.decode()
    assert "Register a dataset" in html
    assert "Мережа закладів освіти" in html
    assert "Школи громади" in html
    assert "Бюджет громади" not in html
    assert "Проєкт бюджету" not in html

    published_only = clerk_client.get(reverse("registry:dataset-list"),
                                      {"status": DatasetStatus.PUBLISHED}).content.decode()
    assert "Школи громади" in published_only
    assert "Мережа закладів освіти" not in published_only

    by_word = clerk_client.get(reverse("registry:dataset-list"), {"q": "мережа"})
    assert "Мережа закладів освіти" in by_word.content.decode()
    assert "Школи громади" not in by_word.content.decode()


def test_the_list_pages_keep_the_filters(officer_client, council):
    for n in range(51):
        DatasetFactory(owner=council.owner_a, title=f"Рішення сесії {n:02d}")
    html = officer_client.get(reverse("registry:dataset-list"), {"q": "Рішення"}
                              ).content.decode()
    assert "Page 1 of 2" in html
    assert "?q=%D0%A0%D1%96%D1%88%D0%B5%D0%BD%D0%BD%D1%8F&amp;page=2" in html
    second = officer_client.get(reverse("registry:dataset-list"), {"q": "Рішення", "page": 2})
    assert "Рішення сесії 50" in second.content.decode()
    assert "Мережа закладів освіти" not in second.content.decode()


# Files and versions ----------------------------------------------------------------------

def test_uploads_make_version_1_then_version_2_and_version_1_keeps_its_bytes(
        clerk_client, council):
    dataset = council.a_draft
    first = b"id,name\n1,Lyceum 1\n"
    second = b"id,name\n1,Lyceum 1\n2,Gymnasium 3\n"

    response = clerk_client.post(
        reverse("registry:resource-create", args=[dataset.name]),
        {"title": "Дані за 2026 рік", "description": "", "file": csv_file(first)}, follow=True)
    assert "The file is added." in response.content.decode()
    resource = dataset.resources.get()
    v1 = resource.versions.get()
    assert v1.number == 1
    assert "schools.csv" in response.content.decode()

    response = clerk_client.post(
        reverse("registry:version-upload", args=[dataset.name, resource.pk]),
        {"file": csv_file(second, "schools-2026.csv"), "note": "Додано гімназію"}, follow=True)
    html = response.content.decode()
    assert "Version 2 is stored; the earlier versions stay available." in html
    assert "Додано гімназію" in html
    assert [v.number for v in resource.versions.order_by("number")] == [1, 2]
    v2 = resource.versions.get(number=2)
    assert download(clerk_client, v1) == first
    assert download(clerk_client, v2) == second
    assert AuditEntry.objects.filter(action="resource.version_added",
                                     object_id=str(resource.pk)).count() == 2


def test_an_empty_upload_is_refused_and_the_current_version_stays(clerk_client, council):
    dataset = council.a_draft
    v1 = add_file(dataset, b"id,name\n1,School\n")
    upload = reverse("registry:version-upload", args=[dataset.name, v1.resource_id])
    assert "The current version is 1" in clerk_client.get(upload).content.decode()

    response = clerk_client.post(upload, {"file": csv_file(b"", "empty.csv")})

    assert response.status_code == 200
    assert field_error(response.content.decode(), "file") == (
        "The file is empty (0 bytes). Choose the file again.")
    assert list(ResourceVersion.objects.filter(resource_id=v1.resource_id)) == [v1]
    assert download(clerk_client, v1) == b"id,name\n1,School\n"


def test_an_empty_first_file_leaves_no_resource_behind(clerk_client, council):
    response = clerk_client.post(reverse("registry:resource-create", args=["shkoly"]),
                                 {"title": "Порожній", "file": csv_file(b"", "empty.csv")})
    assert response.status_code == 200
    assert "The file is empty" in field_error(response.content.decode(), "file")
    assert not council.a_draft.resources.exists()


# Publishing and the public page ----------------------------------------------------------

def test_officer_publishes_and_the_page_opens_to_everyone(officer_client, council):
    dataset = council.a_draft
    public_url = reverse("registry:dataset-detail", args=[dataset.name])
    assert Client().get(public_url).status_code == 404

    office = officer_client.get(reverse("registry:dataset-office", args=[dataset.name]))
    assert "Mark as published" in office.content.decode()
    response = officer_client.post(reverse("registry:dataset-publish", args=[dataset.name]),
                                   follow=True)
    assert "The dataset is marked as published." in response.content.decode()

    dataset.refresh_from_db()
    assert dataset.status == DatasetStatus.PUBLISHED
    assert dataset.first_published_at is not None
    page = Client().get(public_url)
    assert page.status_code == 200
    assert "Мережа закладів освіти" in page.content.decode()
    assert "This dataset is not published" not in page.content.decode()


def test_clerk_may_not_publish(clerk_client, council):
    dataset = council.a_draft
    office = clerk_client.get(reverse("registry:dataset-office", args=[dataset.name]))
    assert "Mark as published" not in office.content.decode()
    response = clerk_client.post(reverse("registry:dataset-publish", args=[dataset.name]))
    assert response.status_code == 403
    dataset.refresh_from_db()
    assert dataset.status == DatasetStatus.REGISTERED
    assert not AuditEntry.objects.filter(action="dataset.published",
                                         object_id=str(dataset.pk)).exists()


def test_the_public_page_carries_the_passport_the_reuse_statement_and_the_licence(council):
    responsible = UserFactory(owner=council.owner_b, email="budget@rada.example.ua",
                              last_name="Гончар", first_name="Оксана")
    dataset = council.b_published
    add_file(dataset, b"year,total\n2026,1000\n", filename="budget.csv")

    html = Client().get(reverse("registry:dataset-detail", args=[dataset.name])
                        ).content.decode()

    assert REUSE_START in html
    assert REUSE_CONDITION in html
    assert "CC BY 4.0" in html
    assert "без оплати та вимоги реєстрації" in html  # §7.3
    for label in ("Identifier", "Title", "Description", "Legal basis and purpose of collection",
                  "Language", "Formats", "Compression format", "First published",
                  "Last changed", "Data current as of", "Update frequency", "Keywords", "Link",
                  "Responsible person", "E-mail of the responsible person"):
        assert f"<dt>{label}</dt>" in html, label
    assert dataset.identifier in html
    assert dataset.landing_page in html
    assert responsible.email in html
    assert "budget.csv" in html
    assert "Edit the passport" not in html
