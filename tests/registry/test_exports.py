import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from radadata.registry.vocabularies import MembershipRole, OwnerKind, Periodicity
from tests.factories import DatasetFactory, OwnerFactory, UserFactory, add_file

pytestmark = pytest.mark.django_db

HEADER_4_10 = ("title,identifier,description,format,dataPublikation,accrualPeriodicity,"
               "landingPage,publisherName,publisherIdentifier,contactPointFn,"
               "contactPointHasEmail")
HEADER_2019 = ["identifier", "title", "description", "accrualPeriodicity", "keyword", "purpose",
               "landingPage", "distributionFormat", "publisherPrefLabel", "publisherIdentifier",
               "contactPointFn", "contactPointHasEmail"]
HEADER_2025 = ["uid", "title", "description", "accrualPeriodicity", "keywords", "purpose", "url",
               "distributionFormat", "publisherName", "publisherId", "contactPointName",
               "contactPointEmail"]


@pytest.fixture
def council(settings):
    settings.SITE_URL = "https://opendata.svitlohirsk.example.ua"
    education = OwnerFactory(name="Управління освіти", edrpou="02142566")
    culture = OwnerFactory(name="Відділ культури", kind=OwnerKind.DEPARTMENT, edrpou="")
    teacher = UserFactory(owner=education, last_name="Коваль", first_name="Ірина",
                          patronymic="Петрівна", email="osvita@rada.example.ua")
    UserFactory(owner=culture, last_name="Єрмоленко", first_name="Ганна",
                patronymic="Іванівна", email="kultura@rada.example.ua")
    schools = DatasetFactory(owner=education, title="Перелік закладів освіти",
                             identifier="svit-osvita", keywords=["школи", "освіта"],
                             periodicity=Periodicity.YEARLY, published=True)
    add_file(schools, b"id,name\n1,School\n", "schools.csv")
    events = DatasetFactory(owner=culture, title="План заходів", identifier="svit-kultura",
                            declared_formats="xlsx, csv", published=True)
    draft = DatasetFactory(owner=education, title="Чернетка: мережа гуртків",
                           identifier="svit-gurtky")
    return {"education": education, "culture": culture, "teacher": teacher,
            "schools": schools, "events": events, "draft": draft}


def _csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content)
    assert not body.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(body.decode("utf-8"))))


