"""Documents as PDF without LibreOffice: fpdf2 with the DejaVu fonts shipped in
radadata/core/fonts (embedded, so the file reads the same anywhere), laid out as the DOCX is.

DejaVu Serif runs about a tenth wider than Times New Roman; 13 pt keeps its lines close to the
DOCX's 14 pt Times, as in the cover letters. Margins are the DOCX's (ДСТУ 4163:2020).
"""

from __future__ import annotations

import io

from fpdf import FPDF, FontFace

from radadata.core.documents import LEFT, PDF_FONT, PDF_SIZE, RIGHT, pdf_page
from radadata.reports.charts import chart_png
from radadata.reports.documents.blocks import (
    Document,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Row,
    Table,
)

FONT, SIZE = PDF_FONT, PDF_SIZE
PT = 0.3528  # mm in a point
LINE = SIZE * PT * 1.2  # single spacing, mm
FIRST_LINE = 12.5
FIGURE_WIDTH = 160.0
PADDING = 1.2  # mm around a table cell's text
ALIGN = {"left": "L", "center": "C", "right": "R", "justify": "J"}


def render_pdf(document: Document) -> bytes:
    pdf = pdf_page(title=document.title, author="RadaData")
    for group in _kept_together(document.blocks):
        if len(group) > 1:
            # A signature never stands alone on a page: when the group would not fit, it
            # starts the next page together with the text that leads to it.
            with pdf.offset_rendering() as trial:
                for block in group:
                    _block(trial, block)
            if trial.page_break_triggered:
                pdf.add_page()
        for block in group:
            _block(pdf, block)
    return bytes(pdf.output())


def _kept_together(blocks) -> list[list]:
    """The blocks in runs: a block marked keep_with_next joins the run of the next one."""
    groups: list[list] = []
    current: list = []
    for block in blocks:
        current.append(block)
        if not getattr(block, "keep_with_next", False):
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _block(pdf: FPDF, block) -> None:
    if isinstance(block, Paragraph):
        _paragraph(pdf, block)
    elif isinstance(block, Heading):
        _heading(pdf, block)
    elif isinstance(block, Table):
        _table(pdf, block)
    elif isinstance(block, Figure):
        _figure(pdf, block)
    elif isinstance(block, Row):
        _row(pdf, block)
    elif isinstance(block, PageBreak):
        pdf.add_page()


def _paragraph(pdf: FPDF, block: Paragraph) -> None:
    pdf.ln(block.before * PT)
    pdf.set_font(FONT, style="B" if block.bold else "", size=SIZE)
    with (
        pdf.text_columns(text_align=ALIGN[block.align], line_height=LINE / pdf.font_size,
                         l_margin=LEFT + block.left, r_margin=RIGHT) as columns,
        columns.paragraph(first_line_indent=FIRST_LINE if block.indent else 0) as paragraph,
    ):
        paragraph.write(block.text)
    pdf.set_font(FONT, size=SIZE)
    pdf.ln(block.after * PT)


def _heading(pdf: FPDF, block: Heading) -> None:
    # A heading never ends a page: it moves on with the first lines under it.
    if pdf.will_page_break(LINE * 4):
        pdf.add_page()
    pdf.ln(LINE * (0.6 if block.level > 1 else 0.3))
    pdf.set_font(FONT, style="B", size=SIZE)
    pdf.multi_cell(pdf.epw, LINE, block.text, align=ALIGN[block.alignment], new_x="LMARGIN",
                   new_y="NEXT")
    pdf.set_font(FONT, size=SIZE)
    pdf.ln(LINE * 0.3)


