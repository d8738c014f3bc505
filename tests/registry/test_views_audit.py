import datetime as dt
import re

import pytest

from radadata.accounts import services as account_services
from radadata.accounts.models import Role
from radadata.registry.services import owners as owner_services
from tests.factories import AT, DatasetFactory, OwnerFactory, UserFactory

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def _english(settings):
    # Assert on the msgids, whatever the Ukrainian catalogue says later.
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def history(officer):
    """Changes on three days by two people: the officer and a second officer."""
    other = UserFactory(roles=[Role.OFFICER], last_name="Гнатюк", first_name="Роман")
    owner = owner_services.owner_create(name="Управління освіти", slug="osvita",
                                        kind="department", by=officer, at=AT)
    DatasetFactory(owner=owner, title="Мережа шкіл", by=other)  # registered at AT
    owner_services.owner_update(owner=owner, short_name="Освіта", by=other, at=AT + 2 * DAY)
    person = account_services.user_create(email="new@rada.example.ua", last_name="Рудь",
                                          first_name="Ніна", by=officer, at=AT + 5 * DAY)
    account_services.user_deactivate(user=person, by=other, at=AT + 6 * DAY, reason="звільнення")
    return {"officer": officer, "other": other, "owner": owner, "person": person}


def _rows(response) -> list[tuple[str, str]]:
    """(action, object) of each entry shown, in page order."""
    pattern = r'<td data-action="([a-z_.]+)">[^<]*<br><span class="muted">([^<]*)</span></td>'
    return re.findall(pattern, response.content.decode())


def test_log_shows_every_change_newest_first_with_who(officer_client, history):
    response = officer_client.get("/office/audit/")

    assert response.status_code == 200
    actions = [action for action, _obj in _rows(response)]
    assert actions[:3] == ["user.deactivated", "user.created", "owner.updated"]
    assert {"owner.created", "dataset.registered"} <= set(actions)
    assert "Гнатюк Роман" in response.content.decode()


def test_filter_by_object_type(officer_client, history):
    owners = _rows(officer_client.get("/office/audit/", {"object_type": "owner"}))
    assert owners == [("owner.updated", "Освіта"), ("owner.created", "Управління освіти")]
    datasets = _rows(officer_client.get("/office/audit/", {"object_type": "dataset"}))
    assert datasets == [("dataset.registered", "Мережа шкіл")]
    people = {a for a, _o in _rows(officer_client.get("/office/audit/",
                                                       {"object_type": "person"}))}
    assert people == {"user.created", "user.deactivated"}


def test_filter_by_who_and_action(officer_client, history):
    by_other = _rows(officer_client.get("/office/audit/", {"actor": history["other"].pk}))
    assert [a for a, _o in by_other] == ["user.deactivated", "owner.updated",
                                         "dataset.registered"]
    created = _rows(officer_client.get("/office/audit/", {"action": "owner.created"}))
    assert created == [("owner.created", "Управління освіти")]


def test_filter_by_dates_takes_whole_days(officer_client, history):
    day = (AT + 2 * DAY).date().isoformat()
    same_day = _rows(officer_client.get("/office/audit/", {"date_from": day, "date_to": day}))
    assert same_day == [("owner.updated", "Освіта")]
    later = _rows(officer_client.get("/office/audit/",
                                     {"date_from": (AT + 5 * DAY).date().isoformat()}))
    assert [a for a, _o in later] == ["user.deactivated", "user.created"]


def test_unknown_filter_values_are_ignored_not_fatal(officer_client, history):
    response = officer_client.get("/office/audit/", {"object_type": "spaceship",
                                                     "date_from": "not-a-date"})
    assert response.status_code == 200
    assert len(_rows(response)) >= 5


def test_pages_keep_the_filters(officer_client, officer):
    owner = OwnerFactory(slug="osvita")
    for n in range(55):
        owner_services.owner_update(owner=owner, short_name=f"Назва {n}", by=officer,
                                    at=AT + n * dt.timedelta(minutes=1))

    first = officer_client.get("/office/audit/", {"action": "owner.updated"})

    assert len(_rows(first)) == 50
    assert _rows(first)[0] == ("owner.updated", "Назва 54")
    assert "?action=owner.updated&amp;page=2" in first.content.decode()
    second = officer_client.get("/office/audit/", {"action": "owner.updated", "page": 2})
    assert [o for _a, o in _rows(second)] == [f"Назва {n}" for n in range(4, -1, -1)]


def test_auditor_reads_the_log(client, history):
    client.force_login(UserFactory(roles=[Role.AUDITOR]))
    response = client.get("/office/audit/")
    assert response.status_code == 200
    assert 'href="/office/audit/"' in response.content.decode()  # in the office menu too


@pytest.mark.parametrize("who", ["clerk", "working_group"])
def test_others_get_403(client, who):
    person = (UserFactory(owner=OwnerFactory()) if who == "clerk"
              else UserFactory(roles=[Role.WORKING_GROUP]))
    client.force_login(person)
    assert client.get("/office/audit/").status_code == 403


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get("/office/audit/")
    assert response.status_code == 302 and response.url.startswith("/login/")


def test_entries_read_as_words_not_codes(officer_client, history):
    html = officer_client.get("/office/audit/", {"object_type": "owner"}).content.decode()
    assert "owner changed" in html
    # The changed field by its label, with the old and new value.
    assert "<strong>short name</strong>: — → Освіта" in html
    assert ">owner.updated<" not in html
