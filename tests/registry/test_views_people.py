import re

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from radadata.accounts import services as account_services
from radadata.accounts.models import ApiToken, Role, User
from radadata.core.models import AuditEntry
from radadata.registry.models import OwnerMembership
from radadata.registry.vocabularies import MembershipRole
from tests.factories import OwnerFactory, UserFactory, now

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"  # what UserFactory gives everyone


@pytest.fixture(autouse=True)
def _english(settings):
    # Assert on the msgids, whatever the Ukrainian catalogue says later.
    settings.LANGUAGE_CODE = "en"


def _person_data(**overrides) -> dict:
    data = {"last_name": "Коваль", "first_name": "Андрій", "patronymic": "Миколайович",
            "email": "a.koval@rada.example.ua", "position": "Головний спеціаліст",
            "phone": "+380441234567", "owner": "", "owner_role": "", "password": ""}
    data.update(overrides)
    return data


def _signed_in(email: str) -> Client:
    """A browser signed in through the login page, as a person does (records LoginSession)."""
    browser = Client()
    response = browser.post("/login/", {"username": email, "password": PASSWORD})
    assert response.status_code == 302, "sign-in failed"
    return browser


def _field_error(html: str, field: str) -> str:
    found = re.search(rf'<p class="field-error" id="id_{field}_error">([^<]*)</p>', html)
    return found.group(1) if found else ""


def test_deactivation_through_the_page_ends_sessions_and_tokens_and_is_logged(
        officer_client, officer):
    owner = OwnerFactory()
    clerk = UserFactory(owner=owner, email="clerk@rada.example.ua", last_name="Ткаченко",
                        first_name="Оксана", patronymic="Ігорівна")
    browser = _signed_in(clerk.email)
    session_key = browser.cookies["sessionid"].value
    assert browser.get("/office/tokens/").status_code == 200
    _token, raw = account_services.token_create(user=clerk, name="script", by=clerk, at=now())
    bearer = {"Authorization": f"Bearer {raw}"}
    assert Client().get("/api/v1/datasets", headers=bearer).status_code == 200

    confirm = officer_client.get(f"/office/people/{clerk.pk}/deactivate/").content.decode()
    assert "every session in which the person is signed in ends" in confirm
    assert "their 1 working API token is revoked" in confirm
    response = officer_client.post(f"/office/people/{clerk.pk}/deactivate/",
                                   {"reason": "Звільнення, наказ №12-к від 02.03.2026"})

    assert response.status_code == 302
    assert not Session.objects.filter(session_key=session_key).exists()
    again = browser.get("/office/")
    assert again.status_code == 302 and again.url.startswith("/login/")
    assert Client().get("/api/v1/datasets", headers=bearer).status_code == 401
    clerk.refresh_from_db()
    assert not clerk.is_active

    log = officer_client.get("/office/audit/", {"action": "user.deactivated"}).content.decode()
    assert "Ткаченко Оксана Ігорівна" in log
    assert "Бондар Марія" in log  # the officer who did it
    assert "наказ №12-к" in log
    detail = officer_client.get(f"/office/people/{clerk.pk}/").content.decode()
    assert "Deactivated on" in detail and "person deactivated (access ended)" in detail


def test_deactivation_needs_a_reason(officer_client):
    clerk = UserFactory()
    response = officer_client.post(f"/office/people/{clerk.pk}/deactivate/", {"reason": ""})

    assert response.status_code == 200
    assert _field_error(response.content.decode(), "reason")
    assert User.objects.get(pk=clerk.pk).is_active


def test_officer_cannot_deactivate_themselves(officer_client, officer):
    page = officer_client.get(f"/office/people/{officer.pk}/deactivate/").content.decode()
    assert "You cannot deactivate yourself" in page and "Deactivate now" not in page

    response = officer_client.post(f"/office/people/{officer.pk}/deactivate/",
                                   {"reason": "test"})

    assert response.status_code == 403
    assert User.objects.get(pk=officer.pk).is_active


def test_reactivated_person_signs_in_again_but_old_tokens_stay_revoked(officer_client, officer):
    clerk = UserFactory(owner=OwnerFactory())
    token, _raw = account_services.token_create(user=clerk, name="x", by=clerk, at=now())
    account_services.user_deactivate(user=clerk, by=officer, at=now())

    response = officer_client.post(f"/office/people/{clerk.pk}/reactivate/")

    assert response.status_code == 302
    assert User.objects.get(pk=clerk.pk).is_active
    assert _signed_in(clerk.email).get("/office/tokens/").status_code == 200
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEntry.objects.filter(action="user.reactivated", actor=officer).exists()


def test_officer_registers_a_person_with_roles_an_owner_role_and_a_password(
        officer_client, officer):
    owner = OwnerFactory(slug="osvita")
    data = _person_data(roles=[Role.WORKING_GROUP], owner=owner.pk,
                        owner_role=MembershipRole.RESPONSIBLE, password="Kyiv-open-data-2026")

    response = officer_client.post("/office/people/new/", data)

    person = User.objects.get(email="a.koval@rada.example.ua")
    assert response.status_code == 302 and response.url == f"/office/people/{person.pk}/"
    assert person.full_name == "Коваль Андрій Миколайович"
    assert person.role_set() == {Role.WORKING_GROUP}
    assert OwnerMembership.objects.get(user=person).role == MembershipRole.RESPONSIBLE
    assert AuditEntry.objects.get(action="user.created", object_id=str(person.pk)).actor == officer
    browser = Client()
    assert browser.post("/login/", {"username": person.email,
                                    "password": "Kyiv-open-data-2026"}).status_code == 302
    page = officer_client.get(response.url).content.decode()
    assert "owner&#x27;s responsible person" in page and owner.name in page


