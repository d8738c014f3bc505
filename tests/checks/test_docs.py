"""docs/checks.md is what an owner reads to understand a finding: every code the checks can
report must be there with its meaning and fix."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from radadata.checks.findings import CODES

DOCS = Path(__file__).resolve().parents[2] / "docs" / "checks.md"
MODULES = ["radadata.checks.engine", "radadata.checks.structure", "radadata.checks.personal",
           "radadata.checks.values"]


def test_every_check_code_is_documented():
    for module in MODULES:
        importlib.import_module(module)
    documented = set(re.findall(r"`([a-z0-9_]+)`", DOCS.read_text(encoding="utf-8")))
    assert len(CODES) > 30
    missing = sorted(set(CODES) - documented)
    assert not missing, f"add these codes to docs/checks.md: {missing}"


def test_every_code_says_what_to_do():
    for module in MODULES:
        importlib.import_module(module)
    for code in CODES.values():
        assert str(code.fix).strip(), f"{code.code} has no fix"
        assert str(code.message).strip(), f"{code.code} has no message"
