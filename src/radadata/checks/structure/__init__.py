"""The structure of a table (§6.16): a Table Schema inferred from the data, and the table
validated against its schema cell by cell. `csvw` and `xsd` publish a schema in the other two
forms; `frictionless_adapter` runs frictionless itself, the reference the tests compare with.
"""

from radadata.checks.structure import codes  # noqa: F401  (registers the check codes)
from radadata.checks.structure.infer import infer_schema
from radadata.checks.structure.validate import validate_table

__all__ = ["infer_schema", "validate_table"]
