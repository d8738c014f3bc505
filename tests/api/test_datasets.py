import pytest

from radadata.registry.models import Dataset
from tests.factories import DatasetFactory, add_file

pytestmark = pytest.mark.django_db

LIST = "/api/v1/datasets"


def names(response) -> set[str]:
    return {item["name"] for item in response.json()["items"]}


def test_anonymous_sees_only_published_datasets(anon, council):
    response = anon.get(LIST)
    assert response.status_code == 200
    assert names(response) == {"shkoly-pub", "budget"}
    assert response.json()["count"] == 2


def test_anonymous_gets_404_for_an_unpublished_dataset(anon, council):
    assert anon.get(f"{LIST}/shkoly").status_code == 404
    assert anon.get(f"{LIST}/shkoly-pub").status_code == 200


def test_clerk_sees_own_datasets_in_every_state_and_others_published(clerk, council):
    assert names(clerk.get(LIST)) == {"shkoly", "shkoly-pub", "budget"}
    assert names(clerk.get(LIST, status="registered")) == {"shkoly"}


def test_officer_sees_everything(client, council, officer):
    client.force_login(officer)
    assert client.get(LIST).json()["count"] == 4


def test_item_carries_the_passport(anon, council):
    item = anon.get(f"{LIST}/shkoly-pub").json()
    assert item["identifier"] == council.a_published.identifier
    assert item["periodicity"] == "once a quarter"
    assert item["periodicity_label"] == "Щокварталу"
    assert item["formats"] == ["CSV"]
    assert item["keywords"] == ["освіта"]
    assert item["owner"] == {"slug": "osvita", "name": "Управління освіти",
                             "edrpou": council.owner_a.edrpou}
    assert item["status"] == "published"
    assert item["first_published_at"] is not None
    assert item["contact"]["email"] == "clerk.a@rada.example.ua"
    assert item["resources_count"] == 1
    assert item["landing_page"].endswith("/dataset/shkoly-pub")
    assert item["urls"]["api"].endswith("/api/v1/datasets/shkoly-pub")
    assert item["urls"]["resources"].endswith("/api/v1/datasets/shkoly-pub/resources")


def test_filters(anon, council):
    assert names(anon.get(LIST, owner="finansy")) == {"budget"}
    assert names(anon.get(LIST, q="школи")) == {"shkoly-pub"}
    assert names(anon.get(LIST, periodicity="once a month")) == set()
    assert anon.get(LIST, periodicity="hourly").status_code == 422


def test_pagination_limit_offset_and_total(anon, council):
    page = anon.get(LIST, limit=1, offset=1).json()
    assert (page["count"], page["limit"], page["offset"], len(page["items"])) == (2, 1, 1, 1)
    assert page["items"][0]["name"] == "shkoly-pub"  # ordered by title
    assert anon.get(LIST, limit=501).status_code == 422
    assert anon.get(LIST, limit=500).status_code == 200


def test_list_does_not_query_per_dataset(anon, clerk, council, django_assert_max_num_queries):
    for _ in range(15):
        add_file(DatasetFactory(owner=council.owner_b, published=True, keywords=["x", "y"]))
    with django_assert_max_num_queries(8):
        response = anon.get(LIST, limit=500)
    assert response.json()["count"] == 17
    with django_assert_max_num_queries(11):  # plus the token and the person's roles
        response = clerk.get(LIST, limit=500)
    assert response.json()["count"] == 18


def test_clerk_registers_a_dataset_of_own_owner(clerk, council):
    response = clerk.post(LIST, {
        "owner": "osvita", "title": "Гуртки позашкільної освіти",
        "description": "Перелік гуртків.", "purpose": "Закон України «Про освіту».",
        "periodicity": "once a year", "formats": ["csv", "xlsx"],
        "keywords": ["Гуртки", "освіта"], "themes": [],
    })
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["status"] == "registered"
    assert data["formats"] == ["CSV", "XLSX"]
    assert sorted(data["keywords"]) == ["гуртки", "освіта"]
    dataset = Dataset.objects.get(name=data["name"])
    assert dataset.owner == council.owner_a


def test_registering_for_another_owner_is_forbidden(clerk, council):
    response = clerk.post(LIST, {"owner": "finansy", "title": "Чуже", "description": "Опис",
                                 "purpose": "Закон", "periodicity": "once a year"})
    assert response.status_code == 403
    assert response.json()["code"] == "not_allowed"


def test_anonymous_cannot_register(anon, council):
    response = anon.post(LIST, {"owner": "osvita", "title": "x", "description": "x",
                                "purpose": "x", "periodicity": "once a year"})
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"


def test_clerk_patches_own_dataset(clerk, council):
    response = clerk.patch(f"{LIST}/shkoly", {"title": "Мережа закладів освіти 2026",
                                              "keywords": ["заклади"]})
    assert response.status_code == 200, response.json()
    council.a_draft.refresh_from_db()
    assert council.a_draft.title == "Мережа закладів освіти 2026"
    assert council.a_draft.description.startswith("Перелік")  # untouched
    assert response.json()["keywords"] == ["заклади"]


def test_clerk_cannot_read_or_patch_another_owners_datasets(clerk, council):
    assert clerk.get(f"{LIST}/budget-draft").status_code == 404
    assert clerk.patch(f"{LIST}/budget-draft", {"title": "x"}).status_code == 404
    # Published data is readable by everybody, but still not theirs to change.
    assert clerk.get(f"{LIST}/budget").status_code == 200
    assert clerk.patch(f"{LIST}/budget", {"title": "x"}).status_code in (403, 404)
    council.b_published.refresh_from_db()
    assert council.b_published.title == "Бюджет громади"


def test_moving_a_dataset_to_another_owner_is_forbidden(clerk, council):
    response = clerk.patch(f"{LIST}/shkoly", {"owner": "finansy"})
    assert response.status_code == 403


def test_unknown_dataset_is_404_in_our_shape(anon, council):
    response = anon.get(f"{LIST}/no-such-thing")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
