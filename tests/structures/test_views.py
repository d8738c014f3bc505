"""The public pages of the national structures: no sign-in, Ukrainian, with downloads."""

from __future__ import annotations

import io
import json

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


def test_list_by_edition_with_search_in_word_forms(client):
    page = client.get("/structures/", {"q": "захисних споруд"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Дані про розташування захисних споруд" in text
    assert "/structures/2025/72-shelters/" in text
    assert "Реєстр наборів даних" not in text


def test_list_says_the_2025_adoption_is_unconfirmed(client):
    text = client.get("/structures/").content.decode()
    assert "2019/RegisterOfDatasets" in text
    assert "не підтверджено" in text


def test_detail_shows_columns_and_downloads(client):
    page = client.get("/structures/2025/72-shelters/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "CATUTTC" in text and "Код КАТОТТГ" in text
    for fmt in ("xlsx", "csv", "csvw", "tableschema", "datapackage", "xsd"):
        assert f"/structures/2025/72-shelters/download/{fmt}/" in text


def test_downloads(client):
    base = "/structures/2025/72-shelters/download/"
    xlsx = client.get(base + "xlsx/")
    assert xlsx["Content-Disposition"] == 'attachment; filename="2025-72-shelters.xlsx"'
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["A1"].value == "uid" and sheet["A2"].value == "Обліковий номер споруди"
    package = json.loads(client.get(base + "datapackage/").content)
    assert package["resources"][0]["schema"]["fields"][0]["name"] == "uid"
    csvw = json.loads(client.get(base + "csvw/").content)
    assert csvw["tableSchema"]["columns"][2]["titles"] == "Код КАТОТТГ"
    assert b"XMLSchema" in client.get(base + "xsd/").content
    assert client.get(base + "csv/").content.decode().startswith("uid,type,CATUTTC")


def test_unknown_structure_is_404_with_near_ids(client):
    page = client.get("/structures/2025/72-shelter/")
    assert page.status_code == 404
    assert "2025/72-shelters" in page.content.decode()


def test_unknown_format_is_404(client):
    assert client.get("/structures/2025/72-shelters/download/pdf/").status_code == 404
