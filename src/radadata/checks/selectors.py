"""Reads for the check pages: a version's check with its findings grouped by severity, the
personal-data columns that block, the dataset's rulings, and the structure to confirm."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.checks.codes_file import NOT_UTF8
from radadata.checks.findings import CODES, Finding, Report, Severity
from radadata.checks.models import CheckRun, ColumnRuling, RunStatus
from radadata.checks.services.structure import Column, columns_of
from radadata.core.errors import NotFound
from radadata.jobs.models import Job
from radadata.registry import access
from radadata.registry.models import Dataset, ResourceVersion, Structure

#: The order a report lists its findings in.
SEVERITIES = (Severity.BLOCKING, Severity.ERROR, Severity.WARNING, Severity.INFO)
#: The warning on personal data presumed lawful (§2.5, §2.8): the owner confirms it with a
#: decision on the column, or anonymises the column.
PRESUMED = "pd_presumed_lawful"


@dataclass(frozen=True)
class FindingRow:
    """One finding as a page shows it, in the reader's language."""

    code: str
    severity: Severity
    title: str
    message: str
    fix: str
    row: int | None
    column: str | None
    excerpt: str
    count: int
    part: str
    ruling: ColumnRuling | None = None  # blocking data a decision allows, or a confirmed warning
    clause: str = ""  # a warning on personal data: the clause it presumes (§2.5, §2.8)


def _row(finding: Finding, rulings: dict[str, ColumnRuling]) -> FindingRow:
    code = CODES.get(finding.code)
    severity = code.severity if code else Severity.ERROR
    decided = severity == Severity.BLOCKING or finding.code == PRESUMED
    ruling = rulings.get(finding.column or "") if decided else None
    return FindingRow(
        code=finding.code, severity=severity, title=str(code.title) if code else finding.code,
        message=finding.message() if code else finding.code,
        fix=finding.fix() if code else "", row=finding.row, column=finding.column,
        excerpt=finding.excerpt, count=finding.count, part=finding.part, ruling=ruling,
        clause=str(finding.params.get("clause") or "") if finding.code == PRESUMED else "")


def version_of(*, dataset: Dataset, version_id: int) -> ResourceVersion:
    """A version of the dataset (the caller has checked that the person may read it)."""
    version = (ResourceVersion.objects.filter(pk=version_id, resource__dataset=dataset)
               .select_related("resource__dataset", "uploaded_by").first())
    if version is None:
        raise NotFound(_("No such file."))
    return version


def rulings_of(dataset: Dataset) -> dict[str, ColumnRuling]:
    return {r.column: r for r in ColumnRuling.objects.filter(dataset=dataset)
            .select_related("decided_by")}


def ruling_of(*, dataset: Dataset, pk: int) -> ColumnRuling:
    ruling = ColumnRuling.objects.filter(dataset=dataset, pk=pk).first()
    if ruling is None:
        raise NotFound(_("No such decision."))
    return ruling


@dataclass
class BlockingColumn:
    """A column with personal data that blocks publication (or did, before a ruling)."""

    column: str
    findings: list[FindingRow]
    ruling: ColumnRuling | None

    @property
    def titles(self) -> str:
        return ", ".join(dict.fromkeys(f.title for f in self.findings))

    @property
    def dates(self) -> bool:
        return any(f.code == "pd_birth_date" for f in self.findings)

    @property
    def citizens(self) -> bool:
        """Private citizens among officials: their values alone may be masked."""
        return any(f.code == "pd_private_citizens" for f in self.findings)

    @property
    def warning_only(self) -> bool:
        return all(f.severity == Severity.WARNING for f in self.findings)

    @property
    def clause(self) -> str:
        """The clause a warning presumes the column lawful under (§2.5, §2.8), if any."""
        return next((f.clause for f in self.findings if f.clause), "")