def test_csv_has_the_4_10_header_and_only_published_datasets(client, council):
    response = client.get("/registry.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="registry.csv"'
    rows = _csv(response)
    assert ",".join(rows[0]) == HEADER_4_10
    by_id = {row[1]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert set(by_id) == {"svit-osvita", "svit-kultura"}  # the draft is not published
    schools = by_id["svit-osvita"]
    assert schools == {
        "title": "Перелік закладів освіти",
        "identifier": "svit-osvita",
        "description": council["schools"].description,
        "format": "CSV",
        "dataPublikation": "2026-03-02",
        "accrualPeriodicity": "Щороку",
        "landingPage": f"https://opendata.svitlohirsk.example.ua/dataset/{council['schools'].name}",
        "publisherName": "Управління освіти",
        "publisherIdentifier": "02142566",
        "contactPointFn": "Коваль Ірина Петрівна",
        "contactPointHasEmail": "osvita@rada.example.ua",
    }
    assert by_id["svit-kultura"]["format"] == "XLSX, CSV"
    assert by_id["svit-kultura"]["accrualPeriodicity"] == "Щокварталу"
    # A department without legal status has no ЄДРПОУ code: the literal null (§4.10).
    assert by_id["svit-kultura"]["publisherIdentifier"] == "null"
    assert by_id["svit-kultura"]["contactPointFn"] == "Єрмоленко Ганна Іванівна"


def test_json_is_a_list_of_objects_with_exactly_the_4_10_keys(client, council):
    response = client.get("/registry.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(b"".join(response.streaming_content))
    assert [list(item) for item in data] == [HEADER_4_10.split(",")] * 2
    culture = next(item for item in data if item["identifier"] == "svit-kultura")
    assert culture["publisherIdentifier"] is None
    assert culture["title"] == "План заходів"


def test_xlsx_has_the_4_10_header_and_null(client, council):
    response = client.get("/registry.xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="registry.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert ",".join(rows[0]) == HEADER_4_10
    assert len(rows) == 3
    culture = next(row for row in rows if row[1] == "svit-kultura")
    assert culture[8] == "null"


@pytest.mark.parametrize(("structure", "header"), [("2019", HEADER_2019), ("2025", HEADER_2025)])
def test_national_structures(client, council, structure, header):
    response = client.get(f"/registry.csv?structure={structure}")
    assert response["Content-Disposition"] == f'attachment; filename="registry-{structure}.csv"'
    rows = _csv(response)
    assert rows[0] == header
    schools = dict(zip(header, next(r for r in rows if r[0] == "svit-osvita"), strict=True))
    assert schools[header[4]] == "освіта, школи"  # keywords
    assert schools[header[5]].startswith("Закон України")  # purpose
    assert schools[header[7]] == "CSV"
    data = json.loads(b"".join(client.get(f"/registry.json?structure={structure}")
                               .streaming_content))
    assert list(data[0]) == header
    assert next(d for d in data if d[header[0]] == "svit-kultura")[header[9]] is None


def test_unknown_structure_or_format_is_not_found(client, council):
    assert client.get("/registry.csv?structure=2018").status_code == 404
    assert client.get("/registry.pdf").status_code == 404


def test_title_starting_with_equals_stays_text_in_xlsx(client, council):
    DatasetFactory(owner=council["education"], title="=HYPERLINK(\"http://x\")",
                   identifier="svit-formula", published=True)
    sheet = load_workbook(io.BytesIO(client.get("/registry.xlsx").content)).active
    cell = next(row[0] for row in sheet.iter_rows() if row[1].value == "svit-formula")
    assert cell.value == "=HYPERLINK(\"http://x\")" and cell.data_type == "s"


def test_title_starting_with_equals_cannot_run_in_csv(client, council):
    DatasetFactory(owner=council["education"], title="=HYPERLINK(\"http://x\")",
                   identifier="svit-formula", published=True)
    body = b"".join(client.get("/registry.csv").streaming_content).decode()
    rows = list(csv.reader(io.StringIO(body)))
    title = next(row[0] for row in rows if row[1] == "svit-formula")
    assert title == "'=HYPERLINK(\"http://x\")"


def test_public_page_shows_the_registry_and_its_downloads(client, council):
    response = client.get("/registry/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Перелік закладів освіти" in page and "План заходів" in page
    assert "Чернетка: мережа гуртків" not in page
    for link in ('href="/registry.csv"', 'href="/registry.json"', 'href="/registry.xlsx"',
                 'href="/registry.csv?structure=2019"', 'href="/registry.xlsx?structure=2025"'):
        assert link in page
    assert "dataPublikation" in page and "osvita@rada.example.ua" in page


def _exported_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        body = b"".join(client.get("/registry.csv").streaming_content)
    assert body.count(b"\n") >= 2
    return len(queries)


def test_export_runs_the_same_queries_for_few_and_many_datasets(client, council):
    few = _exported_queries(client)
    for n in range(12):
        dataset = DatasetFactory(owner=council["education"], keywords=[f"слово{n}"],
                                 published=True)
        add_file(dataset)
    assert _exported_queries(client) == few


# The internal registry (§4.3) ---------------------------------------------------------------

def test_internal_export_needs_sign_in(client, council):
    response = client.get("/office/registry.xlsx")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_clerk_sees_only_the_datasets_of_their_owner(client, council):
    client.force_login(council["teacher"])
    rows = _csv(client.get("/office/registry.csv"))
    assert rows[0][:4] == ["Ідентифікатор", "Назва", "Короткий опис", "Дата створення"]
    identifiers = {row[0] for row in rows[1:]}
    # The unpublished draft of their own owner is in; the other owner's dataset is not.
    assert identifiers == {"svit-osvita", "svit-gurtky"}
    draft = next(dict(zip(rows[0], r, strict=True)) for r in rows[1:] if r[0] == "svit-gurtky")
    assert draft["Стан"] == "Внесено до реєстру, не оприлюднено"
    assert draft["Дата публікації"] == ""
    assert draft["Відповідальні особи"] == "Коваль Ірина Петрівна"


def test_officer_gets_the_whole_registry_as_xlsx(officer_client, council):
    substitute = UserFactory(owner=council["education"], owner_role=MembershipRole.SUBSTITUTE,
                             last_name="Гнатюк", first_name="Павло", patronymic="")
    response = officer_client.get("/office/registry.xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="registry-internal.xlsx"'
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    header = rows[0]
    records = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert set(records) == {"svit-osvita", "svit-kultura", "svit-gurtky"}
    schools = records["svit-osvita"]
    assert schools["Розпорядник"] == "Управління освіти"
    assert schools["Частота оновлення"] == "Щороку"
    assert schools["Тип даних"] == "Структуровані дані"
    assert schools["Дата публікації"] == "2026-03-02"
    assert schools["Відповідальні особи"] == f"Коваль Ірина Петрівна; {substitute.full_name}"
    assert officer_client.get("/office/registry.json").status_code == 404
