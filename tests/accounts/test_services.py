import datetime as dt

import pytest
from django.contrib.sessions.models import Session

from radadata.accounts import services
from radadata.accounts.models import Role
from radadata.core.errors import Conflict, NotAllowed, ValidationFailed
from radadata.core.models import AuditEntry
from tests.factories import AT, UserFactory, officer

pytestmark = pytest.mark.django_db


def test_deactivation_ends_sessions_and_tokens_at_once(client):
    boss = officer()
    clerk = UserFactory()
    client.force_login(clerk)
    services.session_started(user=clerk, session_key=client.session.session_key, at=AT)
    _, raw = services.token_create(user=clerk, name="script", by=clerk, at=AT)
    assert services.token_authenticate(raw, at=AT) == clerk

    services.user_deactivate(user=clerk, by=boss, at=AT, reason="Звільнення, наказ №12-к")

    clerk.refresh_from_db()
    assert not clerk.is_active and clerk.deactivated_at == AT
    assert not Session.objects.filter(session_key=client.session.session_key).exists()
    assert services.token_authenticate(raw, at=AT + dt.timedelta(seconds=1)) is None
    entry = AuditEntry.objects.get(action="user.deactivated")
    assert entry.actor == boss and entry.object_id == str(clerk.pk)
    assert entry.changes["sessions_ended"][1] == 1 and entry.changes["tokens_revoked"][1] == 1
    assert "наказ" in entry.note


def test_deactivating_twice_is_a_conflict_and_self_deactivation_is_refused():
    boss = officer()
    with pytest.raises(NotAllowed):
        services.user_deactivate(user=boss, by=boss, at=AT)
    clerk = UserFactory()
    services.user_deactivate(user=clerk, by=boss, at=AT)
    with pytest.raises(Conflict):
        services.user_deactivate(user=clerk, by=boss, at=AT)


def test_only_office_manages_people_and_only_admin_grants_admin():
    clerk = UserFactory()
    with pytest.raises(NotAllowed):
        services.user_create(email="x@example.ua", last_name="А", first_name="Б", by=clerk, at=AT)
    boss = officer()
    person = UserFactory()
    with pytest.raises(NotAllowed):
        services.user_set_roles(user=person, roles=[Role.ADMINISTRATOR], by=boss, at=AT)
    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    services.user_set_roles(user=person, roles=[Role.ADMINISTRATOR, Role.AUDITOR], by=admin, at=AT)
    assert set(person.roles.values_list("role", flat=True)) == {"administrator", "auditor"}
    assert AuditEntry.objects.filter(action="user.roles_changed", actor=admin).exists()


def test_duplicate_email_is_a_field_error():
    UserFactory(email="olena@rada.example.ua")
    with pytest.raises(ValidationFailed) as caught:
        UserFactory(email="Olena@Rada.example.ua")
    assert caught.value.code == "duplicate_email" and "email" in caught.value.errors


def test_revoked_token_stops_working():
    clerk = UserFactory()
    token, raw = services.token_create(user=clerk, name="x", by=clerk, at=AT)
    services.token_revoke(token=token, by=clerk, at=AT)
    assert services.token_authenticate(raw, at=AT) is None
    assert token.token_hash != raw and raw.startswith(token.prefix)
