"""The clerk's day in a browser: what she types survives a check that finishes meanwhile, the
portal's real dates go into the timeline, and no page scrolls sideways on a phone."""

from __future__ import annotations

import io

from django.utils import timezone

from radadata.jobs.models import Job
from radadata.jobs.services import job_run
from radadata.registry.models import ResourceVersion
from radadata.registry.services import resources as resource_services
from radadata.workflow.services import submission_open, submission_transition
from radadata.workflow.states import Action
from tests.factories import AT, DatasetFactory, OwnerFactory, UserFactory, add_file, officer

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


def test_the_officer_enters_the_portals_dates_and_the_timeline_shows_both(page):
    owner = OwnerFactory(name="Управління освіти")
    clerk = UserFactory(owner=owner, email="clerk@rada.example.ua", password=PASSWORD)
    officer(email="opendata@rada.example.ua", password=PASSWORD)
    dataset = DatasetFactory(owner=owner, title="Мережа закладів освіти", name="merezha")
    add_file(dataset, content="назва,адреса\nЛіцей №1,вул. Соборна 3\n".encode())
    submission = submission_open(dataset=dataset, by=clerk, at=AT)
    submission_transition(submission=submission, action=Action.SUBMIT, by=clerk, at=AT)

    _sign_in(page, "opendata@rada.example.ua")
    page.goto(page.base + f"/office/submissions/{submission.pk}/")
    upload = page.locator("form[data-action='upload']")
    when = upload.locator("input[type='datetime-local']")
    assert when.is_visible(), "the portal's date is asked without opening anything"
    # A date in the future is refused with the reason, next to the field.
    when.fill("2099-01-01T10:00")
    upload.locator("button[type=submit]").click()
    page.wait_for_load_state()
    error = page.locator("form[data-action='upload'] .field-error")
    assert "не може бути пізнішою" in error.inner_text()

    page.locator("form[data-action='upload'] input[type='datetime-local']").fill(
        "2026-03-03T15:30")
    page.locator("form[data-action='upload'] button[type=submit]").click()
    page.wait_for_load_state()
    row = page.locator("tr[data-event-action='upload']")
    assert "на порталі 03.03.2026 15:30" in row.inner_text()
    assert "записано" in row.inner_text()
    submission.refresh_from_db()
    assert timezone.localtime(submission.uploaded_at).strftime("%d.%m.%Y %H:%M") == \
        "03.03.2026 15:30"


PHONE = 360
WIDE_FILE = ("№,Назва закладу,Повна адреса,Телефон,Електронна пошта,Код ЄДРПОУ,Кількість учнів,"
             "Директор,Сайт\n1,Ліцей №1 Світлогірської міської ради,"
             "вулиця Соборна 3 м. Світлогірськ,"
             "+380441234567,lyceum1@osvita.svitlohirsk.example.ua,02145033,850,"
             "Коваленко Ірина Петрівна,https://lyceum1.svitlohirsk.example.ua/pro-zaklad/\n")


def _sideways(page) -> list[str]:
    """What makes the page wider than the screen, outside a region that scrolls by itself."""
    return page.evaluate("""(width) => {
        if (document.documentElement.scrollWidth <= width) return [];
        const out = [];
        for (const el of document.querySelectorAll('body *')) {
          const r = el.getBoundingClientRect();
          if (r.right <= width + 1 || r.width === 0) continue;
          let p = el.parentElement, inside = false;
          while (p) {
            if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) {
              inside = true; break;
            }
            p = p.parentElement;
          }
          if (!inside) out.push(el.tagName.toLowerCase() + ' ' + Math.round(r.right));
        }
        return [document.documentElement.scrollWidth + 'px', ...out.slice(0, 5)];
    }""", PHONE)


def test_no_page_scrolls_sideways_on_a_phone(page):
    owner = OwnerFactory(name="Управління освіти Світлогірської міської ради")
    clerk = UserFactory(owner=owner, email="clerk@rada.example.ua", password=PASSWORD)
    officer(email="opendata@rada.example.ua", password=PASSWORD)
    dataset = DatasetFactory(owner=owner, name="merezha-zakladiv-osvity",
                             title="Мережа закладів загальної середньої освіти Світлогірської "
                                   "міської територіальної громади",
                             keywords=["освіта", "заклади загальної середньої освіти"])
    add_file(dataset, content=WIDE_FILE.encode(), filename="merezha-zakladiv-osvity-2026.csv")
    submission = submission_open(dataset=dataset, by=clerk, at=AT)
    submission_transition(submission=submission, action=Action.SUBMIT, by=clerk, at=AT)
    submission_transition(submission=submission, action=Action.UPLOAD, by=None, at=AT)
    submission_transition(submission=submission, action=Action.PUBLISH, by=None, at=AT)

    page.set_viewport_size({"width": PHONE, "height": 740})
    wide: dict[str, list[str]] = {}
    public = ["/", "/datasets/", "/datasets/?q=освіта", "/registry/", "/requests/",
              "/requests/new/", "/login/", f"/dataset/{dataset.name}"]
    office = ["/office/", "/office/dashboard/", "/office/datasets/",
              f"/office/datasets/{dataset.name}/", "/office/queue/", "/office/submissions/",
              f"/office/submissions/{submission.pk}/", "/office/notices/", "/office/owners/",
              "/office/people/", "/office/approved-list/", "/office/audit/", "/office/reports/",
              "/office/jobs/", "/office/import/"]
    for path in public:
        assert page.goto(page.base + path).status == 200, path
        wide[path] = _sideways(page)
    _sign_in(page, "opendata@rada.example.ua")
    for path in office:
        assert page.goto(page.base + path).status == 200, path
        wide[path] = _sideways(page)
        # A table wider than its region is reachable from the keyboard, to scroll it.
        unreachable = page.evaluate("""() => Array.from(document.querySelectorAll('.table-scroll'))
            .filter(r => r.scrollWidth > r.clientWidth + 1 && r.tabIndex < 0).length""")
        assert unreachable == 0, path
    assert not {path: what for path, what in wide.items() if what}, wide


def test_a_submission_being_checked_shows_the_result_in_place(page, tmp_path, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from radadata.registry import hooks

    owner = OwnerFactory(name="Управління освіти")
    clerk = UserFactory(owner=owner, email="clerk@rada.example.ua", password=PASSWORD)
    dataset = DatasetFactory(owner=owner, title="Мережа закладів освіти", name="merezha")
    with hooks.work_inline(False):  # the check waits for the worker, as in production
        resource = resource_services.resource_create(dataset=dataset, title="Заклади",
                                                     by=clerk, at=AT)
        resource_services.version_add(resource=resource, filename="zaklady.csv", by=clerk,
                                      stream=io.BytesIO("назва\nЛіцей №1\n".encode()), at=AT)
    submission = submission_open(dataset=dataset, by=clerk, at=AT)
    submission_transition(submission=submission, action=Action.SUBMIT, by=clerk, at=AT)
    submission.refresh_from_db()
    assert submission.state == "checking"

    _sign_in(page, "clerk@rada.example.ua")
    page.goto(page.base + f"/office/submissions/{submission.pk}/")
    assert page.locator("#checks-section progress").count() == 1
    page.evaluate("window.sameDocument = true")
    _run_queued_check()
    page.wait_for_selector("#checks-section:not(:has(progress))")
    assert page.locator("#checks-waiting").count() == 0
    assert "Проблем не виявлено" in page.locator("#checks-section").inner_text()
    assert page.evaluate("window.sameDocument === true"), "the page reloaded"
