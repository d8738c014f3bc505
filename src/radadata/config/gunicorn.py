"""gunicorn hooks for `radadata serve`: one background worker lives and dies with the server,
so the embedded default is still one command (RADADATA_WORKER_WITH_SERVER)."""

from __future__ import annotations

import subprocess
import sys

_worker: subprocess.Popen | None = None


def on_starting(server) -> None:
    global _worker
    from django.conf import settings

    if settings.WORKER_WITH_SERVER:
        _worker = subprocess.Popen([sys.executable, "-m", "radadata.cli", "worker"])


def on_exit(server) -> None:
    if _worker is not None and _worker.poll() is None:
        _worker.terminate()
        try:
            _worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            _worker.kill()
