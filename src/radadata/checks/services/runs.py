"""The check of each file version: started when the version is stored (the registry's hook),
run by the background worker (checks.jobs) or at once, finished with its report; a file meant
to be public is published when its check passes and held back while it has not.

The check itself runs outside any transaction (a big file takes seconds); starting, finishing
and publishing are each one transaction. Their actor is the system (by=None)."""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import logging
from collections.abc import Callable

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.checks import hooks as check_hooks
from radadata.checks import notifications
from radadata.checks.files import local_path
from radadata.checks.findings import Report, Severity
from radadata.checks.models import FINISHED, LAWFUL_KINDS, CheckRun, ColumnRuling, RunStatus
from radadata.core import audit
from radadata.core.errors import Conflict, NotFound
from radadata.jobs.services import job_start
from radadata.registry import access
from radadata.registry import hooks as registry_hooks
from radadata.registry.models import Dataset, ResourceVersion
from radadata.registry.services.resources import versions_publish

log = logging.getLogger(__name__)

KIND = "check_version"  # the job kind (checks.jobs)
PASSED = Q(status=RunStatus.DONE, errors=0, blocking=0)


def subject_of(version: ResourceVersion) -> str:
    """How the version's job names it, so its page finds the job (jobs.selectors)."""
    return f"registry.resourceversion:{version.pk}"


# Starting -----------------------------------------------------------------------------------

def on_version_added(version: ResourceVersion, *, at: dt.datetime) -> None:
    """The registry's hook: every new version gets its check (inside version_add's
    transaction; the job is queued after the commit)."""
    run = CheckRun.objects.create(version=version, created_at=at)
    _start(run, by=version.uploaded_by, at=at)


def _start(run: CheckRun, *, by: User | None, at: dt.datetime) -> None:
    if registry_hooks.inline():
        # A crash is recorded on the run as failed; the upload itself stands.
        with contextlib.suppress(Exception):
            check_execute(run=run, at=at)
        return
    job = job_start(kind=KIND, params={"version": run.version_id}, by=by, at=at,
                    subject=subject_of(run.version))
    CheckRun.objects.filter(pk=run.pk).update(job=job)
    run.job = job


@transaction.atomic
def version_recheck(*, version: ResourceVersion, by: User | None, at: dt.datetime) -> CheckRun:
    """Check the file again (after the structure or a ruling changed, or when the check could
    not finish). The new report replaces the old one."""
    access.require_dataset_edit(by, version.resource.dataset)
    run = CheckRun.objects.select_for_update().filter(version=version).first()
    if run is None:
        run = CheckRun.objects.create(version=version, created_at=at)
    elif not run.finished:
        raise Conflict(_("The file is being checked already; wait for the report."),
                       code="check_running")
    else:
        _reset(run, at=at)
    audit.record(actor=by, action="checks.version_rechecked", obj=version.resource, at=at,
                 note=_version_note(version))
    _start(run, by=by, at=at)
    return run


def _reset(run: CheckRun, *, at: dt.datetime) -> None:
    run.status, run.report, run.message = RunStatus.PENDING, {}, ""
    run.errors = run.warnings = run.blocking = 0
    run.created_at, run.started_at, run.finished_at, run.job = at, None, None, None
    run.save()


# Running ------------------------------------------------------------------------------------

def _check_file(path, **kwargs) -> Report:
    # The one call into the engine: tests of crashes and progress replace it.
    from radadata.checks.engine import check_file

    return check_file(path, **kwargs)


def check_execute(*, run: CheckRun, at: dt.datetime,
                  progress: Callable[[float], None] | None = None,
                  clock: Callable[[], dt.datetime] | None = None) -> CheckRun:
    """Run the check of `run`'s version and store its report. A check that crashes is
    recorded as failed (the worker goes on); the error is raised again for the job's log.
    `at` is when it starts; `clock` tells when it ended (the worker's clock), else `at`."""
    version = (ResourceVersion.objects.select_related("resource__dataset")
               .filter(pk=run.version_id).first())
    if version is None:
        raise NotFound(_("The file version no longer exists."))
    CheckRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING, started_at=at)
    dataset = version.resource.dataset
    try:
        with local_path(version) as path:
            report = _check_file(path, name=version.original_name, schema=schema_of(dataset),
                                 lawful=lawful_of(dataset), progress=progress)
    except Exception as error:
        log.exception("the check of version %s failed", version.pk)
        check_failed(run=run, at=clock() if clock else at, reason=type(error).__name__)
        raise
    return check_finish(run=run, report=report, at=clock() if clock else at)


def schema_of(dataset: Dataset) -> dict | None:
    """The dataset's structure, which every version is validated against, if it has one."""
    structure = getattr(dataset, "structure", None)
    return structure.schema if structure is not None and structure.schema else None


def rulings_of(dataset: Dataset) -> dict[str, ColumnRuling]:
    return {r.column: r for r in ColumnRuling.objects.filter(dataset=dataset)}


def lawful_of(dataset: Dataset) -> dict[str, str]:
    """The columns the personal-data scan treats as lawful to publish (§2.5, §2.8)."""
    return {column: ruling.kind for column, ruling in rulings_of(dataset).items()
            if ruling.kind in LAWFUL_KINDS}


