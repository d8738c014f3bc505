"""The officer signs in, registers a dataset with a file, publishes it and finds it in the
published registry — in the browser, and in the CSV a harvester downloads."""

from __future__ import annotations

import csv
import io

from tests.factories import OwnerFactory, officer

TITLE = "Перелік зупинок громадського транспорту"
CSV_BYTES = "номер,назва,вулиця\n1,Центральна площа,вул. Соборна\n2,Вокзал,вул. Привокзальна\n"


def _sign_in(page, email: str, password: str) -> None:
    page.goto(page.base + "/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def test_officer_registers_publishes_and_finds_the_dataset_in_the_registry(page, tmp_path):
    owner = OwnerFactory(name="Управління транспорту та зв'язку", short_name="Транспорт")
    officer(email="opendata@rada.example.ua", password="correct-horse-battery",
            last_name="Бондар", first_name="Марія", patronymic="Іванівна")
    _sign_in(page, "opendata@rada.example.ua", "correct-horse-battery")

    # Register the dataset through the passport form.
    page.goto(page.base + "/office/datasets/new/")
    page.locator("#id_owner").select_option(label=str(owner))
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_description").fill("Зупинки міських автобусних і тролейбусних маршрутів.")
    page.locator("#id_purpose").fill("Закон України «Про автомобільний транспорт»")
    page.locator("#id_periodicity").select_option("once a quarter")
    page.locator("#id_keywords").fill("транспорт, зупинки")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/office/datasets/*/")
    assert page.locator("h1").inner_text() == TITLE
    office_url = page.url

    # Add its first file.
    page.locator("a[href$='/resources/new/']").click()
    page.locator("#id_title").fill("Зупинки 2026")
    data = tmp_path / "zupynky.csv"
    data.write_text(CSV_BYTES, encoding="utf-8")
    page.locator("#id_file").set_input_files(str(data))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(office_url)
    assert page.get_by_text("zupynky.csv").first.is_visible()

    # Publish it, then read the public registry as anybody would.
    page.locator("form[action$='/publish/'] button").click()
    page.wait_for_url(office_url)
    page.goto(page.base + "/registry/")
    row = page.locator("tr", has_text=TITLE)
    assert row.count() == 1
    assert "Управління транспорту та зв'язку" in row.inner_text()

    response = page.request.get(page.base + "/registry.csv")
    assert response.ok
    rows = list(csv.DictReader(io.StringIO(response.body().decode("utf-8"))))
    mine = [r for r in rows if r["title"] == TITLE]
    assert len(mine) == 1
    assert mine[0]["format"] == "CSV"
    assert mine[0]["accrualPeriodicity"] == "Щокварталу"
    assert mine[0]["publisherIdentifier"] == owner.edrpou
    assert mine[0]["contactPointFn"] == ""  # the owner has no responsible person yet
    assert mine[0]["landingPage"].endswith(office_url.rstrip("/").rsplit("/", 1)[-1])

    # The file downloads from the public page with its original bytes.
    page.goto(mine[0]["landingPage"])
    with page.expect_download() as download:
        page.locator("a[href*='/resource/']", has_text="zupynky.csv").first.click()
    assert download.value.path().read_bytes() == CSV_BYTES.encode("utf-8")
