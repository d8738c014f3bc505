"""Words for values that are codes in the data: a Table Schema type, a language code. A page
shows «ціле число» and «українська», never `integer` or `uk`.

    {% load words %}{{ column.type|field_type }} · {{ dataset.language|language_name }}
"""

from __future__ import annotations

from django import template
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

register = template.Library()

FIELD_TYPES = {
    "string": _("text"),
    "integer": _("whole number"),
    "number": _("number"),
    "boolean": _("yes or no"),
    "date": _("date"),
    "datetime": _("date and time"),
    "time": _("time"),
    "year": _("year"),
    "yearmonth": _("year and month"),
    "duration": _("duration"),
    "geopoint": _("point on a map"),
    "geojson": _("geometry (GeoJSON)"),
    "object": _("object"),
    "array": _("list"),
    "any": _("any value"),
}


@register.filter
def field_type(value: str | None) -> str:
    """A Table Schema type in words; an unknown one as it is."""
    if not value:
        return "—"
    return str(FIELD_TYPES.get(str(value).lower(), value))


@register.filter
def language_name(code: str | None) -> str:
    """"uk" -> «українська» (in the language of the page); an unknown code as it is."""
    if not code:
        return "—"
    try:
        return get_language_info(str(code).lower())["name_translated"].lower()
    except KeyError:
        return str(code)
