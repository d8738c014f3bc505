import re

import pytest

from radadata.accounts import services as account_services
from radadata.core.models import AuditEntry
from radadata.registry.models import Owner, OwnerMembership
from radadata.registry.vocabularies import MembershipRole, OwnerKind
from tests.factories import DatasetFactory, OwnerFactory, UserFactory, now, valid_edrpou

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    # Assert on the msgids, whatever the Ukrainian catalogue says later.
    settings.LANGUAGE_CODE = "en"


def _owner_data(**overrides) -> dict:
    data = {"name": "Управління культури міської ради", "short_name": "Управління культури",
            "slug": "", "kind": OwnerKind.DEPARTMENT_LEGAL, "edrpou": valid_edrpou(),
            "managing_owner": "", "head_name": "Гончаренко Ольга Іванівна",
            "head_position": "Начальник управління", "deputy_name": "", "deputy_position": "",
            "email": "kultura@rada.example.ua", "phone": "", "address": ""}
    data.update(overrides)
    return data


def _field_error(html: str, field: str) -> str:
    """The error paragraph that core/form.html renders next to a field."""
    found = re.search(rf'<p class="field-error" id="id_{field}_error">([^<]*)</p>', html)
    return found.group(1) if found else ""


def test_officer_creates_an_owner_through_the_page(officer_client, officer):
    data = _owner_data()
    response = officer_client.post("/office/owners/new/", data)

    owner = Owner.objects.get(name=data["name"])
    assert response.status_code == 302
    assert response.url == f"/office/owners/{owner.slug}/"
    assert owner.edrpou == data["edrpou"] and owner.kind == OwnerKind.DEPARTMENT_LEGAL
    entry = AuditEntry.objects.get(action="owner.created", object_id=str(owner.pk))
    assert entry.actor == officer

    page = officer_client.get(response.url)
    assert page.status_code == 200
    assert data["edrpou"] in page.content.decode()
    assert "No responsible person" in page.content.decode()


def test_wrong_edrpou_check_digit_is_shown_next_to_the_field_and_nothing_is_saved(
        officer_client):
    good = valid_edrpou()
    wrong = good[:7] + str((int(good[7]) + 1) % 10)

    response = officer_client.post("/office/owners/new/", _owner_data(edrpou=wrong))

    assert response.status_code == 200
    error = _field_error(response.content.decode(), "edrpou")
    assert f"ЄДРПОУ code {wrong} has a wrong check digit" in error
    assert not Owner.objects.exists()
    assert not AuditEntry.objects.filter(object_type="registry.owner").exists()


def test_enterprise_without_managing_body_is_refused(officer_client):
    response = officer_client.post("/office/owners/new/",
                                   _owner_data(kind=OwnerKind.ENTERPRISE, name="КП «Водоканал»"))

    assert response.status_code == 200
    assert "Choose the executive body that manages this enterprise" in _field_error(
        response.content.decode(), "managing_owner")
    assert not Owner.objects.exists()


def test_enterprise_with_its_managing_body_is_saved_and_listed_under_it(officer_client):
    housing = OwnerFactory(name="Управління ЖКГ", slug="zhkh")
    response = officer_client.post("/office/owners/new/", _owner_data(
        kind=OwnerKind.ENTERPRISE, name="КП «Водоканал»", managing_owner=housing.pk))

    assert response.status_code == 302
    assert Owner.objects.get(name="КП «Водоканал»").managing_owner == housing
    page = officer_client.get("/office/owners/zhkh/").content.decode()
    assert "Enterprises it manages" in page and "КП «Водоканал»" in page


def test_duplicate_edrpou_is_refused_with_a_message_naming_the_code(officer_client):
    existing = OwnerFactory()
    response = officer_client.post("/office/owners/new/", _owner_data(edrpou=existing.edrpou))

    assert f"Another owner already has ЄДРПОУ code {existing.edrpou}" in _field_error(
        response.content.decode(), "edrpou")
    assert Owner.objects.count() == 1


def test_edit_saves_changes_and_history_shows_them(officer_client, officer):
    owner = OwnerFactory(name="Фінансове управління", slug="finansy")
    data = _owner_data(name=owner.name, short_name="Фінуправління", slug="finansy",
                       edrpou=owner.edrpou, is_active="on")

    response = officer_client.post("/office/owners/finansy/edit/", data)

    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.short_name == "Фінуправління"
    entry = AuditEntry.objects.get(action="owner.updated")
    assert entry.actor == officer and entry.changes["short_name"] == ["", "Фінуправління"]
    page = officer_client.get("/office/owners/finansy/").content.decode()
    assert "owner changed" in page and "Фінуправління" in page


