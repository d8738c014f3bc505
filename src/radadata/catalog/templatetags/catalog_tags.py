"""Template filters of the public catalogue: {% load catalog_tags %}."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from radadata.catalog import markdown as md

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str | None) -> SafeString:
    """Markdown to HTML that is safe to show: raw HTML is escaped, then nh3 cleans the rest."""
    # Safe: markdown-it escaped raw HTML and nh3 kept only the allow-list.
    return mark_safe(md.render(text or ""))
