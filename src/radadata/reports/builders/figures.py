"""The monitoring figures of each owner (§8.2) for a period, from a snapshot of its last day.

The result is plain JSON (numbers, strings, lists of titles): a closed quarter stores it as it
is, so later changes to the registry cannot alter what the working group was shown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from radadata.registry.vocabularies import OwnerKind
from radadata.reports.periods import moment_after
from radadata.reports.snapshot import (
    IN_REVIEW,
    MODERATION,
    REJECTED,
    RETURNED,
    DatasetAsOf,
    OwnerAsOf,
    Snapshot,
)
from radadata.reports.wording import sort_key

#: The counted figures, in the order the tables show them.
COUNTS = ("datasets", "approved", "approved_published", "published", "published_in_period",
          "updated_in_period", "scheduled", "overdue", "overdue_updates", "on_time", "in_review",
          "on_moderation", "new_on_moderation", "approved_on_moderation", "returned",
          "rejected")
#: Titles behind some counts, for the conclusions and the recommendations.
LISTS = ("overdue_titles", "unpublished_items", "returned_titles", "rejected_titles",
         "moderation_titles")


def figures(snapshot: Snapshot, *, period_start: dt.date) -> dict[str, Any]:
    """{"as_of", "period_start", "owners": [owner figures…], "totals": {count: n}}."""
    owners = [owner_figures(snapshot, owner, period_start=period_start)
              for owner in snapshot.owners_in_order() if _belongs(snapshot, owner)]
    totals = {key: sum(o[key] for o in owners) for key in COUNTS}
    # Approved entries of no owner count in the council's totals only.
    orphan = [item for item in snapshot.items if item.owner_id not in snapshot.owners]
    totals["approved"] += len(orphan)
    totals["approved_published"] += sum(1 for item in orphan if snapshot.item_published(item))
    return {"as_of": snapshot.as_of.isoformat(), "period_start": period_start.isoformat(),
            "owners": owners, "totals": totals}


def _belongs(snapshot: Snapshot, owner: OwnerAsOf) -> bool:
    """An active owner, or one that still had datasets or list entries at the time."""
    return (owner.is_active or bool(snapshot.datasets_of(owner.pk))
            or bool(snapshot.items_of(owner.pk)))


def owner_figures(snapshot: Snapshot, owner: OwnerAsOf, *, period_start: dt.date
                  ) -> dict[str, Any]:
    start, end = moment_after(period_start - dt.timedelta(days=1)), snapshot.moment
    datasets = sorted(snapshot.datasets_of(owner.pk), key=lambda d: sort_key(d.title))
    items = snapshot.items_of(owner.pk)
    published = [d for d in datasets if d.published]
    # As the dashboard counts them: a due date from the schedule, from the first publication
    # a dataset of the approved list awaits (§6.18), or from an announced change (§6.12).
    scheduled = [d for d in datasets if d.due is not None]
    overdue = [d for d in scheduled if d.overdue]

    def in_states(states) -> list[DatasetAsOf]:
        return [d for d in datasets if d.state in states]

    unpublished = [item.title for item in items if not snapshot.item_published(item)]
    return {
        "owner_id": owner.pk,
        "slug": owner.slug,
        "name": owner.name,
        "short_name": owner.short_name,
        "kind": owner.kind,
        "enterprise": owner.kind == OwnerKind.ENTERPRISE,
        "registered_on_portal": owner.registered_on_portal,
        "parent_id": owner.parent_id,
        "datasets": len(datasets),
        "approved": len(items),
        "approved_published": len(items) - len(unpublished),
        "published": len(published),
        "published_in_period": sum(1 for d in published if start <= d.first_published_at < end),
        "updated_in_period": sum(1 for d in published if d.updated_between(start, end)),
        "scheduled": len(scheduled),
        "overdue": len(overdue),
        # Of them, published datasets late with an update (the others await publication).
        "overdue_updates": sum(1 for d in overdue if d.published),
        "on_time": len(scheduled) - len(overdue),
        "in_review": len(in_states(IN_REVIEW)),
        "on_moderation": len(in_states(MODERATION)),
        # Not published yet and waiting for the portal: the "(на модерації)" of the yearly table.
        "new_on_moderation": sum(1 for d in in_states(MODERATION) if not d.published),
        # Entries of the approved list whose dataset waits for the portal (counted by councils).
        "approved_on_moderation": sum(
            1 for item in items if not snapshot.item_published(item) and item.dataset_id
            and item.dataset_id in snapshot.datasets
            and snapshot.datasets[item.dataset_id].state in MODERATION),
        "returned": len(in_states(RETURNED)),
        "rejected": len(in_states(REJECTED)),
        "overdue_titles": [d.title for d in overdue],
        "unpublished_items": unpublished,
        "returned_titles": [d.title for d in in_states(RETURNED)],
        "rejected_titles": [d.title for d in in_states(REJECTED)],
        "moderation_titles": [d.title for d in in_states(MODERATION)],
    }


def share(published: int, approved: int) -> float | None:
    return published / approved if approved else None
