"""The checks gate of a submission (§6.14) as the checks see it: are the files' checks done,
and do they let the files through? The workflow decides what follows (workflow.services).

A file fails the gate with errors, with blocking personal data no ruling of the dataset covers,
or when its check could not run. The verdict carries the findings as plain dicts for the
submission's timeline, capped: the full report stays with each version."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from radadata.checks.findings import Finding, Severity
from radadata.checks.models import CheckRun, ColumnRuling, RulingKind
from radadata.checks.services.runs import on_version_added, severity_of
from radadata.registry.models import ResourceVersion

SHOWN_PER_SEVERITY = 20  # findings of one severity per file on the timeline
REASONS_SHOWN = 10  # lines in the note that returns the submission


@dataclass
class Verdict:
    pending: bool = False
    failed: bool = False
    findings: list[dict] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def note(self) -> str:
        lines = self.reasons[:REASONS_SHOWN]
        if len(self.reasons) > REASONS_SHOWN:
            lines.append(_("… and %(count)d more problems: see each file's check report.")
                         % {"count": len(self.reasons) - REASONS_SHOWN})
        return "\n".join(lines)


def verdict(versions: Iterable[ResourceVersion], *, at: dt.datetime) -> Verdict:
    """Call inside the transaction that acts on the verdict: the runs are locked, so a check
    finishing at this moment waits, and then finds the submission waiting for it."""
    versions = list(versions)
    runs = {run.version_id: run for run in CheckRun.objects.select_for_update()
            .filter(version__in=[v.pk for v in versions])}
    result = Verdict()
    for version in versions:
        run = runs.get(version.pk)
        if run is None:  # stored before the checks existed: check it now
            on_version_added(version, at=at)
            run = CheckRun.objects.get(version=version)
        if not run.finished:
            result.pending = True
    if result.pending:
        return result
    for version in versions:
        _judge(runs.get(version.pk) or CheckRun.objects.get(version=version), version, result)
    return result


def _judge(run: CheckRun, version: ResourceVersion, result: Verdict) -> None:
    name = version.original_name
    if not run.passed:
        result.failed = True
    if run.status != "done":
        result.reasons.append(f"{name}: {run.message}")
        result.findings.append({"code": "check_failed", "severity": Severity.ERROR,
                                "file": name, "message": run.message})
        return
    report = run.parsed()
    ruled = dict(ColumnRuling.objects.filter(dataset_id=version.resource.dataset_id)
                 .values_list("column", "kind"))
    shown: dict[str, int] = {}
    for finding in report.findings if report else []:
        severity = severity_of(finding.code)
        if severity == Severity.INFO:
            continue
        ruling = ruled.get(finding.column or "") if severity == Severity.BLOCKING else None
        message = _message(finding)
        if ruling:
            message += " " + _("A decision on the column allows it: %(kind)s.") % {
                "kind": RulingKind(ruling).label}
            severity = Severity.WARNING
        elif severity in (Severity.ERROR, Severity.BLOCKING):
            result.reasons.append(f"{name}: {message}")
        shown[severity] = shown.get(severity, 0) + 1
        if shown[severity] <= SHOWN_PER_SEVERITY:
            result.findings.append({"code": finding.code, "severity": str(severity),
                                    "file": name, "row": finding.row,
                                    "column": finding.column, "message": message})
    for severity, count in shown.items():
        if count > SHOWN_PER_SEVERITY:
            result.findings.append({
                "code": "more", "severity": str(severity), "file": name,
                "message": _("“%(file)s”: %(count)d more findings of this kind; see the file's "
                             "check report.") % {"file": name,
                                                 "count": count - SHOWN_PER_SEVERITY}})


def _message(finding: Finding) -> str:
    where = []
    if finding.part:
        where.append(finding.part)
    if finding.row:
        where.append(_("row %(row)d") % {"row": finding.row})
    if finding.column:
        where.append(_("column “%(column)s”") % {"column": finding.column})
    try:
        text = finding.message()
    except KeyError:  # a code no module registers any more
        text = finding.code
    return f"{text} ({', '.join(where)})" if where else text
