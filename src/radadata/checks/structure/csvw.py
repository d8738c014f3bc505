"""A Table Schema as W3C CSVW metadata: the structure form data.gov.ua recommends
(REGULATION-NOTES §1.5: `tableSchema.columns` with name, titles, description, datatype,
required).

CSVW matches a column to the file by its `titles` (the header as written, Ukrainian), while
its `name` must be a URI-template variable (ASCII letters, digits, "_"): the name is the
transliterated header (КМУ №55), so "код_ЄДРПОУ" becomes "kod_yedrpou". The datatype is a
plain string ("date") when nothing else is said, as the portal's own files have it; a format,
a bound or a pattern turns it into a datatype object, which the `csvw` library reads and checks.
"""

from __future__ import annotations

import re
from typing import Any

from radadata.core.text import transliterate

CONTEXT = "http://www.w3.org/ns/csvw"
#: Table Schema type → CSVW (XML Schema) datatype; "number" is "decimal" on the portal.
DATATYPES = {
    "string": "string", "integer": "integer", "number": "decimal", "date": "date",
    "datetime": "dateTime", "boolean": "boolean", "year": "gYear", "yearmonth": "gYearMonth",
    "time": "time", "duration": "duration", "object": "json", "array": "json",
    "geojson": "json", "geopoint": "string", "list": "string", "any": "string",
}
#: Table Schema constraint → CSVW datatype property.
BOUNDS = {"minimum": "minimum", "maximum": "maximum", "exclusiveMinimum": "minExclusive",
          "exclusiveMaximum": "maxExclusive", "minLength": "minLength",
          "maxLength": "maxLength"}
#: strptime directives → the Unicode (UAX #35) date patterns CSVW uses.
_DATE_PARTS = {"%Y": "yyyy", "%y": "yy", "%m": "MM", "%d": "dd", "%H": "HH", "%M": "mm",
               "%S": "ss"}


def column_name(name: str, position: int = 1) -> str:
    """A CSVW column name: the header transliterated to ASCII letters, digits and "_"
    ("column_3" when nothing of it is left, as for "№")."""
    ascii_name = re.sub(r"[^A-Za-z0-9_]+", "_", transliterate(name)).strip("_")
    if not ascii_name:
        return f"column_{position}"
    return f"c_{ascii_name}" if ascii_name[0].isdigit() else ascii_name


def to_csvw(schema: dict[str, Any], *, url: str = "", language: str = "uk",
            title: str = "") -> dict[str, Any]:
    """The CSVW metadata of a Table Schema; `url` is the CSV file it describes."""
    fields = list(schema.get("fields") or [])
    names: dict[str, str] = {}
    columns = []
    for position, field in enumerate(fields, start=1):
        name = base = column_name(str(field.get("name", "")), position)
        number = 2
        while name in names.values():
            name, number = f"{base}_{number}", number + 1
        names[str(field.get("name", ""))] = name
        columns.append(_column(field, name))
    table: dict[str, Any] = {"columns": columns}
    key = schema.get("primaryKey")
    if key:
        keys = [key] if isinstance(key, str) else list(key)
        table["primaryKey"] = [names.get(k, column_name(k)) for k in keys]
    absent = schema.get("missingValues")
    if absent is not None and list(absent) != [""]:
        table["null"] = [str(v["value"]) if isinstance(v, dict) else str(v) for v in absent]
    document: dict[str, Any] = {"@context": [CONTEXT, {"@language": language}]}
    if url:
        document["url"] = url
    if title:
        document["dc:title"] = title
    document["tableSchema"] = table
    return document


def _column(field: dict[str, Any], name: str) -> dict[str, Any]:
    constraints = field.get("constraints") or {}
    return {
        "name": name,
        "titles": str(field.get("title") or field.get("name", "")),
        "dc:description": str(field.get("description") or ""),
        "datatype": datatype(field),
        "required": bool(constraints.get("required")),
    }


def datatype(field: dict[str, Any]) -> str | dict[str, Any]:
    """The CSVW datatype of a field: a name, or an object when a format or a limit applies."""
    kind = str(field.get("type") or "string")
    fmt = str(field.get("format") or "default")
    base = DATATYPES.get(kind, "string")
    if kind == "string" and fmt == "uri":
        base = "anyURI"
    extra: dict[str, Any] = {}
    if kind in ("number", "integer"):
        chars = {k: field[k] for k in ("decimalChar", "groupChar") if field.get(k)}
        if chars:
            extra["format"] = chars
    elif kind in ("date", "datetime", "time") and fmt not in ("default", "any"):
        pattern = _date_pattern(fmt)
        if pattern:
            extra["format"] = pattern
    elif kind == "boolean" and field.get("trueValues") and field.get("falseValues"):
        extra["format"] = f"{field['trueValues'][0]}|{field['falseValues'][0]}"
    constraints = field.get("constraints") or {}
    for name, prop in BOUNDS.items():
        if constraints.get(name) is not None:
            extra[prop] = constraints[name]
    if kind == "string" and "format" not in extra:
        if constraints.get("pattern"):
            extra["format"] = str(constraints["pattern"])
        elif constraints.get("enum"):  # CSVW has no enum: a regular expression of the values
            extra["format"] = "^(" + "|".join(escape(str(v)) for v in constraints["enum"]) + ")$"
    return {"base": base, **extra} if extra else base


def escape(text: str) -> str:
    """A literal in a regular expression that ECMAScript, Python and XML Schema all read the
    same (re.escape also escapes spaces, which XML Schema refuses)."""
    return re.sub(r"([\\.^$|?*+()\[\]{}])", r"\\\1", text)


def _date_pattern(fmt: str) -> str:
    """"%d.%m.%Y" → "dd.MM.yyyy"; "" when the format has a directive CSVW cannot say."""
    pattern = fmt
    for directive, part in _DATE_PARTS.items():
        pattern = pattern.replace(directive, part)
    return "" if "%" in pattern else pattern
