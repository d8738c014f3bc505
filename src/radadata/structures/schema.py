"""A structure's three JSON forms and the conversions between them.

- W3C CSVW JSON (the form data.gov.ua recommends: `tableSchema.columns` with name, titles,
  description, datatype, required). The official files spell it loosely — `title` or `titles`,
  `description` or `dc:description`, "anyURL" for anyURI, a first pseudo-column repeating the
  header ("name", "title"…): all are read.
- Frictionless Table Schema (`fields`), what the checks validate with.
- Frictionless Data Package (`datapackage.json`, one resource with its schema).

`read_schema(document)` takes any of the three and gives a Table Schema; a document that is none
of them raises SchemaInvalid saying where it is wrong.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from radadata.structures.errors import SchemaInvalid

CSVW_CONTEXT = "http://www.w3.org/ns/csvw"
#: CSVW datatype → Table Schema (type, format).
TYPES: dict[str, tuple[str, str]] = {
    "string": ("string", "default"), "decimal": ("number", "default"),
    "double": ("number", "default"), "float": ("number", "default"),
    "number": ("number", "default"), "integer": ("integer", "default"),
    "int": ("integer", "default"), "long": ("integer", "default"),
    "date": ("date", "default"), "dateTime": ("datetime", "default"),
    "datetime": ("datetime", "default"), "time": ("time", "default"),
    "boolean": ("boolean", "default"), "anyURI": ("string", "uri"),
    "anyURL": ("string", "uri"), "gYear": ("year", "default"),
    "gYearMonth": ("yearmonth", "default"), "duration": ("duration", "default"),
    "json": ("object", "default"),
}
#: Table Schema type → CSVW datatype.
DATATYPES = {
    "string": "string", "number": "decimal", "integer": "integer", "date": "date",
    "datetime": "dateTime", "time": "time", "boolean": "boolean", "year": "gYear",
    "yearmonth": "gYearMonth", "duration": "duration", "object": "json", "array": "json",
}


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):  # {"uk": "…"} language maps
        value = value.get("uk") or next(iter(value.values()), "")
    return str(value or "").strip()


def _flag(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().casefold() in ("true", "1", "так", "yes")
    return bool(value)


def _table(document: dict[str, Any]) -> dict[str, Any]:
    table = document.get("tableSchema")
    if table is None and isinstance(document.get("tables"), list) and document["tables"]:
        table = document["tables"][0].get("tableSchema")
    if not isinstance(table, dict) or not isinstance(table.get("columns"), list):
        raise SchemaInvalid(_("The CSVW structure has no “tableSchema.columns” list."))
    return table


def csvw_columns(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The columns of a CSVW document as plain dicts (name, title, description, datatype,
    required); the official files' pseudo-column that repeats the header is left out."""
    columns = []
    for number, column in enumerate(_table(document)["columns"], start=1):
        if not isinstance(column, dict):
            raise SchemaInvalid(_("Column %(number)s of the CSVW structure is not an object.")
                                % {"number": number})
        name = _text(column.get("name"))
        title = _text(column.get("titles", column.get("title")))
        datatype = column.get("datatype", "string")
        base = datatype.get("base", "string") if isinstance(datatype, dict) else str(datatype)
        if name == "name" and base == "datatype":  # the header repeated as a column
            continue
        if not name and not title:
            raise SchemaInvalid(_("Column %(number)s of the CSVW structure has neither a name "
                                  "nor a title.") % {"number": number})
        columns.append({
            "name": name or title, "title": title or name,
            "description": _text(column.get("dc:description", column.get("description"))),
            "datatype": base, "required": _flag(column.get("required")),
            "format": datatype.get("format") if isinstance(datatype, dict) else None,
        })
    if not columns:
        raise SchemaInvalid(_("The CSVW structure lists no columns."))
    return columns


