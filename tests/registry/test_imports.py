import csv
import datetime as dt
import io
import time
from pathlib import Path

import pytest

from radadata.accounts.models import User
from radadata.core.errors import NotAllowed, ValidationFailed
from radadata.core.models import AuditEntry
from radadata.registry import imports
from radadata.registry.exports import published_on
from radadata.registry.imports import CREATE, REJECT, UNCHANGED, UPDATE
from radadata.registry.models import Dataset, Owner, OwnerMembership
from radadata.registry.services import datasets as dataset_services
from radadata.registry.vocabularies import DatasetStatus, MembershipRole, OwnerKind, Periodicity
from tests.factories import AT, DatasetFactory, OwnerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    # Assert on the msgids, whatever the Ukrainian catalogue says.
    settings.LANGUAGE_CODE = "en"

DATA = Path(__file__).resolve().parent.parent / "data"
HEADER_2019 = ["identifier", "title", "description", "accrualPeriodicity", "keyword", "purpose",
               "landingPage", "distributionFormat", "publisherPrefLabel", "publisherIdentifier",
               "contactPointFn", "contactPointHasEmail"]
PURPOSE = "Закон України «Про доступ до публічної інформації»"


def sample(name: str) -> imports.Table:
    return imports.read_table((DATA / name).read_bytes(), name)


def plan(table: imports.Table, at: dt.datetime = AT) -> imports.ImportPlan:
    return imports.plan_import(table, imports.recognise(table.header), at=at)


def apply(table: imports.Table, by=None) -> imports.ImportPlan:
    return imports.registry_import(table=table, mapping=imports.recognise(table.header),
                                   by=by, at=AT)


def csv_table(rows: list[list[str]], header: list[str] = HEADER_2019) -> imports.Table:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    return imports.read_table(buffer.getvalue().encode(), "list.csv")


def row(identifier: str = "svit-1", **values: str) -> list[str]:
    base = {"identifier": identifier, "title": "Перелік закладів освіти",
            "description": "Школи громади.", "accrualPeriodicity": "Щороку",
            "keyword": "школи, освіта", "purpose": PURPOSE, "landingPage": "",
            "distributionFormat": "CSV", "publisherPrefLabel": "Управління освіти",
            "publisherIdentifier": "02142566", "contactPointFn": "Коваль Ірина Петрівна",
            "contactPointHasEmail": "osvita@rada.example.ua"}
    base.update(values)
    return [base[name] for name in HEADER_2019]


def problems(outcome) -> list[tuple[str, str]]:
    return [(p.field, p.message) for p in outcome.problems]


# Reading files --------------------------------------------------------------------------------

def test_windows_1251_csv_is_read_with_correct_cyrillic():
    table = sample("registry-windows-1251.csv")
    assert table.encoding == "cp1251" and table.delimiter == ","
    assert table.header[1] == "Назва"
    assert imports.recognise(table.header)[:4] == [
        "identifier", "title", "description", "accrualPeriodicity"]
    assert [r.number for r in table.rows] == [2, 3, 4]
    assert table.rows[1].cells[2].endswith("ґрунтується на даних казначейства.")
    assert table.rows[1].cells[9] == "Їжак Олег Юрійович"


def test_excel_semicolon_csv_keeps_quoted_semicolons_and_line_breaks():
    table = sample("registry-excel-semicolon.csv")
    assert table.delimiter == ";" and table.encoding == "utf-8-sig"
    assert table.header == HEADER_2019
    assert table.rows[0].cells[2] == ("Назви та адреси шкіл; контакти директорів.\n"
                                      "Оновлюється щороку у вересні.")
    assert [r.number for r in table.rows] == [2, 3, 4]


def test_2019_template_skips_the_title_row_and_the_ukrainian_titles_row():
    table = sample("registry-2019.xlsx")
    assert (table.header_row, table.titles_row) == (3, 4)
    assert [r.number for r in table.rows] == [5, 6, 7]


def test_2025_names_are_found_on_the_second_sheet():
    table = sample("registry-2025.xlsx")
    assert table.sheet == "Реєстр"
    assert imports.recognise(table.header) == [
        "identifier", "title", "description", "accrualPeriodicity", "keyword", "purpose",
        "landingPage", "format", "publisherName", "publisherIdentifier", "contactPointFn",
        "contactPointHasEmail"]


