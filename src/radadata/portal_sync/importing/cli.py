"""`radadata portal import`: the import on the command line (a subcommand of portal.py).

    radadata portal import --url https://data.gov.ua --org miska-rada --dry-run
    radadata portal import --url https://data.gov.ua --org miska-rada --apply
    radadata portal import --url https://opendata.example.ua --dry-run   # a whole catalogue

Without --url (and --org) the connected portal and organisation are read. --apply runs the
same job as the office's button, in this process, with a progress bar on stderr, and prints
each package's line of its log; the exit status is non-zero if a package failed.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from radadata.jobs.models import JobItem, Status
from radadata.portal_sync.models import PortalConnection

from .planning import dry_run
from .services import import_start
from .source import Source, make_source


def add_arguments(actions: Any) -> None:
    parser = actions.add_parser(
        "import", help="Import an organisation's packages from data.gov.ua or any CKAN into "
                       "the registry.")
    parser.add_argument("--url", default="",
                        help="The catalogue's address, e.g. https://data.gov.ua (default: the "
                             "connected portal).")
    parser.add_argument("--org", default=None,
                        help="The organisation's short name or id on it (default: the "
                             "connected one). Leave it out for a whole catalogue, such as a "
                             "council's own RadaData /api/3.")
    parser.add_argument("--key", default="",
                        help="An API key, to import private packages too (default: the "
                             "connection's key when --url is the connected portal).")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--dry-run", action="store_true",
                      help="Only show what the import would do, package by package.")
    mode.add_argument("--apply", action="store_true", help="Import.")


def _source(url: str, org: str | None, key: str) -> Source:
    conn = PortalConnection.current()
    if not url:
        if conn is None:
            raise CommandError(_("Give the catalogue's address with --url: no portal is "
                                 "connected."))
        url = conn.base_url
        org = conn.organization if org is None else org
    return make_source(base_url=url, organization=org or "", api_key=key)


def handle(command: BaseCommand, *, url: str, org: str | None, key: str, dry_run: bool,
           **_options: Any) -> None:
    source = _source(url, org, key)
    if dry_run:
        _dry_run(command, source)
        return
    job = import_start(source=source, by=None, at=timezone.now())
    job = command._run_with_progress(job)  # type: ignore[attr-defined]
    for item in JobItem.objects.filter(job=job).order_by("id"):
        mark = "✓" if item.status == "ok" else "✗"
        command.stdout.write(f"{mark} {item.label}: {item.message}")
    command.stdout.write(f"{job.get_status_display()}: {job.done}/{job.total}")
    if job.status != Status.DONE:
        raise CommandError(job.message or _("Some packages were not imported; see above. Run "
                                            "the import again to import them."))


def _dry_run(command: BaseCommand, source: Source) -> None:
    report = dry_run(source, at=timezone.now())
    for plan in report.plans:
        for line in plan.lines():
            command.stdout.write(line)
    counts = report.counts
    command.stdout.write(_(
        "%(packages)d packages from %(source)s: %(create)d to create, %(update)d to update, "
        "%(unchanged)d unchanged, %(skip)d skipped; %(files)d files to download. Nothing was "
        "written.") % {"packages": len(report.plans), "source": report.source_label,
                       "files": report.downloads, **counts})
