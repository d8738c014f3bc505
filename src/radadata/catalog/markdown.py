"""Descriptions written in Markdown, rendered to safe HTML.

markdown-it-py in CommonMark mode with raw HTML disabled turns the text into HTML; nh3 then
keeps only a small allow-list of tags and attributes, so nothing an owner (or an import from
the portal) writes can run a script or break the page."""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h3", "h4", "h5", "h6", "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
# A description sits under the page's own h1/h2: its headings are demoted so the outline of
# the page stays right (a "# Title" in a description becomes h3).
_DEMOTE = {"h1": "h3", "h2": "h4", "h3": "h5", "h4": "h6", "h5": "h6", "h6": "h6"}

_parser = MarkdownIt("commonmark", {"html": False})


def _demote_headings(tokens) -> None:
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = _DEMOTE[token.tag]


def render(text: str) -> str:
    """Safe HTML for `text` (Markdown). Empty text gives an empty string."""
    if not text or not text.strip():
        return ""
    tokens = _parser.parse(text)
    _demote_headings(tokens)
    html = _parser.renderer.render(tokens, _parser.options, {})
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=URL_SCHEMES, link_rel="nofollow noopener")