def test_broken_xlsx_gets_a_clear_message():
    with pytest.raises(imports.UnreadableFile) as error:
        sample("registry-broken.xlsx")
    assert error.value.errors == {"file": [
        "The file is not a readable Excel workbook; save it again as .xlsx or CSV and "
        "upload it."]}


@pytest.mark.parametrize(("header", "field"), [
    ("publisherId", "publisherIdentifier"), ("contactPointEmail", "contactPointHasEmail"),
    ("Email відповідальної особи", "contactPointHasEmail"), ("title / назва", "title"),
    ("Код ЄДРПОУ", "publisherIdentifier"), ("dataPublikation", "dataPublikation"),
    ("Примітка", None), ("Стан", imports.IGNORE),
])
def test_header_names(header, field):
    assert imports.field_for_header(header) == field


# The dry run and applying ---------------------------------------------------------------------

def test_2019_xlsx_creates_owners_people_and_datasets():
    table = sample("registry-2019.xlsx")
    dry = plan(table)
    assert [(o.row, o.action) for o in dry.rows] == [(5, CREATE), (6, CREATE), (7, CREATE)]
    assert "Управління освіти Світлогірської міської ради" in dry.rows[0].notes[0]
    assert not Dataset.objects.exists()  # the dry run saves nothing

    apply(table)
    schools = Dataset.objects.get(identifier="svit-osvita-zaklady")
    assert schools.title == "Перелік закладів загальної середньої освіти"
    assert schools.periodicity == Periodicity.YEARLY
    assert schools.declared_formats == "CSV, XLSX"
    assert schools.landing_page_override == "https://data.gov.ua/dataset/svit-osvita-zaklady"
    assert sorted(schools.keywords.values_list("name", flat=True)) == ["ліцеї", "освіта", "школи"]
    assert schools.status == DatasetStatus.REGISTERED
    # Excel's number 2143152 is the code 02143152 with its leading zero dropped.
    finance = Owner.objects.get(edrpou="02143152")
    assert finance.kind == OwnerKind.DEPARTMENT_LEGAL
    culture = Owner.objects.get(name="Відділ культури Світлогірської міської ради")
    assert (culture.kind, culture.edrpou) == (OwnerKind.DEPARTMENT, "")
    person = User.objects.get(email="kultura@svitlohirsk-rada.example.ua")
    assert (person.last_name, person.first_name, person.patronymic) == (
        "Єрмоленко", "Ганна", "Іванівна")
    assert OwnerMembership.objects.filter(owner=culture, user=person,
                                          role=MembershipRole.RESPONSIBLE).exists()
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert actions.count("dataset.registered") == 3
    assert actions.count("owner.created") == 3 and actions.count("user.created") == 3


def test_2025_names_update_what_the_2019_file_created():
    apply(sample("registry-2019.xlsx"))
    table = sample("registry-2025.xlsx")
    assert [o.action for o in plan(table).rows] == [UNCHANGED] * 3
    Dataset.objects.filter(identifier="svit-kultura-zakhody").update(title="Стара назва")
    dry = plan(table)
    assert [o.action for o in dry.rows] == [UNCHANGED, UNCHANGED, UPDATE]
    assert dry.rows[2].changes == ["title"]
    apply(table)
    assert Dataset.objects.get(identifier="svit-kultura-zakhody").title == (
        "План культурно-мистецьких заходів")
    assert AuditEntry.objects.filter(action="dataset.updated").count() == 1


def test_windows_1251_import_stores_correct_cyrillic():
    apply(sample("registry-windows-1251.csv"))
    budget = Dataset.objects.get(identifier="svit-biudzhet-vykonannia")
    assert budget.description.endswith("ґрунтується на даних казначейства.")
    assert User.objects.get(email="finance@svitlohirsk-rada.example.ua").last_name == "Їжак"


def test_semicolon_csv_imports():
    apply(sample("registry-excel-semicolon.csv"))
    assert Dataset.objects.get(identifier="svit-osvita-zaklady").description.startswith(
        "Назви та адреси шкіл; контакти директорів.\n")


