"""The council's own details: set-up of a new installation, the command, the page, the audit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from stdnum.ua import edrpou

from radadata.accounts.models import Role, User
from radadata.core.errors import Conflict, ValidationFailed
from radadata.core.models import AuditEntry
from radadata.registry.models import Council
from radadata.registry.services import council as council_services
from radadata.reports.defaults import yearly_defaults

AT = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
CODE = "0405617" + edrpou.calc_check_digit("0405617")
BAD_CODE = CODE[:7] + str((int(CODE[7]) + 1) % 10)
DETAILS = {"name": "Зеленодольська селищна рада", "short_name": "Зеленодольська СР",
           "kind": "settlement", "edrpou": CODE, "head_name": "Андрієшин Василь Петрович",
           "head_title": "Селищний голова", "signer_name": "Остапчук Олена Іванівна",
           "signer_title": "Секретар селищної ради"}
ADMIN = {"admin_email": "Admin@Zelenodolsk.example.ua", "admin_last_name": "Мороз",
         "admin_first_name": "Тарас", "admin_password": "довгий-пароль-1"}


@pytest.mark.django_db
def test_a_new_installation_is_set_up_with_its_first_administrator():
    assert council_services.installation_is_new()
    council, admin = council_services.council_set_up(at=AT, **ADMIN, **DETAILS)
    assert Council.current().name == "Зеленодольська селищна рада"
    assert council.is_set_up and council.kind == "settlement"
    assert admin.email == "admin@zelenodolsk.example.ua" and admin.check_password(
        "довгий-пароль-1")
    assert admin.has_role(Role.ADMINISTRATOR) and admin.has_role(Role.OFFICER)
    assert AuditEntry.objects.filter(action="council.updated").count() == 1
    with pytest.raises(Conflict):
        council_services.council_set_up(at=AT, **ADMIN, **DETAILS)


@pytest.mark.django_db
def test_a_set_up_with_an_empty_name_or_a_bad_code_saves_nothing():
    with pytest.raises(ValidationFailed) as error:
        council_services.council_set_up(at=AT, **ADMIN, **{**DETAILS, "name": "  ",
                                                           "edrpou": BAD_CODE})
    assert set(error.value.errors) >= {"name", "edrpou"}
    assert not User.objects.exists()
    assert not Council.current().is_set_up


@pytest.mark.django_db
def test_an_edit_is_audited_with_old_and_new_values(officer):
    council_services.council_update(by=None, at=AT, **DETAILS)
    council_services.council_update(by=officer, at=AT + dt.timedelta(days=1),
                                    head_name="Шевчук Петро Андрійович")
    entry = AuditEntry.objects.filter(action="council.updated").latest("at")
    assert entry.actor == officer
    assert entry.changes == {"head_name": ["Андрієшин Василь Петрович",
                                           "Шевчук Петро Андрійович"]}


@pytest.mark.django_db
def test_the_yearly_report_takes_its_signers_and_words_from_the_council():
    council = council_services.council_update(by=None, at=AT, **DETAILS,
                                              officer_name="Мельник Оксана Петрівна")
    texts = yearly_defaults(council, 2025)
    assert texts["mayor_name"] == "Андрієшин Василь Петрович"
    assert texts["signer_position"] == "Секретар селищної ради"
    assert "Зеленодольської селищної ради" in texts["title"]
    assert "селищного голову" in texts["points"]
    assert "Мельник Оксана Петрівна" in texts["prepared"]


@pytest.mark.django_db
def test_the_command_sets_up_shows_and_changes_the_council(capsys, monkeypatch):
    monkeypatch.setenv("RADADATA_ADMIN_PASSWORD", "довгий-пароль-1")
    call_command("council", "init", "--no-input", "--name", DETAILS["name"], "--kind",
                 "settlement", "--admin-email", "a@zelenodolsk.example.ua",
                 "--admin-last-name", "Мороз", "--admin-first-name", "Тарас")
    call_command("council", "set", "--head-name", "Андрієшин Василь Петрович",
                 "--head-title", "Селищний голова", "--signer-name", "Остапчук Олена Іванівна",
                 "--signer-title", "Секретар селищної ради", "--edrpou", CODE)
    call_command("council", "show")
    out = capsys.readouterr().out
    assert "Зеленодольська селищна рада" in out and "Андрієшин Василь Петрович" in out
    assert CODE in out
    with pytest.raises(CommandError):
        call_command("council", "set", "--name", "")
    with pytest.raises(CommandError):
        call_command("council", "init", "--no-input", "--name", "Інша рада")
    assert Council.current().name == DETAILS["name"]


@pytest.mark.django_db
def test_a_new_installation_opens_on_its_set_up_page_then_the_page_is_gone(client):
    assert client.get("/").url == "/setup/"
    form = {**ADMIN, **DETAILS, "reports_count_moderation": "on"}
    response = client.post("/setup/", form)
    assert response.status_code == 302 and response.url == "/office/council/"
    page = client.get("/office/council/")
    assert page.status_code == 200
    assert "Зеленодольська селищна рада" in page.content.decode()
    assert client.get("/setup/").status_code == 404
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_the_council_page_shows_a_refusal_next_to_the_name(officer_client):
    response = officer_client.post("/office/council/", {**DETAILS, "name": ""})
    assert response.status_code == 200
    assert 'class="field has-error"' in response.content.decode()
    assert not Council.current().is_set_up


@pytest.mark.django_db
def test_a_real_council_gets_no_demo(capsys, monkeypatch):
    from radadata.registry.models import Owner

    monkeypatch.setenv("RADADATA_DEMO", "false")
    call_command("load_demo")
    assert "RADADATA_DEMO вимкнено" in capsys.readouterr().out
    monkeypatch.delenv("RADADATA_DEMO")
    council_services.council_update(by=None, at=AT, **DETAILS)
    call_command("load_demo")
    assert "налаштовано як справжню раду" in capsys.readouterr().out
    assert not Owner.objects.exists()
    assert Council.current().name == "Зеленодольська селищна рада"
