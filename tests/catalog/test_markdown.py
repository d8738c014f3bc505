"""Descriptions in Markdown: rendered, and nothing in them can run a script."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from radadata.catalog.markdown import render


def test_markdown_is_rendered():
    html = render("Дані **щокварталу**.\n\n- школи\n- ліцеї\n\n[Сайт](https://rada.example.ua)")
    assert "<strong>щокварталу</strong>" in html
    assert "<li>школи</li>" in html
    assert '<a href="https://rada.example.ua" rel="nofollow noopener">Сайт</a>' in html


@pytest.mark.parametrize("text", [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    '<a href="#" onclick="alert(1)">x</a>',
])
def test_nothing_executable_survives(text):
    html = render(text)
    # Raw HTML is shown as text (escaped); a javascript: link is not made a link.
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert html.startswith("<p>") and ("&lt;" in html or "javascript:alert(1)" in html)


def test_images_are_dropped():
    assert "<img" not in render("![tracker](https://example.com/pixel.png)")


def test_headings_sit_below_the_page_headings():
    assert render("# Про набір\n\n## Джерела").startswith("<h3>Про набір</h3>\n<h4>")


def test_empty_text_gives_nothing():
    assert render("") == "" and render("   \n") == ""


def test_the_template_filter_does_not_escape_the_result_twice():
    html = Template("{% load catalog_tags %}{{ text|markdown }}").render(
        Context({"text": "a *b* <b>c</b>"}))
    assert html.strip() == "<p>a <em>b</em> &lt;b&gt;c&lt;/b&gt;</p>"
