"""The structure of a dataset (§6.6.2, §6.16) for its public page and its two downloads.

The registry's Structure (a Frictionless Table Schema the owner keeps) wins; without one, a
simple schema is inferred from the header and the first rows of the current file, and marked
as inferred. Nothing is stored: the file is small to read (the first rows only) and the
stored structure, when the owner sets one, replaces the guess at once.

The CSVW form is the one data.gov.ua recommends (REGULATION-NOTES §1.5)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from radadata.catalog import preview
from radadata.checks.structure.csvw import to_csvw
from radadata.checks.structure.xsd import to_xsd
from radadata.registry.models import Dataset, ResourceVersion, Structure

INFER_ROWS = 200

_INTEGER = re.compile(r"^[+-]?\d+$")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2}|\d{2}\.\d{2}\.\d{4})$")


@dataclass(frozen=True)
class Column:
    name: str
    title: str
    type: str  # a Table Schema type
    required: bool
    description: str = ""


@dataclass(frozen=True)
class DatasetStructure:
    columns: list[Column]
    inferred: bool
    source: str = ""  # what it was inferred from, or the stored structure's source label
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. primaryKey of a stored schema
    schema: dict[str, Any] | None = None  # the stored Table Schema, constraints and all


def _stored(dataset: Dataset) -> DatasetStructure | None:
    try:
        stored = dataset.structure
    except Structure.DoesNotExist:
        return None
    fields = (stored.schema or {}).get("fields") or []
    if not fields:
        return None
    columns = [Column(name=str(f.get("name", "")), title=str(f.get("title") or f.get("name", "")),
                      type=str(f.get("type") or "string"),
                      required=bool((f.get("constraints") or {}).get("required")),
                      description=str(f.get("description") or ""))
               for f in fields]
    extra = {key: stored.schema[key] for key in ("primaryKey", "missingValues")
             if key in stored.schema}
    return DatasetStructure(columns=columns, inferred=False,
                            source=stored.get_source_display(), extra=extra,
                            schema=stored.schema)


def _value_type(value: Any) -> str | None:
    """The Table Schema type of one cell, or None for an empty cell."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, dt.datetime):
        return "date" if value.time() == dt.time() else "datetime"
    if isinstance(value, dt.date):
        return "date"
    text = str(value).strip()
    if not text:
        return None
    if _INTEGER.match(text):
        return "integer"
    if _NUMBER.match(text):
        return "number"
    if _DATE.match(text):
        return "date"
    return "string"


def _column_type(types: set[str]) -> str:
    if not types:
        return "string"
    if len(types) == 1:
        return next(iter(types))
    if types <= {"integer", "number"}:
        return "number"
    if types <= {"date", "datetime"}:
        return "datetime"
    return "string"


def _unique_names(header: Sequence[Any]) -> list[str]:
    names: list[str] = []
    for index, cell in enumerate(header, start=1):
        name = preview.cell_text(cell).strip() or f"column{index}"
        base, n = name, 2
        while name in names:
            name, n = f"{base}_{n}", n + 1
        names.append(name)
    return names


def infer(version: ResourceVersion) -> list[Column]:
    """Columns from the file's header and its first rows: a type per column, required when
    no cell of the column is empty."""
    table = preview.rows(version, INFER_ROWS + 1)
    if not table:
        return []
    texts = preview.square([[preview.cell_text(c) for c in row] for row in table])
    width = len(texts[0])
    header, body = table[0][:width], [(row + [None] * width)[:width] for row in table[1:]]
    columns = []
    for index, name in enumerate(_unique_names(header + [None] * (width - len(header)))):
        types = {t for row in body if (t := _value_type(row[index])) is not None}
        filled = all(_value_type(row[index]) is not None for row in body)
        columns.append(Column(name=name, title=name, type=_column_type(types),
                              required=bool(body) and filled))
    return columns


def dataset_structure(dataset: Dataset, versions: Sequence[ResourceVersion | None]
                      ) -> DatasetStructure | None:
    """The stored structure, else one inferred from the first tabular file among `versions`
    (the current versions the page shows, so a waiting file is never read for the public)."""
    stored = _stored(dataset)
    if stored is not None:
        return stored
    for version in versions:
        if version is not None and preview.is_tabular(version):
            columns = infer(version)
            if columns:
                return DatasetStructure(columns=columns, inferred=True,
                                        source=version.original_name)
    return None


def as_table_schema(structure: DatasetStructure) -> dict[str, Any]:
    """Frictionless Table Schema: the stored one as the owner confirmed it, or the guess."""
    if structure.schema is not None:
        return structure.schema
    fields = []
    for column in structure.columns:
        item: dict[str, Any] = {"name": column.name, "title": column.title,
                                "type": column.type}
        if column.description:
            item["description"] = column.description
        if column.required:
            item["constraints"] = {"required": True}
        fields.append(item)
    return {"fields": fields, **structure.extra}


def as_csvw(structure: DatasetStructure, *, url: str = "") -> dict[str, Any]:
    """W3C CSVW metadata in the form data.gov.ua recommends (REGULATION-NOTES §1.5)."""
    return to_csvw(as_table_schema(structure), url=url)


def as_xsd(structure: DatasetStructure) -> bytes:
    """XML Schema of the table's XML form (§6.16 names XSD among the structure formats)."""
    return to_xsd(as_table_schema(structure))