def test_exported_registry_imports_back_unchanged(client):
    owner = OwnerFactory(name="Управління освіти")
    UserFactory(owner=owner, email="osvita@rada.example.ua")
    for n in range(3):
        DatasetFactory(owner=owner, identifier=f"svit-{n}", keywords=["школи"], published=True)
    body = b"".join(client.get("/registry.csv").streaming_content)
    dry = plan(imports.read_table(body, "registry.csv"))
    assert [o.action for o in dry.rows] == [UNCHANGED] * 3


def test_bad_rows_are_named_by_row_and_field_and_nothing_is_saved():
    table = csv_table([
        row("svit-1"),
        row("svit-2", publisherIdentifier="32855968"),            # wrong check digit
        row("svit-1", title="Дублікат"),                          # identifier used in row 2
        row("svit-4", title="Д" * 255),                           # over 254 characters
        row("svit-5", description=""),                            # required passport field
        row("svit-6", accrualPeriodicity="щоп'ятниці"),           # not a periodicity
        row("svit-7", contactPointHasEmail="new@rada.example.ua", contactPointFn=""),
    ])
    dry = plan(table)
    rejected = {o.row: problems(o) for o in dry.rows if o.action == REJECT}
    assert set(rejected) == {3, 4, 5, 6, 7, 8}
    assert rejected[3] == [("publisherIdentifier", "ЄДРПОУ code 32855968 has a wrong check "
                            "digit. Check the code against the registration documents.")]
    assert rejected[4] == [("identifier", "Identifier svit-1 is used again: row 2 has it "
                            "already. Each dataset needs its own identifier.")]
    assert rejected[5][0][0] == "title" and "254" in rejected[5][0][1]
    assert rejected[6] == [("description", "Fill in the description: the passport requires it.")]
    assert rejected[7][0][0] == "accrualPeriodicity" and "Щокварталу" in rejected[7][0][1]
    assert rejected[8][0][0] == "contactPointFn"
    assert str(dry.rows[1].problems[0]).startswith("«publisherIdentifier» (J): ")

    owners, audit = Owner.objects.count(), AuditEntry.objects.count()
    with pytest.raises(imports.ImportRejected) as error:
        apply(table)
    assert error.value.errors["rows"][0].startswith("Row 3: «publisherIdentifier» (J)")
    assert not Dataset.objects.exists()
    assert (Owner.objects.count(), AuditEntry.objects.count()) == (owners, audit)


def test_a_new_dataset_needs_a_purpose_column():
    header = [h for h in HEADER_2019 if h != "purpose"]
    values = row()
    del values[HEADER_2019.index("purpose")]
    outcome = plan(csv_table([values], header)).rows[0]
    assert outcome.action == REJECT
    assert problems(outcome)[0][0] == "purpose"
    assert "no column" in problems(outcome)[0][1]


def test_publication_date_marks_the_dataset_published_and_a_future_date_is_rejected():
    header = [*HEADER_2019, "dataPublikation"]
    table = csv_table([[*row("svit-1"), "15.01.2025"], [*row("svit-2"), "2027-01-01"]], header)
    dry = plan(table)
    assert dry.rows[1].action == REJECT
    assert problems(dry.rows[1])[0][0] == "dataPublikation"
    apply(csv_table([[*row("svit-1"), "15.01.2025"]], header))
    dataset = Dataset.objects.get(identifier="svit-1")
    assert dataset.status == DatasetStatus.PUBLISHED
    assert published_on(dataset) == "2025-01-15"
    assert AuditEntry.objects.filter(action="dataset.published").count() == 1


def test_existing_owner_is_matched_by_name_and_an_unknown_code_without_name_is_rejected():
    owner = OwnerFactory(name="Управління освіти", edrpou="02142566")
    table = csv_table([row("svit-1", publisherIdentifier="null"),
                       row("svit-2", publisherPrefLabel="", publisherIdentifier="43589243")])
    dry = plan(table)
    assert dry.rows[0].owner == owner
    assert dry.rows[1].action == REJECT
    assert problems(dry.rows[1])[0][0] == "publisherName"


