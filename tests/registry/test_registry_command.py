import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from radadata.registry.models import Dataset, Owner
from radadata.registry.vocabularies import OwnerKind
from tests.factories import DatasetFactory, OwnerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    # Assert on the msgids, whatever the Ukrainian catalogue says.
    settings.LANGUAGE_CODE = "en"

DATA = Path(__file__).resolve().parent.parent / "data"
HEADER_4_10 = ("title,identifier,description,format,dataPublikation,accrualPeriodicity,"
               "landingPage,publisherName,publisherIdentifier,contactPointFn,"
               "contactPointHasEmail")


@pytest.fixture
def published():
    owner = OwnerFactory(name="Відділ культури", kind=OwnerKind.DEPARTMENT, edrpou="")
    UserFactory(owner=owner, email="kultura@rada.example.ua")
    DatasetFactory(owner=owner, identifier="svit-kultura", title="План заходів",
                   declared_formats="CSV", published=True)
    DatasetFactory(owner=owner, identifier="svit-chernetka", title="Чернетка")


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("registry", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_export_csv_to_standard_output(published):
    out, _ = run("export", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert ",".join(rows[0]) == HEADER_4_10
    assert [(r[0], r[1], r[8]) for r in rows[1:]] == [("План заходів", "svit-kultura", "null")]


def test_export_json_of_the_2025_structure_to_standard_output(published):
    out, _ = run("export", "--format", "json", "--structure", "2025")
    data = json.loads(out)
    assert list(data[0]) == ["uid", "title", "description", "accrualPeriodicity", "keywords",
                             "purpose", "url", "distributionFormat", "publisherName",
                             "publisherId", "contactPointName", "contactPointEmail"]
    assert data[0]["publisherId"] is None and data[0]["contactPointEmail"] == (
        "kultura@rada.example.ua")


def test_export_to_files(published, tmp_path):
    target = tmp_path / "registry.xlsx"
    run("export", "--format", "xlsx", "--output", str(target))
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert ",".join(rows[0]) == HEADER_4_10 and rows[1][1] == "svit-kultura"
    target = tmp_path / "registry-2019.csv"
    run("export", "--format", "csv", "--structure", "2019", "--output", str(target))
    assert target.read_text(encoding="utf-8").startswith("identifier,title,description,")
    with pytest.raises(CommandError, match="--output"):
        run("export", "--format", "xlsx")


def test_internal_export_lists_unpublished_datasets_too(published):
    out, _ = run("export", "--structure", "internal")
    assert {row[0] for row in list(csv.reader(io.StringIO(out)))[1:]} == {
        "svit-kultura", "svit-chernetka"}


def test_import_dry_run_reports_rows_and_saves_nothing():
    out, _ = run("import", str(DATA / "registry-2019.xlsx"), "--dry-run")
    assert "header in row 3, 3 rows of datasets" in out
    assert "Row     5  create     svit-osvita-zaklady" in out
    assert "3 to create, 0 to update, 0 unchanged, 0 rejected." in out
    assert not Dataset.objects.exists() and not Owner.objects.exists()


def test_import_applies_and_refuses_bad_files_whole(tmp_path):
    run("import", str(DATA / "registry-2025.xlsx"))
    assert Dataset.objects.count() == 3
    bad = tmp_path / "bad.csv"
    bad.write_text("uid,title,description,accrualPeriodicity,purpose,publisherName,publisherId\n"
                   "svit-new,Новий набір,Опис,Щороку,Закон,Відділ спорту,\n"
                   "svit-bad,Набір,Опис,Щодекади,Закон,Відділ спорту,\n", encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(CommandError, match="Rejected rows: 1; nothing was saved"):
        call_command("registry", "import", str(bad), stdout=out, stderr=io.StringIO())
    assert "Row     3  rejected" in out.getvalue()
    assert "«accrualPeriodicity» (D): “Щодекади” is not an update frequency" in out.getvalue()
    assert Dataset.objects.count() == 3 and not Owner.objects.filter(name="Відділ спорту")


def test_import_with_a_column_mapping(tmp_path):
    source = tmp_path / "list.csv"
    source.write_text("Код набору;Назва;Опис;Частота оновлення;Підстава;Установа;Примітка\n"
                      "svit-1;Перелік шкіл;Школи громади;Щороку;Закон;Управління освіти;ok\n",
                      encoding="utf-8")
    out, err = run("import", str(source), "--dry-run", "--map", "Код набору=identifier",
                   "--map", "F=publisherName")
    assert "Column G «Примітка» is not recognised and is ignored" in err
    assert "Row     2  create     svit-1 — Перелік шкіл" in out
    with pytest.raises(CommandError, match="Unknown field"):
        run("import", str(source), "--dry-run", "--map", "Установа=owner")


def test_import_of_a_broken_workbook_fails_with_the_message():
    with pytest.raises(CommandError, match="not a readable Excel workbook"):
        run("import", str(DATA / "registry-broken.xlsx"), "--dry-run")


def test_the_radadata_command_runs_it():
    radadata = Path(sys.executable).with_name("radadata")
    result = subprocess.run([str(radadata), "registry", "export", "--help"],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0
    assert "--structure {4.10,2019,2025,internal}" in result.stdout
