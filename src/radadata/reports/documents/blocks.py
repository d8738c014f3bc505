"""The blocks a document is made of. Renderers know these types and nothing of reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar

from radadata.reports.charts import Chart

Cell = str | int | float


@dataclass(frozen=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    text: str
    align: str = "justify"  # left, center, right, justify
    bold: bool = False
    indent: bool = True  # first-line indent, as official texts have
    left: float = 0.0  # left indent of the whole paragraph, mm (an annex's heading)
    before: float = 0.0  # space before, pt
    after: float = 0.0
    keep_with_next: bool = False  # on the same page as the next block (a signature's lead)


@dataclass(frozen=True)
class Heading:
    kind: ClassVar[str] = "heading"
    text: str
    level: int = 2  # 1: the document's title (centred), 2: a section
    align: str = ""

    @property
    def alignment(self) -> str:
        return self.align or ("center" if self.level == 1 else "left")


@dataclass(frozen=True)
class Table:
    kind: ClassVar[str] = "table"
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    footer: tuple[Cell, ...] | None = None  # the totals row
    widths: tuple[float, ...] = ()  # relative column widths
    numeric: frozenset[int] = frozenset()  # columns aligned right
    font_size: int = 12  # pt in DOCX (PDF scales it like the text)
    sheet: str = ""  # name of its worksheet in the XLSX

    @property
    def column_count(self) -> int:
        return len(self.header)


@dataclass(frozen=True)
class Figure:
    kind: ClassVar[str] = "figure"
    chart: Chart
    caption: str

    @cached_property
    def svg(self) -> str:
        from radadata.reports.charts import chart_svg

        return chart_svg(self.chart)


@dataclass(frozen=True)
class Row:
    """Texts side by side without borders: a date line, a signature (position … name)."""

    kind: ClassVar[str] = "row"
    cells: tuple[str, ...]
    aligns: tuple[str, ...] = ()
    before: float = 0.0
    widths: tuple[float, ...] = ()  # relative; equal when not given
    keep_with_next: bool = False

    def align(self, index: int) -> str:
        return self.aligns[index] if index < len(self.aligns) else "left"

    def fractions(self) -> list[float]:
        relative = list(self.widths) or [1.0] * len(self.cells)
        total = sum(relative)
        return [part / total for part in relative]


@dataclass(frozen=True)
class PageBreak:
    kind: ClassVar[str] = "pagebreak"


Block = Paragraph | Heading | Table | Figure | Row | PageBreak


@dataclass(frozen=True)
class Document:
    title: str
    filename: str  # without extension
    blocks: tuple[Block, ...] = field(default=())

    @property
    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]
