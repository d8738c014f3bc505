"""The import as the officer uses it: the page (the source, the key never shown back), the dry
run table, "Import" starting the job and its progress page; and `radadata portal import` on
the command line. Nobody but the office gets in."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from radadata.jobs.models import Job, Status
from radadata.jobs.services import job_run
from radadata.portal_sync import keys
from radadata.portal_sync.views.importing import SESSION_KEY
from radadata.registry.models import Dataset
from tests.factories import UserFactory
from tests.portal_sync.conftest import CSV
from tests.portal_sync.test_import import seed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
SOURCE = reverse("portal_sync:import")
REVIEW = reverse("portal_sync:import-review")
APPLY = reverse("portal_sync:import-apply")


@pytest.fixture
def packages(portal):
    seed(portal, name="merezha-shkil", title="Мережа закладів освіти",
         publisherName="Управління освіти",
         files=[("Перелік закладів", CSV, "CSV", "schools.csv")])
    seed(portal, name="bez-opysu", title="Набір без опису",
         publisherName="Управління освіти", edit={"notes": ""})
    return portal


def test_the_officer_sees_the_dry_run_then_imports_as_a_job(officer_client, packages, conn):
    form = officer_client.get(SOURCE)
    assert form.status_code == 200
    assert form.context["form"].initial["base_url"] == packages.base_url  # the connection's

    response = officer_client.post(SOURCE, {"base_url": packages.base_url,
                                            "organization": "miska-rada",
                                            "api_key": "private-key-5678"})

    assert response.status_code == 302 and response.url == REVIEW
    stored = officer_client.session[SESSION_KEY]
    assert "private-key-5678" not in str(stored)
    assert keys.decrypt(stored["key"]) == "private-key-5678"
    review = officer_client.get(REVIEW)
    html = review.content.decode()
    assert review.status_code == 200
    assert review.context["counts"] == {"create": 1, "update": 0, "unchanged": 0, "skip": 1}
    assert 'data-package="merezha-shkil"' in html
    assert 'data-file-action="new"' in html
    assert "private-key-5678" not in html
    assert not Dataset.objects.exists()

    started = officer_client.post(APPLY)

    job = Job.objects.get()
    assert started.status_code == 302
    assert started.url.startswith(reverse("jobs:detail", args=[job.pk]))
    assert job.kind == "portal_import" and "private-key-5678" not in str(job.params)
    with translation.override("en"):  # the page's request left Ukrainian on
        job = job_run(job.pk)
    assert job.status == Status.DONE
    progress = officer_client.get(started.url).content.decode()
    assert "Created the dataset merezha-shkil" in progress
    assert "Skipped: The package has no description" in progress
    assert Dataset.objects.get().title == "Мережа закладів освіти"


def test_an_unknown_organisation_is_said_in_words(officer_client, packages, conn):
    officer_client.post(SOURCE, {"base_url": packages.base_url, "organization": "nemaye"})

    response = officer_client.get(REVIEW, follow=True)

    assert response.redirect_chain[-1][0] == SOURCE
    assert "nemaye" in response.content.decode()


def test_only_the_office_may_import(client, packages):
    clerk = UserFactory()
    client.force_login(clerk)
    assert client.get(SOURCE).status_code == 403
    assert client.post(APPLY).status_code == 403
    assert not Job.objects.exists()


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("portal", "import", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_prints_the_dry_run_and_writes_nothing(packages, conn):
    out, _err = run("--dry-run")  # the connected portal and organisation

    lines = out.splitlines()
    assert "create: Мережа закладів освіти [merezha-shkil]" in lines
    assert "  - Перелік закладів (CSV): will be downloaded as the first version of a new " \
           "file" in lines
    assert lines[-1].startswith("2 packages from " + packages.base_url)
    assert "1 to create, 0 to update, 0 unchanged, 1 skipped; 1 files to download" in lines[-1]
    assert not Dataset.objects.exists() and not Job.objects.exists()


def test_the_command_imports_with_a_progress_bar_and_fails_if_a_package_failed(packages):
    broken = packages.package("merezha-shkil")["resources"][0]["id"]
    content = packages.files.pop(broken)

    with pytest.raises(CommandError):
        run("--url", packages.base_url, "--org", "miska-rada", "--apply")
    assert not Dataset.objects.exists()

    packages.files[broken] = content
    out, err = run("--url", packages.base_url, "--org", "miska-rada", "--apply")

    assert "✓ Мережа закладів освіти: Created the dataset merezha-shkil" in out
    assert "100%" in err
    assert Job.objects.order_by("-id").first().created_by is None  # the system


def test_the_command_needs_a_source(db):
    with pytest.raises(CommandError, match="--url"):
        run("--dry-run")
    with pytest.raises(CommandError, match="address"):
        run("--url", "ftp://example.org", "--dry-run")