def from_csvw(document: dict[str, Any]) -> dict[str, Any]:
    """A Table Schema from CSVW."""
    fields = []
    for number, column in enumerate(csvw_columns(document), start=1):
        if column["datatype"] not in TYPES:
            raise SchemaInvalid(_("Column %(number)s (“%(name)s”) of the CSVW structure has an "
                                  "unknown datatype “%(datatype)s”.")
                                % {"number": number, "name": column["name"],
                                   "datatype": column["datatype"]})
        kind, fmt = TYPES[column["datatype"]]
        field: dict[str, Any] = {"name": column["name"], "title": column["title"],
                                 "description": column["description"], "type": kind}
        if fmt != "default":
            field["format"] = fmt
        if column["required"]:
            field["constraints"] = {"required": True}
        if isinstance(column.get("format"), str) and kind == "string":
            field.setdefault("constraints", {})["pattern"] = column["format"]
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "missingValues": ["", "null"]}
    key = _table(document).get("primaryKey")
    if key:
        schema["primaryKey"] = [key] if isinstance(key, str) else list(key)
    return schema


def to_csvw(schema: dict[str, Any], *, title: str = "", url: str = "") -> dict[str, Any]:
    """CSVW from a Table Schema, names kept as they are (the national structures' names are
    already ASCII identifiers)."""
    columns = []
    for field in schema.get("fields") or []:
        kind = str(field.get("type") or "string")
        datatype = "anyURI" if kind == "string" and field.get("format") == "uri" else \
            DATATYPES.get(kind, "string")
        constraints = field.get("constraints") or {}
        column: dict[str, Any] = {
            "name": field["name"], "titles": field.get("title") or field["name"],
            "dc:description": field.get("description") or "",
            "datatype": ({"base": datatype, "format": constraints["pattern"]}
                         if constraints.get("pattern") and datatype == "string" else datatype),
            "required": bool(constraints.get("required")),
        }
        columns.append(column)
    document: dict[str, Any] = {"@context": [CSVW_CONTEXT, {"@language": "uk"}]}
    if url:
        document["url"] = url
    if title:
        document["dc:title"] = title
    table: dict[str, Any] = {"columns": columns}
    if schema.get("primaryKey"):
        key = schema["primaryKey"]
        table["primaryKey"] = key[0] if isinstance(key, list) and len(key) == 1 else key
    if schema.get("missingValues") and list(schema["missingValues"]) != [""]:
        table["null"] = [v for v in schema["missingValues"] if v]
    document["tableSchema"] = table
    return document


def to_datapackage(schema: dict[str, Any], *, name: str, title: str,
                   path: str) -> dict[str, Any]:
    """A Data Package with one tabular resource (the form data.gov.ua shows as "Datapackage")."""
    return {
        "name": name, "title": title, "profile": "tabular-data-package",
        "resources": [{"name": name, "path": path, "profile": "tabular-data-resource",
                       "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                       "schema": schema}],
    }


def read_schema(document: Any) -> dict[str, Any]:
    """A Table Schema from CSVW, Table Schema or Data Package JSON (already parsed)."""
    if not isinstance(document, dict):
        raise SchemaInvalid(_("The structure must be a JSON object (CSVW, Table Schema or "
                              "Data Package)."))
    if "tableSchema" in document or "tables" in document:
        return from_csvw(document)
    if "resources" in document:
        resources = document["resources"]
        if not isinstance(resources, list) or not resources:
            raise SchemaInvalid(_("The Data Package lists no resources."))
        schema = resources[0].get("schema") if isinstance(resources[0], dict) else None
        if isinstance(schema, str):
            raise SchemaInvalid(_("The Data Package's first resource names its schema in "
                                  "another file (“%(path)s”): give that file instead.")
                                % {"path": schema})
        if not isinstance(schema, dict):
            raise SchemaInvalid(_("The Data Package's first resource has no “schema”."))
        return _table_schema(schema, _("the Data Package's first resource"))
    if "fields" in document:
        return _table_schema(document, _("the Table Schema"))
    raise SchemaInvalid(_("This JSON is neither CSVW (“tableSchema”), nor a Table Schema "
                          "(“fields”), nor a Data Package (“resources”)."))


def _table_schema(schema: dict[str, Any], where: str) -> dict[str, Any]:
    fields = schema.get("fields")
    if not isinstance(fields, list) or not fields:
        raise SchemaInvalid(_("In %(where)s, “fields” must be a non-empty list.")
                            % {"where": where})
    for number, field in enumerate(fields, start=1):
        if not isinstance(field, dict) or not str(field.get("name") or "").strip():
            raise SchemaInvalid(_("In %(where)s, field %(number)s has no “name”.")
                                % {"where": where, "number": number})
    return schema
