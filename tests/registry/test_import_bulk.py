"""The bulk import writes exactly what the per-row services write: the same datasets, keywords,
dated facts, approved-list entries, audit entries, people, owners and search entries."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.db import transaction
from openpyxl import Workbook

from radadata.accounts.models import User
from radadata.catalog.models import SearchEntry
from radadata.core.models import AuditEntry
from radadata.registry import imports
from radadata.registry.imports import bulk as bulk_module
from radadata.registry.models import (
    ApprovedListItem,
    Dataset,
    DatasetFact,
    Owner,
    OwnerMembership,
)
from radadata.registry.vocabularies import DatasetStatus, OwnerKind
from tests.factories import AT, OwnerFactory, UserFactory, valid_edrpou

pytestmark = pytest.mark.django_db

HISTORY = ["Порядок", "Розпорядник", "Вид розпорядника", "Підпорядкування", "Код ЄДРПОУ",
           "Назва набору даних", "Опис", "Підстава та призначення збору інформації",
           "Періодичність", "Дата завантаження на портал", "Дата першого оприлюднення",
           "Дата останнього оновлення", "Стан на порталі", "У переліку",
           "ПІБ відповідальної особи", "Email відповідальної особи", "identifier", "keyword"]
PLAIN = ["identifier", "title", "description", "accrualPeriodicity", "keyword", "purpose",
         "distributionFormat", "publisherPrefLabel", "publisherIdentifier", "contactPointFn",
         "contactPointHasEmail", "dataPublikation"]
COMMITTEE = "Виконавчий комітет Сонячної сільської ради"
STATES = [("10.03.2020", "12.03.2020", "01.09.2021", "оприлюднено", "так"),
          ("20.12.2020", "", "", "на модерації", "так"),
          ("05.02.2021", "", "", "відхилено", "ні"),
          ("01.04.2019", "03.04.2019", "03.05.2020", "більше не оновлюється", "так"),
          ("", "", "", "", "так"),
          ("", "15.06.2022", "", "", "")]


def workbook(header: list[str], rows: list[list[Any]]) -> imports.Table:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for item in rows:
        sheet.append(item)
    buffer = io.BytesIO()
    book.save(buffer)
    return imports.read_table(buffer.getvalue(), "перелік.xlsx")


def history_rows(count: int, code: str) -> list[list[Any]]:
    """Owners of every kind (one new legal entity with its code, units under the committee),
    each state of the portal, new people, shared and repeated titles and keywords."""
    rows = []
    for n in range(count):
        uploaded, published, modified, state, listed = STATES[n % len(STATES)]
        unit = n % 3 != 0
        owner = f"Відділ {n % 4}" if unit else "Управління фінансів"
        rows.append([
            n % 5 + 1, owner, "структурний підрозділ" if unit else "юридична особа",
            COMMITTEE if unit else "", "" if unit else code,
            f"  Набір даних {n % 7}  ", f"Опис набору {n}.", "Закон", "Щороку",
            uploaded, published, modified, state, listed,
            f"Коваль Ірина {n % 3}" if n % 2 else "",
            f"person{n % 3}@rada.example.ua" if n % 2 else "",
            f"id-{n}", f"школи, Освіта, тема {n % 4}" if n % 5 else ""])
    return rows


def database() -> dict[str, Any]:
    """Everything an import writes, by natural keys (ids and uuids differ between two runs)."""
    identifier = dict(Dataset.objects.values_list("pk", "identifier"))
    owner = dict(Owner.objects.values_list("pk", "name"))
    person = dict(User.objects.values_list("pk", "email"))

    def fields(instance, skip=("id",)) -> dict[str, Any]:
        values = {}
        for field in instance._meta.concrete_fields:
            if field.name in skip:
                continue
            value = getattr(instance, field.attname)
            if field.name in ("owner", "parent", "managing_owner"):
                value = owner.get(value)
            elif field.name in ("responsible", "user", "actor", "created_by"):
                value = person.get(value)
            elif field.name == "dataset":
                value = identifier.get(value)
            values[field.name] = value
        return values

    def audit_object(entry: AuditEntry) -> Any:
        if entry.object_type == "registry.dataset":
            return identifier[int(entry.object_id)]
        if entry.object_type == "registry.owner":
            return owner[int(entry.object_id)]
        if entry.object_type == "accounts.user":
            return person[int(entry.object_id)]
        return entry.object_repr

    items = ApprovedListItem.objects.order_by("position")
    return {
        "datasets": {d.identifier: fields(d) for d in Dataset.objects.all()},
        "keywords": {d.identifier: sorted(d.keywords.values_list("name", flat=True))
                     for d in Dataset.objects.all()},
        "facts": sorted((identifier[f.dataset_id], f.kind, f.at, f.recorded_at)
                        for f in DatasetFact.objects.all()),
        "approved": [fields(i) for i in items],
        "owners": {o.name: fields(o) for o in Owner.objects.all()},
        "people": {u.email: fields(u, skip=("id", "password", "date_joined"))
                   for u in User.objects.all()},
        "memberships": sorted((owner[m.owner_id], person[m.user_id], m.role)
                              for m in OwnerMembership.objects.all()),
        "audit": [(e.at, person.get(e.actor_id), e.action, e.object_type, audit_object(e),
                   e.object_repr, e.changes, e.note)
                  for e in AuditEntry.objects.order_by("pk")],
        "search": {identifier[s.dataset_id]: (s.title, s.tags, s.body, s.owner, s.formats)
                   for s in SearchEntry.objects.all()},
    }


class _Undo(Exception):
    pass


def imported(table: imports.Table, *, bulk: bool, by=None) -> dict[str, Any]:
    """The database after importing `table` one way; undone afterwards."""
    found: dict[str, Any] = {}
    try:
        with transaction.atomic():
            imports.registry_import(table=table, mapping=imports.recognise(table.header),
                                    by=by, at=AT, bulk=bulk)
            found.update(database())
            raise _Undo
    except _Undo:
        pass
    return found


def assert_same(one_by_one: dict[str, Any], in_bulk: dict[str, Any]) -> None:
    for key in one_by_one:
        assert in_bulk[key] == one_by_one[key], key


def test_a_history_list_in_bulk_writes_what_the_services_write_one_by_one():
    OwnerFactory(name="Відділ 0", kind=OwnerKind.DEPARTMENT, edrpou="")  # registered already
    UserFactory(email="person1@rada.example.ua", last_name="Коваль", first_name="Ірина")
    source = workbook(HISTORY, history_rows(60, valid_edrpou()))
    one_by_one = imported(source, bulk=False)
    in_bulk = imported(source, bulk=True)
    assert len(one_by_one["datasets"]) == 60
    assert {d["status"] for d in one_by_one["datasets"].values()} == {
        DatasetStatus.PUBLISHED, DatasetStatus.REGISTERED, DatasetStatus.ARCHIVED}
    assert len(one_by_one["facts"]) > 10 and len(one_by_one["approved"]) > 10
    assert len(one_by_one["search"]) > 10  # the published ones are found
    assert {"dataset.registered", "dataset.history_imported", "approved_list.added"} <= {
        entry[2] for entry in one_by_one["audit"]}
    assert_same(one_by_one, in_bulk)


def test_a_plain_list_with_publication_dates_in_bulk_is_the_same_as_one_by_one():
    rows = [[f"plain-{n}", f"Перелік {n % 9}", "Опис.", "Щомісяця", "бюджет, Бюджет; звіти",
             "Закон", "CSV, XLSX" if n % 2 else "", "Управління освіти", "",
             "Коваль Ірина Петрівна", "osvita@rada.example.ua",
             f"{n % 28 + 1:02d}.05.2021" if n % 3 else ""] for n in range(40)]
    source = workbook(PLAIN, rows)
    one_by_one = imported(source, bulk=False)
    in_bulk = imported(source, bulk=True)
    published = [d for d in one_by_one["datasets"].values()
                 if d["status"] == DatasetStatus.PUBLISHED]
    assert len(published) == 26
    assert "dataset.published" in {entry[2] for entry in one_by_one["audit"]}
    assert len(one_by_one["search"]) == 26  # published ones are in the search index
    assert_same(one_by_one, in_bulk)


def test_names_already_taken_get_the_next_free_number_in_bulk_as_one_by_one():
    rows = [[f"n-{n}", "Бюджет громади", "Опис.", "Щороку", "", "Закон", "", "Відділ", "",
             "", "", ""] for n in range(25)]
    source = workbook(PLAIN, rows)
    imports.registry_import(table=source, mapping=imports.recognise(source.header), by=None,
                            at=AT, bulk=True)
    names = sorted(Dataset.objects.values_list("name", flat=True))
    assert len(set(names)) == 25
    assert "biudzhet-hromady" in names and "biudzhet-hromady-25" in names


def test_a_large_import_goes_in_bulk_and_a_crash_in_it_undoes_everything(monkeypatch):
    rows = [[f"c-{n}", f"Набір {n}", "Опис.", "Щороку", "слово", "Закон", "", "Нове управління",
             "", "Нова Особа", "new@rada.example.ua", ""] for n in range(30)]
    source = workbook(PLAIN, rows)

    def full(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(bulk_module.AuditEntry.objects, "bulk_create", full)
    with pytest.raises(RuntimeError):
        imports.registry_import(table=source, mapping=imports.recognise(source.header),
                                by=None, at=AT)  # 30 new datasets: bulk by default
    assert not Dataset.objects.exists() and not Owner.objects.exists()
    assert not User.objects.exists() and not AuditEntry.objects.exists()


def test_bulk_refuses_a_clerk_as_the_services_do():
    from radadata.core.errors import NotAllowed

    clerk = UserFactory(owner=OwnerFactory())
    source = workbook(PLAIN, [[f"x-{n}", "Набір", "Опис.", "Щороку", "", "Закон", "",
                               "Відділ", "", "", "", ""] for n in range(25)])
    with pytest.raises(NotAllowed):
        imports.registry_import(table=source, mapping=imports.recognise(source.header),
                                by=clerk, at=AT, bulk=True)
    assert not Dataset.objects.exists()


def _upload(client, rows: list[list[Any]]) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.BytesIO()
    book = Workbook()
    book.active.append(PLAIN)
    for item in rows:
        book.active.append(item)
    book.save(buffer)
    response = client.post("/office/import/",
                           {"file": SimpleUploadedFile("перелік.xlsx", buffer.getvalue())})
    assert response["Location"] == "/office/import/review/"


def test_a_big_list_from_the_office_is_imported_by_a_job_with_its_progress_page(
        officer_client, officer):
    from django.core.files.storage import default_storage

    from radadata.jobs.models import Job
    from radadata.jobs.services import job_run

    rows = [[f"big-{n}", f"Набір {n}", "Опис.", "Щороку", "бюджет", "Закон", "CSV",
             "Фінансове управління", "", "", "", "01.02.2022" if n % 2 else ""]
            for n in range(imports.job.BACKGROUND_FROM)]
    rows[7][PLAIN.index("description")] = ""  # rejected: the passport needs a description
    _upload(officer_client, rows)
    stored = officer_client.session["registry_import"]
    review = officer_client.get("/office/import/review/").content.decode()
    assert "Такий довгий перелік імпортується у фоні" in review
    response = officer_client.post("/office/import/apply/", {"good_rows": "1"})
    job = Job.objects.get(kind="registry_import")
    assert response["Location"] == f"/office/jobs/{job.pk}/?next=%2Foffice%2Fdatasets%2F"
    assert not Dataset.objects.exists()  # not yet: the worker runs it
    page = officer_client.get(response["Location"]).content.decode()
    assert "<progress" in page

    job = job_run(job.pk)
    assert job.status == "done", job.message
    assert job.result["create"] == imports.job.BACKGROUND_FROM - 1
    assert Dataset.objects.count() == imports.job.BACKGROUND_FROM - 1
    assert Dataset.objects.filter(status=DatasetStatus.PUBLISHED).count() == 249  # not row 7
    assert AuditEntry.objects.filter(action="dataset.registered", actor=officer).count() == (
        imports.job.BACKGROUND_FROM - 1)
    assert not default_storage.exists(f"imports/{stored['token']}.xlsx")
    page = officer_client.get(f"/office/jobs/{job.pk}/").content.decode()
    assert "499" in page  # the line of the writing step: datasets created
    rejected = officer_client.get("/office/import/rejected.xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(rejected.content)).active
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == ["big-7"]


def test_a_job_of_a_file_with_rejected_rows_imports_nothing(officer_client):
    from radadata.jobs.models import Job
    from radadata.jobs.services import job_run

    rows = [[f"all-{n}", f"Набір {n}", "Опис.", "Щороку", "", "Закон", "", "Відділ", "",
             "", "", ""] for n in range(imports.job.BACKGROUND_FROM)]
    rows[3][PLAIN.index("purpose")] = ""
    _upload(officer_client, rows)
    officer_client.post("/office/import/apply/")
    job = job_run(Job.objects.get(kind="registry_import").pk)
    assert job.status != "done"
    assert not Dataset.objects.exists()
    page = officer_client.get(f"/office/jobs/{job.pk}/").content.decode()
    assert "Рядок 5" in page or "Row 5" in page  # the rejected row is named


def test_the_garbage_collector_is_set_back_after_an_import_even_a_refused_one():
    import gc

    before = gc.get_threshold()
    source = workbook(PLAIN, [[f"g-{n}", "Набір", "Опис.", "Щороку", "", "", "", "Відділ", "",
                               "", "", ""] for n in range(3)])  # no purpose: rejected
    with pytest.raises(imports.ImportRejected):
        imports.registry_import(table=source, mapping=imports.recognise(source.header),
                                by=None, at=AT)
    assert gc.get_threshold() == before