def _table(pdf: FPDF, block: Table) -> None:
    size = block.font_size - 1
    line = size * PT * 1.25
    pdf.set_font(FONT, size=size)
    if pdf.will_page_break(line * 6):
        pdf.add_page()
    if block.caption:
        pdf.ln(line * 0.5)
        pdf.multi_cell(pdf.epw, line, block.caption, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(line * 0.3)
    widths = _fit_widths(pdf, block, size)
    aligns = tuple("R" if i in block.numeric else "L" for i in range(block.column_count))
    bold = FontFace(emphasis="BOLD")
    with pdf.table(col_widths=widths, width=pdf.epw, text_align=aligns, line_height=line,
                   first_row_as_headings=True, repeat_headings=1,
                   # Headers a point smaller: their long words then fit narrow columns
                   # whole instead of breaking mid-word.
                   headings_style=FontFace(emphasis="BOLD", size_pt=size - 1),
                   padding=PADDING) as table:
        header = table.row()
        for cell in block.header:
            header.cell(cell, align="C")
        for cells in block.rows:
            row = table.row()
            for cell in cells:
                row.cell("" if cell is None else str(cell))
        if block.footer:
            row = table.row()
            for cell in block.footer:
                row.cell("" if cell is None else str(cell), style=bold)
    pdf.set_font(FONT, size=SIZE)
    pdf.ln(LINE * 0.5)


def _fit_widths(pdf: FPDF, block: Table, size: int) -> list[float]:
    """Column widths (mm) from the relative ones, widened where a header word or a number
    would not fit whole; the widest column gives up the difference."""
    relative = list(block.widths) or [1.0] * block.column_count
    widths = [pdf.epw * part / sum(relative) for part in relative]
    needed = [0.0] * block.column_count
    pdf.set_font(FONT, style="B", size=size - 1)
    for index, title in enumerate(block.header):
        needed[index] = max((pdf.get_string_width(word) for word in title.split()), default=0)
    pdf.set_font(FONT, style="B", size=size)
    for cells in (*block.rows, *((block.footer,) if block.footer else ())):
        for index in block.numeric:
            needed[index] = max(needed[index], pdf.get_string_width(str(cells[index])))
    pdf.set_font(FONT, size=size)
    needed = [width + 2 * PADDING + 0.5 for width in needed]
    deficit = sum(max(0.0, need - width) for need, width in zip(needed, widths, strict=True))
    widths = [max(need, width) for need, width in zip(needed, widths, strict=True)]
    widest = max(range(len(widths)), key=widths.__getitem__)
    widths[widest] = max(widths[widest] - deficit, needed[widest])
    return widths


def _figure(pdf: FPDF, block: Figure) -> None:
    height = FIGURE_WIDTH * 0.5
    if pdf.will_page_break(height + LINE * 2.5):
        pdf.add_page()
    pdf.ln(LINE * 0.3)
    pdf.image(io.BytesIO(chart_png(block.chart)), x=LEFT + (pdf.epw - FIGURE_WIDTH) / 2,
              w=FIGURE_WIDTH, h=height)
    pdf.set_font(FONT, size=SIZE - 2)
    pdf.multi_cell(pdf.epw, LINE, block.caption, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=SIZE)
    pdf.ln(LINE * 0.5)


def _row(pdf: FPDF, block: Row) -> None:
    """Cells side by side, their last lines level (a name beside a long position)."""
    widths = [pdf.epw * part for part in block.fractions()]
    lines = [pdf.multi_cell(width, LINE, text, dry_run=True, output="LINES") or [""]
             for width, text in zip(widths, block.cells, strict=True)]
    tallest = max(len(item) for item in lines)
    if pdf.will_page_break(block.before * PT + LINE * tallest):
        pdf.add_page()
    pdf.ln(block.before * PT)
    top = pdf.get_y()
    x = LEFT
    for index, (text, wrapped) in enumerate(zip(block.cells, lines, strict=True)):
        pdf.set_xy(x, top + LINE * (tallest - len(wrapped)))
        pdf.multi_cell(widths[index], LINE, text, align=ALIGN[block.align(index)])
        x += widths[index]
    pdf.set_xy(LEFT, top + LINE * tallest)
