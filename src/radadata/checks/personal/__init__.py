"""Personal data in a table (§2.3–2.10, §6.21): `scan_table(table, lawful=...)` returns one
finding per column and kind, with counts and masked examples. Importing the package registers
its check codes."""

from radadata.checks.personal.scan import (
    DETECTORS,
    LAWFUL_REASONS,
    OFFICIALS_KEY,
    officials_of,
    scan_table,
)

__all__ = ["DETECTORS", "LAWFUL_REASONS", "OFFICIALS_KEY", "officials_of", "scan_table"]
