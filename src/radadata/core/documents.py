"""The page every document the council signs shares (cover letters, reports): A4, the
ДСТУ 4163:2020 margins (left 30, right 10, top and bottom 20 mm), Times New Roman 14 in Word,
and in PDF the shipped DejaVu Serif (fpdf2's core fonts have no Cyrillic)."""

from __future__ import annotations

from importlib import resources

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from fpdf import FPDF

DOCX_FONT = "Times New Roman"
DOCX_SIZE = Pt(14)
PDF_FONT = "DejaVuSerif"
PDF_SIZE = 13  # DejaVu is wider than Times: 13 pt fills a line as Times 14 does
LEFT, TOP, RIGHT, BOTTOM = 30.0, 20.0, 10.0, 20.0  # mm


def docx_page(document: DocxDocument, *, title: str, author: str) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(LEFT), Mm(RIGHT)
    section.top_margin, section.bottom_margin = Mm(TOP), Mm(BOTTOM)
    # The defaults name theme fonts (Calibri) and English; set them outright, since a theme
    # font in the defaults would win over a plain font name set on a style.
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    run_defaults = defaults.find(qn("w:rPr"))
    fonts = run_defaults.find(qn("w:rFonts"))
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for script in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(script), DOCX_FONT)
    # Ukrainian spell-checking and hyphenation in Word
    run_defaults.find(qn("w:lang")).set(qn("w:val"), "uk-UA")
    normal = document.styles["Normal"]
    normal.font.name = DOCX_FONT
    normal.font.size = DOCX_SIZE
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.language = "uk-UA"


def pdf_page(*, title: str, author: str) -> FPDF:
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(LEFT, TOP, RIGHT)
    pdf.set_auto_page_break(auto=True, margin=BOTTOM)
    fonts = resources.files("radadata.core") / "fonts"
    pdf.add_font(PDF_FONT, "", str(fonts / "DejaVuSerif.ttf"))
    pdf.add_font(PDF_FONT, "B", str(fonts / "DejaVuSerif-Bold.ttf"))
    pdf.set_font(PDF_FONT, size=PDF_SIZE)
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_creator("RadaData")
    pdf.set_lang("uk")
    pdf.add_page()
    return pdf
