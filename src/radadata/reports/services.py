"""Every change the reports make goes through these functions: closing a quarter (§8.2), editing
its conclusions and recommendations (§8.5), and editing the texts of a yearly report."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.core import audit
from radadata.core.errors import Conflict, ValidationFailed
from radadata.core.validation import clean_or_raise
from radadata.registry import access
from radadata.registry.models import Council, Owner
from radadata.reports.builders import drafting
from radadata.reports.builders.figures import figures
from radadata.reports.defaults import TEXT_FIELDS, yearly_defaults
from radadata.reports.models import QuarterClose, QuarterNote, YearlyText
from radadata.reports.periods import FIRST_YEAR, Quarter, format_date, local_date
from radadata.reports.snapshot import take_snapshot

NOTE_FIELDS = ("conclusions", "recommendations")
REQUIRED_TEXTS = ("title", "preamble", "points", "signer_position")


@transaction.atomic
def quarter_close(*, quarter: Quarter, by: User | None, at: dt.datetime) -> QuarterClose:
    """Freeze the quarter's figures as of its last day and draft the conclusions."""
    access.require_office(by)
    today = local_date(at)
    if not quarter.has_ended(today):
        raise Conflict(_("Quarter %(quarter)s ends on %(day)s: it can be closed from the next "
                         "day on, when its figures are final.")
                       % {"quarter": quarter, "day": format_date(quarter.last_day)},
                       code="quarter_not_ended")
    if QuarterClose.objects.filter(year=quarter.year, quarter=quarter.number).exists():
        raise Conflict(_("Quarter %(quarter)s is already closed; open it to edit its "
                         "conclusions.") % {"quarter": quarter}, code="quarter_closed")
    data = figures(take_snapshot(as_of=quarter.last_day), period_start=quarter.first_day)
    close = QuarterClose(year=quarter.year, quarter=quarter.number, as_of=quarter.last_day,
                         figures=data, summary=drafting.summary(data, quarter), closed_by=by,
                         closed_at=at, updated_at=at)
    clean_or_raise(close)
    try:
        with transaction.atomic():
            close.save()
    except IntegrityError as error:  # someone closed it a moment ago
        raise Conflict(_("Quarter %(quarter)s is already closed; open it to edit its "
                         "conclusions.") % {"quarter": quarter}, code="quarter_closed") from error
    owners = Owner.objects.in_bulk([o["owner_id"] for o in data["owners"]])
    QuarterNote.objects.bulk_create([
        QuarterNote(close=close, owner=owners.get(o["owner_id"]), owner_name=o["name"],
                    position=n, conclusions=drafting.owner_conclusions(o, quarter),
                    recommendations=drafting.owner_recommendations(o), updated_by=by,
                    updated_at=at)
        for n, o in enumerate(data["owners"], start=1)])
    audit.record(actor=by, action="quarter.closed", obj=close, at=at,
                 changes={"as_of": [None, close.as_of.isoformat()],
                          "published": [None, data["totals"]["published"]],
                          "overdue": [None, data["totals"]["overdue"]]})
    return close


@transaction.atomic
def quarter_summary_update(*, close: QuarterClose, summary: str, by: User | None,
                           at: dt.datetime) -> QuarterClose:
    access.require_office(by)
    before = audit.snapshot(close, ("summary",))
    close.summary = (summary or "").strip()
    close.updated_at = at
    close.save(update_fields=["summary", "updated_at"])
    changes = audit.diff(before, audit.snapshot(close, ("summary",)))
    audit.record(actor=by, action="quarter.summary_edited", obj=close, at=at, changes=changes)
    return close


@transaction.atomic
def quarter_note_update(*, note: QuarterNote, conclusions: str, recommendations: str,
                        by: User | None, at: dt.datetime) -> QuarterNote:
    """The officer's words replace the draft; the figures stay as they were frozen."""
    access.require_office(by)
    if not (conclusions or "").strip():
        raise ValidationFailed({"conclusions": [
            _("Write the conclusions: the owner reads them to know where it stands.")]})
    before = audit.snapshot(note, NOTE_FIELDS)
    note.conclusions = conclusions.strip()
    note.recommendations = (recommendations or "").strip()
    note.updated_by = by
    note.updated_at = at
    note.save()
    audit.record(actor=by, action="quarter.note_edited", obj=note, at=at,
                 changes=audit.diff(before, audit.snapshot(note, NOTE_FIELDS)))
    return note


@transaction.atomic
def yearly_texts_save(*, year: int, by: User | None, at: dt.datetime, **texts: str) -> YearlyText:
    """Store the officer's words for the year's report; fields not given keep their value (or
    the default)."""
    access.require_office(by)
    if not FIRST_YEAR <= year <= local_date(at).year:
        raise ValidationFailed({"year": [_("Choose a year from %(first)d to the current one.")
                                         % {"first": FIRST_YEAR}]})
    unknown = set(texts) - set(TEXT_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    stored = YearlyText.objects.select_for_update().filter(year=year).first()
    current = ({name: getattr(stored, name) for name in TEXT_FIELDS} if stored
               else yearly_defaults(Council.current(), year))
    record = stored or YearlyText(year=year)
    before = audit.snapshot(record, TEXT_FIELDS) if stored else {}
    for name in TEXT_FIELDS:
        value = texts.get(name, current[name])
        setattr(record, name, "\n".join(line.rstrip() for line in
                                        (value or "").strip().splitlines()))
    errors = {name: [_("Fill this in: the document needs it.")]
              for name in REQUIRED_TEXTS if not getattr(record, name)}
    if errors:
        raise ValidationFailed(errors)
    record.updated_by = by
    record.updated_at = at
    clean_or_raise(record)
    record.save()
    audit.record(actor=by, action="yearly_report.texts_edited", obj=record, at=at,
                 changes=audit.diff(before, audit.snapshot(record, TEXT_FIELDS)))
    return record

