"""The clerk's day in a browser: what she types survives a check that finishes meanwhile, the
portal's real dates go into the timeline, and no page scrolls sideways on a phone."""

from __future__ import annotations

from radadata.jobs.models import Job
from radadata.jobs.services import job_run
from radadata.registry.models import ResourceVersion
from tests.factories import DatasetFactory, OwnerFactory, UserFactory

PASSWORD = "correct-horse-battery"


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


def test_a_comment_being_typed_survives_the_check_finishing(page, tmp_path, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    owner = OwnerFactory(name="Управління освіти")
    UserFactory(owner=owner, email="clerk@rada.example.ua", password=PASSWORD)
    DatasetFactory(owner=owner, title="Мережа закладів освіти", name="merezha")

    _sign_in(page, "clerk@rada.example.ua")
    office_url = page.base + "/office/datasets/merezha/"
    page.goto(office_url)
    page.locator("a[href$='/resources/new/']").first.click()
    page.locator("#id_title").fill("Заклади 2026")
    data = tmp_path / "zaklady.csv"
    data.write_text("назва,адреса\nЛіцей №1,вул. Соборна 3\n", encoding="utf-8")
    page.locator("#id_file").set_input_files(str(data))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(office_url)

    version = ResourceVersion.objects.get()
    panel = page.locator(f"#check-{version.pk}")
    assert panel.get_attribute("data-check-status") == "pending"
    # A mark that a reload would wipe.
    page.evaluate("window.sameDocument = true")
    comment = page.locator("#id_open_note")
    comment.click()
    comment.type("Оновлено за даними на 1 грудня")

    _run_queued_check()
    page.wait_for_selector(f"#check-{version.pk}[data-check-status='done']")
    assert "Перевірку пройдено" in page.locator(f"#check-{version.pk}").inner_text()
    assert page.evaluate("window.sameDocument === true"), "the page reloaded"
    assert comment.input_value() == "Оновлено за даними на 1 грудня"
    comment.type(", без змін у структурі")
    assert comment.input_value().endswith("без змін у структурі")
