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


# The catalogue page's filters and results, written out in Python: about sixty checkboxes and
# twenty results are several thousand template nodes, the largest part of the page's cost.
# The HTML is exactly what the loops of catalog/list.html wrote.

@register.simple_tag
def catalogue_filters(groups) -> SafeString:
    """The filter fieldsets of catalog/list.html: one per group, a checkbox per value."""
    from django.utils.html import format_html, format_html_join

    if not groups:
        from django.utils.translation import gettext

        return format_html('<p class="muted">{}</p>',
                           gettext("Nothing to filter by in these results."))
    parts = []
    for group in groups:
        options = format_html_join(
            "\n", '<li><label><input type="checkbox" name="{}" value="{}"{}>\n'
                  '            {} <span class="muted">({})</span></label></li>',
            ((group.name, facet.value, mark_safe(" checked") if chosen else "", facet.label,
              facet.count) for facet, chosen in group.options))
        parts.append(format_html('<fieldset class="field">\n<legend>{}</legend>\n'
                                 '<ul class="plain">\n{}\n</ul>\n</fieldset>',
                                 group.legend, options))
    return mark_safe("\n".join(parts))  # every part went through format_html


@register.simple_tag
def catalogue_rows(rows, formats_label: str, periodicity_label: str,
                   updated_label: str) -> SafeString:
    """The results of catalog/list.html: title, owner, formats, frequency, last change."""
    from django.utils.dateformat import format as date_format
    from django.utils.html import format_html

    parts = []
    for row in rows:
        changed = row.last_modified_at
        if changed:
            from django.utils import timezone

            local = timezone.localtime(changed) if timezone.is_aware(changed) else changed
            updated = format_html('<time datetime="{}">{}</time>', date_format(local, "c"),
                                  date_format(local, "d.m.Y"))
        else:
            updated = "—"
        parts.append(format_html(
            '<li>\n<h3><a href="{}">{}</a></h3>\n<p class="muted">{}</p>\n'
            '<dl class="catalogue-facts">\n'
            '<div><dt>{}</dt><dd>{}</dd></div>\n<div><dt>{}</dt><dd>{}</dd></div>\n'
            '<div><dt>{}</dt><dd>{}</dd></div>\n</dl>\n</li>',
            row.url, row.title, row.owner, formats_label, row.formats or "—",
            periodicity_label, row.periodicity, updated_label, updated))
    return mark_safe("\n".join(parts))  # every part went through format_html
