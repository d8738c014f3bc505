"""gunicorn hooks for `radadata serve`: the background workers live and die with the server,
so the embedded default is still one command (RADADATA_WORKER_WITH_SERVER). The master keeps
RADADATA_WORKERS of them running and restarts one that dies (radadata/jobs/supervisor.py)."""

from __future__ import annotations

_supervisor = None

#: Django, every app and (when_ready) every view are imported once, in the master, before it
#: forks the web workers: a worker is serving as soon as it is forked, and the first request
#: no longer pays for the imports (tens of seconds on a busy machine).
preload_app = True


def _start_supervisor(server) -> None:
    """Once the views are imported (when_ready): a background worker setting itself up
    meanwhile would take the CPU from the master's imports, and the first page would wait."""
    global _supervisor
    from django.conf import settings

    if settings.WORKER_WITH_SERVER:
        from radadata.jobs.supervisor import Supervisor

        _supervisor = Supervisor(settings.WORKERS, logger=server.log)
        _supervisor.start()


def on_exit(server) -> None:
    if _supervisor is not None:
        _supervisor.stop()


def _hold_search_index(server) -> None:
    """Read the search index into memory (catalog/search/memory.py) before forking: every
    worker starts with it instead of reading it at its first search."""
    from django.db import DatabaseError

    try:
        from radadata.catalog.search import memory

        memory.current()
    except DatabaseError as error:  # not migrated yet: each worker reads it when it can
        server.log.warning("The search index was not read before forking: %s", error)


def when_ready(server) -> None:
    """Import the URLconf, and with it every view, before the workers are forked; close what
    the master opened of the database, so that no worker inherits its connection."""
    import gc

    from django.db import connections
    from django.urls import get_resolver

    gc.disable()  # as in wsgi.py: the views' objects live as long as the process
    try:
        get_resolver().url_patterns  # noqa: B018  (a lazy property: reading it imports the views)
        _hold_search_index(server)
        connections.close_all()
    finally:
        # Frozen: never walked again, and the forked workers share their pages instead of
        # copying them at their first collection.
        gc.freeze()
        gc.enable()
    _start_supervisor(server)
