"""The demo council: believable, valid, made of real files, and loaded only once."""

import csv
import io
import json

import pytest
from django.core.files.storage import default_storage
from openpyxl import load_workbook
from stdnum.ua import edrpou

from radadata.accounts.models import User
from radadata.core.models import AuditEntry
from radadata.registry.demo import load_demo
from radadata.registry.models import (
    ApprovedListItem,
    Council,
    Dataset,
    Owner,
    OwnerMembership,
    ResourceVersion,
)
from radadata.registry.selectors import approved_list_coverage
from radadata.registry.vocabularies import DatasetStatus, MembershipRole, OwnerKind

pytestmark = pytest.mark.django_db

OFFICER = "opendata@svitlohirsk-rada.example.ua"


@pytest.fixture
def demo():
    summary = load_demo()
    assert summary is not None
    return summary


def _rows_in(version: ResourceVersion) -> int:
    """Parse the stored file as its format says; the number of data rows."""
    with default_storage.open(version.file.name, "rb") as handle:
        content = handle.read()
    if version.format == "CSV":
        header, *rows = list(csv.reader(io.StringIO(content.decode("utf-8"))))
        assert header and all(header), version.original_name
        return len(rows)
    if version.format == "XLSX":
        sheet = load_workbook(io.BytesIO(content), read_only=True).active
        header, *rows = list(sheet.iter_rows(values_only=True))
        assert all(header), version.original_name
        return len(rows)
    assert version.format == "JSON", version.original_name
    records = json.loads(content)
    assert isinstance(records, list) and isinstance(records[0], dict)
    return len(records)


def test_the_demo_council_has_owners_of_all_three_kinds_and_people_who_sign_in(demo, client):
    council = Council.current()
    assert council.name == "Світлогірська міська рада" and council.city == "Світлогірськ"
    assert edrpou.is_valid(council.edrpou)

    owners = list(Owner.objects.select_related("managing_owner"))
    assert 14 <= len(owners) <= 18
    assert {o.kind for o in owners} == set(OwnerKind.values)
    for owner in owners:
        if owner.kind == OwnerKind.ENTERPRISE:
            assert owner.managing_owner is not None, owner
            assert owner.managing_owner.kind != OwnerKind.ENTERPRISE
        if owner.is_legal_entity:
            assert edrpou.is_valid(owner.edrpou), owner
        else:
            assert owner.edrpou == ""  # a §1.15.1 department has no code of its own
        assert owner.email.endswith(".example.ua") and owner.head_name and owner.deputy_name
    assert any(o.registered_on_portal for o in owners)

    roles = set(OwnerMembership.objects.values_list("owner_id", "role"))
    assert all((o.pk, MembershipRole.RESPONSIBLE) in roles for o in owners)
    without_substitute = [o for o in owners if (o.pk, MembershipRole.SUBSTITUTE) not in roles]
    assert 1 <= len(without_substitute) <= 2  # deliberate: the registry warns about them
    assert any(role == MembershipRole.EDITOR for _owner, role in roles)
    assert Dataset.objects.exclude(responsible=None).count() == 1

    response = client.post("/login/", {"username": OFFICER, "password": "demo-rada-2026"})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == User.objects.get(email=OFFICER).pk
    assert User.objects.get(email=OFFICER).has_role("officer")

    # make run loads the demo every time: the second call must change nothing.
    counted = (Owner, User, Dataset, ResourceVersion, ApprovedListItem, AuditEntry)
    before = [model.objects.count() for model in counted]
    assert load_demo() is None
    assert [model.objects.count() for model in counted] == before


def test_the_demo_datasets_are_published_with_real_files_and_cover_the_list(demo):
    assert Dataset.objects.count() >= 55
    published = list(Dataset.objects.published().prefetch_related("resources__versions"))
    assert published and Dataset.objects.filter(status=DatasetStatus.REGISTERED).exists()
    years = {d.first_published_at.year for d in published}
    assert years == {2025, 2026}
    for dataset in published:
        versions = [r.current_version for r in dataset.resources.all()]
        assert versions, dataset
        for version in versions:
            assert default_storage.exists(version.file.name), version
            assert 5 <= _rows_in(version) <= 200, version.original_name
    assert ResourceVersion.objects.filter(number=2).exists()  # some files were updated
    assert Dataset.objects.filter(keywords__isnull=False, themes__isnull=False).distinct(
    ).count() == Dataset.objects.count()

    coverage = approved_list_coverage()
    assert 45 <= coverage.approved <= 60
    assert 0.7 <= coverage.share <= 1.0
    assert ApprovedListItem.objects.filter(national_item__isnull=False).count() > 40
    assert (demo.approved, demo.approved_published) == (coverage.approved, coverage.published)
