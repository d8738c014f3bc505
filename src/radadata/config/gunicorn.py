"""gunicorn hooks for `radadata serve`: the background workers live and die with the server,
so the embedded default is still one command (RADADATA_WORKER_WITH_SERVER). The master keeps
RADADATA_WORKERS of them running and restarts one that dies (radadata/jobs/supervisor.py)."""

from __future__ import annotations

_supervisor = None


def on_starting(server) -> None:
    global _supervisor
    from django.conf import settings

    if settings.WORKER_WITH_SERVER:
        from radadata.jobs.supervisor import Supervisor

        _supervisor = Supervisor(settings.WORKERS, logger=server.log)
        _supervisor.start()


def on_exit(server) -> None:
    if _supervisor is not None:
        _supervisor.stop()
