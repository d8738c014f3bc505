"""A real council starts on an empty database: the first page asks for its administrator and
its details, and from then on every page names the council as it was written."""

from __future__ import annotations

from stdnum.ua import edrpou

from radadata.accounts.models import User
from radadata.registry.models import Council

CODE = "0405617" + edrpou.calc_check_digit("0405617")


def test_a_new_installation_is_set_up_in_the_browser(page, transactional_db):
    assert not User.objects.exists()
    page.goto(page.base + "/")
    page.wait_for_url("**/setup/")
    assert page.locator("html").get_attribute("lang") == "uk"
    page.get_by_label("Електронна пошта адміністратора").fill("admin@zelenodolsk.example.ua")
    page.get_by_label("Прізвище адміністратора").fill("Мороз")
    page.get_by_label("Ім'я адміністратора").fill("Тарас")
    page.get_by_label("Пароль адміністратора").fill("довгий-пароль-1")
    # An empty name is refused next to the field, and nothing is saved.
    page.get_by_role("button", name="Налаштувати раду").click()
    assert page.locator(".field.has-error").first.is_visible()
    assert "офіційну назву ради" in page.locator(".field-error").first.inner_text()
    assert not User.objects.exists()

    page.get_by_label("Пароль адміністратора").fill("довгий-пароль-1")
    page.get_by_label("Офіційна назва").fill("Зеленодольська селищна рада")
    page.get_by_label("Вид:", exact=True).select_option("settlement")
    page.get_by_label("Код ЄДРПОУ").fill(CODE)
    page.get_by_label("Голова ради (ПІБ)").fill("Андрієшин Василь Петрович")
    page.get_by_label("Підписує звіти (ПІБ)").fill("Остапчук Олена Іванівна")
    page.get_by_role("button", name="Налаштувати раду").click()
    page.wait_for_url("**/office/council/")
    assert page.get_by_text("Раду налаштовано").is_visible()
    assert page.locator(".brand-council").inner_text() == "Зеленодольська селищна рада"
    council = Council.current()
    assert council.is_set_up and council.edrpou == CODE and council.kind == "settlement"

    # Later edits on the council's page, by the administrator now signed in.
    page.get_by_label("Посада голови").fill("Селищний голова")
    page.get_by_role("button", name="Зберегти зміни").click()
    page.wait_for_url("**/office/council/")
    assert Council.current().head_title == "Селищний голова"
    page.goto(page.base + "/setup/")
    assert page.title() != "Налаштування RadaData"  # the set-up page is gone
    page.goto(page.base + "/")
    assert "Зеленодольська селищна рада" in page.locator("h1").inner_text()
