"""How much of a file the checks read: the guards that keep the worker alive on hostile input.

A file beyond a limit is never read further: it gets a finding that names the limit, and the
check ends for that file (or ZIP member). The three an operator may change are settings
(config/declared.py); the others protect memory and are constants.
"""

from __future__ import annotations

from dataclasses import dataclass

from radadata.config import declared

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 500 * MB  # larger files get `file_too_large` and no content checks
    # One line of a CSV file; read in chunks of this size, so a 2 GB line is never in memory.
    max_line_bytes: int = 1 * MB
    # JSON and GeoJSON are parsed whole; the parsed objects take about ten times the bytes.
    max_tree_bytes: int = 50 * MB
    max_columns: int = 2000
    zip_max_bytes: int = 1000 * MB  # the uncompressed total of an archive (also XLSX, ODS)
    zip_max_files: int = 1000
    # A member that expands more than this many times and past `zip_ratio_min_bytes` is a
    # zip bomb: text compresses 5–20 times, a sheet's XML up to about 50.
    zip_max_ratio: int = 100
    zip_ratio_min_bytes: int = 10 * MB
    # Findings of one code in one table shown one by one; the rest are counted in one more.
    max_findings_per_code: int = 100


def current() -> Limits:
    """The limits with the operator's settings applied (read at each check, not at import)."""
    return Limits(
        max_bytes=declared.get("RADADATA_CHECK_MAX_MB") * MB,
        zip_max_bytes=declared.get("RADADATA_CHECK_ZIP_MAX_MB") * MB,
        zip_max_files=declared.get("RADADATA_CHECK_ZIP_MAX_FILES"),
    )
