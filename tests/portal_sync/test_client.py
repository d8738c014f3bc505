"""The portal client against the fake portal's faults: what is retried (5xx, 429 with
Retry-After, timeouts, dropped connections), what is not (a validation error, a refused key),
the back-off cap, the recovery of a create whose answer was lost, and the key kept secret."""

from __future__ import annotations

import io
import logging

import pytest
from django.utils import translation

from radadata.portal_sync.client import (
    PortalClient,
    PortalNotAuthorized,
    PortalNotFound,
    PortalRejected,
    PortalUnavailable,
)
from tests.portal_sync.conftest import quick_client

PACKAGE = {
    "name": "svitlohirska-mr-shkoly", "title": "Школи", "notes": "Перелік шкіл громади.",
    "tag_string": "освіта", "owner_org": "miska-rada",
    "purpose_of_collecting_information": "Закон України «Про освіту».",
    "update_frequency": "once a year", "language": "uk",
}


def test_a_call_returns_the_result_of_the_envelope(portal, portal_client):
    status = portal_client.call("status_show")

    assert status["ckan_version"] == "2.10.4"
    assert portal.calls_of("status_show")[0].status == 200


def test_server_errors_are_retried_with_growing_waits(portal):
    portal.fail("status_show", 503, times=2)
    sleeps: list[float] = []
    with quick_client(portal, sleeps=sleeps) as client:
        assert client.call("status_show")["site_title"] == "Fake data.gov.ua"

    assert [c.status for c in portal.calls_of("status_show")] == [503, 503, 200]
    assert sleeps == [0.5, 1.0]


def test_429_waits_as_long_as_retry_after_says_within_the_cap(portal):
    portal.fail("status_show", 429, retry_after="5")
    portal.fail("status_show", 429, retry_after="120")
    sleeps: list[float] = []
    with quick_client(portal, sleeps=sleeps) as client:
        client.call("status_show")

    assert sleeps == [5.0, 8.0]  # the second wait is capped at backoff_cap


def test_a_timeout_is_retried(portal):
    portal.slow("status_show", 3.0)
    with quick_client(portal, timeout=1.0) as client:
        assert client.call("status_show")

    assert len(portal.calls_of("status_show")) == 2


def test_a_dropped_connection_is_retried(portal):
    portal.drop("organization_show")
    with quick_client(portal) as client:
        org = client.call("organization_show", id="miska-rada")

    assert org["name"] == "miska-rada"


def test_a_portal_that_stays_down_gives_up_with_a_message_to_try_later(portal):
    portal.fail(None, 502, times=10)
    with translation.override("en"), quick_client(portal, retries=2) as client, \
            pytest.raises(PortalUnavailable) as error:
        client.call("status_show")

    assert len(portal.calls) == 3
    assert "HTTP 502" in error.value.message
    assert "push again later" in error.value.message


def test_a_validation_error_is_not_retried_and_reads_as_words(portal, portal_client):
    with translation.override("en"), pytest.raises(PortalRejected) as error:
        portal_client.call("package_create", **{**PACKAGE, "notes": "",
                                                "purpose_of_collecting_information": "ц" * 600})

    assert len(portal.calls_of("package_create")) == 1
    assert error.value.status == 409
    assert error.value.fields == {"notes": ["Missing value"],
                                  "purpose_of_collecting_information":
                                      ["Length must be at most 512"]}
    assert "description — Missing value" in error.value.message
    assert "legal basis and purpose of collection — Length must be at most 512" in (
        error.value.message)


def test_a_wrong_key_is_refused_without_retrying(portal):
    with translation.override("en"), \
            PortalClient(portal.base_url, "wrong-key", sleep=lambda s: None) as client, \
            pytest.raises(PortalNotAuthorized) as error:
        client.call("package_create", **PACKAGE)

    assert len(portal.calls_of("package_create")) == 1
    assert "API key" in error.value.message


def test_not_found_is_typed(portal_client):
    with pytest.raises(PortalNotFound):
        portal_client.call("package_show", id="nema-takoho")
    assert portal_client.show_or_none("package_show", id="nema-takoho") is None


def test_a_create_whose_answer_was_lost_is_recovered_not_repeated(portal, portal_client):
    portal.drop("package_create", after=True)  # the portal created it, the answer is lost

    created = portal_client.call(
        "package_create", **PACKAGE,
        recover=lambda: portal_client.show_or_none("package_show", id=PACKAGE["name"]))

    assert created["name"] == PACKAGE["name"]
    assert len(portal.calls_of("package_create")) == 1
    assert len(portal.live_packages()) == 1


def test_an_upload_is_sent_whole_again_after_a_failure(portal, portal_client):
    package = portal_client.call("package_create", **PACKAGE)
    portal.fail("resource_create", 500)
    stream = io.BytesIO("код,назва\n1,Школа\n".encode())

    resource = portal_client.upload("resource_create", stream=stream, filename="shkoly.csv",
                                    package_id=package["id"], name="Школи", format="CSV")

    assert portal.files[resource["id"]] == "код,назва\n1,Школа\n".encode()
    assert resource["url"].endswith("/download/shkoly.csv")


def test_the_key_is_never_shown(portal, caplog):
    portal.fail("status_show", 503)
    with caplog.at_level(logging.DEBUG), quick_client(portal) as client:
        client.call("status_show")
        text = repr(client)

    assert portal.api_key not in text
    assert portal.api_key not in caplog.text
    assert "status_show failed (HTTP 503), attempt 1 of 4" in caplog.text
