"""Personal data from the check's report, in the browser: a warning about directors' names is
confirmed lawful (§2.5), and a list with names split over three columns is anonymised, after
which its new version passes. The checks run at once (tests/conftest.py)."""

from __future__ import annotations

from radadata.checks.models import ColumnRuling, RulingKind
from radadata.registry.models import ResourceVersion
from tests.e2e.test_accessibility import _violations, axe_script  # noqa: F401 (fixture)
from tests.factories import DatasetFactory, OwnerFactory, UserFactory

PASSWORD = "correct-horse-battery"
DIRECTORS = (
    "Заклад,Директор,Телефон\n"
    "ЗОШ №1,Петренко Іван Петрович,(0462) 67-12-34\n"
    "Ліцей №2,Коваленко Олена Миколаївна,(0462) 67-45-10\n"
    "ЗДО №5,Бондар Марія Степанівна,(0462) 65-11-02\n"
)
QUEUE = (
    "Номер черги,Прізвище,Ім'я,По батькові,Дата взяття на облік\n"
    "1,Шевчук,Олег,Іванович,2019-03-14\n"
    "2,Ткаченко,Марія,Петрівна,2020-07-01\n"
    "3,Мельник,Андрій,Васильович,2021-01-20\n"
    "4,Кравчук,Наталія,Олегівна,2022-05-11\n"
    "5,Гнатюк,Роман,Степанович,2023-09-30\n"
)


def _sign_in(page, email: str) -> None:
    page.context.clear_cookies()
    page.goto(page.base + "/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def _upload(page, tmp_path, *, dataset: str, name: str, text: str) -> ResourceVersion:
    office_url = page.base + f"/office/datasets/{dataset}/"
    page.goto(office_url)
    page.locator("a[href$='/resources/new/']").first.click()
    page.locator("#id_title").fill(name)
    data = tmp_path / f"{dataset}.csv"
    data.write_text(text, encoding="utf-8")
    page.locator("#id_file").set_input_files(str(data))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(office_url)
    version = ResourceVersion.objects.get(resource__dataset__name=dataset)
    page.goto(page.base + f"/office/datasets/{dataset}/files/{version.pk}/check/")
    return version


def test_a_warning_about_directors_is_confirmed_lawful_from_the_report(page, tmp_path,
                                                                      axe_script):  # noqa: F811
    owner = OwnerFactory(name="Управління освіти")
    UserFactory(owner=owner, email="clerk@rada.example.ua", password=PASSWORD)
    dataset = DatasetFactory(owner=owner, title="Заклади освіти", name="zaklady")
    _sign_in(page, "clerk@rada.example.ua")
    _upload(page, tmp_path, dataset="zaklady", name="Керівники закладів", text=DIRECTORS)

    # Nothing blocks, but the directors' names are a warning waiting for an answer.
    assert page.locator("#check-state").get_attribute("data-state") == "passed"
    row = page.locator("tr[data-presumed-column='Директор']")
    assert row.get_attribute("data-answered") == "no"
    assert page.locator("tr[data-code='pd_presumed_lawful'] a[data-confirm-column='Директор']") \
        .count() == 1
    violations = _violations(page, axe_script)

    row.locator("a[data-column-action='Директор']").click()
    page.wait_for_load_state()
    assert page.locator("p[data-presumed='§2.5']").count() == 1
    violations += _violations(page, axe_script)
    # The clause of the warning chooses the decision: officials in their office.
    assert page.locator("input[name='lawful-kind'][value='official']").is_checked()
    page.locator("#id_lawful-note").fill("Директори закладів освіти, на посаді")
    page.locator("section[data-form='lawful'] button[type=submit]").click()
    page.wait_for_url("**/check/")

    assert page.locator("tr[data-presumed-column='Директор']") \
        .get_attribute("data-answered") == "yes"
    ruling = ColumnRuling.objects.get(dataset=dataset, column="Директор")
    assert ruling.kind == RulingKind.OFFICIAL
    assert not violations, "\n".join(violations)


def test_a_list_with_split_names_is_anonymised_from_the_report_and_then_passes(page, tmp_path):
    owner = OwnerFactory(name="Відділ житлового господарства")
    UserFactory(owner=owner, email="clerk@rada.example.ua", password=PASSWORD)
    DatasetFactory(owner=owner, title="Квартирна черга", name="cherha")
    _sign_in(page, "clerk@rada.example.ua")
    first = _upload(page, tmp_path, dataset="cherha", name="Черга 2026", text=QUEUE)

    assert page.locator("#check-state").get_attribute("data-state") == "failed"
    finding = page.locator("section.check-blocking tr[data-code='pd_split_name']").first
    # The finding says why: the three columns together make up full names.
    assert "«Прізвище» + «Ім'я» + «По батькові»" in finding.inner_text()

    page.locator("tr[data-column='Прізвище'] a[data-column-action='Прізвище']").click()
    page.wait_for_load_state()
    page.locator("input[name='anonymise-method'][value='mask']").check()
    page.locator("section[data-form='anonymise'] button[type=submit]").click()
    page.wait_for_url("**/check/")

    second = ResourceVersion.objects.get(resource=first.resource, number=2)
    assert page.url.endswith(f"/files/{second.pk}/check/")
    assert page.locator("#check-state").get_attribute("data-state") == "passed"
    assert page.locator("#count-blocking").inner_text() == "0"
    with second.file.open("rb") as handle:
        text = handle.read().decode("utf-8")
    assert "Шевчук" not in text and "Ш****к" in text
