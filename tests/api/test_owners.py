import pytest

from radadata.registry.vocabularies import OwnerKind
from tests.factories import OwnerFactory

pytestmark = pytest.mark.django_db


def slugs(response) -> list[str]:
    return [item["slug"] for item in response.json()["items"]]


def test_anonymous_sees_owners_with_published_datasets(anon, council):
    OwnerFactory(name="Служба у справах дітей", slug="dity")  # nothing published
    response = anon.get("/api/v1/owners")
    assert response.status_code == 200
    assert sorted(slugs(response)) == ["finansy", "osvita"]
    osvita = anon.get("/api/v1/owners/osvita").json()
    assert osvita == {
        "slug": "osvita", "name": "Управління освіти", "short_name": "",
        "kind": OwnerKind.DEPARTMENT_LEGAL.value, "kind_label": osvita["kind_label"],
        "edrpou": council.owner_a.edrpou, "managing_owner": None, "published_datasets": 1,
    }
    assert anon.get("/api/v1/owners/dity").status_code == 404


def test_clerk_also_sees_own_owner_without_published_data(client, council):
    from tests.api.conftest import ApiClient
    from tests.factories import UserFactory

    empty = OwnerFactory(name="Служба у справах дітей", slug="dity")
    OwnerFactory(name="Ліцей №1", slug="lyceum", kind=OwnerKind.ENTERPRISE,
                 managing_owner=empty)
    clerk = UserFactory(owner=empty)
    client.force_login(clerk)
    api = ApiClient(client)
    assert sorted(slugs(api.get("/api/v1/owners"))) == ["dity", "finansy", "lyceum", "osvita"]
    assert api.get("/api/v1/owners/lyceum").json()["managing_owner"] == "dity"


def test_published_count_is_not_inflated_by_memberships(client, council, officer):
    from tests.factories import UserFactory

    UserFactory(owner=council.owner_a)  # a second person at owner A
    client.force_login(officer)
    items = {o["slug"]: o for o in client.get("/api/v1/owners").json()["items"]}
    assert items["osvita"]["published_datasets"] == 1
