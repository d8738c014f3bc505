"""The new datasets of an import, written in bulk.

A council moving in brings thousands of new datasets. Registering them one by one through
services.datasets.dataset_register (and the history through services.dataset_record_history)
costs about 18 queries a row and indexes each dataset for search twice. Here the same rows,
keywords, dated facts, approved-list entries and audit entries are built in memory with the
services' own rules (the same validation, the same field changes — services.mark_history and
mark_publication are shared with the per-row services) and written with a few bulk inserts;
the search index is brought in step once, for all of them, at the end of the transaction.

tests/registry/test_import_bulk.py imports the same file both ways and compares the database
rows field by field.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db.models import Max

from radadata.accounts.models import User
from radadata.core import audit
from radadata.core.errors import ValidationFailed
from radadata.core.models import AuditEntry
from radadata.core.text import latin_slug
from radadata.registry import access, hooks
from radadata.registry.models import ApprovedListItem, Dataset, DatasetFact, Keyword, Owner
from radadata.registry.services.datasets import (
    DATASET_FIELDS,
    EDITABLE,
    _clean_keywords,
    passport_errors,
)

from . import services as import_services
from .plan import KEEP, RowOutcome

_BATCH = 500
_CHUNK = 900  # under SQLite's limit of variables in one query


def _clean(dataset: Dataset, row: int) -> None:
    """The checks of dataset_register. The dry run, planned again in this transaction, has
    checked every field of the row with the model's own rules; left are the passport rule and
    the address name and identifier made here. (No query: the owners and people are those just
    loaded or made, and the dry run and _Names keep identifiers and names unique.)"""
    errors = passport_errors(dataset)
    others = [f.name for f in Dataset._meta.concrete_fields
              if f.name not in ("name", "identifier")]
    try:
        dataset.clean_fields(exclude=others)
    except ValidationError as error:
        errors = {**error.message_dict, **errors}
    if errors:
        from .apply import row_message

        messages = [f"{field}: {message}" if field != "__all__" else message
                    for field, items in errors.items() for message in items]
        raise ValidationFailed({"rows": [row_message(row, m) for m in messages]},
                               code="import_failed")


class _Names:
    """dataset_register's address names (latin_slug of the title, -2, -3… when taken), for
    many datasets at once."""

    def __init__(self) -> None:
        self.taken = set(Dataset.objects.values_list("name", flat=True))

    def __call__(self, title: str) -> str:
        base = latin_slug(title, max_length=90)
        name, n = base, 2
        while name in self.taken:
            name = f"{base}-{n}"
            n += 1
        self.taken.add(name)
        return name


def register_new(rows: list[RowOutcome], *, owner: Callable[..., Owner],
                 person: Callable[..., User | None], by: User | None,
                 at: dt.datetime) -> list[Dataset]:
    """Register the datasets of the CREATE rows, with their keywords and history, as
    dataset_register and dataset_record_history / dataset_record_publication would one by one.
    `owner` and `person` map the plan's references to the saved owners and people."""
    names = _Names()
    allowed: set[int] = set()
    datasets: list[Dataset] = []
    # Per row: (dataset, words, its audit entries before the approved-list one, the facts,
    # on the list, the history entry's arguments or None)
    staged = []
    for outcome in rows:
        fields = dict(outcome.fields)
        if outcome.owner is not KEEP:
            fields["owner"] = owner(outcome.owner)
        if outcome.responsible is not KEEP:
            fields["responsible"] = person(outcome.responsible)
        dataset = _new_dataset(outcome.row, fields, names=names, allowed=allowed, by=by, at=at)
        words = _clean_keywords(outcome.keywords or ())
        changes = audit.diff({}, audit.snapshot(dataset, DATASET_FIELDS))
        if words:
            changes["keywords"] = [[], sorted(words)]
        registered = {"actor": by, "action": "dataset.registered", "at": at,
                      "changes": changes}
        facts: dict[str, dt.datetime] = {}
        later = None
        if outcome.has_history:
            before = import_services.history_snapshot(dataset)
            facts = import_services.mark_history(
                dataset, uploaded_on=outcome.uploaded_on, published_on=outcome.published_on,
                modified_on=outcome.modified_on, state=outcome.portal_state, at=at)
            later = ("history", before)
        elif outcome.published_on:
            later = ("publication", outcome.published_on)
        datasets.append(dataset)
        staged.append((dataset, words, registered, facts, bool(outcome.on_list
                                                               and outcome.has_history), later))
    Dataset.objects.bulk_create(datasets, batch_size=_BATCH)
    _keywords([(dataset, words) for dataset, words, *_ in staged])
    DatasetFact.objects.bulk_create(
        [DatasetFact(dataset=dataset, kind=kind, at=moment, recorded_at=at)
         for dataset, _w, _r, facts, *_ in staged for kind, moment in facts.items()],
        batch_size=_BATCH)
    position = ApprovedListItem.objects.aggregate(m=Max("position"))["m"] or 0
    items = []
    for dataset, _w, _r, _f, on_list, _l in staged:
        if on_list:
            position += 1
            item = ApprovedListItem(title=dataset.title, owner=dataset.owner, dataset=dataset,
                                    position=position, added_at=at)
            item.added_at = dataset.registered_at  # on the list since its start
            items.append(item)
    ApprovedListItem.objects.bulk_create(items, batch_size=_BATCH)
    by_dataset = {item.dataset_id: item for item in items}
    entries: list[AuditEntry] = []
    for dataset, _w, registered, facts, _o, later in staged:
        # The registration's entry names the dataset as it was registered (before its history).
        entry = audit.entry(obj=dataset, **registered)
        entries.append(entry)
        item = by_dataset.get(dataset.pk)
        if item is not None:
            entries.append(audit.entry(
                actor=by, action="approved_list.added", obj=item, at=at,
                changes={"title": [None, item.title], "dataset": [None, str(dataset)]}))
        if later is not None and later[0] == "history":
            entries.append(import_services.history_entry(dataset, later[1], facts, by=by,
                                                         at=at))
        elif later is not None:
            # mark_publication changes the instance: the registration is saved already.
            entries.append(import_services.mark_publication(dataset, published_on=later[1],
                                                            by=by, at=at))
    publications = [dataset for dataset, *_rest, later in staged
                    if later is not None and later[0] == "publication"]
    Dataset.objects.bulk_update(publications, ["status", "first_published_at",
                                               "last_modified_at", "updated_at"],
                                batch_size=_BATCH)
    AuditEntry.objects.bulk_create(entries, batch_size=_BATCH)
    hooks.datasets_changed(datasets)
    return datasets


