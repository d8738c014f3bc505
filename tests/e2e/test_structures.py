"""The owner searches «захисні споруди», picks «Дані про розташування захисних споруд» (2025,
appendix 72) for a dataset, downloads its template, fills two rows, uploads it, and sees the
check pass — in the browser."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from radadata.jobs.models import Job
from radadata.jobs.services import job_run
from radadata.registry.models import ResourceVersion
from tests.e2e.test_accessibility import _violations, axe_script  # noqa: F401 (fixture)
from tests.factories import DatasetFactory, OwnerFactory, UserFactory

PASSWORD = "correct-horse-battery"


def _sign_in(page, email: str) -> None:
    page.context.clear_cookies()
    page.goto(page.base + "/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def _shelter(number: int) -> dict:
    return {
        "uid": f"32140-{number:03d}", "type": "найпростіше укриття",
        "CATUTTC": "UA32140050010021659", "addressPostCode": "07701",
        "addressAdminUnitL1": "Україна", "addressAdminUnitL2": "Київська область",
        "addressAdminUnitL3": "Броварський район", "addressAdminUnitL4": "Згурівська",
        "addressPostName": "Згурівка", "addressThoroughfare": "вул. Київська",
        "addressLocatorDesignator": str(10 + number), "lat": 50.4977 + number / 1000,
        "lon": 31.7766, "ownershipForm": "комунальна",
        "balanceHolderName": "Згурівська селищна рада", "balanceHolderId": "04054903",
        "purpose": "укриття населення", "responsiblePersonName": "Черговий ЄДДС громади",
    }


def _fill(template: bytes, rows: list[dict]) -> bytes:
    workbook = load_workbook(io.BytesIO(template))
    sheet = workbook.active
    names = [cell.value for cell in sheet[1]]
    for number, row in enumerate(rows, start=3):
        for col, name in enumerate(names, start=1):
            sheet.cell(row=number, column=col, value=row.get(name))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_the_owner_follows_the_shelters_structure_and_the_filled_template_passes(
        page, tmp_path, settings, axe_script):  # noqa: F811
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    owner = OwnerFactory(name="Відділ з питань цивільного захисту")
    UserFactory(owner=owner, email="clerk@rada.example.ua", password=PASSWORD)
    DatasetFactory(owner=owner, title="Укриття громади", name="ukryttia")

    _sign_in(page, "clerk@rada.example.ua")
    office_url = page.base + "/office/datasets/ukryttia/"
    page.goto(office_url)
    page.locator("#pick-national-structure").click()
    page.locator("#national-q").fill("захисні споруди")
    page.locator("main form[role=search] button[type=submit]").click()
    page.wait_for_load_state()
    violations = _violations(page, axe_script)
    choice = page.locator("li", has_text="Дані про розташування захисних споруд")
    assert "2025/72-shelters" in choice.inner_text()
    assert "appendix 72" in choice.inner_text() or "додаток 72" in choice.inner_text()
    choice.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "2025/72-shelters" in page.locator("#current-structure").inner_text()

    with page.expect_download() as download:
        page.locator("#download-template").click()
    template = tmp_path / "shelters-template.xlsx"
    download.value.save_as(template)
    filled = tmp_path / "shelters.xlsx"
    filled.write_bytes(_fill(template.read_bytes(), [_shelter(1), _shelter(2)]))

    page.goto(office_url)
    assert "2025/72-shelters" in page.locator("#national-structure-panel").inner_text()
    page.locator("a[href$='/resources/new/']").first.click()
    page.locator("#id_title").fill("Захисні споруди 2026")
    page.locator("#id_file").set_input_files(str(filled))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(office_url)
    version = ResourceVersion.objects.get()
    for job in Job.objects.filter(kind="check_version", status="pending"):
        job_run(job.pk)  # what the worker does
    page.goto(office_url)
    page.wait_for_selector(f"#check-{version.pk}[data-check-status='done']")
    summary = page.locator(f"#check-{version.pk} .check-summary")
    assert "check-passed" in (summary.get_attribute("class") or ""), summary.inner_text()

    # The public pages of the structures, without signing in.
    page.context.clear_cookies()
    page.goto(page.base + "/structures/?q=захисні+споруди")
    assert "2025/72-shelters" in page.locator("main").inner_text()
    assert "не підтверджено" in page.locator("main").inner_text()
    violations += _violations(page, axe_script)
    page.goto(page.base + "/structures/2025/72-shelters/")
    assert "Код КАТОТТГ" in page.locator("main table").inner_text()
    violations += _violations(page, axe_script)
    assert violations == []
