"""The number of datasets found and the facet counts over them, in one pass of SQL (the popularity
order's: every other order's come from memory.py).

The datasets found are computed once (a common table expression: the full-text match runs once)
and every count is a GROUP BY over a join to them, gathered with UNION ALL: one query, whatever
the number of facets, instead of one query per facet over the whole filter again. The same SQL
runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection

from radadata.catalog.models import SearchEntry
from radadata.registry.models import Dataset, Keyword, Owner, Theme
from radadata.registry.vocabularies import Periodicity

#: (facet value, its label or "" where the label comes from the language, datasets)
Counts = list[tuple[str, str, int]]


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _table(model) -> str:
    return _q(model._meta.db_table)


def _column(model, field: str) -> str:
    return _q(model._meta.get_field(field).column)


def _tag_part(name: str, m2m: str, tag_model, value: str, label: str) -> str:
    """Datasets per theme or keyword: through the link table of Dataset.<m2m>."""
    through = getattr(Dataset, m2m).through
    link, tag = _table(through), _table(tag_model)
    dataset_col = _column(through, "dataset")
    tag_col = _column(through, tag_model.__name__.lower())
    value_col, label_col = _column(tag_model, value), _column(tag_model, label)
    return (f"SELECT '{name}', t.{value_col}, t.{label_col}, COUNT(*), 0 FROM found "
            f"JOIN {link} l ON l.{dataset_col} = found.id "
            f"JOIN {tag} t ON t.{_q('id')} = l.{tag_col} "
            f"GROUP BY t.{value_col}, t.{label_col}")


def _parts() -> dict[str, str]:
    dataset, pk = _table(Dataset), _q("id")
    periodicity, owner_id = _column(Dataset, "periodicity"), _column(Dataset, "owner")
    slug, owner_name = _column(Owner, "slug"), _column(Owner, "name")
    formats = _column(SearchEntry, "formats")
    entry_id = _column(SearchEntry, "dataset")
    return {
        "count": "SELECT 'count', '', '', COUNT(*), 0 FROM found",
        "theme": _tag_part("theme", "themes", Theme, "code", "name"),
        "keyword": _tag_part("keyword", "keywords", Keyword, "name", "name"),
        # ",CSV,XLSX," per dataset: grouped as stored, split in Python (a few combinations).
        "format": (f"SELECT 'format', e.{formats}, '', COUNT(*), 0 FROM found "
                   f"LEFT JOIN {_table(SearchEntry)} e ON e.{entry_id} = found.id "
                   f"GROUP BY e.{formats}"),
        "periodicity": (f"SELECT 'periodicity', d.{periodicity}, '', COUNT(*), 0 FROM found "
                        f"JOIN {dataset} d ON d.{pk} = found.id GROUP BY d.{periodicity}"),
        "owner": (f"SELECT 'owner', o.{slug}, o.{owner_name}, COUNT(*), 0 FROM found "
                  f"JOIN {dataset} d ON d.{pk} = found.id "
                  f"JOIN {_table(Owner)} o ON o.{pk} = d.{owner_id} "
                  f"GROUP BY o.{slug}, o.{owner_name}"),
    }


@dataclass
class Pass:
    """What one pass over the datasets found answers."""

    count: int = 0
    facets: dict[str, Counts] = field(default_factory=dict)


def one_pass(found_sql: str, params: list | tuple, names: Iterable[str]) -> Pass:
    """Count the datasets of `found_sql` (a query of their ids) and each facet of `names`
    over them (values no dataset has are left out)."""
    names = list(dict.fromkeys(names))
    parts = _parts()
    arms = [parts[name] for name in ["count", *names]]
    sql = f"WITH found (id) AS ({found_sql}) " + " UNION ALL ".join(arms)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    result = Pass(facets={name: [] for name in names})
    formats: Counter[str] = Counter()
    for name, value, label, n, _position in rows:
        if name == "count":
            result.count = n
        elif name == "format":
            for fmt in (value or "").split(","):
                if fmt:
                    formats[fmt] += n
        else:
            result.facets[name].append((value, label, n))
    if "format" in result.facets:
        result.facets["format"] = [(fmt, fmt, n) for fmt, n in formats.items()]
    return result


def labelled(name: str, counts: Counts) -> Counts:
    """`counts` with the labels of the current language where they come from it."""
    if name != "periodicity":
        return counts
    labels = dict(Periodicity.choices)
    return [(value, str(labels.get(value, value)), n) for value, _label, n in counts]

