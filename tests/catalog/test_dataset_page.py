"""The public dataset page carries §6.15: the structure (a table and three downloads), the first
rows of each table file, and a Markdown description that cannot run a script."""

from __future__ import annotations

import io
import json

import pytest
from django.test import Client
from lxml import etree
from openpyxl import Workbook

from radadata.registry.models import Structure
from radadata.registry.services import resources as resource_services
from tests.factories import AT, DatasetFactory, OwnerFactory, UserFactory, add_file

pytestmark = pytest.mark.django_db

CSV = ("назва;кількість учнів;відкрито;площа\n"
       + "".join(f"Школа № {n};{100 + n};2001-09-{n:02d};{n},5\n" for n in range(1, 16))
       ).encode()


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


def _xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["Заклад", "Місць"])
    for n in range(1, 13):
        sheet.append([f"Садок {n}", n * 10])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def dataset():
    owner = OwnerFactory(name="Управління освіти")
    dataset = DatasetFactory(owner=owner, name="shkoly", published=True,
                             description="Перелік **шкіл** громади.\n\n<script>alert(1)</script>")
    add_file(dataset, CSV, filename="shkoly.csv", title="Школи")
    return dataset


def _page(client: Client | None = None) -> str:
    response = (client or Client()).get("/dataset/shkoly")
    assert response.status_code == 200
    return response.content.decode()


def _cells(html: str, marker: str) -> str:
    """The part of the page from a section heading on."""
    return html[html.index(marker):]


def test_the_page_shows_the_inferred_structure_as_a_table(dataset):
    html = _page()
    section = _cells(html, 'id="structure"')
    assert "Inferred automatically from the file “shkoly.csv”" in section
    # Types in words, not Table Schema codes (core/templatetags/words.py).
    for name, kind in [("назва", "text"), ("кількість учнів", "whole number"),
                       ("відкрито", "date"), ("площа", "number")]:
        assert f"<code>{name}</code>" in section
        assert f"<td>{kind}</td>" in section
    assert "/dataset/shkoly/structure.csvw.json" in section
    assert "/dataset/shkoly/structure.schema.json" in section


def test_the_structure_downloads_are_json_with_the_columns(dataset):
    client = Client()
    csvw = client.get("/dataset/shkoly/structure.csvw.json")
    assert csvw.status_code == 200 and csvw["Content-Type"].startswith("application/csvm+json")
    document = json.loads(csvw.content)
    assert document["@context"] == ["http://www.w3.org/ns/csvw", {"@language": "uk"}]
    columns = document["tableSchema"]["columns"]
    # CSVW names must be ASCII: transliterated; the header as written stays in "titles"
    assert [c["name"] for c in columns] == ["nazva", "kilkist_uchniv", "vidkryto", "ploshcha"]
    assert [c["titles"] for c in columns] == ["назва", "кількість учнів", "відкрито", "площа"]
    assert [c["datatype"] for c in columns] == ["string", "integer", "date", "decimal"]
    assert all(c["required"] is True for c in columns)
    assert all("dc:description" in c for c in columns)

    schema = json.loads(client.get("/dataset/shkoly/structure.schema.json").content)
    assert [(f["name"], f["type"]) for f in schema["fields"]] == [
        ("назва", "string"), ("кількість учнів", "integer"), ("відкрито", "date"),
        ("площа", "number")]
    assert schema["fields"][0]["constraints"] == {"required": True}


def test_the_structure_as_xsd_validates_the_table_in_xml(dataset):
    response = Client().get("/dataset/shkoly/structure.xsd")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    schema = etree.XMLSchema(etree.fromstring(response.content))
    names = [e.get("name") for e in etree.fromstring(response.content).iter(
        "{http://www.w3.org/2001/XMLSchema}element")]
    assert {"table", "row"} <= set(names)
    row_fields = [n for n in names if n not in ("table", "row")]
    assert len(row_fields) == 4

    def table(count: str) -> etree._Element:
        values = ["Ліцей №1", count, "1990-09-01", "1200.5"]
        cells = "".join(f"<{n}>{v}</{n}>" for n, v in zip(row_fields, values, strict=True))
        return etree.fromstring(f"<table><row>{cells}</row></table>")

    assert schema.validate(table("420"))
    assert not schema.validate(table("багато"))  # an integer column refuses words