def _new_dataset(row: int, fields: dict, *, names: _Names, allowed: set[int],
                 by: User | None, at: dt.datetime) -> Dataset:
    """dataset_register's new instance for one row, checked as it checks it."""
    owner = fields.pop("owner")
    if owner.pk not in allowed:
        access.require_owner_edit(by, owner)
        allowed.add(owner.pk)
    title = fields.pop("title")
    description = fields.pop("description")
    purpose = fields.pop("purpose")
    periodicity = fields.pop("periodicity")
    created_on = fields.pop("created_on", None)
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    dataset = Dataset(owner=owner, title=(title or "").strip(),
                      description=(description or "").strip(), purpose=(purpose or "").strip(),
                      periodicity=periodicity, created_on=created_on or at.date(),
                      registered_at=at, updated_at=at, **fields)
    dataset.identifier = (dataset.identifier or "").strip() or str(uuid.uuid4())
    dataset.name = dataset.name or names(dataset.title)
    _clean(dataset, row)
    return dataset


def _keywords(pairs: list[tuple[Dataset, list[str]]]) -> None:
    """dataset.keywords.set(words) for each pair, in a few queries."""
    words = sorted({word for _dataset, found in pairs for word in found})
    if not words:
        return
    Keyword.objects.bulk_create([Keyword(name=w) for w in words], ignore_conflicts=True,
                                batch_size=_BATCH)
    ids: dict[str, int] = {}
    for start in range(0, len(words), _CHUNK):
        ids.update(Keyword.objects.filter(name__in=words[start:start + _CHUNK])
                   .values_list("name", "pk"))
    through = Dataset.keywords.through
    Dataset.keywords.through.objects.bulk_create(
        [through(dataset_id=dataset.pk, keyword_id=ids[word])
         for dataset, found in pairs for word in found], batch_size=_BATCH)
