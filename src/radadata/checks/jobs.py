"""The background check of one file version (DESIGN.md "Jobs"): one item, the file, whose
progress the job page and the dataset's report panel show while a big file is read."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from radadata.checks.models import CheckRun
from radadata.checks.services.runs import KIND, check_execute
from radadata.core.errors import NotFound
from radadata.jobs.base import Item, JobRunner, register


@register
class CheckVersionJob(JobRunner):
    kind = KIND
    child_process = True  # the worker gets the memory of a big file back
    title = gettext_lazy("Check of a file")

    def items(self) -> Iterable[Item]:
        run = CheckRun.objects.select_related("version").filter(
            version_id=self.params.get("version")).first()
        if run is None:
            return []
        return [Item(key=f"version:{run.version_id}", label=run.version.original_name,
                     payload=run.pk)]

    def process(self, item: Item) -> str:
        run = CheckRun.objects.filter(pk=item.payload).first()
        if run is None:
            raise NotFound(_("The file version no longer exists."))
        # The worker is an edge: the check ends when its clock says so.
        run = check_execute(run=run, at=self.at, progress=self.report_progress,
                            clock=timezone.now)
        if run.passed:
            return _("Passed: %(warnings)d warnings.") % {"warnings": run.warnings}
        return _("Found problems: %(errors)d errors, %(blocking)d blocking findings, "
                 "%(warnings)d warnings.") % {"errors": run.errors, "blocking": run.blocking,
                                               "warnings": run.warnings}
