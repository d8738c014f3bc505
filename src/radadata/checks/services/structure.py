"""The dataset's structure (§6.6.2, §6.16): the Table Schema inferred from the first checked
file, corrected and confirmed by the owner, then the one every later version is validated
against. The catalogue publishes it (CSVW, Table Schema, XSD)."""

from __future__ import annotations

import datetime as dt
import re
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from radadata.accounts.models import User
from radadata.core import audit
from radadata.core.errors import ValidationFailed
from radadata.registry import access
from radadata.registry.models import Dataset, Structure

#: The Table Schema types an owner chooses from (frictionless names them so).
TYPES = {
    "string": gettext_lazy("text"),
    "integer": gettext_lazy("whole number"),
    "number": gettext_lazy("number with decimals"),
    "boolean": gettext_lazy("yes / no"),
    "date": gettext_lazy("date"),
    "datetime": gettext_lazy("date and time"),
    "time": gettext_lazy("time"),
    "year": gettext_lazy("year"),
}
# Properties that belong to one type: dropped when the owner changes the column's type.
_TYPE_PROPERTIES = ("format", "decimalChar", "groupChar", "bareNumber", "trueValues",
                    "falseValues")
_INTEGER = re.compile(r"^-?\d+$")
_NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")


@dataclass
class Column:
    """One column as the owner confirms it."""

    name: str
    type: str = "string"
    title: str = ""
    description: str = ""
    required: bool = False
    unique: bool = False
    enum: list[str] = field(default_factory=list)


def columns_of(schema: dict[str, Any] | None) -> list[Column]:
    """The form's view of a Table Schema."""
    schema = schema or {}
    key = set(schema.get("primaryKey") or [])
    columns = []
    for item in schema.get("fields", []):
        constraints = item.get("constraints") or {}
        columns.append(Column(
            name=str(item.get("name", "")), type=str(item.get("type") or "string"),
            title=str(item.get("title", "")), description=str(item.get("description", "")),
            required=bool(constraints.get("required")) or item.get("name") in key,
            unique=bool(constraints.get("unique")) or item.get("name") in key,
            enum=[str(v) for v in constraints.get("enum") or []]))
    return columns


def _enum_value(value: str, kind: str) -> Any:
    if kind == "integer" and _INTEGER.match(value):
        return int(value)
    if kind == "number" and _NUMBER.match(value):
        return float(value.replace(",", "."))
    return value


def _validate(columns: list[Column]) -> None:
    errors: dict[str, list[str]] = {}
    seen: set[str] = set()
    if not columns:
        raise ValidationFailed(_("The structure has no columns. Upload a file with a header "
                                 "row first; its columns are proposed here."))
    for index, column in enumerate(columns):
        if not column.name.strip():
            errors.setdefault(f"{index}-name", []).append(_("Every column needs a name."))
        elif column.name in seen:
            errors.setdefault(f"{index}-name", []).append(
                _("Two columns are named “%(name)s”; give each a name of its own.")
                % {"name": column.name})
        seen.add(column.name)
        if column.type not in TYPES and column.type != "any":
            errors.setdefault(f"{index}-type", []).append(_("Choose one of the listed types."))
        if column.type in ("integer", "number"):
            bad = [v for v in column.enum if not (_INTEGER if column.type == "integer"
                                                  else _NUMBER).match(v)]
            if bad:
                errors.setdefault(f"{index}-enum", []).append(
                    _("“%(value)s” is not a number; list only values of the column's type.")
                    % {"value": bad[0]})
    if errors:
        raise ValidationFailed(errors, code="structure_invalid")


def _schema(columns: list[Column], base: dict[str, Any] | None) -> dict[str, Any]:
    """A Table Schema from the confirmed columns, keeping what the owner does not edit (date
    formats, decimal commas, the ЄДРПОУ pattern) from `base` where the type stayed."""
    base = deepcopy(base or {})
    old = {item.get("name"): item for item in base.get("fields", [])}
    fields = []
    for column in columns:
        item = dict(old.get(column.name, {}))
        if item.get("type") != column.type:
            for name in _TYPE_PROPERTIES:
                item.pop(name, None)
        constraints = {k: v for k, v in (item.get("constraints") or {}).items()
                       if k not in ("required", "unique", "enum")}
        if column.type != "string":
            constraints.pop("pattern", None)
        if column.required:
            constraints["required"] = True
        if column.unique:
            constraints["unique"] = True
        if column.enum:
            constraints["enum"] = [_enum_value(v, column.type) for v in column.enum]
        item.update(name=column.name, type=column.type)
        for name in ("title", "description"):
            value = getattr(column, name).strip()
            if value:
                item[name] = value
            else:
                item.pop(name, None)
        item.pop("constraints", None)
        if constraints:
            item["constraints"] = constraints
        fields.append(item)
    schema = {k: v for k, v in base.items() if k not in ("fields", "primaryKey")}
    schema["fields"] = fields
    by_name = {c.name: c for c in columns}
    key = [n for n in base.get("primaryKey") or [] if n in by_name]
    if key and all(by_name[n].required and by_name[n].unique for n in key):
        schema["primaryKey"] = key
    return schema


@transaction.atomic
def structure_save(*, dataset: Dataset, columns: list[Column], by: User | None,
                   at: dt.datetime, base: dict[str, Any] | None = None) -> Structure:
    """Save the owner's confirmed structure as the dataset's. `base` is the schema the form
    started from (the inferred one, or the saved one being edited)."""
    access.require_dataset_edit(by, dataset)
    _validate(columns)
    structure = Structure.objects.select_for_update().filter(dataset=dataset).first()
    before = [f.get("name") for f in structure.schema.get("fields", [])] if structure else None
    schema = _schema(columns, base if base is not None else
                     (structure.schema if structure else None))
    if structure is None:
        structure = Structure(dataset=dataset, source=Structure.Source.INFERRED)
    elif structure.source == Structure.Source.NATIONAL and structure.schema != schema:
        # Changed by hand, it is no longer the national structure.
        structure.source, structure.national_code = Structure.Source.MANUAL, ""
    structure.schema, structure.updated_at = schema, at
    structure.save()
    audit.record(actor=by, action="checks.structure_saved", obj=dataset, at=at,
                 changes={"structure": [before, [c.name for c in columns]]},
                 note=_("%(count)d columns") % {"count": len(columns)})
    return structure
