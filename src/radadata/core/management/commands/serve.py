"""`radadata serve`: the production web server (gunicorn) on the declared address."""

from __future__ import annotations

import os
import sys

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = ("Serve the site with gunicorn (RADADATA_BIND, RADADATA_WEB_WORKERS) and "
            "RADADATA_WORKERS background workers, restarted when one dies "
            "(RADADATA_WORKER_WITH_SERVER).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--bind", default=settings.BIND,
                            help="Address and port, e.g. 127.0.0.1:8000.")
        parser.add_argument("--workers", type=int, default=settings.WEB_WORKERS)

    def handle(self, *args, bind: str, workers: int, **options) -> None:
        exec_gunicorn(bind=bind, workers=workers)


def exec_gunicorn(*, bind: str, workers: int) -> None:
    """Replace this process with gunicorn. `radadata serve` comes here straight from cli.py,
    before Django is set up: gunicorn sets it up once, in its master (config/gunicorn.py)."""
    sys.stdout.write(f"RadaData: http://{bind}/  (Ctrl+C stops it)\n")
    sys.stdout.flush()
    # exec, not a subprocess: Ctrl+C and the service manager's signals reach gunicorn itself.
    os.execv(sys.executable, [
        sys.executable, "-m", "gunicorn", "radadata.config.wsgi:application",
        # starts, restarts and stops the background workers (RADADATA_WORKER_WITH_SERVER)
        "--config", "python:radadata.config.gunicorn",
        "--bind", bind, "--workers", str(workers), "--timeout", "120",
        # Threads keep a client's connection open (HTTP keep-alive): a harvester or a browser
        # does not pay a new connection per request, as with sync workers.
        "--worker-class", "gthread", "--threads", str(settings.WEB_THREADS),
        "--access-logfile", "-", "--forwarded-allow-ips", "127.0.0.1",
    ])


def serve_fast(argv: list[str]) -> None:
    """`radadata serve [--bind …] [--workers N]` with only the settings read (no apps)."""
    import argparse

    parser = argparse.ArgumentParser(prog="radadata serve", description=Command.help)
    parser.add_argument("--bind", default=settings.BIND,
                        help="Address and port, e.g. 127.0.0.1:8000.")
    parser.add_argument("--workers", type=int, default=settings.WEB_WORKERS)
    options = parser.parse_args(argv)
    exec_gunicorn(bind=options.bind, workers=options.workers)
