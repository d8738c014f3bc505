"""What the report views share: sending a document in a format."""

from __future__ import annotations

from django.http import HttpResponse

from radadata.reports.documents.blocks import Document
from radadata.reports.renderers import RENDERERS


def document_response(document: Document, fmt: str) -> HttpResponse:
    renderer = RENDERERS[fmt]
    response = HttpResponse(renderer.render(document), content_type=renderer.content_type)
    response["Content-Disposition"] = f'attachment; filename="{document.filename}.{fmt}"'
    return response
