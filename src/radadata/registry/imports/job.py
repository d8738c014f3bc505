"""A big registry import from the office runs in the background (the jobs app), so the officer
watches its progress on the job's page instead of waiting on a request: first the file is read,
then every row is checked and written in one transaction (all or none, as in the office).

The uploaded file waits in the file storage at params["path"]; the job deletes it once the
import is done. With params["good_rows"] the rejected rows are written for the officer to
download to params["rejected"] (the page /office/import/rejected.xlsx).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from radadata.core.errors import NotFound
from radadata.jobs.base import Item, JobRunner, register

from .apply import registry_import
from .reading import Table, read_table
from .rejected import rejected_workbook

KIND = "registry_import"
#: From this many rows the office runs the import in the background.
BACKGROUND_FROM = 500


@register
class RegistryImportJob(JobRunner):
    kind = KIND
    queue = "long"
    child_process = True  # the worker gets the memory of a big workbook back
    title = gettext_lazy("Registry import")

    def items(self) -> Iterable[Item]:
        return [Item(key="read", label=_("Reading the file")),
                Item(key="apply", label=_("Checking and writing the datasets"))]

    def _table(self) -> Table:
        if not hasattr(self, "_read"):
            path = self.params["path"]
            if not default_storage.exists(path):
                raise NotFound(_("The uploaded file is no longer here; upload the list again."))
            with default_storage.open(path, "rb") as stream:
                self._read = read_table(stream.read(), self.params["filename"])
        return self._read

    def process(self, item: Item) -> str:
        table = self._table()
        if item.key == "read":
            return _("%(rows)d rows read.") % {"rows": len(table.rows)}
        # Checked again and written in one transaction (the registry may have changed since
        # the officer's dry run): a rejected row stops it before anything is written.
        # The writing is one transaction: what it would report of its progress is seen by
        # others only at its commit, so the bar moves by the two steps.
        plan = registry_import(table=table, mapping=self.params["mapping"],
                               by=self.job.created_by, at=self.at,
                               good_rows=bool(self.params.get("good_rows")))
        if plan.rejected and self.params.get("rejected"):
            default_storage.save(self.params["rejected"],
                                 ContentFile(rejected_workbook(plan)))
        default_storage.delete(self.params["path"])
        self.result = plan.counts
        if plan.rejected:
            return _("The good rows are imported: %(create)d datasets created, %(update)d "
                     "updated, %(unchanged)d unchanged; %(reject)d rejected rows are left "
                     "out.") % plan.counts
        return _("The import is done: %(create)d datasets created, %(update)d updated, "
                 "%(unchanged)d unchanged.") % plan.counts

    def finish(self) -> dict | None:
        return getattr(self, "result", None)
