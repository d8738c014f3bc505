from __future__ import annotations

from collections.abc import Iterator

import pytest

from radadata.registry import hooks


@pytest.fixture(autouse=True)
def _checks_inline() -> Iterator[None]:
    # The test's transaction never commits: each new file is checked at once, not by a job.
    with hooks.work_inline():
        yield
