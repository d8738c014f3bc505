"""Pairing the file's header with the structure's fields.

Header findings carry the header's row (the row above the first data row). By position, as
frictionless does by default (`fieldsMatch: exact`): a renamed column keeps
its place and is still checked against its field, an extra column at the end is reported once,
a missing one too. When the names show that columns were moved, inserted or deleted (a label
at one position is the name of another field), position would misreport every later column,
so the columns are paired by name instead and a reordering is one warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from radadata.checks.findings import Finding
from radadata.checks.structure import codes
from radadata.checks.table import Table


@dataclass
class Pairing:
    """The field each frame column is checked against (None: no field, read as "any")."""

    fields: list[dict[str, Any] | None]
    labels: list[str]  # how findings name each frame column
    findings: list[Finding] = field(default_factory=list)

    def index_of(self, name: str) -> int | None:
        for index, item in enumerate(self.fields):
            if item is not None and item.get("name") == name:
                return index
        return None


def pair(table: Table, fields: list[dict[str, Any]]) -> Pairing:
    # Names compare after trimming spaces, tabs and line breaks (official files have some).
    labels = [re.sub(r"\s+", " ", str(label or "")).strip() for label in table.header]
    names = [re.sub(r"\s+", " ", str(f.get("name", ""))).strip() for f in fields]
    # A Cyrillic letter that looks Latin ("legalActІd" in two official structures) is no
    # renaming: such a label is the structure's name.
    folded = {_fold(name): name for name in names}
    labels = [label if label in names else folded.get(_fold(label), label) for label in labels]
    moved = any(label != names[i] and label in names
                for i, label in enumerate(labels[:len(names)]))
    if moved and all(labels) and len(set(labels)) == len(labels):
        return _by_name(table, labels, fields, names)
    return _by_position(table, labels, fields, names)


_LOOKALIKES = str.maketrans("АВЕІКМНОРСТХаеіорсух", "ABEIKMHOPCTXaeiopcyx")


def _fold(text: str) -> str:
    return text.translate(_LOOKALIKES)


def _by_position(table: Table, labels: list[str], fields: list[dict[str, Any]],
                 names: list[str]) -> Pairing:
    row = table.header_row  # the header's row in the file
    paired: list[dict[str, Any] | None] = []
    shown: list[str] = []
    findings: list[Finding] = []
    for index, label in enumerate(labels):
        position = index + 1
        if index >= len(fields):
            paired.append(None)
            shown.append(label or table.columns[index])
            findings.append(Finding(codes.EXTRA_LABEL, row=row, column=shown[-1],
                                    params={"label": label, "position": position}))
            continue
        paired.append(fields[index])
        shown.append(label or names[index])
        params = {"label": label, "field": names[index], "position": position}
        if not label:
            findings.append(Finding(codes.BLANK_LABEL, row=row, column=names[index],
                                    params=params))
        elif label in labels[:index] and not (label == names[index] and label in names[:index]):
            # (a name the structure itself repeats, as two official structures do, is no error)
            findings.append(Finding(codes.DUPLICATE_LABEL, row=row, column=label,
                                    params=params))
        elif label != names[index]:
            findings.append(Finding(codes.INCORRECT_LABEL, row=row, column=label,
                                    params=params))
    findings += [Finding(codes.MISSING_LABEL, row=row, column=name, params={"field": name})
                 for name in names[len(labels):]]
    return Pairing(paired, shown, findings)


def _by_name(table: Table, labels: list[str], fields: list[dict[str, Any]],
             names: list[str]) -> Pairing:
    row = table.header_row
    by_name = dict(zip(names, fields, strict=True))
    paired = [by_name.get(label) for label in labels]
    findings = [Finding(codes.EXTRA_LABEL, row=row, column=label,
                        params={"label": label, "position": index + 1})
                for index, label in enumerate(labels) if label not in by_name]
    findings += [Finding(codes.MISSING_LABEL, row=row, column=name, params={"field": name})
                 for name in names if name not in labels]
    order = [names.index(label) for label in labels if label in by_name]
    if order != sorted(order):
        findings.insert(0, Finding(codes.COLUMNS_REORDERED, row=row,
                                   params={"expected": ", ".join(names)}))
    return Pairing(paired, list(labels), findings)
