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
        self.stdout.write(f"RadaData: http://{bind}/  (Ctrl+C stops it)")
        sys.stdout.flush()
        # exec, not a subprocess: Ctrl+C and the service manager's signals reach gunicorn itself.
        os.execv(sys.executable, [
            sys.executable, "-m", "gunicorn", "radadata.config.wsgi:application",
            # starts, restarts and stops the background workers (RADADATA_WORKER_WITH_SERVER)
            "--config", "python:radadata.config.gunicorn",
            "--bind", bind, "--workers", str(workers), "--timeout", "120",
            "--access-logfile", "-", "--forwarded-allow-ips", "127.0.0.1",
        ])