def test_owner_without_a_role_is_refused_and_nothing_is_saved(officer_client):
    owner = OwnerFactory()
    response = officer_client.post("/office/people/new/", _person_data(owner=owner.pk))

    assert "Choose the person&#x27;s role at the owner" in _field_error(
        response.content.decode(), "owner_role")
    assert not User.objects.filter(email="a.koval@rada.example.ua").exists()


def test_duplicate_email_is_shown_next_to_the_field(officer_client):
    UserFactory(email="a.koval@rada.example.ua")
    response = officer_client.post("/office/people/new/",
                                   _person_data(email="A.Koval@rada.example.ua"))

    assert "is already registered" in _field_error(response.content.decode(), "email")
    assert User.objects.filter(email="a.koval@rada.example.ua").count() == 1


def test_new_person_form_preselects_the_owner_it_came_from(officer_client):
    owner = OwnerFactory()
    html = officer_client.get(f"/office/people/new/?owner={owner.pk}").content.decode()
    assert f'<option value="{owner.pk}" selected>' in html


def test_edit_changes_the_name_and_roles_together(officer_client, officer):
    person = UserFactory(roles=[Role.AUDITOR])
    data = _person_data(email=person.email, last_name="Нове-Прізвище",
                        roles=[Role.WORKING_GROUP])

    response = officer_client.post(f"/office/people/{person.pk}/edit/", data)

    assert response.status_code == 302
    person = User.objects.get(pk=person.pk)
    assert person.last_name == "Нове-Прізвище"
    assert person.role_set() == {Role.WORKING_GROUP}
    assert AuditEntry.objects.get(action="user.roles_changed").changes == {
        "roles": [["auditor"], ["working_group"]]}


def test_only_an_administrator_grants_the_administrator_role(officer_client, client):
    person = UserFactory()
    data = _person_data(email=person.email, last_name="Інше", roles=[Role.ADMINISTRATOR])

    response = officer_client.post(f"/office/people/{person.pk}/edit/", data)

    assert response.status_code == 200
    assert "Only an administrator can do this." in _field_error(response.content.decode(),
                                                                 "roles")
    person = User.objects.get(pk=person.pk)
    assert person.role_set() == frozenset() and person.last_name == "Шевченко"

    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    client.force_login(admin)
    assert client.post(f"/office/people/{person.pk}/edit/", data).status_code == 302
    assert User.objects.get(pk=person.pk).role_set() == {Role.ADMINISTRATOR}


def _listed(officer_client, **params) -> set[str]:
    html = officer_client.get("/office/people/", params).content.decode()
    return set(re.findall(r'<th scope="row"><a href="/office/people/\d+/">([^<]*)</a>', html))


def test_people_list_filters(officer_client, officer):
    education = OwnerFactory()
    finance = OwnerFactory()
    UserFactory(last_name="Олійник", first_name="Петро", patronymic="", owner=education)
    UserFactory(last_name="Савчук", first_name="Ганна", patronymic="", owner=finance,
                owner_role=MembershipRole.SUBSTITUTE, email="hanna@rada.example.ua")
    gone = UserFactory(last_name="Лисенко", first_name="Тарас", patronymic="",
                       roles=[Role.AUDITOR])
    account_services.user_deactivate(user=gone, by=officer, at=now())

    assert _listed(officer_client) == {"Бондар Марія Василівна", "Олійник Петро",
                                       "Савчук Ганна", "Лисенко Тарас"}
    assert _listed(officer_client, state="deactivated") == {"Лисенко Тарас"}
    assert "Лисенко Тарас" not in _listed(officer_client, state="active")
    assert _listed(officer_client, role="auditor") == {"Лисенко Тарас"}
    assert _listed(officer_client, role="substitute") == {"Савчук Ганна"}
    assert _listed(officer_client, owner=education.pk) == {"Олійник Петро"}
    assert _listed(officer_client, q="олійник") == {"Олійник Петро"}
    assert _listed(officer_client, q="HANNA@rada") == {"Савчук Ганна"}


@pytest.mark.parametrize("path", ["", "new/", "{pk}/", "{pk}/edit/", "{pk}/deactivate/"])
def test_clerk_with_an_owner_role_only_gets_403(client, path):
    clerk = UserFactory(owner=OwnerFactory())
    client.force_login(clerk)

    assert client.get("/office/people/" + path.format(pk=clerk.pk)).status_code == 403


def test_clerk_cannot_deactivate_anyone(client, officer):
    clerk = UserFactory(owner=OwnerFactory())
    client.force_login(clerk)

    response = client.post(f"/office/people/{officer.pk}/deactivate/", {"reason": "x"})

    assert response.status_code == 403
    assert User.objects.get(pk=officer.pk).is_active
    assert not ApiToken.objects.exists()


def test_an_officer_is_not_offered_to_change_an_administrator(officer_client, client):
    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    page = officer_client.get(f"/office/people/{admin.pk}/").content.decode()
    assert f"/office/people/{admin.pk}/deactivate/" not in page
    assert f"/office/people/{admin.pk}/edit/" not in page
    assert 'id="admin-only"' in page and "Only an administrator can change" in page

    other_admin = UserFactory(roles=[Role.ADMINISTRATOR])
    client.force_login(other_admin)
    page = client.get(f"/office/people/{admin.pk}/").content.decode()
    assert f"/office/people/{admin.pk}/deactivate/" in page
    assert 'id="admin-only"' not in page
