"""Every personal-data finding on the report has the buttons its text promises: a warning on
data presumed lawful is confirmed (the clause preselected) or anonymised, and private citizens
among officials are masked alone."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse

from radadata.checks.models import ColumnRuling, RulingKind
from radadata.registry.models import Dataset, ResourceVersion
from radadata.registry.services import resources as resource_services
from tests.factories import DatasetFactory, OwnerFactory, UserFactory

pytestmark = pytest.mark.django_db

AT = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
DIRECTORS = ("Заклад,Директор\nЗОШ №1,Петренко Іван Петрович\n"
             "Ліцей №2,Коваленко Олена Миколаївна\nЗДО №5,Бондар Марія Степанівна\n").encode()
DEPUTIES = ("Номер,Ініціатор\n1,депутат Тимошенко Сергій Сергійович\n"
            "2,депутатка Коваль Олена Петрівна\n3,депутат Бойко Андрій Іванович\n"
            "4,гр. Петренко О.М.\n").encode()


@pytest.fixture
def clerk():
    owner = OwnerFactory(name="Управління освіти")
    DatasetFactory(owner=owner, name="zaklady")
    return UserFactory(owner=owner, email="clerk@rada.example.ua")


def upload(clerk, content: bytes) -> ResourceVersion:
    dataset = Dataset.objects.get(name="zaklady")
    resource = resource_services.resource_create(dataset=dataset, title="Заклади", by=clerk,
                                                 at=AT)
    return resource_services.version_add(resource=resource, stream=io.BytesIO(content),
                                         filename="zaklady.csv", by=clerk, at=AT)


def as_(who, language: str = "en") -> Client:
    client = Client()
    client.force_login(who)
    client.cookies["django_language"] = language
    return client


def url(version: ResourceVersion, name: str = "report") -> str:
    return reverse(f"checks:{name}", args=["zaklady", version.pk])


def test_a_warning_on_officials_names_has_its_buttons_on_the_report(clerk):
    version = upload(clerk, DIRECTORS)
    html = as_(clerk).get(url(version)).content.decode()
    assert 'data-presumed-column="Директор" data-answered="no"' in html
    assert 'data-confirm-column="Директор"' in html
    column = as_(clerk).get(url(version, "column") + "?column=Директор").content.decode()
    assert 'data-presumed="§2.5"' in column
    assert 'value="official" required id="id_lawful-kind_0" checked' in column
    for form in ("anonymise", "lawful", "test"):
        assert f'data-form="{form}"' in column


def test_confirming_the_warning_records_the_decision_and_answers_it(clerk):
    version = upload(clerk, DIRECTORS)
    response = as_(clerk).post(url(version, "column") + "?column=Директор", {
        "form": "lawful", "lawful-kind": "official",
        "lawful-note": "Директори закладів освіти на посаді"})
    assert response["Location"] == url(version)
    ruling = ColumnRuling.objects.get()
    assert (ruling.column, ruling.kind) == ("Директор", RulingKind.OFFICIAL)
    html = as_(clerk).get(url(version)).content.decode()
    assert 'data-presumed-column="Директор" data-answered="yes"' in html
    assert 'data-confirm-column="Директор"' not in html


def test_the_report_speaks_ukrainian_by_default(clerk):
    version = upload(clerk, DIRECTORS)
    html = as_(clerk, "uk").get(url(version)).content.decode()
    assert "Підтвердити правомірність або знеособити" in html


def test_private_citizens_among_deputies_are_masked_alone(clerk):
    version = upload(clerk, DEPUTIES)
    column = url(version, "column") + "?column=Ініціатор"
    assert 'value="mask_citizens"' in as_(clerk).get(column).content.decode()
    response = as_(clerk).post(column, {"form": "anonymise",
                                        "anonymise-method": "mask_citizens"})
    new = version.resource.versions.get(number=2)
    assert response["Location"] == url(new)
    with new.file.open("rb") as handle:
        text = handle.read().decode("utf-8")
    assert "депутат Тимошенко Сергій Сергійович" in text
    assert "Петренко О.М." not in text
    assert new.check_run.blocking == 0


def test_the_officer_sees_unconfirmed_warnings_in_the_queue_and_on_the_submission(settings):
    from tests.workflow.test_views import client_of, submitted
    from tests.workflow.test_views import upload as upload_page
    from tests.workflow.test_views import world as make_world

    settings.LANGUAGE_CODE = "en"
    world = make_world.__wrapped__(None)
    upload_page(client_of(world.clerk), world.new_set, content=DIRECTORS, name="sadky.csv")
    submission = submitted(world)
    officer = client_of(world.officer)
    queue = officer.get(reverse("workflow:queue")).content.decode()
    assert 'data-unanswered-warnings="1"' in queue
    page = officer.get(reverse("workflow:submission-detail", args=[submission.pk]))
    assert "not confirmed by the owner yet: Директор" in page.content.decode()

    version = ResourceVersion.objects.get(resource__dataset=world.new_set)
    ColumnRuling.objects.create(dataset=world.new_set, column="Директор",
                                kind=RulingKind.OFFICIAL, note="Директори", decided_at=AT)
    assert 'data-unanswered-warnings' not in officer.get(reverse("workflow:queue")) \
        .content.decode()
    assert version.check_run.warnings >= 1
