"""Documents as HTML: the page shows the blocks inside the office layout
(reports/_document.html); the download is the same blocks in a page of their own."""

from __future__ import annotations

from django.template.loader import render_to_string

from radadata.reports.documents.blocks import Document


def render_html(document: Document) -> bytes:
    return render_to_string("reports/standalone.html", {"document": document}).encode("utf-8")
