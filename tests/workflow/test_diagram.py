"""docs/workflow.md shows the workflow as the code has it: its diagram and table are generated
from states.TRANSITIONS, and this test fails as soon as they differ."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from radadata.workflow import diagram
from radadata.workflow.states import TRANSITIONS, State


def test_the_docs_show_the_transitions_of_the_code():
    text = diagram.docs_path().read_text(encoding="utf-8")
    assert diagram.generated_part(text) == diagram.render(), (
        "docs/workflow.md shows another workflow than states.py: "
        "run `radadata workflow_diagram --write`")


def test_one_arrow_per_transition_with_its_action_and_actors():
    arrows = re.findall(r"^    (\w+) --> (\w+): (.+)$", diagram.render(), flags=re.MULTILINE)
    assert len(arrows) == len(TRANSITIONS)
    assert ("received", "uploaded",
            "record the upload to the portal (officer, §1.15.2 editor)") in arrows
    assert ("checking", "returned", "checks failed (system)") in arrows


def test_every_state_is_drawn_with_its_label_and_the_ends_are_marked():
    generated = diagram.render()
    assert "    portal_rejected: rejected by the portal administrator" in generated
    assert "    [*] --> draft" in generated
    assert "    published --> [*]" in generated and "    withdrawn --> [*]" in generated
    for state in State:
        assert f"\n    {state.value}: " in generated


def test_the_table_names_the_conditions():
    rows = [line for line in diagram.render().splitlines() if line.startswith("| ")]
    assert len(rows) == 1 + len(TRANSITIONS)  # the header and one row per transition
    assert ("| received by the officer | return to the owner | returned to the owner | "
            "officer | `reason_required`: ") in diagram.render()


def test_the_diagram_is_english_whatever_the_language():
    with translation.override("uk"):
        ukrainian_request = diagram.render()
    assert ukrainian_request == diagram.render()
    assert "received by the officer" in ukrainian_request


def test_the_command_prints_the_markdown():
    out = io.StringIO()
    call_command("workflow_diagram", stdout=out)
    assert out.getvalue().strip() == diagram.render()


def test_write_replaces_only_the_generated_part(tmp_path):
    page = tmp_path / "workflow.md"
    page.write_text(f"# Before\n\n{diagram.BEGIN}\nan old diagram\n{diagram.END}\n\nAfter.\n",
                    encoding="utf-8")
    out = io.StringIO()
    call_command("workflow_diagram", "--write", "--file", str(page), stdout=out)
    text = page.read_text(encoding="utf-8")
    assert text.startswith(f"# Before\n\n{diagram.BEGIN}\n<!-- Do not edit by hand")
    assert text.endswith(f"\n{diagram.END}\n\nAfter.\n")
    assert "an old diagram" not in text
    assert diagram.generated_part(text) == diagram.render()
    assert "rewritten" in out.getvalue()
    call_command("workflow_diagram", "--write", "--file", str(page), stdout=out)
    assert page.read_text(encoding="utf-8") == text
    assert "up to date" in out.getvalue()


def test_write_refuses_a_page_without_the_markers(tmp_path):
    page = tmp_path / "workflow.md"
    page.write_text("# The workflow\n", encoding="utf-8")
    with pytest.raises(CommandError, match="markers"):
        call_command("workflow_diagram", "--write", "--file", str(page))
    assert page.read_text(encoding="utf-8") == "# The workflow\n"
