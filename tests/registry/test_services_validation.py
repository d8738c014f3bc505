"""Bad input to the registry services: a clear message naming the field, nothing half-saved."""

import pytest

from radadata.core.errors import NotAllowed, ValidationFailed
from radadata.registry.models import Dataset, Owner
from radadata.registry.services import datasets as dataset_services
from radadata.registry.vocabularies import OwnerKind
from tests.factories import AT, DatasetFactory, OwnerFactory, UserFactory

pytestmark = pytest.mark.django_db


def _errors(call) -> dict:
    with pytest.raises(ValidationFailed) as caught:
        call()
    return caught.value.errors


def test_owner_with_wrong_check_digit_is_refused():
    errors = _errors(lambda: OwnerFactory(edrpou="32855968"))
    assert list(errors) == ["edrpou"]
    assert not Owner.objects.exists()


def test_legal_entity_needs_edrpou_and_enterprise_needs_a_managing_department():
    assert "edrpou" in _errors(lambda: OwnerFactory(edrpou=""))
    errors = _errors(lambda: OwnerFactory(kind=OwnerKind.ENTERPRISE))
    assert "managing_owner" in errors
    department = OwnerFactory(kind=OwnerKind.DEPARTMENT, edrpou="")
    enterprise = OwnerFactory(kind=OwnerKind.ENTERPRISE, managing_owner=department)
    errors = _errors(lambda: OwnerFactory(kind=OwnerKind.ENTERPRISE, managing_owner=enterprise))
    assert "managing_owner" in errors


def test_two_owners_cannot_share_an_edrpou():
    OwnerFactory(edrpou="32855961")
    assert "edrpou" in _errors(lambda: OwnerFactory(edrpou="32855961"))


def test_title_over_254_characters_is_refused():
    owner = OwnerFactory()
    assert "title" in _errors(lambda: DatasetFactory(owner=owner, title="Д" * 255))
    assert not Dataset.objects.exists()


def test_empty_required_passport_fields_are_named():
    owner = OwnerFactory()
    errors = _errors(lambda: DatasetFactory(owner=owner, description="  ", purpose=""))
    assert {"description", "purpose"} <= set(errors)


def test_duplicate_identifier_is_refused():
    owner = OwnerFactory()
    DatasetFactory(owner=owner, identifier="svitlohirsk-001")
    errors = _errors(lambda: DatasetFactory(owner=owner, identifier="svitlohirsk-001"))
    assert "identifier" in errors


def test_dataset_names_are_latin_and_unique():
    owner = OwnerFactory()
    first = DatasetFactory(owner=owner, title="Бюджетні програми")
    second = DatasetFactory(owner=owner, title="Бюджетні програми")
    assert first.name == "biudzhetni-prohramy" and second.name == "biudzhetni-prohramy-2"
    assert first.identifier != second.identifier


def test_clerk_cannot_register_for_another_owner():
    mine, theirs = OwnerFactory(), OwnerFactory()
    clerk = UserFactory(owner=mine)
    with pytest.raises(NotAllowed):
        DatasetFactory(owner=theirs, by=clerk)
    dataset = dataset_services.dataset_register(
        owner=mine, title="Тарифи", description="Тарифи на послуги.", purpose="Закон.",
        periodicity="once a year", by=clerk, at=AT)
    with pytest.raises(NotAllowed):
        dataset_services.dataset_update(dataset=dataset, owner=theirs, by=clerk, at=AT)
