"""The dashboard's charts: matplotlib figures drawn to SVG that is inlined in the page.

Each chart is a fresh Figure (no pyplot and no global state, so requests never share one),
its text stays text (svg.fonttype "none"), its ids are prefixed so two charts can share a page,
and it carries a <title> and a <desc> for screen readers; the page shows the same figures in a
table as well.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from radadata.monitoring.selectors import OwnerFigures

COLOURS = {"approved": "#c9d8ee", "published": "#0b4f9c", "overdue": "#b3261e",
           "due_soon": "#e0a526", "on_schedule": "#8cc79a"}
#: Owners named in a chart's description; the rest are in the table beside it.
DESC_OWNERS = 20


@dataclass(frozen=True)
class Chart:
    ident: str
    title: str
    svg: SafeString


def _label(figures: OwnerFigures) -> str:
    name = str(figures.owner)
    return name if len(name) <= 40 else name[:39] + "…"


def _figure(rows: int):
    # Imported here: matplotlib is slow to import and only the dashboard needs it.
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 1.2 + 0.42 * max(rows, 1)), layout="constrained")
    return figure, figure.add_subplot()


def _finish(figure, axes, labels: list[str]) -> None:
    axes.set_yticks(range(len(labels)), labels)
    axes.invert_yaxis()  # the first owner on top, as in the table
    axes.spines[["top", "right"]].set_visible(False)
    axes.xaxis.get_major_locator().set_params(integer=True)
    # Above the bars, never on them.
    figure.legend(loc="outside upper left", ncols=3, frameon=False)


def _svg(figure, *, ident: str, title: str, desc: str) -> SafeString:
    from matplotlib import rc_context

    buffer = io.StringIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": ident,
                     "font.family": "DejaVu Sans"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]  # no XML declaration or DOCTYPE inside HTML
    # matplotlib numbers its ids the same way in every chart: make them unique on the page.
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{ident}-\1"', svg)
    svg = svg.replace("url(#", f"url(#{ident}-").replace('href="#', f'href="#{ident}-')
    head = (f'<title id="{ident}-title">{escape(title)}</title>'
            f'<desc id="{ident}-desc">{escape(desc)}</desc>')
    svg = svg.replace("<svg ", f'<svg role="img" aria-labelledby="{ident}-title {ident}-desc" ',
                      1)
    end = svg.index(">") + 1
    # matplotlib's SVG writer escapes the owners' names; the title and desc are escaped above.
    return mark_safe(svg[:end] + head + svg[end:])


def _describe(parts: list[str]) -> str:
    shown = "; ".join(parts[:DESC_OWNERS])
    if len(parts) > DESC_OWNERS:
        shown += "; " + _("the other owners are in the table below")
    return shown + "."


def coverage_chart(by_owner: Sequence[OwnerFigures]) -> Chart | None:
    """Per owner: entries on the approved list and how many of them are published."""
    rows = [f for f in by_owner if f.approved]
    if not rows:
        return None
    bars = (("approved", _("on the approved list"), tuple(f.approved for f in rows), False,
             0.8),
            ("published", _("published"), tuple(f.approved_published for f in rows), False,
             0.5))
    title = _("Published datasets of the approved list, per owner")
    desc = _describe([_("%(owner)s: %(published)s of %(approved)s published")
                      % {"owner": f.owner, "published": f.approved_published,
                         "approved": f.approved} for f in rows])
    return Chart("chart-coverage", title, _drawn(
        "chart-coverage", title, desc, tuple(_label(f) for f in rows), bars))


def schedule_chart(by_owner: Sequence[OwnerFigures]) -> Chart | None:
    """Per owner: datasets overdue, due soon and on schedule."""
    rows = [f for f in by_owner if f.scheduled]
    if not rows:
        return None
    bars = (("overdue", _("overdue"), tuple(f.overdue for f in rows), True, 0.8),
            ("due_soon", _("due soon"), tuple(f.due_soon for f in rows), True, 0.8),
            ("on_schedule", _("on schedule"), tuple(f.on_schedule for f in rows), True, 0.8))
    title = _("Datasets overdue, due soon and on schedule, per owner")
    desc = _describe([_("%(owner)s: %(overdue)s overdue, %(soon)s due soon, %(ok)s on schedule")
                      % {"owner": f.owner, "overdue": f.overdue, "soon": f.due_soon,
                         "ok": f.on_schedule} for f in rows])
    return Chart("chart-schedule", title, _drawn(
        "chart-schedule", title, desc, tuple(_label(f) for f in rows), bars))


#: (colour key, legend label, one value per row, stacked after the bars before it, height)
Bars = tuple[tuple[str, str, tuple[int, ...], bool, float], ...]


@lru_cache(maxsize=64)
def _drawn(ident: str, title: str, desc: str, labels: tuple[str, ...], bars: Bars) -> SafeString:
    """The chart's SVG, drawn once per process for the same figures, labels and language:
    drawing costs matplotlib about half a second, and the figures change far less often than
    the dashboard is opened. The arguments are the whole input, so an answer is never stale."""
    figure, axes = _figure(len(labels))
    positions = range(len(labels))
    left = [0] * len(labels)
    for key, label, values, stacked, height in bars:
        axes.barh(positions, values, left=left if stacked else None, height=height,
                  color=COLOURS[key], label=label)
        if stacked:
            left = [a + b for a, b in zip(left, values, strict=True)]
    _finish(figure, axes, list(labels))
    return _svg(figure, ident=ident, title=title, desc=desc)
