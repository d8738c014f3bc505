"""Exports of the registry: the published registry in the §4.10 structure and the national
structures of 2019 and 2025 (public), and the full internal registry of §4.3 (staff).

    structure = PUBLISHED["4.10"]
    for chunk in csv_chunks(structure.header, published_rows(structure)): ...
"""

from .renderers import CONTENT_TYPES, FORMATS, csv_chunks, json_chunks, rendered, xlsx_bytes
from .rows import internal_datasets, internal_rows, published_on, published_rows
from .structures import (
    PUBLISHED,
    REGISTRY_4_10,
    REGISTRY_2019,
    REGISTRY_2025,
    REGISTRY_INTERNAL,
    Column,
    Structure,
)

__all__ = [
    "CONTENT_TYPES",
    "FORMATS",
    "PUBLISHED",
    "REGISTRY_4_10",
    "REGISTRY_2019",
    "REGISTRY_2025",
    "REGISTRY_INTERNAL",
    "Column",
    "Structure",
    "csv_chunks",
    "internal_datasets",
    "internal_rows",
    "json_chunks",
    "published_on",
    "published_rows",
    "rendered",
    "xlsx_bytes",
]
