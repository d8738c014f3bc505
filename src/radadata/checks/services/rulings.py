"""Decisions on personal-data columns (§2.5, §2.8, §2.10): a column marked lawful, or a
recorded three-part test that justifies its publication. One ruling per dataset and column;
every later version of the dataset respects it."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.checks import three_part_test
from radadata.checks.models import LAWFUL_KINDS, CheckRun, ColumnRuling, RulingKind
from radadata.checks.services.runs import recount, version_recheck
from radadata.core import audit
from radadata.core.errors import ValidationFailed
from radadata.core.validation import clean_or_raise
from radadata.registry import access
from radadata.registry.models import Dataset, ResourceVersion


def _clean_answers(answers: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    errors: dict[str, list[str]] = {}
    cleaned = {}
    for key in three_part_test.KEYS:
        given = answers.get(key) or {}
        answer = (given.get("answer") or "").strip()
        reason = (given.get("reason") or "").strip()
        if answer not in (three_part_test.YES, three_part_test.NO):
            errors[f"{key}_answer"] = [_("Answer the question: yes or no.")]
        if not reason:
            errors[f"{key}_reason"] = [_("Write why: the answer must be justified for the "
                                         "record.")]
        cleaned[key] = {"answer": answer, "reason": reason}
    if errors:
        raise ValidationFailed(errors, code="three_part_test_incomplete")
    if not three_part_test.justifies_publication(cleaned):
        raise ValidationFailed(
            _("All three conditions hold, so access to this column must be restricted: it "
              "cannot be published as it is. Anonymise the column instead (§2.9)."),
            code="three_part_test_restricts")
    return cleaned


@transaction.atomic
def column_rule(*, dataset: Dataset, column: str, kind: str, by: User | None, at: dt.datetime,
                answers: dict[str, dict[str, str]] | None = None,
                note: str = "") -> ColumnRuling:
    """Record that `column` of the dataset may be published as it is, and why. Files waiting
    for publication are recounted: one meant to be public is published if nothing else blocks."""
    access.require_dataset_edit(by, dataset)
    column = (column or "").strip()
    if not column:
        raise ValidationFailed({"column": [_("Choose the column the decision is about.")]})
    if kind not in RulingKind.values:
        raise ValidationFailed({"kind": [_("Choose what the decision rests on.")]})
    answers = _clean_answers(answers or {}) if kind == RulingKind.THREE_PART_TEST else {}
    note = (note or "").strip()
    if kind in LAWFUL_KINDS and not note:
        raise ValidationFailed({"note": [_("Write whose data the column holds (e.g. the heads "
                                           "of departments in their office).")]})
    ruling = ColumnRuling.objects.select_for_update().filter(dataset=dataset,
                                                             column=column).first()
    before = ruling.kind if ruling else None
    ruling = ruling or ColumnRuling(dataset=dataset, column=column)
    ruling.kind, ruling.answers, ruling.note = kind, answers, note
    ruling.decided_by = by if getattr(by, "pk", None) else None
    ruling.decided_at = at
    clean_or_raise(ruling, exclude=["dataset", "decided_by"])
    ruling.save()
    audit.record(actor=by, action="checks.column_ruled", obj=dataset, at=at,
                 changes={"ruling": [before, kind]}, note=f"«{column}»: {note}"[:500])
    recount(dataset=dataset, at=at)
    return ruling


@transaction.atomic
def column_ruling_remove(*, ruling: ColumnRuling, by: User | None,
                         at: dt.datetime) -> list[CheckRun]:
    """Withdraw a decision: the column blocks again. The files waiting for publication are
    checked again (a column marked lawful was scanned as lawful)."""
    dataset = ruling.dataset
    access.require_dataset_edit(by, dataset)
    column, kind = ruling.column, ruling.kind
    ruling.delete()
    audit.record(actor=by, action="checks.column_ruling_removed", obj=dataset, at=at,
                 changes={"ruling": [kind, None]}, note=f"«{column}»")
    recount(dataset=dataset, at=at)
    if kind not in LAWFUL_KINDS:
        return []
    waiting = (ResourceVersion.objects.filter(resource__dataset=dataset,
                                              published_at__isnull=True,
                                              check_run__status__in=["done", "failed"])
               .select_related("resource__dataset"))
    return [version_recheck(version=version, by=by, at=at) for version in waiting]
