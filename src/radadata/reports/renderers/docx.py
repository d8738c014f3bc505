"""Documents as DOCX, the file the council signs: A4, Times New Roman 14, single spacing.

Margins follow ДСТУ 4163:2020 as the cover letters do (top and bottom 20 mm, left 30 mm for the
binding, right 10 mm); tables are bordered grids with a repeated header row; charts are PNG
pictures 16 cm wide; signature and date rows are borderless tables.
"""

from __future__ import annotations

import io

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from radadata.core.documents import docx_page
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

TEXT_WIDTH = Cm(17.0)
FIRST_LINE = Cm(1.25)
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def render_docx(document: Document) -> bytes:
    docx = new_docx()
    docx_page(docx, title=document.title, author="RadaData")
    for block in document.blocks:
        if isinstance(block, Paragraph):
            _paragraph(docx, block)
        elif isinstance(block, Heading):
            _heading(docx, block)
        elif isinstance(block, Table):
            _table(docx, block)
        elif isinstance(block, Figure):
            _figure(docx, block)
        elif isinstance(block, Row):
            _row(docx, block)
        elif isinstance(block, PageBreak):
            docx.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()


def _text(paragraph, text: str, *, bold: bool = False, size: Pt | None = None) -> None:
    lines = text.split("\n")
    for n, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.bold = bold
        if size is not None:
            run.font.size = size
        if n < len(lines) - 1:
            run.add_break()


def _paragraph(docx: DocxDocument, block: Paragraph) -> None:
    paragraph = docx.add_paragraph()
    paragraph.alignment = ALIGN[block.align]
    fmt = paragraph.paragraph_format
    if block.indent:
        fmt.first_line_indent = FIRST_LINE
    if block.left:
        fmt.left_indent = Mm(block.left)
    fmt.space_before, fmt.space_after = Pt(block.before), Pt(block.after)
    fmt.keep_with_next = block.keep_with_next or None
    _text(paragraph, block.text, bold=block.bold)


def _heading(docx: DocxDocument, block: Heading) -> None:
    # Plain paragraphs in bold rather than Word's heading styles, whose blue Calibri councils
    # would have to undo; keep_with_next keeps a heading off the bottom of a page.
    paragraph = docx.add_paragraph()
    paragraph.alignment = ALIGN[block.alignment]
    fmt = paragraph.paragraph_format
    fmt.keep_with_next = True
    fmt.space_before = Pt(12 if block.level > 1 else 6)
    fmt.space_after = Pt(6)
    _text(paragraph, block.text, bold=True)


def _table(docx: DocxDocument, block: Table) -> None:
    size = Pt(block.font_size)
    if block.caption:
        caption = docx.add_paragraph()
        caption.paragraph_format.space_before = Pt(6)
        caption.paragraph_format.space_after = Pt(3)
        caption.paragraph_format.keep_with_next = True
        _text(caption, block.caption, size=size)
    rows = len(block.rows) + 1 + (1 if block.footer else 0)
    table = docx.add_table(rows=rows, cols=block.column_count)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = _widths(block)
    header_row = table.rows[0]
    header_row._tr.get_or_add_trPr().append(_element("w:tblHeader"))  # repeats on each page
    all_rows = [(block.header, True), *((row, False) for row in block.rows)]
    if block.footer:
        all_rows.append((block.footer, True))
    for table_row, (cells, bold) in zip(table.rows, all_rows, strict=True):
        for index, (cell, value) in enumerate(zip(table_row.cells, cells, strict=True)):
            cell.width = widths[index]
            paragraph = cell.paragraphs[0]
            if bold and table_row is header_row:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif index in block.numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            # The header a point smaller, as in the PDF: long words fit narrow columns.
            cell_size = Pt(block.font_size - 1) if table_row is header_row else size
            _text(paragraph, "" if value is None else str(value), bold=bold, size=cell_size)
    docx.add_paragraph().paragraph_format.space_after = Pt(3)


def _widths(block: Table) -> list:
    relative = list(block.widths) or [1.0] * block.column_count
    total = sum(relative)
    return [int(TEXT_WIDTH * part / total) for part in relative]


def _figure(docx: DocxDocument, block: Figure) -> None:
    picture = docx.add_paragraph()
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.paragraph_format.keep_with_next = True
    picture.paragraph_format.space_before = Pt(6)
    picture.add_run().add_picture(io.BytesIO(chart_png(block.chart)), width=Cm(16))
    caption = docx.add_paragraph()
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.space_after = Pt(6)
    _text(caption, block.caption, size=Pt(12))


def _row(docx: DocxDocument, block: Row) -> None:
    if block.before:
        spacer = docx.add_paragraph().paragraph_format
        spacer.space_before = Pt(max(block.before - 14, 0))
        spacer.keep_with_next = True
    table = docx.add_table(rows=1, cols=len(block.cells))
    table.autofit = False
    _borderless(table)
    cells = table.rows[0].cells
    table.rows[0]._tr.get_or_add_trPr().append(_element("w:cantSplit"))
    fractions = block.fractions()
    for index, (cell, text) in enumerate(zip(cells, block.cells, strict=True)):
        cell.width = int(TEXT_WIDTH * fractions[index])
        cell.paragraphs[0].alignment = ALIGN[block.align(index)]
        if block.keep_with_next:
            cell.paragraphs[0].paragraph_format.keep_with_next = True
        _text(cell.paragraphs[0], text)


def _borderless(table) -> None:
    properties = table._tbl.tblPr
    borders = _element("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = _element(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar",
                                     "w:tblLook", "w:tblCaption")
    margins = _element("w:tblCellMar")
    for edge in ("left", "right"):
        element = _element(f"w:{edge}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    properties.insert_element_before(margins, "w:tblLook", "w:tblCaption")


def _element(name: str):
    return OxmlElement(name)
