"""axe-core (pinned in package.json) on the main public and office pages: no violation of
impact "serious" or "critical" (WCAG 2.1 AA and axe's best practices), and on the pages of the
public catalogue none of impact "moderate" either. A failure lists each violation with the
elements it was found on."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from radadata.registry.services import datasets as dataset_services
from radadata.registry.services import resources as resource_services
from tests.factories import AT, DatasetFactory, OwnerFactory, add_file, officer

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PASSWORD = "correct-horse-battery"
BLOCKING = {"serious", "critical"}
#: The public catalogue, what citizens use, is held to more.
BLOCKING_PUBLIC = BLOCKING | {"moderate"}


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """scripts/ensure-axe installs axe-core from package-lock.json when node_modules lacks it."""
    if not AXE.exists() and shutil.which("npm") is None:
        pytest.skip("npm is missing: install Node.js and npm to run the accessibility test.")
    done = subprocess.run([str(ROOT / "scripts" / "ensure-axe")], capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, f"scripts/ensure-axe failed:\n{done.stderr}"
    return AXE


def _violations(page, axe: Path, blocking: set[str] = BLOCKING) -> list[str]:
    page.add_script_tag(path=str(axe))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    found = []
    for violation in results["violations"]:
        if violation["impact"] not in blocking:
            continue
        targets = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        found.append(f"{page.url} [{violation['impact']}] {violation['id']}: "
                     f"{violation['help']} — {targets}")
    return found


def _visit(page, path: str) -> int:
    response = page.goto(page.base + path)
    page.wait_for_load_state()
    return response.status


def test_main_pages_have_no_blocking_violations(page, axe_script):
    owner = OwnerFactory(name="Управління освіти", short_name="Освіта")
    officer(email="opendata@rada.example.ua", password=PASSWORD, last_name="Бондар",
            first_name="Марія")
    dataset = DatasetFactory(owner=owner, title="Перелік закладів загальної середньої освіти",
                             name="shkoly", keywords=["освіта", "школи"],
                             description="Назви, адреси та контакти **шкіл** громади.")
    # Files titled like the page's "Дані" section and like each other: their names must not
    # make two landmarks of one name (axe's moderate "landmark-unique").
    add_file(dataset, content="назва,адреса\nЛіцей №1,вул. Соборна 3\n".encode())
    same_title = resource_services.resource_create(dataset=dataset, title="Дані", by=None, at=AT)
    resource_services.version_add(resource=same_title, stream=io.BytesIO(b"id\n1\n"),
                                  filename="ids.csv", by=None, at=AT)
    dataset_services.dataset_mark_published(dataset=dataset, by=None, at=AT)
    DatasetFactory(owner=owner, title="Мережа закладів дошкільної освіти", name="sadky")

    found: list[str] = []
    for path in ("/", "/registry/", "/dataset/shkoly", "/datasets/?q=школа", "/requests/",
                 "/requests/new/"):
        assert _visit(page, path) == 200, path
        found += _violations(page, axe_script, BLOCKING_PUBLIC)

    # The sign-in form, empty and with its error message, then the office.
    assert _visit(page, "/login/") == 200
    found += _violations(page, axe_script)
    page.locator("#id_username").fill("opendata@rada.example.ua")
    page.locator("#id_password").fill("wrong-password")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    found += _violations(page, axe_script)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: "/login/" not in url)
    for path in ("/office/", "/office/datasets/", "/office/datasets/sadky/"):
        assert _visit(page, path) == 200, path
        found += _violations(page, axe_script)

    assert not found, "axe-core found violations:\n" + "\n".join(found)


def test_every_public_and_office_page_has_no_blocking_violation(page, axe_script):
    """Every page a citizen, a clerk or the officer reaches, with real content on it: a
    published dataset with a file and a submission on its way."""
    from radadata.workflow.services import submission_open, submission_transition
    from radadata.workflow.states import Action
    from tests.factories import UserFactory

    owner = OwnerFactory(name="Управління освіти", short_name="Освіта")
    clerk = UserFactory(owner=owner, email="clerk@rada.example.ua", password=PASSWORD)
    officer(email="opendata@rada.example.ua", password=PASSWORD)
    dataset = DatasetFactory(owner=owner, title="Перелік закладів загальної середньої освіти",
                             name="shkoly", keywords=["освіта"])
    add_file(dataset, content="назва,адреса\nЛіцей №1,вул. Соборна 3\n".encode())
    submission = submission_open(dataset=dataset, by=clerk, at=AT)
    submission_transition(submission=submission, action=Action.SUBMIT, by=clerk, at=AT)
    version = dataset.resources.first().versions.first()

    found: list[str] = []
    for path in ("/", "/datasets/", "/registry/", "/requests/", "/requests/new/",
                 "/developers/", "/structures/", "/login/", "/dataset/shkoly"):
        response = page.goto(page.base + path)
        page.wait_for_load_state()
        if response.status == 404:
            continue  # not published yet: the page is not there for the public
        found += _violations(page, axe_script)
    page.goto(page.base + "/login/")
    page.locator("#id_username").fill("opendata@rada.example.ua")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: "/login/" not in url)
    office = ["/office/", "/office/dashboard/", "/office/datasets/", "/office/datasets/shkoly/",
              f"/office/submissions/{submission.pk}/", "/office/submissions/", "/office/queue/",
              "/office/notices/", "/office/owners/", "/office/people/", "/office/approved-list/",
              "/office/audit/", "/office/reports/", "/office/jobs/", "/office/import/",
              "/office/portal/", "/office/feedback/", "/office/requests/", "/office/tokens/",
              f"/office/datasets/shkoly/files/{version.pk}/check/",
              "/office/datasets/shkoly/structure/", "/office/datasets/shkoly/archive/",
              "/office/datasets/new/"]
    for path in office:
        response = page.goto(page.base + path)
        page.wait_for_load_state()
        assert response.status == 200, path
        found += _violations(page, axe_script)
    assert not found, "axe-core found violations:\n" + "\n".join(found)
