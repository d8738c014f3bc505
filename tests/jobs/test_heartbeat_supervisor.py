"""`radadata serve` restarts a background worker that dies, with a growing back-off and the
reason in the log."""

from __future__ import annotations

import logging
import sys
import time

from radadata.jobs.supervisor import Supervisor, exit_reason


def _until(test, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not test() and time.monotonic() < deadline:
        time.sleep(0.05)


def test_a_dying_worker_is_restarted_with_back_off_and_the_reason_logged(caplog):
    caplog.set_level(logging.INFO, logger="radadata.jobs.supervisor")
    supervisor = Supervisor(1, [sys.executable, "-c", "import sys; sys.exit(3)"],
                            first_delay=0.05, max_delay=0.2)
    supervisor.start()
    try:
        _until(lambda: supervisor.restarts[0] >= 4)
    finally:
        supervisor.stop()
    assert supervisor.restarts[0] >= 4
    assert set(supervisor.reasons[0]) == {"exit code 3"}
    logged = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(logged) >= 4
    assert all("background worker 1" in m and "stopped: exit code 3; restarting in" in m
               for m in logged)


def test_the_back_off_doubles_up_to_its_ceiling(caplog):
    caplog.set_level(logging.ERROR, logger="radadata.jobs.supervisor")
    supervisor = Supervisor(1, [sys.executable, "-c", "pass"], first_delay=0.01,
                            max_delay=0.04)
    delays: list[float] = []
    original = supervisor._stop.wait

    def wait(delay=None):
        if delay is not None:
            delays.append(delay)
        return original(0 if delay is not None else None)

    supervisor._stop.wait = wait
    supervisor.start()
    try:
        _until(lambda: len(delays) >= 5)
    finally:
        supervisor.stop()
    assert delays[:5] == [0.01, 0.02, 0.04, 0.04, 0.04]


def test_a_killed_worker_is_named_by_its_signal():
    supervisor = Supervisor(1, [sys.executable, "-c", "import time; time.sleep(60)"],
                            first_delay=0.05)
    supervisor.start()
    try:
        _until(lambda: supervisor.procs[0] is not None)
        first = supervisor.procs[0]
        first.kill()
        _until(lambda: supervisor.procs[0] is not first and supervisor.procs[0] is not None)
        assert supervisor.reasons[0] == ["killed by SIGKILL"]
        assert supervisor.procs[0].poll() is None  # a new worker runs
    finally:
        supervisor.stop()
    assert exit_reason(-15) == "killed by SIGTERM"
