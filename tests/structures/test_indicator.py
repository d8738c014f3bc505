"""The КМУ 409 indicator: the share of published structured datasets that follow a national
structure and whose newest checked file passes against it."""

from __future__ import annotations

import datetime as dt

import pytest

from radadata.reports.indicators import evaluate
from radadata.structures import catalog, services
from radadata.structures.downloads import template_file
from tests.reports.steps import add_file, at, owner, publish, register
from tests.structures.helpers import filled_xlsx

pytestmark = pytest.mark.django_db


def test_share_of_datasets_following_a_national_structure_and_passing():
    civil = owner("Відділ з питань цивільного захисту")
    shelters = register(civil, "Захисні споруди")
    publish(shelters, "2026-02-02")
    services.dataset_follow_structure(dataset=shelters, structure_id="2025/72-shelters",
                                      by=None, at=at("2026-02-03"))
    structure = catalog.get("2025/72-shelters")
    body, _type, _name = template_file(structure, "xlsx")
    add_file(shelters, day="2026-02-04", filename="shelters.xlsx",
             content=filled_xlsx(body, structure.table_schema()["fields"]))
    broken = register(civil, "Укриття в школах")
    publish(broken, "2026-02-02")
    services.dataset_follow_structure(dataset=broken, structure_id="2025/72-shelters",
                                      by=None, at=at("2026-02-03"))
    add_file(broken, day="2026-02-04", filename="schools.csv", content=b"id,name\n1,School\n")
    plain = register(civil, "Сирени оповіщення")
    publish(plain, "2026-02-02")

    values = {i.code: v for i, v in evaluate([civil], 2026, today=dt.date(2026, 3, 31))[civil.pk]}
    value = values["national_structures"]
    assert (value.numerator, value.denominator) == (1, 3)
    assert set(value.lacking) == {"Укриття в школах", "Сирени оповіщення"}


def test_the_dashboard_shows_the_share(client):
    from tests.factories import officer as make_officer

    civil = owner("Відділ з питань цивільного захисту")
    shelters = register(civil, "Захисні споруди")
    publish(shelters, "2026-02-02")
    services.dataset_follow_structure(dataset=shelters, structure_id="2025/72-shelters",
                                      by=None, at=at("2026-02-03"))
    structure = catalog.get("2025/72-shelters")
    body, _type, _name = template_file(structure, "xlsx")
    add_file(shelters, day="2026-02-04", filename="shelters.xlsx",
             content=filled_xlsx(body, structure.table_schema()["fields"]))
    publish(register(civil, "Сирени оповіщення"), "2026-02-02")
    client.force_login(make_officer())
    page = client.get("/office/dashboard/").content.decode()
    card = page[page.index('id="national-structures-card"'):]
    assert "1<span" in card[:200] and "/ 2" in card[:200]
