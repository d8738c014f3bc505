"""The report renderers: one extension point, a short explicit list every caller uses (pages,
downloads, the `radadata report` command).

    render(document, "docx") -> bytes
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from radadata.reports.documents.blocks import Document


@dataclass(frozen=True)
class Renderer:
    fmt: str
    content_type: str
    render: Callable[[Document], bytes]


def _docx(document: Document) -> bytes:
    from .docx import render_docx

    return render_docx(document)


def _pdf(document: Document) -> bytes:
    from .pdf import render_pdf

    return render_pdf(document)


def _html(document: Document) -> bytes:
    from .html import render_html

    return render_html(document)


def _xlsx(document: Document) -> bytes:
    from .xlsx import render_xlsx

    return render_xlsx(document)


RENDERERS: dict[str, Renderer] = {
    "docx": Renderer("docx", "application/vnd.openxmlformats-officedocument."
                             "wordprocessingml.document", _docx),
    "pdf": Renderer("pdf", "application/pdf", _pdf),
    "html": Renderer("html", "text/html; charset=utf-8", _html),
    "xlsx": Renderer("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     _xlsx),
}
FORMATS = tuple(RENDERERS)


def render(document: Document, fmt: str) -> bytes:
    return RENDERERS[fmt].render(document)
