"""The site opens in Ukrainian and a member of staff signs in."""

from __future__ import annotations

from tests.factories import officer


def test_home_page_is_ukrainian_and_sign_in_works(page, transactional_db):
    officer(email="opendata@rada.example.ua", password="correct-horse-battery",
            last_name="Бондар", first_name="Марія")
    page.goto(page.base + "/")
    assert page.locator("html").get_attribute("lang") == "uk"
    page.get_by_role("link", name="Увійти").click()
    page.get_by_label("Електронна пошта").fill("opendata@rada.example.ua")
    page.get_by_label("Пароль").fill("correct-horse-battery")
    page.get_by_role("button", name="Увійти").click()
    page.wait_for_url("**/")
    assert page.get_by_text("Бондар Марія").is_visible()
