"""The round trip through our own CKAN API: a council's catalogue is read from /api/3 (with
the real ckanapi client, through Django's test client instead of a socket), kept as its
answers, the registry is wiped, and the catalogue is imported into the now empty council.
Titles, descriptions, periodicities, keywords, themes, owners, contacts and every file's
SHA-256 come back as they were."""

from __future__ import annotations

import hashlib
import io
from urllib.parse import urlsplit

import pytest
import requests
from django.conf import settings
from django.test import Client
from django.utils import translation
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

from radadata.accounts.models import User
from radadata.jobs.models import Status
from radadata.jobs.services import job_run
from radadata.portal_sync.importing import dry_run, import_start, make_source
from radadata.portal_sync.importing import source as sources
from radadata.registry.models import Council, Dataset, Keyword, Owner, Theme
from radadata.registry.services import datasets as dataset_services
from radadata.registry.vocabularies import OwnerKind, Periodicity
from tests.factories import AT, DatasetFactory, OwnerFactory, UserFactory, valid_edrpou
from tests.portal_sync.conftest import CSV, add_file

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


class DjangoAdapter(BaseAdapter):
    """requests → Django's test client (any host). Records every answer; once `replaying`,
    answers only from the record: the catalogue as it was, whatever the database holds now."""

    def __init__(self) -> None:
        super().__init__()
        self.client = Client()
        self.recorded: dict[tuple, tuple[int, dict, bytes]] = {}
        self.replaying = False

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        parts = urlsplit(request.url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        body = request.body or b""
        body = body.encode() if isinstance(body, str) else body
        key = (request.method, path, body)
        if self.replaying:
            if key not in self.recorded:
                raise requests.ConnectionError(f"not in the record: {request.method} {path}")
        else:
            # The request switches the thread's language; the caller's stays as it was.
            with translation.override(translation.get_language()):
                answer = self.client.generic(
                    request.method, path, data=body,
                    content_type=request.headers.get("Content-Type", ""))
            content = (b"".join(answer.streaming_content) if answer.streaming
                       else answer.content)
            self.recorded[key] = (answer.status_code, dict(answer.items()), content)
        status, headers, content = self.recorded[key]
        response = requests.Response()
        response.status_code, response.headers = status, CaseInsensitiveDict(headers)
        response.raw, response.url, response.request = io.BytesIO(content), request.url, request
        response.encoding = "utf-8"
        return response

    def close(self) -> None:
        pass


@pytest.fixture
def adapter(monkeypatch) -> DjangoAdapter:
    adapter = DjangoAdapter()

    def session() -> requests.Session:
        made = requests.Session()
        made.mount("http://", adapter)
        made.mount("https://", adapter)
        return made

    monkeypatch.setattr(sources, "new_session", session)
    return adapter


def build_council() -> None:
    Council.objects.update_or_create(pk=1, defaults={"name": "Світлогірська міська рада"})
    education = OwnerFactory(name="Управління освіти", edrpou=valid_edrpou())
    UserFactory(owner=education, email="kovalenko@rada.example.ua", last_name="Коваленко",
                first_name="Ірина", patronymic="Петрівна")
    finance = OwnerFactory(name="Фінансове управління", edrpou="", kind=OwnerKind.DEPARTMENT)
    UserFactory(owner=finance, email="bondar@rada.example.ua", last_name="Бондар",
                first_name="Марія", patronymic="Іванівна")
    theme = Theme.objects.order_by("code").first()
    schools = DatasetFactory(owner=education, title="Мережа закладів освіти",
                             name="merezha-shkil", keywords=["освіта", "школи"],
                             themes=[theme.code], periodicity=Periodicity.MONTHLY,
                             published=True)
    add_file(schools, CSV, "schools.csv", "Перелік закладів")
    add_file(schools, "рік,кількість\n2026,12\n".encode(), "stats.csv", "Статистика")
    budget = DatasetFactory(owner=finance, title="Бюджет громади на 2026 рік",
                            name="byudzhet-2026", keywords=["бюджет"],
                            periodicity=Periodicity.YEARLY, published=True,
                            description="Доходи і видатки бюджету громади.\nЗа статтями.")
    add_file(budget, "стаття,сума\nЗарплата,100\n".encode(), "budget.csv", "Видатки")
    DatasetFactory(owner=finance, title="Ще не опубліковано", keywords=["чернетка"])


def catalogue() -> dict[str, dict]:
    """What must come back, by identifier: every published dataset as a reader sees it."""
    result = {}
    for d in Dataset.objects.published().select_related("owner"):
        result[d.identifier] = {
            "title": d.title, "description": d.description, "purpose": d.purpose,
            "periodicity": d.periodicity, "name": d.name,
            "keywords": sorted(k.name for k in d.keywords.all()),
            "themes": sorted(t.code for t in d.themes.all()),
            "owner": (d.owner.name, d.owner.edrpou),
            "files": [(r.title, r.current_version.sha256) for r in d.resources.all()],
        }
    return result


def wipe() -> None:
    Dataset.objects.all().delete()
    Owner.objects.all().delete()
    User.objects.exclude(email="officer@rada.example.ua").delete()
    Keyword.objects.all().delete()


def test_a_council_exported_through_api3_comes_back_whole(adapter, officer):
    build_council()
    before = catalogue()
    source = make_source(base_url=settings.SITE_URL)  # the whole catalogue: no organisation
    # "Export": read the catalogue and every file once through /api/3, keeping the answers.
    report = dry_run(source, at=AT, session=sources.new_session())
    assert sorted(p.title for p in report.plans) == ["Бюджет громади на 2026 рік",
                                                     "Мережа закладів освіти"]
    assert report.counts["unchanged"] == 2  # the catalogue's own datasets, matched
    with sources.new_session() as session:
        for plan in report.plans:
            for file in plan.incoming.files:
                assert session.get(file.url).status_code == 200
    adapter.replaying = True
    wipe()

    job = job_run(import_start(source=source, by=officer, at=AT).pk)

    assert job.status == Status.DONE, list(job.items.values_list("message", flat=True))
    assert catalogue() == before
    schools = Dataset.objects.get(name="merezha-shkil")
    contact = schools.owner.memberships.get().user
    assert (contact.email, contact.full_name) == ("kovalenko@rada.example.ua",
                                                  "Коваленко Ірина Петрівна")
    assert hashlib.sha256(schools.resources.first().current_version.file.read()).hexdigest() \
        == hashlib.sha256(CSV).hexdigest()
    assert not Dataset.objects.filter(title="Ще не опубліковано").exists()


def test_one_owner_is_imported_by_its_organisation(adapter, officer):
    build_council()
    owner = Owner.objects.get(name="Фінансове управління")
    source = make_source(base_url=settings.SITE_URL + "/api/3", organization=owner.slug)

    report = dry_run(source, at=AT)

    assert source.base_url == settings.SITE_URL
    assert [p.title for p in report.plans] == ["Бюджет громади на 2026 рік"]
    assert [p.action for p in report.plans] == ["unchanged"]
    adapter.replaying = True  # the source keeps its answer; the registry changes the title
    dataset_services.dataset_update(dataset=Dataset.objects.get(name="byudzhet-2026"),
                                    by=None, at=AT, title="Бюджет (змінено тут)")
    again = dry_run(source, at=AT)
    assert [(p.action, p.changes) for p in again.plans] == [("update", ["title"])]
