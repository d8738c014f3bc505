"""A Table Schema as an XML Schema (XSD) of the table's XML form (§6.16 names XSD among the
structure formats).

The XML form: a root element (`table`) holding one `row` element per row, and in each row one
element per field, in the structure's order; an empty cell is an absent element, so a required
field has minOccurs="1". Element names are the field names where XML allows them (Cyrillic
letters do), with other characters replaced by "_"; each element is documented with its field
name and title. Constraints become facets (bounds, lengths, pattern, enumeration); `unique`
and the primary key become xs:unique and xs:key on the rows.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

XS = "http://www.w3.org/2001/XMLSchema"
TYPES = {
    "string": "string", "integer": "integer", "number": "decimal", "date": "date",
    "datetime": "dateTime", "boolean": "boolean", "year": "gYear", "yearmonth": "gYearMonth",
    "time": "time", "duration": "duration",
}
FACETS = {"minimum": "minInclusive", "maximum": "maxInclusive",
          "exclusiveMinimum": "minExclusive", "exclusiveMaximum": "maxExclusive",
          "minLength": "minLength", "maxLength": "maxLength"}
BOUNDED = {"integer", "number", "date", "datetime", "year", "yearmonth", "time"}
# Constructs of Python's regular expressions that XML Schema's do not have.
_NOT_XSD = re.compile(r"\(\?|\\[bBAZ]|[*+?}]\?|\\\d")


# XML 1.0 (fifth edition) name characters, without ":" (an NCName): Cyrillic is in.
_START = ("A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff"
          "\u200c-\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd")
_NOT_NAME = re.compile(f"[^{_START}\\-.0-9\u00b7\u0300-\u036f\u203f-\u2040]+")


def element_name(name: str) -> str:
    """An XML element name for a field name: other characters become "_"."""
    text = _NOT_NAME.sub("_", name.strip()).strip("_") or "_"
    if not re.match(f"[{_START}]", text):
        text = f"_{text}"
    return text


def xsd_pattern(pattern: str) -> str | None:
    """The pattern for xs:pattern (implicitly anchored), or None if XML Schema cannot say it."""
    text = pattern
    if text.startswith("^"):
        text = text[1:]
    if text.endswith("$") and not text.endswith("\\$"):
        text = text[:-1]
    if _NOT_XSD.search(text) or "^" in text.replace("[^", "") or "$" in text:
        return None
    return text


def to_xsd(schema: dict[str, Any], *, root: str = "table", row: str = "row") -> bytes:
    """The XSD of the table's XML form, as UTF-8 bytes."""
    ET.register_namespace("xs", XS)
    document = ET.Element(_xs("schema"), {"elementFormDefault": "qualified"})
    table = ET.SubElement(document, _xs("element"), {"name": root})
    rows = ET.SubElement(ET.SubElement(table, _xs("complexType")), _xs("sequence"))
    item = ET.SubElement(rows, _xs("element"),
                         {"name": row, "minOccurs": "0", "maxOccurs": "unbounded"})
    cells = ET.SubElement(ET.SubElement(item, _xs("complexType")), _xs("sequence"))
    names: dict[str, str] = {}
    for field in schema.get("fields") or []:
        name = base = element_name(str(field.get("name", "")))
        number = 2
        while name in names.values():
            name, number = f"{base}_{number}", number + 1
        names[str(field.get("name", ""))] = name
        _field(cells, field, name)
    for field in schema.get("fields") or []:
        if (field.get("constraints") or {}).get("unique"):
            _identity(table, "unique", f"unique_{names[str(field['name'])]}", row,
                      [names[str(field["name"])]])
    key = schema.get("primaryKey")
    if key:
        keys = [key] if isinstance(key, str) else list(key)
        _identity(table, "key", "primaryKey", row, [names.get(k, element_name(k)) for k in keys])
    ET.indent(document)
    return ET.tostring(document, encoding="utf-8", xml_declaration=True)


def _xs(tag: str) -> str:
    return f"{{{XS}}}{tag}"


def _field(parent: ET.Element, field: dict[str, Any], name: str) -> None:
    kind = str(field.get("type") or "string")
    constraints = field.get("constraints") or {}
    base = TYPES.get(kind, "string")
    if kind == "string" and field.get("format") == "uri":
        base = "anyURI"
    element = ET.SubElement(parent, _xs("element"), {
        "name": name, "minOccurs": "1" if constraints.get("required") else "0"})
    notes = [str(field.get("name", ""))]
    notes += [str(field[k]) for k in ("title", "description") if field.get(k)]
    facets = _facets(kind, constraints)
    pattern = constraints.get("pattern")
    if pattern and kind == "string" and xsd_pattern(str(pattern)) is None:
        notes.append(f"pattern: {pattern}")  # said in words, where XSD cannot check it
    annotation = ET.SubElement(element, _xs("annotation"))
    ET.SubElement(annotation, _xs("documentation")).text = " — ".join(notes)
    if not facets:
        element.set("type", f"xs:{base}")
        return
    restriction = ET.SubElement(ET.SubElement(element, _xs("simpleType")), _xs("restriction"),
                                {"base": f"xs:{base}"})
    for facet, value in facets:
        ET.SubElement(restriction, _xs(facet), {"value": value})


def _facets(kind: str, constraints: dict[str, Any]) -> list[tuple[str, str]]:
    facets: list[tuple[str, str]] = []
    for name, facet in FACETS.items():
        value = constraints.get(name)
        if value is None:
            continue
        if (facet.endswith("Length") and kind == "string") or (
                not facet.endswith("Length") and kind in BOUNDED):
            facets.append((facet, _literal(value)))
    if kind == "string" and constraints.get("pattern"):
        pattern = xsd_pattern(str(constraints["pattern"]))
        if pattern is not None:
            facets.append(("pattern", pattern))
    if constraints.get("enum") and kind in ("string", "integer", "number", "date", "year"):
        facets += [("enumeration", _literal(value)) for value in constraints["enum"]]
    return facets


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _identity(table: ET.Element, kind: str, name: str, row: str, fields: list[str]) -> None:
    constraint = ET.SubElement(table, _xs(kind), {"name": name})
    ET.SubElement(constraint, _xs("selector"), {"xpath": row})
    for field in fields:
        ET.SubElement(constraint, _xs("field"), {"xpath": field})
