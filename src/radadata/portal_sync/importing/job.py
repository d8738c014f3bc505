"""The import job ("portal_import"): one item per package of the source. A package that fails
(a file that cannot be fetched, a refusal of the registry) is reported and the next one goes
on; running the job again imports what failed and changes nothing that was imported."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext_lazy

from radadata.jobs.base import Item, JobRunner, register

from . import source as sources
from .apply import import_package
from .services import IMPORT_KIND

if TYPE_CHECKING:  # requests is heavy for every command's start; only the types here
    import requests


@register
class PortalImport(JobRunner):
    """params: {"url", "organization", "key" (encrypted, or ""), "connection_key"}."""

    kind = IMPORT_KIND
    queue = "long"
    title = gettext_lazy("Import from data.gov.ua or another CKAN")

    _source: sources.Source | None = None
    _session: requests.Session | None = None
    _counts: Counter | None = None

    def _open(self) -> tuple[sources.Source, requests.Session]:
        if self._source is None or self._session is None:
            self._source = sources.from_params(self.params)
            self._session = sources.new_session()  # one for the listing and every file
        return self._source, self._session

    def items(self) -> Iterable[Item]:
        source, session = self._open()
        client = sources.open_client(source, session)
        for package in sources.list_packages(client, source.organization):
            title = str(package.get("title") or package.get("name") or package.get("id"))
            yield Item(key=f"package:{package.get('id')}", label=title, payload=package)

    def process(self, item: Item) -> str:
        source, session = self._open()
        # The clock per package: a long import's records carry the time they were made.
        result = import_package(package=item.payload, source=source, session=session,
                                by=self.job.created_by, at=timezone.now(),
                                progress=self.report_progress)
        if self._counts is None:
            self._counts = Counter()
        self._counts[result.action] += 1
        return result.line()

    def finish(self) -> dict[str, Any] | None:
        if self._session is not None:
            self._session.close()
        return {"counts": dict(self._counts or {})}
