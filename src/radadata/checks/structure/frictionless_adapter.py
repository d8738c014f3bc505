"""frictionless-py's validation, translated into our findings (the same codes validate_table
gives). It is the reference the parity tests and the benchmark compare with, and the checker
for formats the polars path does not read.

frictionless names a cell's column by the schema's field; we name it by the header as written
in the file, so the labels of the report are used. Its `constraint-error` carries the
constraint's name in its note ('constraint "enum" is "…"'), which picks our code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from radadata.checks.findings import Finding
from radadata.checks.structure import codes
from radadata.checks.structure.collect import excerpt
from radadata.checks.structure.validate import CAP

#: frictionless error type → our code, where one code matches.
SAME = {
    "extra-label": codes.EXTRA_LABEL, "missing-label": codes.MISSING_LABEL,
    "incorrect-label": codes.INCORRECT_LABEL, "blank-label": codes.BLANK_LABEL,
    "duplicate-label": codes.DUPLICATE_LABEL, "blank-row": codes.BLANK_ROW,
    "primary-key": codes.PRIMARY_KEY, "unique-error": codes.UNIQUE,
}
HEADER = {"extra-label", "missing-label", "incorrect-label", "blank-label", "duplicate-label"}
_CONSTRAINT = re.compile(r'constraint "(\w+)"')
NO_LIMIT = 100_000_000  # frictionless stops at 1000 errors unless told otherwise
RESOURCE_V2 = "https://datapackage.org/profiles/2.0/dataresource.json"


def frictionless_findings(path: str | Path, schema: dict[str, Any], *, cap: int = CAP,
                          limit_errors: int = NO_LIMIT, **resource: Any) -> list[Finding]:
    """Validates the file with frictionless against the Table Schema. `resource` goes into
    the data resource's descriptor (encoding, format, dialect…)."""
    from frictionless import Resource, system

    descriptor = {
        # Data Package v2, so that v2 constraints (exclusiveMinimum…) are allowed: the
        # resource's version is imposed on its schema.
        "$schema": RESOURCE_V2, "name": "table", "path": str(path), "schema": schema,
        **resource,
    }
    # An absolute path is "not safe" for frictionless unless trusted: the file is ours.
    with system.use_context(trusted=True):
        report = Resource(descriptor).validate(limit_errors=limit_errors)
    if not report.tasks:
        return [_other(error.type, error.note) for error in report.errors]
    task = report.tasks[0]
    return translate(task.errors, schema, labels=list(task.labels or []), cap=cap)


def translate(errors: Iterable[Any], schema: dict[str, Any], *, labels: list[str],
              cap: int = CAP) -> list[Finding]:
    """frictionless errors (in report order; objects or their JSON dicts) → findings, capped
    per column and code."""
    types = {f.get("name"): str(f.get("type") or "string") for f in schema.get("fields", [])}
    key = schema.get("primaryKey") or []
    key_column = ", ".join([key] if isinstance(key, str) else key)
    header: list[Finding] = []
    cells: list[Finding] = []
    for error in errors:
        kind = _get(error, "type")
        field_name = _get(error, "field_name")
        number = _get(error, "field_number")
        label = labels[number - 1] if number and number <= len(labels) else ""
        if kind in HEADER:
            column = label if kind in ("extra-label", "incorrect-label", "duplicate-label") \
                else field_name
            rows = _get(error, "row_numbers") or [1]
            header.append(Finding(SAME[kind], row=rows[0], column=column or None))
            continue
        row = _get(error, "row_number")
        if kind == "type-error":
            code = codes.TYPE_CODES.get(types.get(field_name, ""), codes.TYPE_OTHER)
        elif kind == "constraint-error":
            match = _CONSTRAINT.search(_get(error, "note") or "")
            code = codes.CONSTRAINT_CODES.get(match.group(1) if match else "", codes.OTHER)
        elif kind in SAME:
            code = SAME[kind]
        else:
            cells.append(_other(kind, _get(error, "note"), row=row, column=label or field_name))
            continue
        if code == codes.PRIMARY_KEY:
            column = key_column
        elif code == codes.BLANK_ROW:
            column = None
        else:
            column = label or field_name
        cells.append(Finding(code, row=row, column=column,
                             excerpt=excerpt(_get(error, "cell"))))
    return header + _capped(cells, cap)


def _get(error: Any, name: str) -> Any:
    """An attribute of a frictionless error, or the key of its JSON form (`frictionless
    validate --json` writes rowNumber, fieldName…)."""
    if isinstance(error, dict):
        head, *rest = name.split("_")
        return error.get(head + "".join(part.title() for part in rest))
    return getattr(error, name, None)


def _other(kind: str, note: str, *, row: int | None = None, column: str | None = None
           ) -> Finding:
    return Finding(codes.OTHER, row=row, column=column, params={"type": kind, "note": note})


def _capped(findings: list[Finding], cap: int) -> list[Finding]:
    kept: list[Finding] = []
    totals: dict[tuple[str | None, str], int] = {}
    for finding in findings:
        group = (finding.column, finding.code)
        totals[group] = totals.get(group, 0) + 1
        if totals[group] <= cap:
            kept.append(finding)
    kept += [Finding(codes.MORE, column=column, count=total,
                     params={"of": code, "total": total, "shown": cap})
             for (column, code), total in totals.items() if total > cap]
    return kept
