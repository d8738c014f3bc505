"""Every operator setting is documented, and production refuses to start unconfigured."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from radadata.config.declared import DECLARED

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("setting", DECLARED, ids=lambda s: s.name)
def test_every_setting_is_in_the_docs(setting):
    docs = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert f"`{setting.name}`" in docs, f"docs/settings.md does not describe {setting.name}"


def _start_prod(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("RADADATA_")}
    clean.update(env, DJANGO_SETTINGS_MODULE="radadata.config.settings.prod")
    code = "import django; django.setup(); print('started')"
    return subprocess.run([sys.executable, "-c", code], env=clean, capture_output=True,
                          text=True, timeout=60)


def test_production_refuses_to_start_without_a_secret_key():
    result = _start_prod(RADADATA_ALLOWED_HOSTS="data.rada.example.ua")
    assert result.returncode != 0
    assert "RADADATA_SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _start_prod(RADADATA_SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "RADADATA_ALLOWED_HOSTS must be set" in result.stderr


def test_production_starts_when_configured(tmp_path):
    result = _start_prod(RADADATA_SECRET_KEY="x" * 50,
                         RADADATA_ALLOWED_HOSTS="data.rada.example.ua",
                         RADADATA_DATA_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout
