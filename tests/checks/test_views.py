"""The check pages: the report panel on the dataset's page (progress, then findings), the full
report with its pages, the one-click conversion, the column decisions and the structure form;
scoped as the registry is (another owner's clerk gets 404, a reader cannot act)."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.test import Client
from django.urls import reverse

from radadata.checks.models import ColumnRuling, RulingKind
from radadata.jobs.models import Job
from radadata.registry import hooks
from radadata.registry.models import ResourceVersion, Structure
from radadata.registry.services import resources as resource_services
from tests.factories import DatasetFactory, OwnerFactory, UserFactory

pytestmark = pytest.mark.django_db

AT = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
AID = ("№,Отримувач,РНОКПП\n1,Петренко Олена Василівна,3123456789\n"
       "2,Коваль Іван Петрович,2987654320\n").encode()
SCHOOLS = "код,назва\n1,Школа №1\n2,Ліцей «Світанок»\n".encode()


@pytest.fixture
def world(officer):
    owner = OwnerFactory(name="Управління соціального захисту")
    clerk = UserFactory(owner=owner, email="clerk@rada.example.ua")
    return {
        "clerk": clerk,
        "colleague": UserFactory(owner=owner, email="colleague@rada.example.ua"),
        "stranger": UserFactory(owner=OwnerFactory(), email="other@rada.example.ua"),
        "reader": UserFactory(roles=["working_group"], email="wg@rada.example.ua"),
        "officer": officer,
        "dataset": DatasetFactory(owner=owner, name="dopomoha"),
    }


def upload(world, content: bytes, filename: str = "dopomoha.csv") -> ResourceVersion:
    dataset = world["dataset"]
    resource = dataset.resources.first() or resource_services.resource_create(
        dataset=dataset, title="Отримувачі", by=world["clerk"], at=AT)
    return resource_services.version_add(resource=resource, stream=io.BytesIO(content),
                                         filename=filename, by=world["clerk"], at=AT)


def as_(who) -> Client:
    client = Client()
    client.force_login(who)
    client.cookies["django_language"] = "en"
    return client


def report_url(version: ResourceVersion, name: str = "report", **query) -> str:
    url = reverse(f"checks:{name}", args=["dopomoha", version.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


# The panel on the dataset's page ------------------------------------------------------------

def test_the_dataset_page_shows_the_progress_bar_while_the_file_is_checked(world):
    with hooks.work_inline(False):
        version = upload(world, AID)
    job = Job.objects.get(kind="check_version")
    page = as_(world["clerk"]).get("/office/datasets/dopomoha/").content.decode()
    assert f'id="check-{version.pk}" data-check-status="pending"' in page
    assert reverse("jobs:status", args=[job.pk]) in page and "<progress" in page
    # A colleague cannot follow another person's job: the panel says to reload instead.
    page = as_(world["colleague"]).get("/office/datasets/dopomoha/").content.decode()
    assert "<progress" not in page and "Reload the page in a moment" in page


def test_after_the_check_the_panel_lists_the_blocking_columns(world):
    version = upload(world, AID)
    page = as_(world["clerk"]).get("/office/datasets/dopomoha/").content.decode()
    assert 'data-check-status="done"' in page
    assert 'data-code="pd_rnokpp" data-severity="blocking"' in page
    assert f'{report_url(version, "column")}?column=%D0%A0%D0%9D%D0%9E%D0%9A%D0%9F%D0%9F' in page
    assert "Confirm the structure of the data" in page  # the first file's structure


def test_the_report_groups_findings_by_severity_and_pages_through_many(world):
    version = upload(world, ("код,назва\n" + "".join(f"{n},Школа,зайве\n" for n in range(1, 61)))
                     .encode())
    client = as_(world["officer"])
    page = client.get(report_url(version)).content.decode()
    assert 'id="check-state" data-state="failed"' in page
    assert 'id="count-errors">60<' in page
    assert "Shown 50 of 60" in page
    assert len(re.findall(r'data-code="ragged_row"', page)) == 50
    assert "?error_page=2" in page
    second = client.get(report_url(version, error_page=2)).content.decode()
    assert len(re.findall(r'data-code="ragged_row"', second)) == 10


def test_a_clerk_of_another_owner_sees_nothing_of_the_checks(world):
    version = upload(world, AID)
    stranger = as_(world["stranger"])
    for url in (report_url(version), report_url(version, "column") + "?column=РНОКПП",
                reverse("checks:structure", args=["dopomoha"])):
        assert stranger.get(url).status_code == 404
    assert stranger.post(report_url(version, "convert")).status_code == 404
    assert stranger.post(report_url(version, "recheck")).status_code == 404


def test_a_reader_sees_the_report_but_cannot_act(world):
    version = upload(world, "код;назва\n1;Школа №1\n".encode("cp1251"))
    reader = as_(world["reader"])
    page = reader.get(report_url(version)).content.decode()
    assert 'data-code="not_utf8"' in page and "data-convert" not in page
    assert reader.post(report_url(version, "convert")).status_code == 403
    assert version.resource.versions.count() == 1


# One-click conversion -----------------------------------------------------------------------

def test_the_convert_button_makes_a_utf8_version(world):
    version = upload(world, "код;назва\n1;Школа №1\n".encode("cp1251"))
    client = as_(world["clerk"])
    assert f'data-convert="{version.pk}"' in client.get(report_url(version)).content.decode()
    response = client.post(report_url(version, "convert"))
    converted = version.resource.versions.get(number=2)
    assert response["Location"] == report_url(converted)
    page = client.get(response["Location"]).content.decode()
    assert 'data-state="passed"' in page and "Version 2 is the file in UTF-8" in page


def test_a_conversion_that_would_damage_text_is_explained(world):
    mixed = ("код;назва\n1;Школа №1\n".encode() + "2;Ліцей\n".encode("cp1251"))
    version = upload(world, mixed)
    response = as_(world["clerk"]).post(report_url(version, "convert"), follow=True)
    assert response.redirect_chain[-1][0] == report_url(version)
    assert version.resource.versions.count() == 1
    assert 'class="msg msg-error"' in response.content.decode()


# Deciding on a column -----------------------------------------------------------------------

def test_the_column_page_offers_the_three_ways_out(world):
    version = upload(world, AID)
    page = as_(world["clerk"]).get(report_url(version, "column") + "?column=РНОКПП")
    html = page.content.decode()
    for form in ("anonymise", "lawful", "test"):
        assert f'data-form="{form}"' in html
    assert "виключно в інтересах національної безпеки" in html  # §2.2, the regulation's words
    assert as_(world["clerk"]).get(report_url(version, "column") + "?column=№"
                                   ).status_code == 404


def test_recording_the_three_part_test_from_the_page(world):
    version = upload(world, AID)
    url = report_url(version, "column") + "?column=РНОКПП"
    client = as_(world["clerk"])
    response = client.post(url, {"form": "test", "test-interest_answer": "yes",
                                 "test-interest_reason": "Права отримувачів."})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not ColumnRuling.objects.exists()

    response = client.post(url, {
        "form": "test", "test-interest_answer": "yes", "test-interest_reason": "Права.",
        "test-harm_answer": "no", "test-harm_reason": "Шкоди немає.",
        "test-balance_answer": "no", "test-balance_reason": "Інтерес громади переважає.",
        "test-note": "Протокол робочої групи №3"})
    assert response["Location"] == report_url(version)
    ruling = ColumnRuling.objects.get()
    assert (ruling.column, ruling.kind, ruling.decided_by) == ("РНОКПП",
                                                               RulingKind.THREE_PART_TEST,
                                                               world["clerk"])
    structure = client.get(reverse("checks:structure", args=["dopomoha"])).content.decode()
    assert 'data-ruling="РНОКПП"' in structure and "Інтерес громади переважає." in structure


def test_a_test_that_restricts_access_is_refused_on_the_page(world):
    version = upload(world, AID)
    data = {"form": "test", "test-note": ""}
    for key in ("interest", "harm", "balance"):
        data |= {f"test-{key}_answer": "yes", f"test-{key}_reason": "Так."}
    response = as_(world["clerk"]).post(report_url(version, "column") + "?column=РНОКПП", data)
    assert "Anonymise the column instead" in response.content.decode()
    assert not ColumnRuling.objects.exists()


def test_anonymising_from_the_page_leads_to_the_new_versions_report(world):
    version = upload(world, AID)
    response = as_(world["clerk"]).post(report_url(version, "column") + "?column=РНОКПП",
                                        {"form": "anonymise", "anonymise-method": "drop"})
    new = version.resource.versions.get(number=2)
    assert response["Location"] == report_url(new)


def test_a_reader_cannot_decide(world):
    version = upload(world, AID)
    url = report_url(version, "column") + "?column=РНОКПП"
    reader = as_(world["reader"])
    assert "data-form=" not in reader.get(url).content.decode()
    response = reader.post(url, {"form": "lawful", "lawful-kind": "official",
                                 "lawful-note": "x"})
    assert response.status_code == 403
    assert not ColumnRuling.objects.exists()


# The structure ------------------------------------------------------------------------------

def test_the_owner_corrects_and_saves_the_inferred_structure(world):
    upload(world, SCHOOLS, filename="shkoly.csv")
    url = reverse("checks:structure", args=["dopomoha"])
    client = as_(world["clerk"])
    page = client.get(url).content.decode()
    assert 'data-state="inferred"' in page and "shkoly.csv" in page
    assert 'data-column="код"' in page and 'data-column="назва"' in page
    data = {"columns-TOTAL_FORMS": "2", "columns-INITIAL_FORMS": "2",
            "columns-0-name": "код", "columns-0-type": "integer", "columns-0-title": "Код",
            "columns-0-required": "on", "columns-0-unique": "on",
            "columns-1-name": "назва", "columns-1-type": "string",
            "columns-1-description": "Повна назва закладу"}
    response = client.post(url, data)
    assert response["Location"] == reverse("registry:dataset-office", args=["dopomoha"])
    fields = Structure.objects.get().schema["fields"]
    assert fields[0]["title"] == "Код" and fields[1]["description"] == "Повна назва закладу"
    assert 'data-state="saved"' in client.get(url).content.decode()


def test_the_officer_and_readers_see_the_structure(world):
    upload(world, SCHOOLS)
    url = reverse("checks:structure", args=["dopomoha"])
    reader = as_(world["reader"])
    page = reader.get(url).content.decode()
    assert "<table>" in page and 'name="columns-0-title"' not in page
    assert reader.post(url, {"columns-TOTAL_FORMS": "0", "columns-INITIAL_FORMS": "0"}
                       ).status_code == 403
    assert not Structure.objects.exists()
    assert 'name="columns-0-title"' in as_(world["officer"]).get(url).content.decode()
