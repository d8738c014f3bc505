"""`radadata serve` keeps its background workers alive: RADADATA_WORKERS processes, each
restarted when it ends, after a back-off that doubles while it keeps dying (1 s … 60 s), with
the reason (exit code or signal) in the log. A worker that ran for a minute starts again at
once: a single crash is not a crash loop."""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence

log = logging.getLogger("radadata.jobs.supervisor")

WORKER_COMMAND = (sys.executable, "-m", "radadata.cli", "worker")
FIRST_DELAY = 1.0
MAX_DELAY = 60.0
HEALTHY_AFTER = 60.0  # seconds of life after which the back-off starts again from the first


def exit_reason(code: int) -> str:
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


class Supervisor:
    def __init__(self, count: int, command: Sequence[str] = WORKER_COMMAND, *,
                 first_delay: float = FIRST_DELAY, max_delay: float = MAX_DELAY,
                 healthy_after: float = HEALTHY_AFTER, logger=None) -> None:
        self.log = logger or log  # gunicorn's own logger in `radadata serve`
        self.count = max(0, count)
        self.command = list(command)
        self.first_delay, self.max_delay, self.healthy_after = (first_delay, max_delay,
                                                               healthy_after)
        self.procs: list[subprocess.Popen | None] = [None] * self.count
        self.restarts = [0] * self.count
        self.reasons: list[list[str]] = [[] for _ in range(self.count)]
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        for slot in range(self.count):
            thread = threading.Thread(target=self._keep, args=(slot,), daemon=True,
                                      name=f"worker-supervisor-{slot}")
            thread.start()
            self._threads.append(thread)

    def _keep(self, slot: int) -> None:
        delay = self.first_delay
        while not self._stop.is_set():
            started = time.monotonic()
            proc = subprocess.Popen(self.command)
            self.procs[slot] = proc
            self.log.info("background worker %d started (pid %d)", slot + 1, proc.pid)
            code = proc.wait()
            if self._stop.is_set():
                return
            reason = exit_reason(code)
            self.reasons[slot].append(reason)
            if time.monotonic() - started >= self.healthy_after:
                delay = self.first_delay
            self.log.error("background worker %d (pid %d) stopped: %s; restarting in %.0f s",
                      slot + 1, proc.pid, reason, delay)
            if self._stop.wait(delay):
                return
            self.restarts[slot] += 1
            delay = min(self.max_delay, delay * 2)

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        for proc in self.procs:
            if proc is not None and proc.poll() is None:
                proc.terminate()
        for proc in self.procs:
            if proc is None:
                continue
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
        for thread in self._threads:
            thread.join(timeout=5)
