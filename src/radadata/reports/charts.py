"""Bar charts for the reports: PNG for DOCX and PDF, SVG for the page.

matplotlib's object API (a Figure saved by the Agg and SVG canvases: no display, no pyplot
state shared between requests), imported only when a chart is drawn: it costs
about half a second, which pages without charts should not pay. The chart's words are set in
DejaVu Sans, which matplotlib ships, so Cyrillic needs no system font.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from html import escape

COLOURS = ("#0b4f9c", "#e0a030", "#1e6b2e", "#a4161a")


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[int, ...]


@dataclass(frozen=True)
class Chart:
    title: str
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    y_label: str = ""

    @property
    def rows(self) -> list[tuple[str, tuple[int, ...]]]:
        """(label, the value of each series) — the chart as a table."""
        return [(label, tuple(s.values[n] for s in self.series))
                for n, label in enumerate(self.labels)]

    @property
    def is_empty(self) -> bool:
        return not any(v for s in self.series for v in s.values)


def chart_png(chart: Chart, *, width_cm: float = 16.0, dpi: int = 150) -> bytes:
    return _draw(chart, width_cm=width_cm, fmt="png", dpi=dpi)


def chart_svg(chart: Chart) -> str:
    svg = _draw(chart, width_cm=16.0, fmt="svg", dpi=72).decode("utf-8")
    # The page embeds it: drop the XML prolog and the DOCTYPE before the <svg> element, and
    # name it for screen readers (the figure's table of numbers follows it on the page).
    svg = svg[svg.index("<svg"):]
    return svg.replace("<svg", f'<svg role="img" aria-label="{escape(chart.title)}"', 1)


def _draw(chart: Chart, *, width_cm: float, fmt: str, dpi: int) -> bytes:
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    inches = width_cm / 2.54
    figure = Figure(figsize=(inches, inches * 0.5), dpi=dpi)
    axes = figure.subplots()
    count = len(chart.series)
    width = 0.8 / max(count, 1)
    positions = range(len(chart.labels))
    for n, series in enumerate(chart.series):
        offsets = [p - 0.4 + width * (n + 0.5) for p in positions]
        bars = axes.bar(offsets, series.values, width=width, label=series.name,
                        color=COLOURS[n % len(COLOURS)])
        axes.bar_label(bars, labels=[str(v) if v else "" for v in series.values], fontsize=7)
    axes.set_xticks(list(positions), chart.labels, fontsize=8)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.tick_params(axis="y", labelsize=8)
    axes.set_ylim(bottom=0, top=max(1, *(max(s.values, default=0) for s in chart.series)) * 1.15)
    axes.spines[["top", "right"]].set_visible(False)
    if chart.y_label:
        axes.set_ylabel(chart.y_label, fontsize=8)
    if chart.is_empty:
        # An empty frame would look like a drawing error; say that there is nothing to show.
        axes.text(0.5, 0.5, "Даних за цей період немає", transform=axes.transAxes,
                  ha="center", va="center", fontsize=9, color="#4a4a4a")
    if count > 1:
        axes.legend(fontsize=8, frameon=False)
    figure.tight_layout()
    buffer = io.BytesIO()
    # No creation date inside: the same data gives the same file.
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    figure.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata)
    return buffer.getvalue()
