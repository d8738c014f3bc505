"""`radadata serve` starts gunicorn without setting Django up first: gunicorn's master sets it
up once (preload_app), so the apps are not loaded twice before the first page."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import django.apps
from radadata.cli import main
try:
    main(["serve", "--help"])
except SystemExit as stop:
    print("exit", stop.code, "apps ready:", django.apps.apps.ready)
"""


def test_serve_reads_its_options_without_setting_up_the_apps():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=120, check=True)
    assert "--bind" in done.stdout and "--workers" in done.stdout
    assert "exit 0 apps ready: False" in done.stdout


def test_gunicorn_preloads_the_app_and_its_views():
    from radadata.config import gunicorn

    assert gunicorn.preload_app is True
    assert callable(gunicorn.when_ready)
