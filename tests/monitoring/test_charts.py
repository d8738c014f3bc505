"""The dashboard's charts: inline SVG that names what it shows for screen readers, keeps the
owners' names as escaped text, and is left out when there is nothing to draw."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from radadata.monitoring.charts import DESC_OWNERS, coverage_chart, schedule_chart
from radadata.monitoring.selectors import OwnerFigures
from radadata.registry.models import Owner


def figures(name: str, pk: int = 1, **numbers) -> OwnerFigures:
    return OwnerFigures(owner=Owner(pk=pk, name=name), **numbers)


def test_the_coverage_chart_describes_each_owner():
    chart = coverage_chart([figures("Управління освіти", approved=4, approved_published=3),
                            figures("Відділ без переліку", pk=2)])
    root = ElementTree.fromstring(str(chart.svg))
    ns = {"svg": "http://www.w3.org/2000/svg"}
    assert root.get("role") == "img"
    assert root.find("svg:title", ns).text == chart.title
    desc = root.find("svg:desc", ns).text
    assert "Управління освіти" in desc and "3" in desc and "4" in desc
    assert "Відділ без переліку" not in desc  # nothing of it on the list: not drawn
    assert "Управління освіти" in str(chart.svg).split("</desc>", 1)[1]  # text, not paths


def test_names_are_escaped_and_ids_prefixed():
    chart = schedule_chart([figures("<script>alert(1)</script> & Co", scheduled=3, overdue=1)])
    svg = str(chart.svg)
    assert "<script>" not in svg
    ElementTree.fromstring(svg)  # well-formed
    ids = re.findall(r'\bid="([^"]+)"', svg)
    assert ids and all(i.startswith("chart-schedule-") for i in ids)


def test_a_long_list_of_owners_points_to_the_table():
    many = [figures(f"Відділ {n}", pk=n, approved=1) for n in range(DESC_OWNERS + 5)]
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", str(coverage_chart(many).svg)).group(1)
    assert f"Відділ {DESC_OWNERS - 1}:" in desc and f"Відділ {DESC_OWNERS}:" not in desc


def test_no_chart_without_figures():
    assert coverage_chart([figures("Відділ", approved=0)]) is None
    assert schedule_chart([figures("Відділ", scheduled=0)]) is None
    assert coverage_chart([]) is None
