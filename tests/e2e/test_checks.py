"""A clerk uploads a list with tax numbers: the page shows the check's progress bar, then the
blocking finding; she masks the column, and the new version passes — in the browser. The
worker is played by the test (the database queue holds the job until the test runs it), so the
progress bar is seen before the report. The pages on the way have no serious accessibility
violation."""

from __future__ import annotations

from radadata.jobs.models import Job
from radadata.jobs.services import job_run
from radadata.registry.models import ResourceVersion
from tests.e2e.test_accessibility import _violations, axe_script  # noqa: F401 (fixture)
from tests.factories import DatasetFactory, OwnerFactory, UserFactory

PASSWORD = "correct-horse-battery"
AID = ("№,РНОКПП,Сума\n1,3123456789,1500\n2,2987654320,2000\n3,3456789014,1500\n"
       "4,2876543211,1800\n")


def _sign_in(page, email: str) -> None:
    page.context.clear_cookies()
    page.goto(page.base + "/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def _run_queued_check() -> None:
    """What the worker would do: run the check job waiting in the queue."""
    job = Job.objects.filter(kind="check_version", status="pending").latest("id")
    job_run(job.pk)


def test_the_clerk_masks_tax_numbers_and_the_new_version_passes(page, tmp_path, settings,
                                                                 axe_script):  # noqa: F811
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    owner = OwnerFactory(name="Управління соціального захисту")
    UserFactory(owner=owner, email="clerk@rada.example.ua", password=PASSWORD)
    DatasetFactory(owner=owner, title="Одноразова допомога", name="dopomoha")
    violations: list[str] = []

    _sign_in(page, "clerk@rada.example.ua")
    office_url = page.base + "/office/datasets/dopomoha/"
    page.goto(office_url)
    page.locator("a[href$='/resources/new/']").first.click()
    page.locator("#id_title").fill("Отримувачі 2026")
    data = tmp_path / "dopomoha.csv"
    data.write_text(AID, encoding="utf-8")
    page.locator("#id_file").set_input_files(str(data))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(office_url)

    # The check waits for the worker: the panel shows its progress bar.
    first = ResourceVersion.objects.get()
    panel = page.locator(f"#check-{first.pk}")
    assert panel.get_attribute("data-check-status") == "pending"
    assert panel.locator("progress").count() == 1
    _run_queued_check()
    # The page follows the job and reloads itself when the check is done.
    page.wait_for_selector(f"#check-{first.pk}[data-check-status='done']")
    blocking = page.locator(f"#check-{first.pk} li[data-code='pd_rnokpp']")
    assert blocking.get_attribute("data-severity") == "blocking"
    violations += _violations(page, axe_script)

    # She masks the column from the finding.
    blocking.locator("a[data-column-action='РНОКПП']").click()
    page.wait_for_load_state()
    assert page.locator("section[data-form='anonymise']").count() == 1
    violations += _violations(page, axe_script)
    page.locator("input[name='anonymise-method'][value='mask']").check()
    page.locator("section[data-form='anonymise'] button[type=submit]").click()
    page.wait_for_url("**/check/")
    second = ResourceVersion.objects.get(number=2)
    assert page.url.endswith(f"/files/{second.pk}/check/")
    assert page.locator("#check-state").get_attribute("data-state") == "pending"
    assert page.locator("#check-state progress").count() == 1

    _run_queued_check()
    page.wait_for_selector("#check-state[data-state='passed']")
    assert page.locator("#count-blocking").inner_text() == "0"
    violations += _violations(page, axe_script)
    with second.file.open("rb") as handle:
        assert b"3********9" in handle.read()
    assert not violations, "\n".join(violations)
