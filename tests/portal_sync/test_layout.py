"""Where the push puts each field (top level, extras, nowhere) and how a portal's answer
teaches it; keywords as CKAN's tag validator accepts them."""

from __future__ import annotations

from radadata.api.ckan.dicts import portal_tag
from radadata.portal_sync.layout import PUSH, SCHEMA, Layout

FIELDS = {"title": "Школи", "tag_string": "освіта,школи", "update_frequency": "once a year",
          "purpose_of_collecting_information": "Закон", "language": "uk",
          "publisher_name": "Управління освіти", "identifier": "abc", "issued": ""}


def test_a_schema_puts_its_fields_top_level_and_the_rest_in_extras():
    layout = Layout.from_schema({"dataset_fields": [{"field_name": "title"},
                                                    {"field_name": "update_frequency"}]})

    body = layout.payload(FIELDS)

    assert layout.source == SCHEMA
    assert body["update_frequency"] == "once a year" and body["title"] == "Школи"
    assert {e["key"] for e in body["extras"]} == {
        "purpose_of_collecting_information", "language", "publisher_name", "identifier"}
    assert [t["name"] for t in body["tags"]] == ["освіта", "школи"]


def test_a_portal_that_dropped_top_level_fields_gets_them_in_extras_then_nowhere():
    guess = Layout()
    dropped_all = {"title": "Школи", "extras": []}

    moved = guess.verified(FIELDS, dropped_all)
    assert moved.source == PUSH
    assert moved.place("update_frequency") == "extras"  # tried again in extras

    gone = moved.verified(FIELDS, dropped_all)
    assert gone.place("update_frequency") == "none"
    assert "update_frequency" not in gone.kept(FIELDS)  # never compared for drift again
    assert "update_frequency" not in {e["key"] for e in gone.payload(FIELDS)["extras"]}


def test_keywords_become_tags_ckan_accepts():
    assert portal_tag("безбар'єрність") == "безбар\u02bcєрність"
    assert portal_tag("безбар’єрність") == "безбар\u02bcєрність"
    assert portal_tag("ціни/тарифи") == "ціни тарифи"
    assert portal_tag("я") == ""
