"""The cover letter as PDF, with the layout of the DOCX.

fpdf2's core fonts have no Cyrillic, so DejaVu Serif ships in `radadata/core/fonts` and is
embedded (subset) in every file: the PDF reads the same on a machine without the font.
"""

from __future__ import annotations

from fpdf import FPDF

from radadata.core.documents import LEFT, PDF_FONT, PDF_SIZE, pdf_page

from . import wording
from .data import LetterData

FONT, SIZE = PDF_FONT, PDF_SIZE
NOTE_SIZE = 9
LINE = SIZE * 0.3528 * 1.2  # mm: single spacing of the font size
#: The officer's service marks are set smaller, each with its date on the same line, so that a
#: usual letter fits on one page with them.
MARK_SIZE = 10
MARK_LINE = MARK_SIZE * 0.3528 * 1.25
DATE_WIDTH = 42.0
COLUMNS = (90.0, 35.0, 45.0)  # position, signature, name: the 170 mm of text width
ADDRESSEE_INDENT = 90.0
FIRST_LINE = 12.5


def letter_pdf(data: LetterData) -> bytes:
    pdf = pdf_page(title=wording.document_title(data), author=data.owner_name)

    council, owner = wording.letterhead(data)
    _text(pdf, council, align="C")
    _text(pdf, owner, align="C", bold=True)
    pdf.ln(LINE)
    # The date and number at the left, the addressee at the right on the same level.
    top = pdf.get_y()
    pdf.multi_cell(ADDRESSEE_INDENT - 5, LINE, wording.reference(data), align="L")
    below_reference = pdf.get_y()
    pdf.set_y(top)
    _text(pdf, data.recipient, indent=ADDRESSEE_INDENT)
    pdf.set_y(max(pdf.get_y(), below_reference))
    pdf.ln(LINE)
    _text(pdf, "\n".join(wording.SUBJECT_LINES))
    pdf.ln(LINE * 1.3)
    with (
        pdf.text_columns(text_align="J", line_height=LINE / pdf.font_size) as columns,
        columns.paragraph(first_line_indent=FIRST_LINE) as paragraph,
    ):
        paragraph.write(wording.body(data))

    heading, files = wording.attachments(data)
    if heading:
        pdf.ln(LINE)
        _text(pdf, wording.ATTACHMENTS)
        _text(pdf, heading)
        for line in files:
            _text(pdf, line, indent=FIRST_LINE)

    pdf.ln(LINE * 1.5)
    _signature(pdf, wording.head_signature(data))
    pdf.ln(LINE)
    _signature(pdf, wording.deputy_signature(data), heading=wording.AGREED)

    # The officer's marks and signature close the form; if they do not fit under the owner's
    # signatures they move to the next page whole, never split from the officer's signature.
    marks = wording.portal_marks(data)
    officer = wording.officer_signature(data)
    pdf.set_font(FONT, size=MARK_SIZE)
    height = sum(MARK_LINE * len(_mark_lines(pdf, mark.label)) + 0.8 for mark in marks)
    pdf.set_font(FONT, size=SIZE)
    height += LINE * (1 + len(_lines(pdf, officer.position, COLUMNS[0])))
    if not _keep_together(pdf, LINE + height):
        pdf.ln(LINE)
    for mark in marks:
        _mark(pdf, mark)
    pdf.ln(LINE * 0.6)
    _signature(pdf, officer)
    return bytes(pdf.output())


def _mark_lines(pdf: FPDF, label: str) -> list[str]:
    return pdf.multi_cell(pdf.epw - DATE_WIDTH, MARK_LINE, label, dry_run=True, output="LINES")


def _mark(pdf: FPDF, mark: wording.PortalMark) -> None:
    """One service mark of the officer: the step at the left, its date on the last line."""
    pdf.set_font(FONT, size=MARK_SIZE)
    lines = _mark_lines(pdf, mark.label) or [""]
    top = pdf.get_y() + 0.8
    pdf.set_xy(LEFT, top)
    pdf.multi_cell(pdf.epw - DATE_WIDTH, MARK_LINE, mark.label, align="L")
    pdf.set_xy(LEFT + pdf.epw - DATE_WIDTH, top + MARK_LINE * (len(lines) - 1))
    pdf.cell(DATE_WIDTH, MARK_LINE, mark.date, align="R")
    pdf.set_xy(LEFT, top + MARK_LINE * len(lines))
    pdf.set_font(FONT, size=SIZE)


def _text(pdf: FPDF, text: str, *, align: str = "L", bold: bool = False, indent: float = 0.0):
    pdf.set_font(FONT, style="B" if bold else "", size=SIZE)
    pdf.set_x(LEFT + indent)
    pdf.multi_cell(pdf.epw - indent, LINE, text, align=align, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=SIZE)


def _lines(pdf: FPDF, text: str, width: float) -> list[str]:
    """How `text` breaks into lines at `width` in the current font, without printing it."""
    return pdf.multi_cell(width, LINE, text, dry_run=True, output="LINES")


def _keep_together(pdf: FPDF, height: float) -> bool:
    """Start a new page unless `height` fits on this one; True if it did."""
    if pdf.will_page_break(height):
        pdf.add_page()
        return True
    return False


def _signature(pdf: FPDF, signature: wording.Signature, *, heading: str = "") -> None:
    """Position at the left, "(підпис)" and the name on the level of its last line."""
    position_width, sign_width, name_width = COLUMNS
    lines = _lines(pdf, signature.position, position_width) or [""]
    _keep_together(pdf, LINE * (len(lines) + (1.5 if heading else 0)))
    if heading:
        _text(pdf, heading)
        pdf.ln(LINE * 0.5)
    top = pdf.get_y()
    pdf.multi_cell(position_width, LINE, signature.position, align="L")
    last = top + LINE * (len(lines) - 1)
    pdf.set_xy(LEFT + position_width, last)
    pdf.set_font(FONT, size=NOTE_SIZE)
    pdf.cell(sign_width, LINE, wording.SIGN_HERE, align="C")
    pdf.set_font(FONT, size=SIZE)
    pdf.cell(name_width, LINE, signature.name, align="R")
    pdf.set_xy(LEFT, top + LINE * len(lines))