def test_a_crash_midway_rolls_everything_back(monkeypatch):
    calls = []
    real = dataset_services.dataset_register

    def failing(**kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(**kwargs)

    monkeypatch.setattr(dataset_services, "dataset_register", failing)
    with pytest.raises(RuntimeError):
        apply(sample("registry-2019.xlsx"))
    assert len(calls) == 2
    assert not Dataset.objects.exists() and not Owner.objects.exists()
    assert not User.objects.exists() and not AuditEntry.objects.exists()


def test_only_the_officer_imports():
    clerk = UserFactory(owner=OwnerFactory())
    with pytest.raises(NotAllowed):
        apply(sample("registry-2019.xlsx"), by=clerk)


def test_ten_thousand_rows_with_three_bad_ones():
    OwnerFactory(name="Управління освіти", edrpou="02142566")
    rows = [row(f"svit-{n}", title=f"Набір даних {n}", contactPointHasEmail="")
            for n in range(10_000)]
    rows[1233][HEADER_2019.index("publisherIdentifier")] = "02142567"
    rows[4999][HEADER_2019.index("title")] = "Т" * 300
    rows[9998][HEADER_2019.index("purpose")] = ""
    table = csv_table(rows)
    started = time.perf_counter()
    dry = plan(table)
    elapsed = time.perf_counter() - started
    rejected = {o.row: [p.field for p in o.problems] for o in dry.rows if o.action == REJECT}
    assert rejected == {1235: ["publisherIdentifier"], 5001: ["title"], 10_000: ["purpose"]}
    assert dry.counts == {"create": 9997, "update": 0, "unchanged": 0, "reject": 3}
    assert elapsed < 10, f"the dry run of 10,000 rows took {elapsed:.1f} s"
    with pytest.raises(imports.ImportRejected) as error:
        imports.registry_import(table=table, mapping=imports.recognise(table.header), by=None,
                                at=AT)
    assert len(error.value.errors["rows"]) == 3
    assert not Dataset.objects.exists()


def test_two_columns_for_one_field_are_refused():
    table = csv_table([row()])
    mapping = imports.recognise(table.header)
    mapping[0] = "title"
    with pytest.raises(ValidationFailed) as error:
        imports.plan_import(table, mapping, at=AT)
    assert "Columns A and B" in error.value.errors["mapping"][0]


# The import pages -----------------------------------------------------------------------------

def _upload(client, content: bytes, name: str = "list.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post("/office/import/", {"file": SimpleUploadedFile(name, content)})


def test_import_pages_are_for_the_officer_only(client):
    assert client.get("/office/import/").status_code == 302
    client.force_login(UserFactory(owner=OwnerFactory()))
    assert client.get("/office/import/").status_code == 403


def test_unrecognised_columns_are_mapped_then_checked_then_imported(officer_client, officer):
    from django.core.files.storage import default_storage

    header = ["Ідентифікатор", "Назва", "Опис", "Частота оновлення",
              "Підстава та призначення збору інформації", "Найменування установи", "Примітка"]
    rows = [["svit-1", "Перелік шкіл", "Школи громади.", "Щороку", PURPOSE,
             "Управління освіти", "перевірити"],
            ["svit-2", "Бюджет", "Виконання бюджету.", "Щомісяця", PURPOSE,
             "Фінансове управління", ""]]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows([header, *rows])
    response = _upload(officer_client, buffer.getvalue().encode("cp1251"))
    assert response["Location"] == "/office/import/mapping/"
    stored = officer_client.session["registry_import"]
    assert default_storage.exists(f"imports/{stored['token']}.csv")

    page = officer_client.get("/office/import/mapping/").content.decode()
    assert "F: Найменування установи" in page and "For example: Управління освіти" in page
    choices = {f"column_{i}": key for i, key in enumerate(
        ["identifier", "title", "description", "accrualPeriodicity", "purpose", "", ""])}
    response = officer_client.post("/office/import/mapping/", choices)
    assert response.status_code == 200
    assert "Choose the field this column holds, or ignore it." in response.content.decode()
    choices.update(column_5="publisherName", column_6="ignore")
    response = officer_client.post("/office/import/mapping/", choices)
    assert response["Location"] == "/office/import/review/"

    page = officer_client.get("/office/import/review/").content.decode()
    assert "New owner “Управління освіти”" in page
    assert 'action="/office/import/apply/"' in page
    assert not Dataset.objects.exists()

    response = officer_client.post("/office/import/apply/")
    assert response["Location"] == "/office/datasets/"
    assert set(Dataset.objects.values_list("identifier", flat=True)) == {"svit-1", "svit-2"}
    assert Dataset.objects.get(identifier="svit-1").owner.name == "Управління освіти"
    assert AuditEntry.objects.filter(action="dataset.registered", actor=officer).count() == 2
    assert not default_storage.exists(f"imports/{stored['token']}.csv")
    assert "registry_import" not in officer_client.session


def test_upload_of_a_broken_workbook_says_how_to_fix_it(officer_client):
    response = _upload(officer_client, (DATA / "registry-broken.xlsx").read_bytes(), "list.xlsx")
    assert response.status_code == 200
    assert "The file is not a readable Excel workbook; save it again as .xlsx or CSV" in (
        response.content.decode())
    assert "registry_import" not in officer_client.session


def test_rejected_rows_leave_no_import_button_and_applying_saves_nothing(officer_client):
    table = io.StringIO()
    csv.writer(table).writerows([HEADER_2019, row("svit-1"),
                                 row("svit-2", publisherIdentifier="32855968")])
    response = _upload(officer_client, table.getvalue().encode())
    assert response["Location"] == "/office/import/review/"
    page = officer_client.get("/office/import/review/?show=rejected").content.decode()
    # Not the whole file: only the good rows may be imported, the bad ones given back.
    assert page.count('action="/office/import/apply/"') == 1
    assert 'name="good_rows"' in page and 'href="/office/import/rejected.xlsx"' in page
    assert "1 row is rejected" in page
    assert "«publisherIdentifier» (J): ЄДРПОУ code 32855968 has a wrong check digit" in page
    assert "Перелік закладів освіти" in page  # the rejected row's title
    response = officer_client.post("/office/import/apply/", follow=True)
    assert "nothing was imported" in response.content.decode()
    assert not Dataset.objects.exists() and not Owner.objects.exists()


def test_a_header_without_rows_is_refused_at_once():
    with pytest.raises(imports.UnreadableFile, match="no rows of datasets"):
        imports.read_table(",".join(HEADER_2019).encode() + b"\n\n", "list.csv")


def test_contact_people_are_found_by_email_or_registered():
    owner = OwnerFactory(name="Управління освіти", edrpou="02142566")
    responsible = UserFactory(owner=owner, email="osvita@rada.example.ua")
    colleague = UserFactory(email="kolega@rada.example.ua")
    DatasetFactory(owner=owner, identifier="svit-1", responsible=colleague)
    table = csv_table([
        row("svit-1", contactPointHasEmail="OSVITA@rada.example.ua"),   # the owner's person
        row("svit-2", contactPointHasEmail="kolega@rada.example.ua"),   # a known person
        row("svit-3", contactPointHasEmail="nova@rada.example.ua",
            contactPointFn="Нова Оксана Петрівна"),                     # somebody new
    ])
    dry = plan(table)
    assert [o.action for o in dry.rows] == [UPDATE, CREATE, CREATE]
    assert "contactPointHasEmail" in dry.rows[0].changes
    assert "contact person of this dataset" in dry.rows[2].notes[0]
    apply(table)
    assert Dataset.objects.get(identifier="svit-1").responsible is None  # follows the owner
    assert Dataset.objects.get(identifier="svit-2").responsible == colleague
    new = User.objects.get(email="nova@rada.example.ua")
    assert (new.last_name, new.first_name, new.patronymic) == ("Нова", "Оксана", "Петрівна")
    assert Dataset.objects.get(identifier="svit-3").responsible == new
    # The owner already had a responsible person, so the newcomer did not replace them.
    assert list(OwnerMembership.objects.filter(owner=owner).values_list("user", flat=True)) == [
        responsible.pk]
