"""Reading CKAN action parameters.

A GET request brings every value as a string (facet.field as a JSON list in a string); a POST
brings a JSON object with real types. These helpers accept both and raise ValidationFailed
(answered 409 "Validation Error", as CKAN does) naming the parameter.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext as _

from radadata.core.errors import ValidationFailed

_TRUE = {"true", "1", "yes", "on"}
#: No count, offset or limit of this catalogue comes near it; beyond it a database refuses
#: the number (SQLite's integers overflow: a 500). Larger numbers are lowered to it, as CKAN
#: lowers `rows`: an offset past the end is an empty page, a limit past the end is all.
LARGEST = 2**31 - 1
_FALSE = {"false", "0", "no", "off", ""}


def text(data: dict[str, Any], key: str, default: str = "") -> str:
    value = data.get(key, default)
    if value is None:
        return default
    if isinstance(value, list | dict):
        raise ValidationFailed({key: [_("Give %(key)s as a single text value.")
                                      % {"key": key}]})
    return str(value)


def required(data: dict[str, Any], key: str) -> str:
    value = text(data, key).strip()
    if not value:
        raise ValidationFailed({key: [_("Missing value: give %(key)s.") % {"key": key}]})
    return value


def integer(data: dict[str, Any], key: str, default: int, *, maximum: int | None = None,
            minimum: int = 0) -> int:
    """A whole number not below `minimum`; above `maximum` it is lowered to it (CKAN caps
    `rows` silently rather than refusing)."""
    value = data.get(key)
    if value is None or value == "":
        return default
    try:
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise ValueError(value)
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationFailed({key: [_("Invalid integer: give %(key)s as a whole number.")
                                      % {"key": key}]}) from None
    number = min(number, LARGEST)
    if number < minimum:
        raise ValidationFailed({key: [_("Give %(key)s as a number of at least %(minimum)d.")
                                      % {"key": key, "minimum": minimum}]})
    return min(number, maximum) if maximum is not None else number


def boolean(data: dict[str, Any], key: str, default: bool) -> bool:
    value = data.get(key)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    lowered = str(value).strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ValidationFailed({key: [_("Give %(key)s as true or false.") % {"key": key}]})


def string_list(data: dict[str, Any], key: str) -> list[str]:
    """A list of strings: a JSON list (as CKAN takes facet.field), or one plain string."""
    value = data.get(key)
    if value is None or value == "":
        return []
    if isinstance(value, str):
        stripped = value.strip()
        if stripped.startswith("["):
            try:
                value = json.loads(stripped)
            except ValueError:
                raise ValidationFailed({key: [_("Give %(key)s as a JSON list of names, e.g. "
                                                "[\"organization\"].") % {"key": key}]}) from None
        else:
            value = [stripped]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationFailed({key: [_("Give %(key)s as a JSON list of names, e.g. "
                                        "[\"organization\"].") % {"key": key}]})
    return value
