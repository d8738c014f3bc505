"""The cover letter as DOCX, the file the owner's head signs.

A4 with the margins of ДСТУ 4163:2020 (left 30 mm, right 10 mm, top and bottom 20 mm), Times New
Roman 14 pt. Signature blocks are borderless three-column tables so that position, "(підпис)"
and name line up whatever the length of the position; the name sits on the position's last line.
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_ALIGN_VERTICAL
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from radadata.core.documents import docx_page

from . import wording
from .data import LetterData

NOTE_SIZE = Pt(10)
MARK_SIZE = Pt(11)
TEXT_WIDTH = Cm(17.0)
COLUMNS = (Cm(9.0), Cm(3.5), Cm(4.5))  # position, signature, name: the 17 cm of text width
ADDRESSEE_INDENT = Cm(9.0)
FIRST_LINE = Cm(1.25)


def letter_docx(data: LetterData) -> bytes:
    document = Document()
    docx_page(document, title=wording.document_title(data), author=data.owner_name)

    council, owner = wording.letterhead(data)
    _paragraph(document, council, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, owner, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, after=Pt(12))
    _paragraph(document, wording.reference(data), after=Pt(12))

    addressee = _paragraph(document, data.recipient, after=Pt(18))
    addressee.paragraph_format.left_indent = ADDRESSEE_INDENT

    _paragraph(document, "\n".join(wording.SUBJECT_LINES), after=Pt(18))
    body = _paragraph(document, wording.body(data), align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    body.paragraph_format.first_line_indent = FIRST_LINE

    heading, files = wording.attachments(data)
    if heading:
        _paragraph(document, wording.ATTACHMENTS, before=Pt(12))
        _paragraph(document, heading)
        for line in files:
            item = _paragraph(document, line)
            item.paragraph_format.left_indent = FIRST_LINE

    _paragraph(document, "", before=Pt(12), keep=True)
    _signature(document, wording.head_signature(data))
    _paragraph(document, wording.AGREED, before=Pt(18), after=Pt(6), keep=True)
    _signature(document, wording.deputy_signature(data))

    # The officer's marks and signature close the form: kept with each other, so that Word
    # moves them to the next page whole rather than split them from the officer's signature.
    # Set smaller, each date on its step's line (a right tab), so a usual letter fits one page.
    _paragraph(document, "", before=Pt(6), keep=True)
    for mark in wording.portal_marks(data):
        line = _paragraph(document, f"{mark.label}\t{mark.date}", before=Pt(3), keep=True)
        line.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
        line.paragraph_format.right_indent = Cm(0)
        for run in line.runs:
            run.font.size = MARK_SIZE
    _paragraph(document, "", before=Pt(6), keep=True)
    _signature(document, wording.officer_signature(data))

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _paragraph(
    document: DocumentObject,
    text: str,
    *,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.LEFT,
    bold: bool = False,
    before: Pt | None = None,
    after: Pt | None = None,
    keep: bool = False,
) -> Paragraph:
    paragraph = document.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.keep_with_next = keep
    if before is not None:
        paragraph.paragraph_format.space_before = before
    if after is not None:
        paragraph.paragraph_format.space_after = after
    lines = text.split("\n")
    run = paragraph.add_run(lines[0])
    run.bold = bold
    for line in lines[1:]:
        run.add_break()
        run = paragraph.add_run(line)
        run.bold = bold
    return paragraph


def _signature(document: DocumentObject, signature: wording.Signature) -> None:
    table = document.add_table(rows=1, cols=3)
    _fix_layout(table)
    row = table.rows[0]
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a signature stays whole
    cells = row.cells
    texts = (signature.position, wording.SIGN_HERE, signature.name)
    aligns = (WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT)
    for cell, width, text, align in zip(cells, COLUMNS, texts, aligns, strict=True):
        cell.width = width
        cell.vertical_alignment = WD_ALIGN_VERTICAL.BOTTOM
        paragraph = cell.paragraphs[0]
        paragraph.alignment = align
        run = paragraph.add_run(text)
        if text == wording.SIGN_HERE:
            run.font.size = NOTE_SIZE


def _fix_layout(table: Table) -> None:
    """No borders, fixed column widths and no cell padding at the page edges."""
    table.autofit = False
    for column, width in zip(table.columns, COLUMNS, strict=True):
        column.width = width
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    later = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption")
    properties.insert_element_before(borders, *later)
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    properties.insert_element_before(margins, "w:tblLook", "w:tblCaption")
