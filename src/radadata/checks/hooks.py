"""Calls out of the checks to the apps built on them, which the checks must not import.

`on_check_finished` functions get each file version whose check has just finished (passed,
found problems or could not run), inside the transaction that stores the report. The workflow
registers the step that moves submissions waiting in "being checked" on (WorkflowConfig.ready()).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from radadata.registry.models import ResourceVersion

on_check_finished: list[Callable[..., None]] = []


def check_finished(version: ResourceVersion, *, at: dt.datetime) -> None:
    for hook in on_check_finished:
        hook(version=version, at=at)
