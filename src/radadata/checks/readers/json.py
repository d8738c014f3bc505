"""JSON: a list of flat objects is a table (its keys the header, each object a row).

Numbers keep the text they were written with (parse_float=str): "1.50" stays "1.50", as a CSV
cell would. The file is parsed whole, so its size is limited (limits.max_tree_bytes). A list
under a single key ({"data": [...]}) is read too; anything else is reported as not a table.
Rows are numbered as frictionless numbers them: the keys are row 1, the first object row 2.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _

from radadata.checks import codes_file as codes
from radadata.checks.readers import geojson, tabulate
from radadata.checks.readers.base import FileContext
from radadata.checks.readers.text import text_encoding, utf8_copy
from radadata.checks.sniff import Sniffed
from radadata.checks.table import Table


def read(ctx: FileContext, sniffed: Sniffed) -> Iterator[Table]:
    found = text_encoding(ctx, sniffed, scale=0.3)
    size = ctx.path.stat().st_size
    if size > ctx.limits.max_tree_bytes:
        ctx.add(codes.FILE_TOO_LARGE, size_mb=f"{size / 2**20:.0f}",
                limit_mb=f"{ctx.limits.max_tree_bytes / 2**20:.0f}")
        return
    source = utf8_copy(ctx, found)
    try:
        with open(source, encoding="utf-8-sig") as stream:
            data = json.load(stream, parse_float=str, parse_int=str,
                             parse_constant=_refuse_constant)
    except _NotANumber as error:
        line = _line_of(source, error.value)
        ctx.add(codes.JSON_MALFORMED, row=line if isinstance(line, int) else None, line=line,
                error=_("%(value)s is not a number in JSON (RFC 8259), and most programs "
                        "refuse the whole file; write null where the value is unknown")
                % {"value": error.value})
        return
    except json.JSONDecodeError as error:
        ctx.add(codes.JSON_MALFORMED, row=error.lineno, line=error.lineno, error=error.msg)
        return
    except RecursionError:
        ctx.add(codes.JSON_MALFORMED, line="?", error="nested too deeply")
        return
    ctx.progress(0.6)
    if sniffed.format == "geojson" or geojson.is_geojson(data):
        ctx.format = "geojson"
        records = geojson.properties(data)
    else:
        records = _records(data)
    if records is None:
        ctx.add(codes.JSON_NOT_TABULAR)
        return
    table = _table(ctx, records)
    if table is not None:
        yield table


class _NotANumber(ValueError):
    def __init__(self, value: str) -> None:
        super().__init__(value)
        self.value = value


def _refuse_constant(value: str) -> Any:
    """NaN, Infinity and -Infinity: Python's json reads them, the JSON standard does not."""
    raise _NotANumber(value)


def _line_of(source, value: str) -> int | str:
    """The first line where the constant stands outside a string (for the finding)."""
    pattern = re.compile(r'(?<![\w"])' + re.escape(value) + r'(?![\w"])')
    with open(source, encoding="utf-8-sig") as stream:
        for number, line in enumerate(stream, start=1):
            outside = re.sub(r'"(?:[^"\\]|\\.)*"', '""', line)
            if pattern.search(outside):
                return number
    return "?"


def _records(data: Any) -> list[dict[str, Any]] | None:
    if isinstance(data, dict):
        lists = [value for value in data.values() if isinstance(value, list)]
        if len(lists) != 1:
            return None
        data = lists[0]
    if isinstance(data, list) and all(isinstance(item, dict) for item in data):
        return data
    return None


def _table(ctx: FileContext, records: list[dict[str, Any]]) -> Table | None:
    keys: dict[str, None] = {}
    for record in records:
        keys.update(dict.fromkeys(str(key) for key in record))
    header = list(keys)
    if not header:
        return None
    nested: dict[str, tuple[int, int]] = {}  # key → count, first row

    def rows() -> Iterator[list[str | None]]:
        for index, record in enumerate(records):
            row = []
            for key in header:
                value = record.get(key)
                if isinstance(value, dict | list):
                    count, first = nested.get(key, (0, index))
                    nested[key] = (count + 1, first)
                    value = json.dumps(value, ensure_ascii=False)
                row.append(_text(value))
            yield row

    raw = tabulate.raw_frame(rows())
    names = tabulate.unique_names(header)
    frame = raw.rename(dict(zip(raw.columns, names, strict=True))) if raw.width else raw
    table = Table(frame=frame, header=header, part=ctx.part)
    for key, (count, first) in nested.items():
        ctx.add(codes.JSON_NESTED, row=table.file_row(first), column=key, count=count)
    return table


def _text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
