"""schemathesis over /api/v1/openapi.json: every GET operation, fed generated parameters (random
names, huge numbers, odd strings, unknown parameters), never answers with a server error, and
answers as the document says: a declared status code, content type, headers and body schema.

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
from schemathesis.checks import (
    content_type_conformance,
    ignored_auth,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

_turn = itertools.count()
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance, ignored_auth]
#: Calls made and checks passed, printed at the end (pytest -s) for the closing note.
COUNTS = {"calls": 0, "anonymous": 0, "with token": 0, "failures": 0}

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
    COUNTS["with token" if "Authorization" in headers else "anonymous"] += 1
    COUNTS["calls"] += 1
    try:
        case.call_and_validate(checks=CHECKS)
    except Exception:
        COUNTS["failures"] += 1
        raise


@pytest.fixture(scope="module", autouse=True)
def _report_counts():
    yield
    print(f"\nschemathesis: {COUNTS['calls']} calls ({COUNTS['anonymous']} anonymous, "
          f"{COUNTS['with token']} with a token), {len(CHECKS)} checks each, "
          f"{COUNTS['failures']} failures")


def test_public_reads_declare_signing_in_optional_and_every_status_they_answer():
    document = schema.raw_schema
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if method != "get":
                continue
            assert {} in operation["security"], f"GET {path} must not require signing in"
            assert {"200", "401"} <= {str(code) for code in operation["responses"]}, path
    writes = [op for ops in document["paths"].values() for method, op in ops.items()
              if method != "get"]
    assert writes and all({} not in op["security"] for op in writes)


@pytest.mark.parametrize("path", ["/api/v1/datasets", "/api/v1/owners", "/api/v1/registry"])
def test_an_offset_beyond_any_database_integer_is_refused_not_a_crash(anon, council, path):
    # What schemathesis found first: offset=10**31 overflowed SQLite's integers (a 500).
    response = anon.get(path, offset=10**31)
    assert response.status_code == 422
    assert "offset" in response.json()["errors"]
