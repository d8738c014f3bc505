"""Import of the registry from a list a council already keeps (Excel or CSV).

    table = read_table(data, "перелік.xlsx")          # UnreadableFile says how to fix the file
    mapping = recognise(table.header)                 # None where the officer must map a column
    plan = plan_import(table, mapping, at=now)        # the dry run, row by row; saves nothing
    registry_import(table=table, mapping=mapping, by=officer, at=now)   # all rows or none
    registry_import(..., good_rows=True)              # the good rows; rejected_workbook(plan)
"""

from .apply import ImportRejected, registry_import, row_message
from .columns import (
    FIELDS,
    IGNORE,
    LABELS,
    check_mapping,
    field_for_header,
    letter,
    recognise,
    resolve_field,
)
from .plan import ACTION_LABELS, ACTIONS, CREATE, REJECT, UNCHANGED, UPDATE, ImportPlan
from .planning import plan_import
from .reading import Table, UnreadableFile, read_table
from .rejected import rejected_workbook

__all__ = [
    "ACTIONS",
    "ACTION_LABELS",
    "CREATE",
    "FIELDS",
    "IGNORE",
    "LABELS",
    "REJECT",
    "UNCHANGED",
    "UPDATE",
    "ImportPlan",
    "ImportRejected",
    "Table",
    "UnreadableFile",
    "check_mapping",
    "field_for_header",
    "letter",
    "plan_import",
    "read_table",
    "recognise",
    "registry_import",
    "rejected_workbook",
    "resolve_field",
    "row_message",
]
