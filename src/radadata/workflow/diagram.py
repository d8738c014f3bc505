"""The workflow drawn from states.TRANSITIONS: a Mermaid state diagram and a table of every
transition. docs/workflow.md carries them between two marker comments; `radadata
workflow_diagram --write` rewrites that part and a test fails when it differs, so the
documentation cannot drift from the code.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from radadata.workflow.states import OPEN, TRANSITIONS, Actor, State, Transition

BEGIN = "<!-- generated: workflow_diagram -->"
END = "<!-- end generated -->"

#: Short names for the arrows; Actor's labels are sentences, too long for a diagram.
ACTOR_NAMES = {
    Actor.SYSTEM: _("system"),
    Actor.OWNER: _("owner"),
    Actor.OFFICE: _("officer"),
    Actor.PORTAL_EDITOR: _("§1.15.2 editor"),
}


def docs_path() -> Path:
    """docs/workflow.md of the source tree (the package lives in src/radadata)."""
    return Path(settings.PACKAGE_DIR).parents[1] / "docs" / "workflow.md"


def _actors(transition: Transition) -> str:
    return ", ".join(str(ACTOR_NAMES[actor]) for actor in Actor if actor in transition.actors)


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def mermaid() -> str:
    """A `stateDiagram-v2`: each state with its label, one arrow per transition."""
    lines = ["```mermaid", "stateDiagram-v2"]
    lines += [f"    {state.value}: {state.label}" for state in State]
    lines.append(f"    [*] --> {State.DRAFT.value}")
    for (source, action), transition in TRANSITIONS.items():
        lines.append(f"    {source.value} --> {transition.target.value}: "
                     f"{action.label} ({_actors(transition)})")
    lines += [f"    {state.value} --> [*]" for state in State if state not in OPEN]
    lines.append("```")
    return "\n".join(lines)


def table() -> str:
    """Every transition: from which state, by which action, to which state, who, on what
    condition."""
    lines = ["| state | action | becomes | who | condition |", "|---|---|---|---|---|"]
    for (source, action), transition in TRANSITIONS.items():
        guards = "; ".join(f"`{guard.code}`: {guard.message}" for guard in transition.guards)
        cells = [source.label, action.label, transition.target.label,
                 _actors(transition), guards or "—"]
        lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    return "\n".join(lines)


def render() -> str:
    """The generated part of docs/workflow.md, in English whatever the active language."""
    with translation.override("en"):
        return "\n\n".join([
            "<!-- Do not edit by hand: `radadata workflow_diagram --write` rewrites this part "
            "from src/radadata/workflow/states.py. -->",
            mermaid(),
            table(),
        ])


def _span(text: str) -> tuple[int, int]:
    """Where the generated part begins (after BEGIN) and ends (at END)."""
    start = text.find(BEGIN)
    end = text.find(END, start + len(BEGIN)) if start >= 0 else -1
    if start < 0 or end < 0:
        raise ValueError(f"the markers {BEGIN} … {END} are missing")
    return start + len(BEGIN), end


def generated_part(text: str) -> str:
    """What stands between the markers now (to compare with render())."""
    start, end = _span(text)
    return text[start:end].strip("\n")


def replace_generated(text: str, generated: str) -> str:
    """`text` with the part between the markers replaced by `generated`."""
    start, end = _span(text)
    return f"{text[:start]}\n{generated}\n{text[end:]}"
