"""Every fresh install has the national list (КМУ 835, local self-government) and the themes."""

import csv

import pytest

from radadata.registry.models import NationalListItem, Theme
from radadata.registry.services.lists import NATIONAL_LIST_CSV, national_list_load

pytestmark = pytest.mark.django_db


def _csv_rows() -> list[dict[str, str]]:
    with NATIONAL_LIST_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_migration_loaded_every_row_of_the_shipped_list():
    rows = _csv_rows()
    assert NationalListItem.objects.count() == len(rows) == 76
    assert set(NationalListItem.objects.values_list("code", flat=True)) == {
        row["code"] for row in rows}
    register = NationalListItem.objects.get(
        title="Реєстр наборів даних, що перебувають у володінні розпорядника інформації")
    assert register.section == "Усі розпорядники інформації"
    # Nothing in REGULATION-NOTES §1.7 is confirmed against the official text.
    assert not NationalListItem.objects.filter(unconfirmed=False).exists()
    assert NationalListItem.objects.get(code="B-042").title == "Адресний реєстр"
    assert NationalListItem.objects.filter(
        section="Органи місцевого самоврядування").count() == 62


def test_reloading_the_list_updates_in_place():
    assert national_list_load() == NationalListItem.objects.count() == 76


def test_the_themes_vocabulary_exists():
    names = set(Theme.objects.values_list("name", flat=True))
    assert {"Освіта", "Охорона здоров'я", "Бюджет і фінанси", "Транспорт і дороги"} <= names
    assert Theme.objects.count() >= 12
