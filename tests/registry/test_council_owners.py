"""Owners as the council arranges them: subordination (no cycles) and the officer's order."""

from __future__ import annotations

import pytest

from radadata.core.errors import ValidationFailed
from radadata.registry.services import owners as owner_services
from radadata.registry.vocabularies import OwnerKind
from tests.factories import AT, valid_edrpou


def _owner(name: str, **fields):
    fields.setdefault("kind", OwnerKind.DEPARTMENT)
    return owner_services.owner_create(by=None, at=AT, name=name, **fields)


@pytest.mark.django_db
def test_units_sit_under_the_executive_committee_and_a_cycle_is_refused():
    committee = _owner("Виконавчий комітет Зеленодольської селищної ради",
                       kind=OwnerKind.DEPARTMENT_LEGAL, edrpou=valid_edrpou())
    unit = _owner("Відділ економіки", parent=committee)
    sector = _owner("Сектор інвестицій", parent=unit)
    assert unit.parent == committee and sector.parent.parent == committee
    with pytest.raises(ValidationFailed) as error:
        owner_services.owner_update(owner=committee, parent=sector, by=None, at=AT)
    assert "parent" in error.value.errors
    committee.refresh_from_db()
    with pytest.raises(ValidationFailed) as error:
        owner_services.owner_update(owner=committee, parent=committee, by=None, at=AT)
    assert "parent" in error.value.errors


@pytest.mark.django_db
def test_the_owner_list_follows_the_councils_order(officer_client):
    _owner("Архівний відділ", position=3)
    _owner("Управління освіти", position=1)
    _owner("Відділ культури", position=2)
    page = officer_client.get("/office/owners/").content.decode()
    assert (page.index("Управління освіти") < page.index("Відділ культури")
            < page.index("Архівний відділ"))
