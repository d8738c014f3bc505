"""Anonymising a column of personal data (§2.9): each method makes a new version of the file,
checked again; the version it came from is left as it was."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from openpyxl import Workbook

from radadata.checks import services
from radadata.checks.models import CheckRun
from radadata.core.errors import Conflict, NotAllowed, ValidationFailed
from radadata.core.models import AuditEntry
from radadata.registry.models import ResourceVersion
from radadata.registry.services import datasets as dataset_services
from radadata.registry.services import resources as resource_services
from tests.factories import DatasetFactory, OwnerFactory, UserFactory

pytestmark = pytest.mark.django_db

AT = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
HEADER = ["№", "Сума", "РНОКПП", "Дата народження"]
ROWS = [["1", "1500", "3123456789", "14.03.1985"], ["2", "2000", "2987654320", "02.11.1990"],
        ["3", "1500", "3456789014", "30.06.1978"], ["4", "1800", "2876543211", "09.01.2001"]]


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


AID = _csv([HEADER, *ROWS])


@pytest.fixture
def clerk(officer):
    return UserFactory(owner=OwnerFactory(name="Управління соціального захисту"),
                       email="clerk@rada.example.ua")


@pytest.fixture
def dataset(clerk):
    return DatasetFactory(owner=clerk.memberships.get().owner, name="dopomoha")


def upload(dataset, content: bytes, *, by, filename: str = "dopomoha.csv") -> ResourceVersion:
    resource = dataset.resources.first() or resource_services.resource_create(
        dataset=dataset, title="Отримувачі допомоги", by=by, at=AT)
    return resource_services.version_add(resource=resource, stream=io.BytesIO(content),
                                         filename=filename, by=by, at=AT)


def rows_of(version: ResourceVersion) -> list[list[str]]:
    with version.file.open("rb") as handle:
        return list(csv.reader(io.StringIO(handle.read().decode("utf-8"))))


def blocking(version: ResourceVersion) -> list[tuple[str | None, str]]:
    run = CheckRun.objects.get(version=version)
    return [(f.column, f.code) for f in run.parsed().blocking]


def test_masking_the_tax_numbers_makes_a_new_version_that_passes(dataset, clerk):
    original = upload(dataset, AID, by=clerk)
    assert ("РНОКПП", "pd_rnokpp") in blocking(original)

    masked = services.column_anonymise(version=original, column="РНОКПП", method="mask",
                                       by=clerk, at=AT)
    assert masked.number == 2
    assert masked.note == "Знеособлено стовпець «РНОКПП»: маскування (з версії 1, §2.9)"
    assert [row[2] for row in rows_of(masked)] == ["РНОКПП", "3********9", "2********0",
                                                   "3********4", "2********1"]
    assert ("РНОКПП", "pd_rnokpp") not in blocking(masked)
    with original.file.open("rb") as handle:
        assert handle.read() == AID  # evidence stays as it was
    entry = AuditEntry.objects.get(action="checks.column_anonymised")
    assert (entry.actor, entry.note) == (clerk, "«РНОКПП»: mask")
    assert entry.changes == {"version": [1, 2], "cells": [None, 4]}


def test_dates_of_birth_generalised_to_the_year(dataset, clerk):
    original = upload(dataset, AID, by=clerk)
    assert ("Дата народження", "pd_birth_date") in blocking(original)
    years = services.column_anonymise(version=original, column="Дата народження",
                                      method="generalise_date", by=clerk, at=AT)
    assert [row[3] for row in rows_of(years)[1:]] == ["1985", "1990", "1978", "2001"]
    assert ("Дата народження", "pd_birth_date") not in blocking(years)


def test_dropping_both_columns_leaves_a_file_that_passes(dataset, clerk):
    version = upload(dataset, AID, by=clerk)
    version = services.column_anonymise(version=version, column="РНОКПП", method="drop",
                                        by=clerk, at=AT)
    version = services.column_anonymise(version=version, column="Дата народження",
                                        method="drop", by=clerk, at=AT)
    assert rows_of(version)[0] == ["№", "Сума"]
    assert CheckRun.objects.get(version=version).passed


def test_pseudonyms_stay_the_same_across_versions_and_reveal_nothing(dataset, clerk):
    first = services.column_anonymise(version=upload(dataset, AID, by=clerk), column="РНОКПП",
                                      method="hash", by=clerk, at=AT)
    second = services.column_anonymise(version=upload(dataset, AID, by=clerk),
                                       column="РНОКПП", method="hash", by=clerk, at=AT)
    pseudonyms = [row[2] for row in rows_of(first)[1:]]
    assert pseudonyms == [row[2] for row in rows_of(second)[1:]]
    assert len(set(pseudonyms)) == 4 and all(len(p) == 64 for p in pseudonyms)
    assert not any(row[2] in p for row, p in zip(ROWS, pseudonyms, strict=True))


def test_an_xlsx_file_is_anonymised_into_csv(dataset, clerk):
    book = Workbook()
    for row in [HEADER, *ROWS]:
        book.active.append(row)
    content = io.BytesIO()
    book.save(content)
    original = upload(dataset, content.getvalue(), by=clerk, filename="dopomoha.xlsx")
    masked = services.column_anonymise(version=original, column="РНОКПП", method="mask",
                                       by=clerk, at=AT)
    assert (masked.original_name, masked.format) == ("dopomoha.csv", "CSV")
    assert rows_of(masked)[1][2] == "3********9"


def test_a_published_dataset_gets_the_anonymised_file_once_it_passes(dataset, clerk, officer):
    dataset_services.dataset_mark_published(dataset=dataset, by=officer, at=AT)
    version = upload(dataset, AID, by=officer)
    assert ResourceVersion.objects.get(pk=version.pk).published_at is None
    for column in ("РНОКПП", "Дата народження"):
        version = services.column_anonymise(version=version, column=column, method="drop",
                                            by=officer, at=AT)
    assert ResourceVersion.objects.get(pk=version.pk).published_at == AT
    assert list(ResourceVersion.objects.filter(published_at__isnull=False)
                .values_list("number", flat=True)) == [3]


def test_what_cannot_be_anonymised_is_refused_with_the_reason(dataset, clerk):
    original = upload(dataset, AID, by=clerk)
    with pytest.raises(ValidationFailed) as error:
        services.column_anonymise(version=original, column="Прізвище", method="mask",
                                  by=clerk, at=AT)
    assert set(error.value.errors) == {"column"}
    with pytest.raises(ValidationFailed):
        services.column_anonymise(version=original, column="РНОКПП", method="shred",
                                  by=clerk, at=AT)
    upload(dataset, AID, by=clerk)
    with pytest.raises(Conflict) as error:  # a newer version exists
        services.column_anonymise(version=original, column="РНОКПП", method="mask",
                                  by=clerk, at=AT)
    assert error.value.code == "not_newest_version"
    records = b'[{"id": 1, "tax": "3123456789"}, {"id": 2, "tax": "2987654320"}]'
    as_json = upload(dataset, records, by=clerk, filename="dopomoha.json")
    with pytest.raises(Conflict) as error:
        services.column_anonymise(version=as_json, column="tax", method="mask", by=clerk,
                                  at=AT)
    assert error.value.code == "not_anonymisable"
    assert dataset.resources.get().versions.count() == 3


def test_only_the_owners_people_and_the_office_anonymise(dataset, clerk):
    original = upload(dataset, AID, by=clerk)
    with pytest.raises(NotAllowed):
        services.column_anonymise(version=original, column="РНОКПП", method="mask",
                                  by=UserFactory(roles=["auditor"]), at=AT)
    assert dataset.resources.get().versions.count() == 1
