"""axe-core (pinned in package.json) on the main public and office pages: no violation of
impact "serious" or "critical" (WCAG 2.1 AA and axe's best practices). A failure lists each
violation with the elements it was found on."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from radadata.registry.services import datasets as dataset_services
from tests.factories import AT, DatasetFactory, OwnerFactory, add_file, officer

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PASSWORD = "correct-horse-battery"
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """scripts/ensure-axe installs axe-core from package-lock.json when node_modules lacks it."""
    if not AXE.exists() and shutil.which("npm") is None:
        pytest.skip("npm is missing: install Node.js and npm to run the accessibility test.")
    done = subprocess.run([str(ROOT / "scripts" / "ensure-axe")], capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, f"scripts/ensure-axe failed:\n{done.stderr}"
    return AXE


def _violations(page, axe: Path) -> list[str]:
    page.add_script_tag(path=str(axe))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    found = []
    for violation in results["violations"]:
        if violation["impact"] not in BLOCKING:
            continue
        targets = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        found.append(f"{page.url} [{violation['impact']}] {violation['id']}: "
                     f"{violation['help']} — {targets}")
    return found


def _visit(page, path: str) -> int:
    response = page.goto(page.base + path)
    page.wait_for_load_state()
    return response.status


def test_main_pages_have_no_serious_or_critical_violations(page, axe_script):
    owner = OwnerFactory(name="Управління освіти", short_name="Освіта")
    officer(email="opendata@rada.example.ua", password=PASSWORD, last_name="Бондар",
            first_name="Марія")
    dataset = DatasetFactory(owner=owner, title="Перелік закладів загальної середньої освіти",
                             name="shkoly", keywords=["освіта", "школи"],
                             description="Назви, адреси та контакти **шкіл** громади.")
    add_file(dataset, content="назва,адреса\nЛіцей №1,вул. Соборна 3\n".encode())
    dataset_services.dataset_mark_published(dataset=dataset, by=None, at=AT)
    DatasetFactory(owner=owner, title="Мережа закладів дошкільної освіти", name="sadky")

    found: list[str] = []
    for path in ("/", "/registry/", "/dataset/shkoly"):
        assert _visit(page, path) == 200, path
        found += _violations(page, axe_script)
    # Pages of the public catalogue that other parts of the issue add: checked once they exist.
    for path in ("/datasets/?q=школа", "/requests/", "/requests/new/"):
        if _visit(page, path) == 200:
            found += _violations(page, axe_script)

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

    assert not found, "axe-core found serious or critical violations:\n" + "\n".join(found)
