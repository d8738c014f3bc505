"""An owner's clerk adds a file to their dataset and submits it; the officer finds it in the
queue and accepts it — in the browser. The site answers in Ukrainian to this English browser,
so the test goes by ids, links and data attributes, not by the words on the buttons."""

from __future__ import annotations

from radadata.workflow.models import Submission
from radadata.workflow.states import State
from tests.factories import DatasetFactory, OwnerFactory, UserFactory, officer

PASSWORD = "correct-horse-battery"
CSV_BYTES = "назва,адреса\nДитячий садок «Сонечко»,вул. Соборна 3\n"


def _sign_in(page, email: str) -> None:
    page.context.clear_cookies()
    page.goto(page.base + "/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def _state(page) -> str:
    return page.locator("#state").get_attribute("data-state")


def test_the_clerk_submits_and_the_officer_accepts_from_the_queue(page, tmp_path):
    owner = OwnerFactory(name="Управління освіти", short_name="Освіта")
    UserFactory(owner=owner, email="clerk@rada.example.ua", password=PASSWORD)
    officer(email="opendata@rada.example.ua", password=PASSWORD, last_name="Бондар")
    dataset = DatasetFactory(owner=owner, title="Перелік дитячих садків", name="sadky")

    # The clerk adds the file on the dataset's page, then submits the dataset.
    _sign_in(page, "clerk@rada.example.ua")
    office_url = page.base + "/office/datasets/sadky/"
    page.goto(office_url)
    page.locator("a[href$='/resources/new/']").first.click()
    page.locator("#id_title").fill("Садки 2026")
    data = tmp_path / "sadky.csv"
    data.write_text(CSV_BYTES, encoding="utf-8")
    page.locator("#id_file").set_input_files(str(data))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(office_url)

    page.locator("form[data-open='new'] button[type=submit]").click()
    page.wait_for_url("**/office/submissions/*/")
    assert _state(page) == State.DRAFT
    assert page.locator("tr[data-version]").count() == 1
    assert page.locator("a#letter-docx").get_attribute("href").endswith("/letter.docx")
    page.locator("form[data-action='submit'] button[type=submit]").click()
    page.wait_for_load_state()
    assert _state(page) == State.RECEIVED
    submission = Submission.objects.get(dataset=dataset)

    # The officer finds it in the queue and accepts it.
    _sign_in(page, "opendata@rada.example.ua")
    page.goto(page.base + "/office/")
    page.locator("#nav-queue").click()
    page.wait_for_url("**/office/queue/")
    row = page.locator(f"tr[data-submission='{submission.pk}']")
    assert row.count() == 1
    assert row.get_attribute("data-state") == State.RECEIVED
    assert "Перелік дитячих садків" in row.inner_text()
    row.locator("a").first.click()
    page.wait_for_url(f"**/office/submissions/{submission.pk}/")
    page.locator("form[data-action='accept'] button[type=submit]").click()
    page.wait_for_load_state()
    assert _state(page) == State.ACCEPTED
    assert page.locator("tr[data-event-action='accept']").count() == 1
    submission.refresh_from_db()
    assert submission.state == State.ACCEPTED
