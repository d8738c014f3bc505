import pytest

from radadata.accounts.models import Role
from radadata.core.errors import NotAllowed, NotFound
from radadata.registry import access
from radadata.registry.vocabularies import MembershipRole, OwnerKind
from tests.factories import DatasetFactory, OwnerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def council():
    education = OwnerFactory(name="Управління освіти")
    lyceum = OwnerFactory(name="Ліцей №1", kind=OwnerKind.ENTERPRISE, managing_owner=education)
    finance = OwnerFactory(name="Фінансове управління")
    return {
        "education": education, "lyceum": lyceum, "finance": finance,
        "edu_data": DatasetFactory(owner=education),
        "lyceum_data": DatasetFactory(owner=lyceum),
        "finance_data": DatasetFactory(owner=finance),
    }


def test_managing_department_sees_its_enterprises_but_not_other_owners(council):
    clerk = UserFactory(owner=council["education"], owner_role=MembershipRole.SUBSTITUTE)
    readable = set(access.datasets_readable_by(clerk))
    assert readable == {council["edu_data"], council["lyceum_data"]}
    access.require_dataset_edit(clerk, council["lyceum_data"])
    with pytest.raises(NotFound):
        access.require_dataset_read(clerk, council["finance_data"])


def test_enterprise_clerk_sees_only_its_own(council):
    clerk = UserFactory(owner=council["lyceum"])
    assert set(access.datasets_readable_by(clerk)) == {council["lyceum_data"]}


def test_working_group_reads_everything_and_changes_nothing(council):
    member = UserFactory(roles=[Role.WORKING_GROUP])
    assert access.datasets_readable_by(member).count() == 3
    with pytest.raises(NotAllowed):
        access.require_dataset_edit(member, council["finance_data"])


def test_deactivated_clerk_and_anonymous_see_nothing(council, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    clerk = UserFactory(owner=council["finance"])
    clerk.is_active = False
    assert not access.datasets_readable_by(clerk).exists()
    assert not access.datasets_readable_by(AnonymousUser()).exists()
    assert not access.is_staff_member(AnonymousUser())
