"""The registry import of a council's history: the owners' place, the dated facts, bad rows
named one by one, the good rows applied alone and the bad ones given back as a workbook."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.utils.timezone import localdate
from openpyxl import Workbook, load_workbook

from radadata.core.models import AuditEntry
from radadata.registry import imports
from radadata.registry.models import ApprovedListItem, Dataset, DatasetFact, Owner
from radadata.registry.vocabularies import DatasetStatus, OwnerKind
from tests.factories import AT, valid_edrpou

pytestmark = pytest.mark.django_db

HEADER = ["Порядок", "Розпорядник", "Вид розпорядника", "Підпорядкування", "Код ЄДРПОУ",
          "Назва набору даних", "Опис", "Підстава та призначення збору інформації",
          "Періодичність", "Дата завантаження на портал", "Дата першого оприлюднення",
          "Дата останнього оновлення", "Стан на порталі", "У переліку",
          "ПІБ відповідальної особи", "Email відповідальної особи"]
COMMITTEE = "Виконавчий комітет Сонячної сільської ради"
CODE = valid_edrpou()


def row(title: str, *, owner: str = "Відділ освіти", kind: str = "структурний підрозділ",
        parent: str = COMMITTEE, code: str = "", order: int | str = "",
        uploaded: str = "", published: str = "", modified: str = "", state: str = "",
        listed: str = "", person: str = "", email: str = "") -> list:
    return [order, owner, kind, parent, code, title, f"Опис: {title}.", "Закон",
            "Щороку", uploaded, published, modified, state, listed, person, email]


def table(*rows: list) -> imports.Table:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for item in rows:
        sheet.append(item)
    buffer = io.BytesIO()
    book.save(buffer)
    return imports.read_table(buffer.getvalue(), "історія.xlsx")


def plan(*rows: list) -> imports.ImportPlan:
    source = table(*rows)
    return imports.plan_import(source, imports.recognise(source.header), at=AT)


def messages(result: imports.ImportPlan) -> dict[int, list[str]]:
    return {outcome.row: outcome.messages for outcome in result.rejected}


def test_every_history_column_is_recognised_and_the_template_offers_them(officer_client):
    assert None not in imports.recognise(HEADER)
    english = ["owner", "owner kind", "subordinate to", "order", "title", "update frequency",
               "uploaded", "first published", "last updated", "portal state",
               "on the approved list"]
    assert imports.recognise(english)[1:] == [
        "publisherKind", "publisherParent", "publisherOrder", "title", "accrualPeriodicity",
        "uploadedOn", "dataPublikation", "modifiedOn", "portalState", "onApprovedList"]
    response = officer_client.get("/office/import/template.xlsx")
    header = [c.value for c in load_workbook(io.BytesIO(response.content)).active[1]]
    for title in ("Розпорядник", "Вид розпорядника", "Підпорядкування", "Порядок",
                  "Назва набору даних", "Періодичність", "Дата завантаження на портал",
                  "Дата першого оприлюднення", "Дата останнього оновлення", "Стан на порталі",
                  "У переліку"):
        assert title in header
    assert None not in imports.recognise(header)


def test_the_history_becomes_dated_facts_and_owners_take_their_place():
    source = table(
        row("Мережа шкіл", order=2, uploaded="10.03.2020", published="12.03.2020",
            modified="01.09.2021", state="оприлюднено", listed="так"),
        row("Харчування", order=2, uploaded="20.12.2020", state="на модерації", listed="так"),
        row("Маршрути", owner="КП «Сонячнетранс»", kind="комунальне підприємство, установа",
            parent="Відділ освіти", code=CODE, order=3, uploaded="01.02.2019",
            published="05.02.2019", state="більше не оновлюється"),
        row("Укриття", uploaded="10.10.2020", modified="15.10.2020", state="відхилено"),
    )
    result = imports.plan_import(source, imports.recognise(source.header), at=AT)
    assert not result.rejected, messages(result)
    assert [o.name for o in result.new_owners] == [COMMITTEE, "Відділ освіти",
                                                   "КП «Сонячнетранс»"]  # parents first
    imports.registry_import(table=source, mapping=imports.recognise(source.header), by=None,
                            at=AT)
    committee = Owner.objects.get(name=COMMITTEE)
    unit = Owner.objects.get(name="Відділ освіти")
    enterprise = Owner.objects.get(name="КП «Сонячнетранс»")
    assert (unit.parent, unit.position, unit.kind) == (committee, 2, OwnerKind.DEPARTMENT)
    assert (enterprise.parent, enterprise.managing_owner) == (unit, unit)
    assert enterprise.kind == OwnerKind.ENTERPRISE and enterprise.registered_on_portal
    # A structural unit publishes through the executive committee, which is registered.
    assert committee.registered_on_portal and not unit.registered_on_portal

    schools = Dataset.objects.get(title="Мережа шкіл")
    assert localdate(schools.registered_at) == dt.date(2020, 3, 10)
    assert schools.created_on == dt.date(2020, 3, 10)
    assert localdate(schools.first_published_at) == dt.date(2020, 3, 12)
    assert localdate(schools.last_modified_at) == dt.date(2021, 9, 1)
    assert ApprovedListItem.objects.get(dataset=schools).added_at == schools.registered_at
    meals = Dataset.objects.get(title="Харчування")
    assert meals.status == DatasetStatus.REGISTERED and meals.first_published_at is None
    assert localdate(DatasetFact.objects.get(dataset=meals).at) == dt.date(2020, 12, 20)
    assert Dataset.objects.get(title="Маршрути").status == DatasetStatus.ARCHIVED
    shelter = DatasetFact.objects.get(dataset__title="Укриття", kind="rejected")
    assert localdate(shelter.at) == dt.date(2020, 10, 15)
    entry = AuditEntry.objects.filter(action="dataset.history_imported",
                                      object_id=str(meals.pk)).get()
    assert "fact:uploaded" in entry.changes


@pytest.mark.parametrize(("cells", "column", "words"), [
    ({"published": "01.01.2099"}, "Дата першого оприлюднення", "2099"),
    ({"uploaded": "03.03.2014"}, "Дата завантаження на портал", "21.10.2015"),
    ({"published": "10.05.2021", "modified": "01.02.2021"}, "Дата останнього оновлення",
     "01.02.2021"),
    ({"uploaded": "10.05.2021", "published": "01.02.2021"}, "Дата завантаження на портал",
     "10.05.2021"),
    ({"state": "в архіві"}, "Стан на порталі", "в архіві"),
    ({"state": "на модерації", "uploaded": "01.02.2021", "published": "03.02.2021"},
     "Стан на порталі", "оприлюднено"),
    ({"state": "на модерації"}, "Дата завантаження на портал", "upload"),
    ({"state": "оприлюднено"}, "Дата першого оприлюднення", "first publication"),
    ({"listed": "можливо"}, "У переліку", "можливо"),
    ({"owner": "Відділ культури", "parent": "Відділ культури"}, "Підпорядкування", "itself"),
    ({"kind": "невідомо"}, "Вид розпорядника", "невідомо"),
    ({"order": "перший"}, "Порядок", "перший"),
])
def test_a_bad_cell_is_named_with_its_row_and_column(english, cells, column, words):
    result = plan(row("Добрий набір"), row("Поганий набір", **cells))
    assert list(messages(result)) == [3]
    text = " ".join(messages(result)[3])
    assert f"«{column}»" in text and words in text, text


def test_a_circle_of_subordination_is_refused(english):
    result = plan(row("А", owner="Відділ А", parent="Відділ Б"),
                  row("Б", owner="Відділ Б", parent="Відділ А"),
                  row("В", owner="Відділ В", parent=COMMITTEE))
    assert sorted(messages(result)) == [2, 3]
    assert "circle" in messages(result)[2][0]


def test_one_email_with_two_names_is_a_warning(english):
    result = plan(row("А", person="Коваленко Ірина Петрівна", email="osvita@sonyachna.ua"),
                  row("Б", person="Коваленко Ірина Петрівна", email="osvita@sonyachna.ua"),
                  row("В", person="Шевчук Петро Іванович", email="osvita@sonyachna.ua"))
    assert not result.rejected
    assert [(number, "two people one" in text) for number, text in result.warnings] == [
        (4, True)]
    assert "Коваленко Ірина Петрівна" in result.warnings[0][1]


def test_the_good_rows_are_applied_alone_and_the_bad_ones_come_back(english):
    source = table(row("Мережа шкіл", published="12.03.2020"),
                   row("Харчування", published="01.01.2099"),
                   row("Маршрути", owner="Відділ транспорту", state="невідомо"),
                   row("Укриття", uploaded="10.10.2020", state="на модерації"))
    mapping = imports.recognise(source.header)
    with pytest.raises(imports.ImportRejected):
        imports.registry_import(table=source, mapping=mapping, by=None, at=AT)
    assert not Dataset.objects.exists() and not Owner.objects.exists()

    result = imports.registry_import(table=source, mapping=mapping, by=None, at=AT,
                                     good_rows=True)
    assert sorted(Dataset.objects.values_list("title", flat=True)) == ["Мережа шкіл",
                                                                       "Укриття"]
    # The owner named only by a rejected row is not created.
    assert not Owner.objects.filter(name="Відділ транспорту").exists()

    sheet = load_workbook(io.BytesIO(imports.rejected_workbook(result))).active
    values = [[c.value for c in r] for r in sheet.iter_rows()]
    assert values[0] == [*HEADER, "What to fix", "Row in your file"]
    assert [r[5] for r in values[1:]] == ["Харчування", "Маршрути"]
    assert "2099" in values[1][-2] and "«Стан на порталі»" in values[2][-2]
    assert [r[-1] for r in values[1:]] == [3, 4]


def test_the_command_imports_the_good_rows_and_writes_the_bad_ones(tmp_path, capsys):
    from django.core.management import call_command

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(row("Мережа шкіл", published="12.03.2020"))
    sheet.append(row("Харчування", published="01.01.2099"))
    source, rejected = tmp_path / "list.xlsx", tmp_path / "rejected.xlsx"
    book.save(source)
    call_command("registry", "import", str(source), "--good-rows", "--rejected-out",
                 str(rejected))
    assert Dataset.objects.get().title == "Мережа шкіл"
    assert load_workbook(rejected).active.max_row == 2


def test_the_office_page_imports_the_good_rows_once_and_gives_back_the_bad(officer_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(row("Мережа шкіл", published="12.03.2020"))
    sheet.append(row("Харчування", published="01.01.2099"))
    buffer = io.BytesIO()
    book.save(buffer)
    officer_client.post("/office/import/", {"file": SimpleUploadedFile("list.xlsx",
                                                                       buffer.getvalue())})
    review = officer_client.get("/office/import/review/").content.decode()
    assert 'name="good_rows"' in review
    response = officer_client.post("/office/import/apply/", {"good_rows": "1"})
    assert response.status_code == 302 and response.url == "/office/import/"
    assert list(Dataset.objects.values_list("title", flat=True)) == ["Мережа шкіл"]
    assert 'href="/office/import/rejected.xlsx"' in officer_client.get(
        "/office/import/").content.decode()
    workbook = load_workbook(io.BytesIO(officer_client.get("/office/import/rejected.xlsx")
                                        .content)).active
    assert [r[5] for r in workbook.iter_rows(min_row=2, values_only=True)] == ["Харчування"]
    # The upload is done with: applying again imports nothing twice.
    officer_client.post("/office/import/apply/", {"good_rows": "1"})
    assert Dataset.objects.count() == 1


def test_an_owner_in_the_registry_keeps_its_place(english):
    from radadata.registry.services import owners as owner_services

    owner_services.owner_create(by=None, at=AT, name="Відділ освіти", kind=OwnerKind.DEPARTMENT,
                                position=4)
    result = plan(row("Мережа шкіл", order=9))
    assert not result.rejected and not result.new_owners
    assert any("stay as they are" in note for note in result.rows[0].notes)
