"""The cover letter of a submission (§6.10, the appendix «ЗРАЗОК»), as DOCX and PDF."""

from .data import LetterData
from .docx import letter_docx
from .pdf import letter_pdf
from .wording import signature_name

__all__ = ["LetterData", "letter_docx", "letter_pdf", "signature_name"]
