"""schemathesis over /api/v1/openapi.json: every GET operation, fed generated parameters (random
names, huge numbers, odd strings, unknown parameters), never answers with a server error.

The requests go straight into the Django WSGI application in the test's own thread, so they see
the `council` fixture's owners with their published and draft datasets. Hypothesis' part is kept
to 10 examples per operation (schemathesis adds its boundary cases): a few seconds in all, and a
different random sample on every run.
"""

from __future__ import annotations

import itertools

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error

_turn = itertools.count()

# Loaded at collection: producing the OpenAPI document touches no database.
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json", get_wsgi_application()).include(method="GET")


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    # Called straight, the WSGI application closes the database connection after each request
    # (Django's test client switches that off); on PostgreSQL that would close the test's own
    # transaction. Keep it open, as the test client does.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    database=None,  # no .hypothesis/ folder in the working tree
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure is reported as found
    suppress_health_check=list(HealthCheck),
)
def test_get_operations_never_answer_with_a_server_error(case, council):
    # schemathesis makes up bearer tokens, which only ever reach the 401 answer. Alternate
    # instead between the public reader (no token) and owner A's clerk with a real token, so
    # that generated parameters reach the handlers on both paths.
    headers = {name: value for name, value in (case.headers or {}).items()
               if name.lower() != "authorization"}
    if next(_turn) % 2:
        headers["Authorization"] = f"Bearer {council.token_a}"
    case.headers = headers
    case.call_and_validate(checks=[not_a_server_error])


@pytest.mark.parametrize("path", ["/api/v1/datasets", "/api/v1/owners", "/api/v1/registry"])
def test_an_offset_beyond_any_database_integer_is_refused_not_a_crash(anon, council, path):
    # What schemathesis found first: offset=10**31 overflowed SQLite's integers (a 500).
    response = anon.get(path, offset=10**31)
    assert response.status_code == 422
    assert "offset" in response.json()["errors"]
