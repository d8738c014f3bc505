"""Import a council's packages from data.gov.ua, any CKAN, or a RadaData catalogue's /api/3.

    source = make_source(base_url="https://data.gov.ua", organization="miska-rada")
    report = dry_run(source, at=now)           # per package: create/update/no change/skip, why
    job = import_start(source=source, by=officer, at=now)   # the job: one item per package

Modules: source (where from, the listing), reverse (a package read as a passport), parties
(owners and contact people), planning + plan (the dry run), download (files, capped and timed),
apply (one package, all or nothing), services (the job's start, the remote ids), job, cli.
"""

from .plan import ACTION_LABELS, ACTIONS, CREATE, SKIP, UNCHANGED, UPDATE, ImportReport
from .planning import dry_run
from .services import IMPORT_KIND, import_start
from .source import Source, make_source

__all__ = [
    "ACTIONS",
    "ACTION_LABELS",
    "CREATE",
    "IMPORT_KIND",
    "SKIP",
    "UNCHANGED",
    "UPDATE",
    "ImportReport",
    "Source",
    "dry_run",
    "import_start",
    "make_source",
]
