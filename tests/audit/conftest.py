import datetime as dt

import pytest

from radadata.audit.services import audits as services
from tests.factories import OwnerFactory, UserFactory

AT = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def auditor_user(db):
    return UserFactory(email="auditor@rada.example.ua", last_name="Гнатюк", first_name="Ігор",
                       patronymic="Петрович")


@pytest.fixture
def planned(officer, auditor_user):
    """An audit with a stage, a body and an auditor, not started."""
    audit = services.audit_open(year=2026, kind="combined", subject="Дані виконавчих органів",
                                by=officer, at=AT)
    services.stage_add(audit=audit, title="Інвентаризація", starts_on=dt.date(2026, 3, 2),
                       ends_on=dt.date(2026, 4, 30), by=officer, at=AT)
    owner = OwnerFactory(name="Управління освіти міської ради", short_name="Управління освіти")
    services.body_add(audit=audit, owner=owner, visit_from=dt.date(2026, 3, 10),
                      visit_to=dt.date(2026, 3, 20), contact_name="Мельник Оксана",
                      contact_position="головний спеціаліст", by=officer, at=AT)
    services.auditor_appoint(audit=audit, user=auditor_user, powers="доступ до реєстрів",
                             term_from=dt.date(2026, 3, 1), term_to=dt.date(2026, 5, 31),
                             by=officer, at=AT)
    return audit


@pytest.fixture
def running(planned, officer):
    return services.audit_start(audit=planned, order_number="45-р",
                                order_date=dt.date(2026, 3, 1), by=officer, at=AT)
