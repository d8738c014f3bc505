"""Readers turn a file of one format into tables (checks.table.Table), reporting what they
find about the file on the way. The engine picks one by the format found in the content.

ZIP archives are not here: the engine unpacks them (readers.zip) and checks each member as a
file of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from radadata.checks.readers import csv, json, ods, xlsx, xml
from radadata.checks.readers.base import FileContext
from radadata.checks.sniff import Sniffed
from radadata.checks.table import Table

Reader = Callable[[FileContext, Sniffed], Iterator[Table]]

READERS: dict[str, Reader] = {
    "csv": csv.read,
    "xlsx": xlsx.read,
    "ods": ods.read,
    "json": json.read,
    "geojson": json.read,
    "xml": xml.read,
    "html": xml.read_text_only,
    "txt": xml.read_text_only,
}
