"""A structure's files to download: CSVW JSON, Table Schema, Data Package, XSD, and the empty
XLSX and CSV templates. Each is (bytes, content type, file name)."""

from __future__ import annotations

import json

from radadata.checks.personal import OFFICIALS_KEY
from radadata.checks.structure.xsd import to_xsd
from radadata.structures.catalog import NationalStructure
from radadata.structures.schema import to_csvw, to_datapackage
from radadata.structures.templates_files import template_csv, template_xlsx

SCHEMA_FORMATS = ("csvw", "tableschema", "datapackage", "xsd")
TEMPLATE_FORMATS = ("xlsx", "csv")
_JSON = "application/json; charset=utf-8"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def file_stem(structure: NationalStructure) -> str:
    return f"{structure.edition.code}-{structure.stem}"


def schema_file(structure: NationalStructure, fmt: str) -> tuple[bytes, str, str]:
    # The published forms carry the official columns only, not our note on officials' columns.
    schema = {k: v for k, v in structure.table_schema().items() if k != OFFICIALS_KEY}
    stem = file_stem(structure)
    if fmt == "csvw":
        return (_json(to_csvw(schema, title=structure.full_title, url=f"{stem}.csv")), _JSON,
                f"{stem}.csv-metadata.json")
    if fmt == "tableschema":
        return _json(schema), _JSON, f"{stem}.schema.json"
    if fmt == "datapackage":
        package = to_datapackage(schema, name=stem.lower(), title=structure.full_title,
                                 path=f"{stem}.csv")
        return _json(package), _JSON, "datapackage.json"
    if fmt == "xsd":
        return to_xsd(schema), "application/xml; charset=utf-8", f"{stem}.xsd"
    raise ValueError(fmt)


def template_file(structure: NationalStructure, fmt: str) -> tuple[bytes, str, str]:
    schema = structure.table_schema()
    stem = file_stem(structure)
    if fmt == "xlsx":
        return template_xlsx(schema, title=structure.full_title), XLSX, f"{stem}.xlsx"
    if fmt == "csv":
        return template_csv(schema), "text/csv; charset=utf-8", f"{stem}.csv"
    raise ValueError(fmt)