def test_a_column_with_empty_cells_is_not_required(db):
    dataset = DatasetFactory(name="dorogy", published=True)
    add_file(dataset, b"id,note\n1,\n2,ok\n")
    columns = json.loads(Client().get("/dataset/dorogy/structure.csvw.json").content)[
        "tableSchema"]["columns"]
    assert [(c["name"], c["required"]) for c in columns] == [("id", True), ("note", False)]


def test_a_stored_structure_wins_over_the_guess(dataset):
    Structure.objects.create(dataset=dataset, source=Structure.Source.MANUAL, updated_at=AT,
                             schema={"fields": [
                                 {"name": "name", "title": "Назва закладу", "type": "string",
                                  "description": "Повна назва", "constraints": {"required": True}},
                                 {"name": "pupils", "title": "Учнів", "type": "integer"}]})
    html = _page()
    assert "Inferred automatically" not in html
    assert "<td>Назва закладу</td>" in html and "<td>Повна назва</td>" in html
    columns = json.loads(Client().get("/dataset/shkoly/structure.csvw.json").content)[
        "tableSchema"]["columns"]
    assert columns[0] == {"name": "name", "titles": "Назва закладу",
                          "dc:description": "Повна назва", "datatype": "string",
                          "required": True}
    assert columns[1]["required"] is False


def test_no_table_file_no_structure(db):
    dataset = DatasetFactory(name="plan", published=True)
    add_file(dataset, b"%PDF-1.4 not a table", filename="plan.pdf")
    assert "No structure yet" in Client().get("/dataset/plan").content.decode()
    assert Client().get("/dataset/plan/structure.csvw.json").status_code == 404


def test_the_preview_shows_the_first_ten_rows_of_a_csv(dataset):
    section = _cells(_page(), 'id="preview"')
    assert "“Школи”: the first 10 rows" in section
    assert '<th scope="col">кількість учнів</th>' in section
    assert "<td>Школа № 10</td>" in section
    assert "Школа № 11" not in section


def test_the_preview_shows_the_first_rows_of_an_xlsx(dataset):
    resource = resource_services.resource_create(dataset=dataset, title="Садки", by=None, at=AT)
    resource_services.version_add(resource=resource, stream=io.BytesIO(_xlsx()),
                                  filename="sadky.xlsx", by=None, at=AT)
    section = _cells(_page(), 'id="preview"')
    assert "“Садки”: the first 10 rows" in section
    assert '<th scope="col">Заклад</th>' in section
    assert "<td>Садок 10</td><td>100</td>" in section
    assert "Садок 11" not in section


def test_the_preview_never_shows_a_waiting_version(dataset):
    clerk = UserFactory(owner=dataset.owner)
    resource = dataset.resources.get()
    waiting = resource_services.version_add(
        resource=resource, stream=io.BytesIO("назва\nСекретна чернетка\n".encode()),
        filename="shkoly.csv", by=clerk, at=AT)
    assert waiting.published_at is None
    html = _page()
    assert "Секретна чернетка" not in html
    assert "<td>Школа № 1</td>" in html


def test_preview_cells_are_escaped(db):
    dataset = DatasetFactory(name="xss", published=True)
    add_file(dataset, b'name,comment\nA,"<script>alert(1)</script>"\n')
    html = _page_of(dataset.name)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def _page_of(name: str) -> str:
    return Client().get(f"/dataset/{name}").content.decode()


def test_the_description_is_markdown_without_scripts(dataset):
    html = _page()
    assert "Перелік <strong>шкіл</strong> громади." in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_office_passport_renders_markdown_too(dataset, officer_client):
    html = officer_client.get("/office/datasets/shkoly/").content.decode()
    assert "Перелік <strong>шкіл</strong> громади." in html
    assert "<script>alert(1)</script>" not in html


def test_the_page_keeps_the_reuse_statement_and_licence(dataset):
    html = _page()
    assert "Будь - яка особа може вільно копіювати" in html
    assert 'rel="license"' in html and "CC BY 4.0" in html
