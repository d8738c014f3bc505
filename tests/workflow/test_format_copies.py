"""«One file, every format» in the workflow: the clerk turns it on for one table and each new
version of it makes the XLSX and JSON again (marked as generated, brought by the same
submission); a dataset whose hand-made formats would stay older is warned about at submission."""

from __future__ import annotations

import io
import json

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from radadata.core.errors import Conflict
from radadata.registry.models import ResourceVersion
from radadata.registry.services import resources as resource_services
from radadata.workflow import format_copies
from radadata.workflow.models import FormatCopy
from radadata.workflow.states import Action, State
from tests.workflow.test_services import MON, day, office, step, upload  # noqa: F401

pytestmark = pytest.mark.django_db

SEPTEMBER = "код,назва\n1,Школа №1\n".encode()
DECEMBER = "код,назва\n1,Школа №1\n2,Ліцей «Світанок»\n".encode()


def _content(version: ResourceVersion) -> bytes:
    with version.file.open("rb") as handle:
        return handle.read()


def _add(office, title: str, content: bytes, filename: str, at=MON):  # noqa: F811
    resource = resource_services.resource_create(dataset=office.dataset, title=title,
                                                 by=office.clerk, at=at)
    return resource_services.version_add(resource=resource, stream=io.BytesIO(content),
                                         filename=filename, by=office.clerk, at=at)


def test_one_table_makes_every_format_and_each_new_version_makes_them_again(office):  # noqa: F811
    source = upload(office, SEPTEMBER, "zaklady.csv")
    made = format_copies.format_copies_enable(resource=source.resource, by=office.clerk, at=MON)
    assert sorted(v.original_name for v in made) == ["zaklady.json", "zaklady.xlsx"]
    assert all(v.note.startswith("Створено автоматично з «zaklady.csv»") for v in made)

    december = upload(office, DECEMBER, "zaklady-2026-12.csv", at=day(2))
    copies = {c.format: c.resource.current_version
              for c in FormatCopy.objects.filter(source=source.resource)}
    assert {fmt: v.number for fmt, v in copies.items()} == {"JSON": 2, "XLSX": 2}
    assert all(v.uploaded_at == day(2) and "версія 2" in v.note for v in copies.values())
    assert json.loads(_content(copies["JSON"]))[1] == {"код": "2", "назва": "Ліцей «Світанок»"}
    sheet = load_workbook(io.BytesIO(_content(copies["XLSX"]))).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["код", "назва"], ["1", "Школа №1"], ["2", "Ліцей «Світанок»"]]

    # One submission brings all three, checked, and publishes them together.
    submission = step(format_copies_open(office), Action.SUBMIT, office.clerk, day(2))
    assert submission.state == State.RECEIVED
    brought = set(submission.items.values_list("version", flat=True))
    assert brought == {december.pk, *(v.pk for v in copies.values())}
    for action in (Action.UPLOAD, Action.PUBLISH):
        submission = step(submission, action, office.officer, day(3))
    published = ResourceVersion.objects.filter(published_at__isnull=False)
    assert set(published.values_list("pk", flat=True)) == brought


def format_copies_open(office):  # noqa: F811
    from radadata.workflow import services

    return services.submission_open(dataset=office.dataset, by=office.clerk, at=day(2))


def test_a_hand_made_file_of_the_same_columns_is_taken_over(office):  # noqa: F811
    source = upload(office, SEPTEMBER, "zaklady.csv")
    json_by_hand = _add(office, "Заклади (JSON)", b'[{"\xd0\xba\xd0\xbe\xd0\xb4": 1, '
                        b'"\xd0\xbd\xd0\xb0\xd0\xb7\xd0\xb2\xd0\xb0": "x"}]', "zaklady.json")
    other_table = _add(office, "Бюджет", "стаття,сума\nА,1\n".encode(), "budget.json")
    format_copies.format_copies_enable(resource=source.resource, by=office.clerk, at=MON)
    taken = FormatCopy.objects.get(format="JSON")
    assert taken.resource == json_by_hand.resource
    assert json_by_hand.resource.current_version.number == 2
    assert not FormatCopy.objects.filter(resource=other_table.resource).exists()
    assert office.dataset.resources.count() == 4  # CSV, JSON, the budget, a new XLSX
    with pytest.raises(Conflict):
        format_copies.format_copies_enable(resource=taken.resource, by=office.clerk, at=MON)


def test_submitting_a_new_csv_warns_that_the_hand_made_xlsx_stays_older(office):  # noqa: F811
    csv_file = upload(office, SEPTEMBER, "zaklady.csv")
    from tests.registry.test_formats import _xlsx

    _add(office, "Заклади (XLSX)", _xlsx([["код", "назва"], [1, "Школа №1"]]), "zaklady.xlsx")
    from radadata.workflow import services

    first = services.submission_open(dataset=office.dataset, by=office.clerk, at=MON)
    first = step(first, Action.SUBMIT, office.clerk, MON)
    for action in (Action.UPLOAD, Action.PUBLISH):
        first = step(first, action, office.officer, day(1))
    resource_services.version_add(resource=csv_file.resource, stream=io.BytesIO(DECEMBER),
                                  filename="zaklady.csv", by=office.clerk, at=day(2))

    client = Client()
    client.force_login(office.clerk)
    response = client.post(reverse("workflow:submission-open", args=[office.dataset.name]),
                           {"kind": "scheduled", "note": ""})
    draft = office.dataset.submissions.get(state=State.DRAFT)
    html = client.get(reverse("workflow:submission-detail", args=[draft.pk])).content.decode()
    assert 'id="older-formats"' in html
    assert "«zaklady.xlsx» (XLSX, 02.03.2026) має ті самі стовпці" in html
    response = client.post(reverse("workflow:submission-act", args=[draft.pk]),
                           {"action": "submit", "expected_state": "draft"}, follow=True)
    assert "тож вони старші за новий файл: zaklady.xlsx" in response.content.decode()

    # With every format made from the CSV, nothing is left older.
    format_copies.format_copies_enable(resource=csv_file.resource, by=office.clerk, at=day(3))
    assert format_copies.older_formats(
        list(ResourceVersion.objects.filter(published_at__isnull=True))) == []


def test_the_clerk_turns_it_on_from_the_dataset_page(office):  # noqa: F811
    source = upload(office, SEPTEMBER, "zaklady.csv")
    client = Client()
    client.force_login(office.clerk)
    page = reverse("registry:dataset-office", args=[office.dataset.name])
    html = client.get(page).content.decode()
    assert f'data-every-format-offer="{source.resource.pk}"' in html
    assert "Публікувати також як XLSX, JSON, створені з цього файлу" in html
    response = client.post(reverse("workflow:every-format",
                                   args=[office.dataset.name, source.resource.pk]), follow=True)
    html = response.content.decode()
    assert "Створено з «Заклади»: zaklady.json, zaklady.xlsx" in html
    assert "Кожна нова версія цього файлу публікується також як JSON, XLSX" in html
    assert "Створюється автоматично з «Заклади»" in html
