"""The production Content-Security-Policy, enforced by a real browser, blocks nothing the site
itself needs: the sign-in, the catalogue, the office dashboard with its charts, a job page with
its progress script. (The header is added to every answer here as prod.py's django-csp sends
it; the live server runs the test settings.)"""

from __future__ import annotations

from csp.utils import build_policy
from django.conf import settings

from radadata.config.settings.base import CSP_POLICY
from tests.factories import DatasetFactory, add_file, officer


def _enforce(page) -> list[str]:
    policy = build_policy(config=CSP_POLICY["DIRECTIVES"])
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)

    def add_header(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers,
                                                  "content-security-policy": policy})

    page.route("**/*", add_header)
    return refused


def test_the_site_needs_no_exception_from_its_policy(page, transactional_db):
    assert settings.DEBUG is False
    officer(email="opendata@rada.example.ua", password="correct-horse-battery",
            last_name="Бондар", first_name="Марія")
    dataset = DatasetFactory(published=True)
    add_file(dataset, "id,назва\n1,Ліцей\n".encode(), filename="schools.csv")
    refused = _enforce(page)

    page.goto(page.base + "/login/")
    page.get_by_label("Електронна пошта").fill("opendata@rada.example.ua")
    page.get_by_label("Пароль").fill("correct-horse-battery")
    page.get_by_role("button", name="Увійти").click()
    page.wait_for_load_state("networkidle")
    for path in ("/datasets/", dataset.get_absolute_url(), "/office/", "/office/jobs/",
                 "/office/dashboard/"):
        response = page.goto(page.base + path)
        assert response is not None and response.status < 400, path
        page.wait_for_load_state("networkidle")

    assert refused == []
