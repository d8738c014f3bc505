"""The number of datasets found and the facet counts over them, in one pass of SQL.

The datasets found are computed once (a common table expression) and every count is a GROUP BY
over a join to them, gathered with UNION ALL: one query, whatever the number of facets, instead
of one query per facet over the whole filter again. The same SQL runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet

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
    return (f"SELECT '{name}', t.{value_col}, t.{label_col}, COUNT(*) FROM found "
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
        "count": "SELECT 'count', '', '', COUNT(*) FROM found",
        "theme": _tag_part("theme", "themes", Theme, "code", "name"),
        "keyword": _tag_part("keyword", "keywords", Keyword, "name", "name"),
        # ",CSV,XLSX," per dataset: grouped as stored, split in Python (a few combinations).
        "format": (f"SELECT 'format', e.{formats}, '', COUNT(*) FROM found "
                   f"LEFT JOIN {_table(SearchEntry)} e ON e.{entry_id} = found.id "
                   f"GROUP BY e.{formats}"),
        "periodicity": (f"SELECT 'periodicity', d.{periodicity}, '', COUNT(*) FROM found "
                        f"JOIN {dataset} d ON d.{pk} = found.id GROUP BY d.{periodicity}"),
        "owner": (f"SELECT 'owner', o.{slug}, o.{owner_name}, COUNT(*) FROM found "
                  f"JOIN {dataset} d ON d.{pk} = found.id "
                  f"JOIN {_table(Owner)} o ON o.{pk} = d.{owner_id} "
                  f"GROUP BY o.{slug}, o.{owner_name}"),
    }


def count_and_facets(datasets: QuerySet[Dataset], names: Iterable[str]
                     ) -> tuple[int, dict[str, Counts]]:
    """How many `datasets` there are and, for each facet of `names`, how many of them have
    each value (values no dataset has are left out)."""
    names = list(dict.fromkeys(names))
    try:
        found_sql, params = datasets.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # datasets.none(), or a filter Django knows matches nothing
        return 0, {name: [] for name in names}
    parts = _parts()
    sql = (f"WITH found (id) AS ({found_sql}) "
           + " UNION ALL ".join(parts[name] for name in ["count", *names]))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    count = 0
    facets: dict[str, Counts] = {name: [] for name in names}
    formats: Counter[str] = Counter()
    for name, value, label, n in rows:
        if name == "count":
            count = n
        elif name == "format":
            for fmt in (value or "").split(","):
                if fmt:
                    formats[fmt] += n
        else:
            facets[name].append((value, label, n))
    if "format" in facets:
        facets["format"] = [(fmt, fmt, n) for fmt, n in formats.items()]
    return count, facets


def labelled(name: str, counts: Counts) -> Counts:
    """`counts` with the labels of the current language where they come from it."""
    if name != "periodicity":
        return counts
    labels = dict(Periodicity.choices)
    return [(value, str(labels.get(value, value)), n) for value, _label, n in counts]