@dataclass
class CheckView:
    """A version's check for the panel and the report page."""

    version: ResourceVersion
    run: CheckRun | None
    report: Report | None
    rows: dict[str, list[FindingRow]] = field(default_factory=dict)
    columns: list[BlockingColumn] = field(default_factory=list)
    #: Columns of personal data presumed lawful (warnings): confirmed by a decision or not yet.
    presumed: list[BlockingColumn] = field(default_factory=list)
    can_edit: bool = False
    show_progress: bool = False  # the person may follow the job's progress bar
    is_newest: bool = True

    @property
    def pending(self) -> bool:
        return self.run is not None and not self.run.finished

    @property
    def job(self) -> Job | None:
        return self.run.job if self.run else None

    @property
    def blocking(self) -> list[FindingRow]:
        return [r for r in self.rows.get(Severity.BLOCKING, []) if r.ruling is None]

    @property
    def allowed(self) -> list[FindingRow]:
        return [r for r in self.rows.get(Severity.BLOCKING, []) if r.ruling is not None]

    @property
    def errors(self) -> list[FindingRow]:
        return self.rows.get(Severity.ERROR, [])

    @property
    def warnings(self) -> list[FindingRow]:
        return self.rows.get(Severity.WARNING, [])

    @property
    def unanswered(self) -> list[BlockingColumn]:
        """Columns presumed lawful that nobody has confirmed or anonymised yet."""
        return [c for c in self.presumed if c.ruling is None]

    @property
    def facts(self) -> list[FindingRow]:
        return self.rows.get(Severity.INFO, [])

    @property
    def convertible(self) -> str:
        """The encoding a one-click conversion starts from, if the check found one."""
        row = next((r for r in self.errors if r.code == NOT_UTF8), None)
        if row is None or not self.can_edit or not self.is_newest:
            return ""
        finding = next(f for f in self.report.findings if f.code == NOT_UTF8)
        return str(finding.params.get("encoding") or self.report.encoding or "?")

    @property
    def waits(self) -> bool:
        """A file meant to be public that its check keeps back."""
        return bool(self.run and self.run.publish_when_passed and self.run.finished
                    and not self.run.passed and self.version.published_at is None)


def check_view(version: ResourceVersion, *, user: User | None) -> CheckView:
    run = CheckRun.objects.filter(version=version).select_related("job").first()
    report = run.parsed() if run and run.status == RunStatus.DONE else None
    dataset = version.resource.dataset
    view = CheckView(version=version, run=run, report=report,
                     can_edit=access.owners_editable_by(user).filter(
                         pk=dataset.owner_id).exists())
    view.is_newest = not version.resource.versions.filter(number__gt=version.number).exists()
    if run and run.job_id:
        view.show_progress = access.is_office(user) or run.job.created_by_id == getattr(
            user, "pk", None)
    if report is None:
        return view
    rulings = rulings_of(dataset)
    for finding in report.findings:
        row = _row(finding, rulings)
        view.rows.setdefault(row.severity, []).append(row)
    by_column: dict[str, list[FindingRow]] = {}
    for row in view.rows.get(Severity.BLOCKING, []):
        by_column.setdefault(row.column or "", []).append(row)
    view.columns = [BlockingColumn(column=column, findings=rows, ruling=rulings.get(column))
                    for column, rows in by_column.items() if column]
    presumed: dict[str, list[FindingRow]] = {}
    for row in view.rows.get(Severity.WARNING, []):
        if row.code == PRESUMED and row.column and row.column not in by_column:
            presumed.setdefault(row.column, []).append(row)
    view.presumed = [BlockingColumn(column=column, findings=rows, ruling=rulings.get(column))
                     for column, rows in presumed.items()]
    return view


def unanswered_warnings(dataset: Dataset) -> list[str]:
    """The columns of the dataset's newest file versions whose personal data the check presumed
    lawful (§2.5, §2.8) and nobody has confirmed or anonymised: what the officer should see
    before accepting."""
    newest = (ResourceVersion.objects.filter(resource__dataset=dataset)
              .order_by("resource_id", "-number").values_list("resource_id", "pk"))
    latest: dict[int, int] = {}
    for resource_id, pk in newest:
        latest.setdefault(resource_id, pk)
    rulings = set(ColumnRuling.objects.filter(dataset=dataset).values_list("column", flat=True))
    columns: list[str] = []
    for run in CheckRun.objects.filter(version_id__in=latest.values(), status=RunStatus.DONE):
        for finding in (run.report or {}).get("findings", []):
            column = finding.get("column")
            if (finding.get("code") == PRESUMED and column and column not in rulings
                    and column not in columns):
                columns.append(column)
    return columns


def blocking_column(view: CheckView, column: str) -> BlockingColumn:
    found = next((c for c in [*view.columns, *view.presumed] if c.column == column), None)
    if found is None:
        raise NotFound(_("The check found no personal data in a column “%(column)s” of this "
                         "file.") % {"column": column})
    return found


@dataclass(frozen=True)
class StructureView:
    structure: Structure | None
    columns: list[Column]
    base: dict[str, Any] | None  # the schema the form starts from
    inferred_from: ResourceVersion | None  # when no structure is saved yet


def structure_view(dataset: Dataset) -> StructureView:
    """The saved structure, or else the one inferred by the latest check of a file."""
    structure = Structure.objects.filter(dataset=dataset).first()
    if structure is not None and structure.schema.get("fields"):
        return StructureView(structure, columns_of(structure.schema), structure.schema, None)
    run = (CheckRun.objects.filter(version__resource__dataset=dataset, status=RunStatus.DONE)
           .select_related("version").order_by("-finished_at", "-pk").first())
    schema = (run.report.get("schema") or None) if run else None
    if not schema or not schema.get("fields"):
        return StructureView(structure, [], None, None)
    return StructureView(structure, columns_of(schema), schema, run.version)