def _counts(report: Report, ruled: set[str]) -> dict[str, int]:
    """Errors, warnings and blocking findings; a blocking finding in a column the dataset has
    a ruling on no longer blocks."""
    severities = [(finding, severity_of(finding.code)) for finding in report.findings]
    return {
        "errors": sum(1 for _f, s in severities if s == Severity.ERROR),
        "warnings": sum(1 for _f, s in severities if s == Severity.WARNING),
        "blocking": sum(1 for f, s in severities
                        if s == Severity.BLOCKING and f.column not in ruled),
    }


#: The modules that register check codes (findings.CODES), as docs/checks.md lists them.
CODE_MODULES = ("radadata.checks.codes_file", "radadata.checks.structure",
                "radadata.checks.personal", "radadata.checks.values")


def load_codes() -> None:
    for module in CODE_MODULES:
        importlib.import_module(module)


def severity_of(code: str) -> Severity:
    """A code no module registers (any more) counts as an error: it must not pass unseen."""
    from radadata.checks.findings import CODES

    known = CODES.get(code)
    return known.severity if known else Severity.ERROR


@transaction.atomic
def check_finish(*, run: CheckRun, report: Report, at: dt.datetime) -> CheckRun:
    run = CheckRun.objects.select_for_update().get(pk=run.pk)
    version = ResourceVersion.objects.select_related("resource__dataset").get(pk=run.version_id)
    counts = _counts(report, set(rulings_of(version.resource.dataset)))
    run.report = report.as_dict()
    run.status, run.finished_at, run.message = RunStatus.DONE, at, ""
    for name, value in counts.items():
        setattr(run, name, value)
    run.save()
    audit.record(actor=None, action="checks.version_checked", obj=version.resource, at=at,
                 changes={key: [None, value] for key, value in counts.items()},
                 note=_version_note(version))
    _after_verdict(run, version, at=at)
    return run


@transaction.atomic
def check_failed(*, run: CheckRun, at: dt.datetime, reason: str) -> CheckRun:
    run = CheckRun.objects.select_for_update().get(pk=run.pk)
    version = ResourceVersion.objects.select_related("resource__dataset").get(pk=run.version_id)
    run.status, run.finished_at = RunStatus.FAILED, at
    run.message = _("The check could not finish (%(reason)s). Check the file again; if it "
                    "fails again, tell the administrator.") % {"reason": reason}
    run.save()
    audit.record(actor=None, action="checks.version_check_failed", obj=version.resource, at=at,
                 note=_version_note(version))
    _after_verdict(run, version, at=at)
    return run


def _after_verdict(run: CheckRun, version: ResourceVersion, *, at: dt.datetime) -> None:
    """Publish the file if it was meant to be public and now may be; otherwise tell the
    uploader why it waits. Then let the workflow move submissions that wait for it."""
    if run.publish_when_passed and version.published_at is None:
        if run.passed:
            publish_checked(version=version, at=at)
        else:
            run_id = run.pk
            transaction.on_commit(lambda: notifications.version_held(run_id))
    check_hooks.check_finished(version, at=at)


def _version_note(version: ResourceVersion) -> str:
    return f"v{version.number}: {version.original_name}"


# Publishing ---------------------------------------------------------------------------------

def publish_checked(*, version: ResourceVersion, at: dt.datetime) -> bool:
    """Make a held version public now that its check allows it (called inside the transaction
    that recorded the verdict)."""
    if not versions_publish(versions=ResourceVersion.objects.filter(pk=version.pk), at=at):
        return False
    audit.record(actor=None, action="checks.version_published", obj=version.resource, at=at,
                 note=_version_note(version))
    registry_hooks.dataset_changed(version.resource.dataset)  # its public files changed
    return True


def hold_unpassed(versions: QuerySet[ResourceVersion], *, at: dt.datetime
                  ) -> QuerySet[ResourceVersion]:
    """The registry's `publishable` hook: of the versions about to be made public, keep back
    those whose check is pending, failed or found problems, and mark them to be published as
    soon as they pass. A version stored before the checks existed has no check and passes."""
    held = CheckRun.objects.filter(version__in=versions.values("pk")).exclude(PASSED)
    newly = dict(held.filter(publish_when_passed=False).values_list("pk", "status"))
    CheckRun.objects.filter(pk__in=newly).update(publish_when_passed=True)
    for pk, status in newly.items():
        if status in FINISHED:  # already known to fail: say so now (a pending one, later)
            transaction.on_commit(lambda pk=pk: notifications.version_held(pk))
    return versions.exclude(pk__in=held.values("version_id"))


def recount(*, dataset: Dataset, at: dt.datetime) -> list[CheckRun]:
    """After the dataset's rulings changed: recount the blocking findings of its files that
    wait for publication, and publish those that now pass and were meant to be public."""
    ruled = set(rulings_of(dataset))
    changed = []
    runs = (CheckRun.objects.select_for_update()
            .filter(version__resource__dataset=dataset, version__published_at__isnull=True,
                    status=RunStatus.DONE))
    for run in runs:
        report = run.parsed()
        counts = _counts(report, ruled) if report else {"blocking": 0}
        if counts["blocking"] == run.blocking:
            continue
        run.blocking = counts["blocking"]
        run.save(update_fields=["blocking"])
        changed.append(run)
        version = ResourceVersion.objects.select_related("resource__dataset").get(
            pk=run.version_id)
        if run.passed and run.publish_when_passed:
            publish_checked(version=version, at=at)
    return changed
