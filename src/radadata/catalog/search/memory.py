"""The search index held in each process's memory: what a query finds, counts and orders.

A council's catalogue is small (a village's 30 datasets, a city's few thousand), so each
process keeps it in arrays (numpy) and answers a query nobody asked before without SQL: the
rows holding every word, their bm25 score, the filters, the facet counts and the order of the
page asked, in well under a millisecond for 10,000 datasets. The database stays the record
(SearchEntry, the full-text tables of backends/ for the popularity sort); this is a copy of it
kept in layers, each rebuilt when its token in CatalogueVersion changes:

    words    the lemmas of each dataset's title, tags, description and owner (SearchEntry)
             and its formats
    rows     which datasets are public, their owner, update frequency, dates, themes,
             keywords and title order (the database's collation)
             Both are read again when the index changes: index.py bumps `index_token` with
             every entry it writes, and every change of a dataset reindexes it
             (registry.hooks.dataset_changed). ~0.1 s per 1,000 datasets.
    labels   the owners' slugs and names, the themes' codes and names, the keywords: read
             again with every new catalogue version (`token`), a few small queries

so a change of any dataset, owner or theme is seen by the next query of every process, exactly
as the answer caches of cache.py are.

Scores are SQLite FTS5's bm25() (k1 = 1.2, b = 0.75) with the column weights below (a word of
the title counts most), the same on both databases. The popularity order alone is cut by the
database (order.py).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from django.db import connection

from radadata.catalog.models import CatalogueVersion, SearchEntry
from radadata.catalog.search.query import SearchQuery
from radadata.registry.models import Dataset, Keyword, Owner, Theme

#: Column weights (title, tags, description, owner) of the bm25 score.
WEIGHTS = (10.0, 5.0, 1.0, 2.0)
K1, B = 1.2, 0.75
#: (facet value, its label or "", datasets), as facets.Counts.
Counts = list[tuple[str, str, int]]


@dataclass
class Words:
    """The words layer: postings of each lemma over the rows of `ids` (the indexed datasets)."""

    token: str
    ids: np.ndarray  # dataset id of each indexed row
    terms: dict[str, int]  # lemma → its number
    starts: np.ndarray  # postings of term t: rows[starts[t]:starts[t + 1]]
    rows: np.ndarray
    weighted: np.ndarray  # the word's occurrences in the row, weighted by column
    lengths: np.ndarray  # words in each row, all columns
    average: float
    formats: list[str]  # format names; format_rows/format_values are (row, format) pairs
    format_rows: np.ndarray
    format_values: np.ndarray
    lengths_of_terms: dict[int, list[str]] | None = None  # by_length(), when first asked


@dataclass
class Rows:
    """The rows layer: the public datasets, in the order of `ids`."""

    token: str
    ids: np.ndarray
    owner: np.ndarray  # owner id
    periodicity: np.ndarray  # index into periodicities
    periodicities: list[str]
    modified: np.ndarray  # seconds since the epoch, NaN when none
    published: np.ndarray
    title_rank: np.ndarray  # place in ORDER BY title, id
    theme_rows: np.ndarray  # (row, theme id) pairs
    theme_values: np.ndarray
    keyword_rows: np.ndarray  # (row, keyword id) pairs
    keyword_values: np.ndarray
    word_row: np.ndarray  # the Words row of each row, -1 when the dataset has no entry


@dataclass
class Labels:
    """The labels layer: names of what the rows hold by id."""

    token: str
    owners: dict[int, tuple[str, str]] = field(default_factory=dict)  # id → slug, name
    themes: dict[int, tuple[str, str]] = field(default_factory=dict)  # id → code, name
    keywords: dict[int, str] = field(default_factory=dict)  # id → name


@dataclass
class Held:
    """What current() gives: the three layers as of one reading of the tokens."""

    words: Words
    rows: Rows
    labels: Labels


@dataclass
class Found:
    count: int
    facets: dict[str, Counts]
    page: list[int]  # dataset ids of the page asked, in order


_lock = threading.Lock()
_held: dict[str, Words | Rows | Labels | None] = {"words": None, "rows": None, "labels": None}


def tokens() -> tuple[str, str]:
    """(catalogue token, index token) as committed now."""
    table = connection.ops.quote_name(CatalogueVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token, index_token FROM {table} WHERE id = 1")
        row = cursor.fetchone()
    return (row[0], row[1]) if row else ("", "")


def current(version: str | None = None) -> Held:
    """The index for the catalogue as committed now; `version` is the catalogue token when
    the caller has just read it (the index token is read anyway)."""
    token, index_token = tokens()
    if version is not None and version != token:
        token = version  # the caller's reading is the one its answer is kept under
    with _lock:
        words = _held["words"]
        if not isinstance(words, Words) or words.token != index_token:
            words = _held["words"] = _build_words(index_token)
        rows = _held["rows"]
        if not isinstance(rows, Rows) or rows.token != index_token:
            rows = _held["rows"] = _build_rows(index_token, words)
        labels = _held["labels"]
        if not isinstance(labels, Labels) or labels.token != f"{token}:{index_token}":
            labels = _held["labels"] = _build_labels(f"{token}:{index_token}")
    return Held(words=words, rows=rows, labels=labels)


def _build_words(token: str) -> Words:
    entries = SearchEntry.objects.order_by("dataset_id").values_list(
        "dataset_id", "title", "tags", "body", "owner", "formats")
    ids: list[int] = []
    terms: dict[str, int] = {}
    term_of: list[int] = []  # one item per word occurrence
    row_of: list[int] = []
    weight_of: list[float] = []
    lengths: list[int] = []
    formats: dict[str, int] = {}
    format_rows: list[int] = []
    format_values: list[int] = []
    for row, (dataset_id, *texts, stored_formats) in enumerate(entries.iterator(2000)):
        ids.append(dataset_id)
        length = 0
        for text, weight in zip(texts, WEIGHTS, strict=True):
            found = text.split()
            length += len(found)
            term_of.extend(terms.setdefault(word, len(terms)) for word in found)
            row_of.extend([row] * len(found))
            weight_of.extend([weight] * len(found))
        lengths.append(length)
        for name in dict.fromkeys(f for f in stored_formats.split(",") if f):
            format_rows.append(row)
            format_values.append(formats.setdefault(name, len(formats)))
    term_array = np.asarray(term_of, dtype=np.int64)
    row_array = np.asarray(row_of, dtype=np.int64)
    # One (term, row) pair per posting, its weights summed: sort the occurrences by pair.
    pair = term_array * max(len(ids), 1) + row_array
    order = np.argsort(pair, kind="stable")
    pair = pair[order]
    first = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]]) if len(pair) else pair
    weighted = (np.add.reduceat(np.asarray(weight_of)[order], first) if len(pair)
                else np.zeros(0))
    posting_terms = term_array[order][first]
    starts = np.searchsorted(posting_terms, np.arange(len(terms) + 1))
    total = float(sum(lengths))
    return Words(
        token=token, ids=np.asarray(ids, dtype=np.int64), terms=terms,
        starts=starts, rows=row_array[order][first], weighted=weighted,
        lengths=np.asarray(lengths, dtype=np.float64),
        average=total / len(ids) if ids else 0.0,
        formats=list(formats), format_rows=np.asarray(format_rows, dtype=np.int64),
        format_values=np.asarray(format_values, dtype=np.int64))


def _seconds(values: Iterable) -> np.ndarray:
    return np.asarray([v.timestamp() if v is not None else math.nan for v in values],
                      dtype=np.float64)


def _pairs(through, field_name: str, position: dict[int, int]) -> tuple[np.ndarray, np.ndarray]:
    pairs = (through.objects.filter(dataset__in=Dataset.objects.published())
             .values_list("dataset_id", f"{field_name}_id"))
    rows, values = [], []
    for dataset_id, value in pairs.iterator(5000):
        row = position.get(dataset_id)
        if row is not None:
            rows.append(row)
            values.append(value)
    return np.asarray(rows, dtype=np.int64), np.asarray(values, dtype=np.int64)


def _build_rows(token: str, words: Words) -> Rows:
    public = Dataset.objects.published()
    data = list(public.order_by("title", "pk").values_list(
        "pk", "owner_id", "periodicity", "last_modified_at", "first_published_at"))
    ids = np.asarray([d[0] for d in data], dtype=np.int64)
    position = {int(pk): row for row, pk in enumerate(ids)}
    periodicities = sorted({d[2] for d in data})
    code = {value: n for n, value in enumerate(periodicities)}
    word_position = {int(pk): row for row, pk in enumerate(words.ids)}
    theme_rows, theme_values = _pairs(Dataset.themes.through, "theme", position)
    keyword_rows, keyword_values = _pairs(Dataset.keywords.through, "keyword", position)
    return Rows(
        token=token, ids=ids,
        owner=np.asarray([d[1] for d in data], dtype=np.int64),
        periodicity=np.asarray([code[d[2]] for d in data], dtype=np.int64),
        periodicities=periodicities,
        modified=_seconds(d[3] for d in data), published=_seconds(d[4] for d in data),
        title_rank=np.arange(len(ids), dtype=np.int64),
        theme_rows=theme_rows, theme_values=theme_values,
        keyword_rows=keyword_rows, keyword_values=keyword_values,
        word_row=np.asarray([word_position.get(int(pk), -1) for pk in ids], dtype=np.int64),
    )


def _build_labels(token: str) -> Labels:
    return Labels(
        token=token,
        owners={pk: (slug, name) for pk, slug, name
                in Owner.objects.values_list("pk", "slug", "name")},
        themes={pk: (c, name) for pk, c, name in Theme.objects.values_list("pk", "code", "name")},
        keywords=dict(Keyword.objects.values_list("pk", "name")))


# ---------------------------------------------------------------------------------------------
# Answering a query


def known(words: Words, terms: Iterable[str]) -> set[str]:
    return {term for term in terms if term in words.terms}


def by_length(words: Words) -> dict[int, list[str]]:
    """The words of the index by their length (for suggestions: words.py)."""
    if words.lengths_of_terms is None:
        grouped: dict[int, list[str]] = {}
        for term in words.terms:
            grouped.setdefault(len(term), []).append(term)
        words.lengths_of_terms = grouped
    return words.lengths_of_terms


def _any_of(pair_rows: np.ndarray, pair_values: np.ndarray, wanted: Iterable[int],
            size: int) -> np.ndarray:
    keep = np.zeros(size, dtype=bool)
    chosen = np.fromiter(wanted, dtype=np.int64)
    if len(chosen):
        keep[pair_rows[np.isin(pair_values, chosen)]] = True
    return keep


def _filters(query: SearchQuery, words: Words, rows: Rows, labels: Labels) -> np.ndarray:
    size = len(rows.ids)
    keep = np.ones(size, dtype=bool)
    if query.themes:
        codes = set(query.themes)
        keep &= _any_of(rows.theme_rows, rows.theme_values,
                        (pk for pk, (c, _n) in labels.themes.items() if c in codes), size)
    if query.keywords:
        names = {k.lower() for k in query.keywords}
        keep &= _any_of(rows.keyword_rows, rows.keyword_values,
                        (pk for pk, name in labels.keywords.items() if name in names), size)
    if query.formats:
        wanted = {f.strip().upper() for f in query.formats}
        chosen = [n for n, name in enumerate(words.formats) if name in wanted]
        having = np.zeros(len(words.ids) + 1, dtype=bool)  # the last: no entry
        having[words.format_rows[np.isin(words.format_values, chosen)]] = True
        keep &= having[rows.word_row]
    if query.periodicities:
        wanted = set(query.periodicities)
        keep &= np.isin(rows.periodicity,
                        [n for n, value in enumerate(rows.periodicities) if value in wanted])
    if query.owners:
        slugs = set(query.owners)
        keep &= np.isin(rows.owner,
                        [pk for pk, (s, _n) in labels.owners.items() if s in slugs])
    if query.modified_from:
        keep &= rows.modified >= query.modified_from.timestamp()
    if query.modified_to:
        keep &= rows.modified <= query.modified_to.timestamp()
    return keep


def _scores(terms: list[str], words: Words, rows: Rows, keep: np.ndarray) -> np.ndarray:
    """bm25 of each row holding every term (others keep `keep` False)."""
    total = len(words.ids)
    score = np.zeros(total + 1)  # the last: rows without an entry
    holds = np.ones(total + 1, dtype=bool)
    holds[total] = False
    for term in terms:
        number = words.terms.get(term)
        if number is None:
            holds[:] = False
            break
        start, end = words.starts[number], words.starts[number + 1]
        found, weighted = words.rows[start:end], words.weighted[start:end]
        mask = np.zeros(total + 1, dtype=bool)
        mask[found] = True
        holds &= mask
        idf = math.log((0.5 + total - (end - start)) / (0.5 + (end - start)))
        idf = idf if idf > 0 else 1e-6
        norm = K1 * (1 - B + B * words.lengths[found] / words.average)
        score[found] += idf * weighted * (K1 + 1) / (weighted + norm)
    keep &= holds[rows.word_row]
    return score[rows.word_row]


def _order(query: SearchQuery, rows: Rows, found: np.ndarray, score: np.ndarray | None,
           end: int) -> list[int]:
    """The ids of the first `end` rows of `found` in the order the query asks (the same as
    order.order_by_sql gives the database)."""
    key, reverse = query.sort.removeprefix("-"), query.sort.startswith("-")
    tie = -rows.title_rank[found] if reverse else rows.title_rank[found]
    if score is not None and key == "relevance":
        first = score[found] if reverse else -score[found]
    elif key == "title":
        first = tie
    else:
        column = rows.published if key == "published" else rows.modified
        values = column[found]
        descending = not reverse
        first = np.where(np.isnan(values), np.inf, -values if descending else values)
    if end < len(found):
        # Only what can reach the page is sorted: the first `end` by the first key and its ties.
        bound = np.partition(first, end - 1)[end - 1]
        near = first <= bound
        found, first, tie = found[near], first[near], tie[near]
    order = np.lexsort((tie, first))[:end]
    return [int(pk) for pk in rows.ids[found[order]]]


def _counts(name: str, found_rows: np.ndarray, held: Held, keep: np.ndarray) -> Counts:
    words, rows, labels = held.words, held.rows, held.labels
    if name == "periodicity":
        counts = np.bincount(rows.periodicity[found_rows], minlength=len(rows.periodicities))
        return [(value, "", int(n)) for value, n in zip(rows.periodicities, counts, strict=True)
                if n]
    if name == "owner":
        values, counts = np.unique(rows.owner[found_rows], return_counts=True)
        return [(*labels.owners[int(pk)], int(n)) for pk, n in zip(values, counts, strict=True)
                if int(pk) in labels.owners]
    if name == "format":
        having = np.zeros(len(words.ids) + 1, dtype=bool)
        having[rows.word_row[found_rows]] = True
        counts = np.bincount(words.format_values[having[words.format_rows]],
                             minlength=len(words.formats))
        return [(fmt, fmt, int(n)) for fmt, n in zip(words.formats, counts, strict=True) if n]
    pair_rows, pair_values = ((rows.theme_rows, rows.theme_values) if name == "theme"
                              else (rows.keyword_rows, rows.keyword_values))
    values, counts = np.unique(pair_values[keep[pair_rows]], return_counts=True)
    if name == "theme":
        return [(*labels.themes[int(pk)], int(n)) for pk, n in zip(values, counts, strict=True)
                if int(pk) in labels.themes]
    return [(labels.keywords[int(pk)], labels.keywords[int(pk)], int(n))
            for pk, n in zip(values, counts, strict=True) if int(pk) in labels.keywords]


def find(query: SearchQuery, terms: list[str], names: Iterable[str], held: Held) -> Found:
    """The count of the datasets holding every term that the filters keep, the facets `names`
    over them and the ids of the page `query` asks (any sort but popularity), from `held`
    (current())."""
    words, rows = held.words, held.rows
    keep = _filters(query, words, rows, held.labels)
    score = _scores(terms, words, rows, keep) if terms else None
    found = np.flatnonzero(keep)
    facets = {name: _counts(name, found, held, keep) for name in dict.fromkeys(names)}
    page: list[int] = []
    end = query.offset + query.limit
    if query.limit and query.offset < len(found):
        page = _order(query, rows, found, score, end)[query.offset:]
    return Found(count=len(found), facets=facets, page=page)
