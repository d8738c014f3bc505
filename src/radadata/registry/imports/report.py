"""The dry run as plain text, row by row (the `radadata registry import` command prints it)."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext as _

from .columns import IGNORE, letter
from .plan import ImportPlan
from .reading import Table


def describe_file(table: Table) -> str:
    if table.kind == "xlsx":
        where = _("sheet “%(sheet)s”") % {"sheet": table.sheet}
    else:
        delimiter = {",": _("comma"), ";": _("semicolon"), "\t": _("tab")}[table.delimiter]
        where = _("CSV, %(encoding)s, %(delimiter)s-separated") % {
            "encoding": table.encoding, "delimiter": delimiter}
    return _("%(file)s (%(where)s): header in row %(row)d, %(count)d rows of datasets.") % {
        "file": table.filename, "where": where, "row": table.header_row,
        "count": len(table.rows)}


def unmapped_columns(table: Table, mapping: list[str | None]) -> list[str]:
    """“C «Примітка»” for every column nobody said what to do with."""
    return [f"{letter(index)} «{table.header[index]}»" for index, key in enumerate(mapping)
            if key is None]


def summary(plan: ImportPlan) -> str:
    counts = plan.counts
    return _("%(create)d to create, %(update)d to update, %(unchanged)d unchanged, "
             "%(reject)d rejected.") % counts


def text_report(plan: ImportPlan, *, only_rejected: bool = False) -> Iterator[str]:
    yield describe_file(plan.table)
    mapped = [f"{letter(i)} «{plan.table.header[i]}» → {key}"
              for i, key in enumerate(plan.mapping) if key and key != IGNORE]
    yield _("Columns: %(columns)s") % {"columns": "; ".join(mapped)}
    yield ""
    for outcome in plan.rows:
        if only_rejected and not outcome.rejected:
            continue
        title = " — ".join(part for part in (outcome.identifier, outcome.title[:100]) if part)
        yield f"{_('Row')} {outcome.row:>5}  {outcome.action_label:<10} {title}"
        if outcome.changes:
            yield "             " + _("changes: %(fields)s") % {
                "fields": ", ".join(outcome.changes)}
        for note in outcome.notes:
            yield f"             · {note}"
        for warning in outcome.warnings:
            yield f"             ! {warning}"
        for message in outcome.messages:
            yield f"             ✗ {message}"
    yield ""
    for owner in plan.new_owners:
        yield _("New owner: %(name)s") % {"name": owner.name} + (
            f" ({_('under')} {owner.parent.name})" if owner.parent is not None else "")
    yield summary(plan)
