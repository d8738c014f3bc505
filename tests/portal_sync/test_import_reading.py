"""Reading a package as a passport (the portal's fields wherever it keeps them), and
downloading a file: the size cap, retries when the source is slow or failing, the SHA-256
check, and the API key sent to the source's own host only."""

from __future__ import annotations

import hashlib
import io

import pytest
import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

from radadata.portal_sync.importing import download
from radadata.portal_sync.importing.download import DownloadFailed, Unusable, fetch
from radadata.portal_sync.importing.reverse import periodicity, read_package
from radadata.registry.vocabularies import Periodicity

SHA = hashlib.sha256(b"id,name\n1,School\n").hexdigest()


def test_a_portal_package_with_its_fields_in_extras_is_read_as_a_passport():
    incoming = read_package({
        "id": "a1", "name": "shkoly", "title": "  Мережа   шкіл ", "notes": "Опис.",
        "private": False, "state": "active", "metadata_created": "2025-05-02T09:00:00",
        "tag_string": "Освіта, школи;ЛІЦЕЇ",
        "maintainer": "Коваленко Ірина Петрівна", "maintainer_email": "Kovalenko@Rada.UA",
        "organization": {"id": "o1", "name": "miska-rada", "title": "Світлогірська міська рада"},
        "extras": [{"key": "update_frequency", "value": "Щокварталу"},
                   {"key": "language", "value": "ua"},
                   {"key": "purpose_of_collecting_information", "value": "Закон."},
                   {"key": "publisherIdentifier", "value": "32129"}],
        "resources": [
            {"id": "r1", "name": "Дані", "format": "csv", "url": "https://x.ua/d.csv",
             "size": "20", "hash": f"sha256:{SHA.upper()}"},
            {"id": "r2", "name": "Архів", "format": "", "url": "https://x.ua/a.zip",
             "hash": "0cc175b9c0f1b6a831c399e269772661"},
            {"id": "r3", "name": "Старе", "state": "deleted", "url": "https://x.ua/o.csv"},
        ],
    })

    assert (incoming.title, incoming.description, incoming.purpose) == (
        "Мережа шкіл", "Опис.", "Закон.")
    assert (incoming.periodicity, incoming.language) == (Periodicity.QUARTERLY, "uk")
    assert incoming.keywords == ["освіта", "школи", "ліцеї"]
    assert (incoming.owner_name, incoming.owner_code) == ("Світлогірська міська рада",
                                                          "00032129")
    assert incoming.maintainer_email == "kovalenko@rada.ua"
    assert incoming.published and str(incoming.published_on) == "2025-05-02"
    data, archive = incoming.files
    assert (data.format, data.size, data.sha256) == ("CSV", 20, SHA)
    assert (archive.format, archive.size, archive.sha256) == ("ZIP", None, "")
    assert incoming.notes == [] and incoming.problems == []


@pytest.mark.parametrize(("value", "expected"), [
    ("once a month", Periodicity.MONTHLY),
    ("Щорічно", Periodicity.YEARLY),
    ("Більш як один раз на день", Periodicity.MORE_THAN_DAILY),
    ("http://publications.europa.eu/resource/authority/frequency/ANNUAL", Periodicity.YEARLY),
    ("unscheduled", Periodicity.ON_CHANGE),
    ("коли захочемо", ""),
])
def test_update_frequencies_are_read_from_codes_labels_and_dcat(value, expected):
    assert periodicity(value) == expected


def test_the_owners_code_may_stand_in_the_maintainer_field_and_a_bad_one_is_said():
    in_text = read_package({"id": "a", "title": "T", "notes": "N",
                            "maintainer": "Управління освіти (ЄДРПОУ 14360506)"})
    bad = read_package({"id": "b", "title": "T", "notes": "N", "publisherIdentifier":
                        "32855968", "publisherName": "Відділ"})

    assert in_text.owner_code == "14360506"
    assert bad.owner_code == ""
    assert bad.notes == ["ЄДРПОУ “32855968” in the package is not a valid code; the owner is "
                         "matched by its name."]


def test_a_package_waiting_for_the_moderator_or_deleted_is_not_published():
    waiting = read_package({"id": "a", "title": "T", "notes": "N",
                            "moderation_status": "pending"})
    deleted = read_package({"id": "b", "title": "T", "notes": "N", "state": "deleted"})

    assert waiting.public and not waiting.published
    assert deleted.problems == ["The package is deleted or a draft on the source."]


# Downloads ---------------------------------------------------------------------------------

class Scripted(BaseAdapter):
    """Each request takes the next step: an exception to raise, or (status, body, headers)."""

    def __init__(self, steps: list) -> None:
        super().__init__()
        self.steps = steps
        self.requests: list[requests.PreparedRequest] = []

    def send(self, request, **kwargs):
        self.requests.append(request)
        step = self.steps.pop(0)
        if isinstance(step, Exception):
            raise step
        status, body, headers = step
        response = requests.Response()
        response.status_code, response.raw = status, io.BytesIO(body)
        response.headers = CaseInsensitiveDict(headers)
        response.url, response.request = request.url, request
        return response

    def close(self) -> None:
        pass


def session_with(steps: list) -> tuple[requests.Session, Scripted]:
    adapter = Scripted(steps)
    session = requests.Session()
    session.mount("https://", adapter)
    return session, adapter


def get(session: requests.Session, sleeps: list[float], **kwargs) -> download.Downloaded:
    options: dict = {"cap": 1000, "sleep": sleeps.append, **kwargs}
    url = options.pop("url", "https://data.gov.ua/dataset/x/resource/r/download/d.csv")
    return fetch(url, session=session, **options)


def test_a_slow_or_failing_source_is_tried_again_with_back_off():
    body = b"id,name\n1,School\n"
    session, adapter = session_with([requests.ReadTimeout("slow"), (503, b"", {}),
                                     (200, body, {"Content-Disposition":
                                                  "attachment; filename*=UTF-8''%D1%88.csv"})])
    sleeps: list[float] = []

    got = get(session, sleeps, expected_sha256=SHA)

    assert (got.stream.read(), got.size, got.sha256, got.filename) == (body, 17, SHA, "ш.csv")
    assert sleeps == [1.0, 2.0]
    assert len(adapter.requests) == 3


def test_a_file_over_the_cap_is_unusable_whether_announced_or_not():
    announced, _a = session_with([(200, b"x" * 10, {"Content-Length": "5000"})])
    silent, _s = session_with([(200, b"x" * 1500, {})])

    with pytest.raises(Unusable, match="larger than"):
        get(announced, [])
    with pytest.raises(Unusable, match="larger than"):
        get(silent, [])


def test_a_damaged_file_or_a_missing_one_fails_the_download():
    damaged, adapter = session_with([(200, b"other", {})] * 3)
    missing, _m = session_with([(404, b"Not found", {})])
    sleeps: list[float] = []

    with pytest.raises(DownloadFailed, match="SHA-256 differs"):
        get(damaged, sleeps, expected_sha256=SHA)
    with pytest.raises(DownloadFailed, match="HTTP 404"):
        get(missing, sleeps)
    assert len(adapter.requests) == 3  # tried again: a broken transfer may not be the file


def header_sent(url: str) -> str | None:
    session, adapter = session_with([(200, b"data", {})])
    fetch(url, session=session, cap=1000, api_key="secret-key", key_host="data.gov.ua")
    return adapter.requests[0].headers.get("Authorization")


def test_the_key_goes_to_the_sources_own_host_only():
    assert header_sent("https://data.gov.ua/dataset/x/resource/r/download/d.csv") == \
        "secret-key"
    assert header_sent("https://files.example.org/d.csv") is None