def test_failed_edit_changes_nothing(officer_client):
    owner = OwnerFactory(slug="osvita")
    data = _owner_data(name=owner.name, slug="osvita", edrpou="1234", is_active="on")

    response = officer_client.post("/office/owners/osvita/edit/", data)

    assert "must be 8 digits" in _field_error(response.content.decode(), "edrpou")
    owner_after = Owner.objects.get(pk=owner.pk)
    assert owner_after.edrpou == owner.edrpou and owner_after.short_name == ""


def test_list_shows_counts_and_warns_about_missing_responsible_or_substitute(officer_client):
    complete = OwnerFactory(name="Управління освіти")
    UserFactory(owner=complete, owner_role=MembershipRole.RESPONSIBLE)
    UserFactory(owner=complete, owner_role=MembershipRole.SUBSTITUTE)
    DatasetFactory(owner=complete, published=True)
    DatasetFactory(owner=complete)
    lacking = OwnerFactory(name="Відділ культури")
    UserFactory(owner=lacking, owner_role=MembershipRole.RESPONSIBLE)

    response = officer_client.get("/office/owners/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "1 owner lacks a responsible person or a substitute" in html
    rows = {name: row for name, row in re.findall(
        r'<tr>\s*<th scope="row"><a [^>]*>([^<]*)</a>(.*?)</tr>', html, re.S)}
    assert "No substitute" in rows["Відділ культури"]
    assert "No responsible person" not in rows["Відділ культури"]
    assert "No substitute" not in rows["Управління освіти"]
    assert re.search(r'<td class="num">2</td>\s*<td class="num">1</td>', rows["Управління освіти"])
    assert complete.edrpou in rows["Управління освіти"]


def test_a_dismissed_responsible_person_counts_as_missing(officer_client, officer):
    owner = OwnerFactory(slug="osvita")
    responsible = UserFactory(owner=owner, owner_role=MembershipRole.RESPONSIBLE)
    UserFactory(owner=owner, owner_role=MembershipRole.SUBSTITUTE)
    page = officer_client.get("/office/owners/osvita/").content.decode()
    assert "No responsible person" not in page

    account_services.user_deactivate(user=responsible, by=officer, at=now())

    page = officer_client.get("/office/owners/osvita/").content.decode()
    assert "No responsible person" in page


def test_officer_gives_and_removes_a_role_at_the_owner(officer_client, officer):
    owner = OwnerFactory(slug="osvita")
    person = UserFactory(last_name="Мельник", first_name="Іван", patronymic="Петрович")

    response = officer_client.post("/office/owners/osvita/",
                                   {"user": person.pk, "role": MembershipRole.SUBSTITUTE})

    assert response.status_code == 302
    membership = OwnerMembership.objects.get(owner=owner, user=person)
    assert membership.role == MembershipRole.SUBSTITUTE
    page = officer_client.get("/office/owners/osvita/").content.decode()
    assert "Мельник Іван Петрович" in page and "role at the owner given" in page

    response = officer_client.post(f"/office/owners/osvita/people/{membership.pk}/remove/")

    assert response.status_code == 302
    assert not OwnerMembership.objects.filter(owner=owner, user=person).exists()
    entry = AuditEntry.objects.get(action="owner.member_removed")
    assert entry.actor == officer and entry.changes == {"substitute": ["Мельник Іван Петрович",
                                                                        None]}


def test_removing_a_role_of_another_owner_is_404(officer_client):
    OwnerFactory(slug="osvita")
    other = OwnerFactory(slug="finansy")
    membership = OwnerMembership.objects.get(user=UserFactory(owner=other))

    response = officer_client.post(f"/office/owners/osvita/people/{membership.pk}/remove/")

    assert response.status_code == 404
    assert OwnerMembership.objects.filter(pk=membership.pk).exists()


@pytest.mark.parametrize("url", ["/office/owners/", "/office/owners/new/",
                                 "/office/owners/osvita/", "/office/owners/osvita/edit/"])
def test_clerk_with_an_owner_role_only_gets_403(client, url):
    owner = OwnerFactory(slug="osvita")
    client.force_login(UserFactory(owner=owner))

    assert client.get(url).status_code == 403


def test_clerk_cannot_create_an_owner_by_posting(client):
    client.force_login(UserFactory(owner=OwnerFactory()))

    response = client.post("/office/owners/new/", _owner_data(name="Нове управління"))

    assert response.status_code == 403
    assert not Owner.objects.filter(name="Нове управління").exists()


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get("/office/owners/")
    assert response.status_code == 302 and response.url.startswith("/login/")
