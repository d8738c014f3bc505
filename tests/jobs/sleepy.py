"""A job kind for the worker-process tests: items that take a while, on either queue.

Imported by the worker processes those tests start (python -c "import tests.jobs.sleepy; …")."""

from __future__ import annotations

import os
import time

from radadata.jobs.base import Item, JobRunner, register


@register
class SleepyJob(JobRunner):
    kind = "test_sleepy"
    title = "Sleepy"
    queue = "long"

    def items(self):
        return [Item(key=str(n), label=f"Step {n}") for n in range(self.params.get("n", 3))]

    def process(self, item: Item) -> str:
        time.sleep(self.params.get("seconds", 1.0))
        return f"slept {item.key}"


@register
class QuickJob(SleepyJob):
    kind = "test_quick"
    title = "Quick"
    queue = "default"


@register
class ChildJob(JobRunner):
    """Runs in a child process of the worker, as the file check does."""

    kind = "test_child"
    title = "Child"
    child_process = True

    def items(self):
        return [Item(key="0", label="Step 0")]

    def process(self, item: Item) -> str:
        time.sleep(self.params.get("seconds", 0.1))
        return f"pid {os.getpid()} parent {os.getppid()}"
