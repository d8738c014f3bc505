"""A real worker process killed with SIGKILL mid-job: the next worker takes the job over and
finishes it without repeating the done items; a long job never holds a short one.

These tests start real processes on a throw-away SQLite file (the unit tests' database lives in
memory), and read the result with plain sqlite3."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WAIT = 90.0  # a bound against hanging, not a speed assertion


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    data = tmp_path_factory.mktemp("worker-site")
    env = dict(os.environ, RADADATA_DATA_DIR=str(data),
               DJANGO_SETTINGS_MODULE="radadata.config.settings.dev",
               RADADATA_DATABASE_URL="", RADADATA_WORKER_DEAD_AFTER_SECONDS="5")
    subprocess.run([sys.executable, "-m", "radadata.cli", "migrate", "-v0"], env=env,
                   cwd=ROOT, check=True)
    return data / "radadata.sqlite3", env


def _python(code: str, env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code], env=env, cwd=ROOT)


def _worker(env: dict) -> subprocess.Popen:
    return _python("import django; django.setup(); import tests.jobs.sleepy; "
                   "from radadata.cli import main; "
                   "main(['worker', '--no-schedule', '--interval', '0.2'])", env)


def _start(env: dict, kind: str, **params) -> int:
    out = subprocess.run([sys.executable, "-c", (
        "import django; django.setup(); import tests.jobs.sleepy; "
        "from django.utils import timezone; from radadata.jobs.services import job_start; "
        f"print(job_start(kind={kind!r}, params={params!r}, by=None, at=timezone.now()).pk)")],
        env=env, cwd=ROOT, check=True, capture_output=True, text=True)
    return int(out.stdout.strip().splitlines()[-1])


def _job(db: Path, pk: int) -> dict:
    with sqlite3.connect(db, timeout=20) as conn:
        conn.row_factory = sqlite3.Row
        row = dict(conn.execute("select * from jobs_job where id = ?", (pk,)).fetchone())
        row["items"] = [tuple(r) for r in conn.execute(
            "select key, status from jobs_jobitem where job_id = ? order by id", (pk,))]
    return row


def _wait(db: Path, pk: int, test, what: str) -> dict:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        job = _job(db, pk)
        if test(job):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {pk} never {what}: {_job(db, pk)}")


def _wait_beat(db: Path, pid: int) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        with sqlite3.connect(db, timeout=20) as conn:
            if conn.execute("select 1 from jobs_workerbeat where pid = ?", (pid,)).fetchone():
                return
        time.sleep(0.2)
    raise AssertionError(f"worker {pid} never wrote its heartbeat")


def _stop(*procs: subprocess.Popen) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)


def test_a_killed_workers_job_is_taken_over_and_finished_without_repeats(site):
    db, env = site
    pk = _start(env, "test_sleepy", n=4, seconds=1.0)
    first = _worker(env)
    second = None
    try:
        _wait(db, pk, lambda j: len(j["items"]) >= 1, "started its first item")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
        killed_at = time.monotonic()
        assert _job(db, pk)["status"] == "running"  # what the office saw before this issue

        second = _worker(env)
        job = _wait(db, pk, lambda j: j["attempts"] == 2, "was taken over")
        taken_after = time.monotonic() - killed_at
        job = _wait(db, pk, lambda j: j["status"] == "done", "finished")
    finally:
        _stop(first, *([second] if second else []))
    print(f"\ntaken over {taken_after:.1f} s after SIGKILL (a new worker on the same machine)")
    assert job["items"] == [("0", "ok"), ("1", "ok"), ("2", "ok"), ("3", "ok")]
    assert job["attempts"] == 2


def test_a_running_worker_takes_over_from_one_that_dies_beside_it(site):
    db, env = site
    pk = _start(env, "test_sleepy", n=200, seconds=0.5)
    first = _worker(env)
    second = None
    try:
        _wait(db, pk, lambda j: j["status"] == "running", "started")
        second = _worker(env)  # idle: it waits for work and beats
        _wait_beat(db, second.pid)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
        killed_at = time.monotonic()
        before = len(_job(db, pk)["items"])
        job = _wait(db, pk, lambda j: j["attempts"] == 2 and len(j["items"]) > before + 1,
                    "was taken over")
        taken_after = time.monotonic() - killed_at
    finally:
        _stop(first, *([second] if second else []))
    print(f"\ntaken over {taken_after:.1f} s after SIGKILL (another worker already running)")
    assert job["worker"].endswith(f"-{second.pid}")
    assert {status for _key, status in job["items"]} == {"ok"}


def test_a_long_job_does_not_hold_a_short_one(site):
    db, env = site
    long_pk = _start(env, "test_sleepy", n=30, seconds=1.0)
    worker = _worker(env)
    try:
        _wait(db, long_pk, lambda j: j["status"] == "running", "started")
        short_pk = _start(env, "test_quick", n=1, seconds=0.1)
        _wait(db, short_pk, lambda j: j["status"] == "done", "finished")
        assert _job(db, long_pk)["status"] == "running"  # the short one did not wait for it
    finally:
        _stop(worker)


def _messages(db: Path, pk: int) -> list[str]:
    with sqlite3.connect(db, timeout=20) as conn:
        return [row[0] for row in conn.execute(
            "select message from jobs_jobitem where job_id = ? order by id", (pk,))]


def test_a_check_like_job_runs_in_a_child_process_of_the_worker(site):
    db, env = site
    worker = _worker(env)
    try:
        pk = _start(env, "test_child", seconds=0.1)
        _wait(db, pk, lambda j: j["status"] == "done", "finished")
    finally:
        _stop(worker)
    [message] = _messages(db, pk)
    child, parent = int(message.split()[1]), int(message.split()[3])
    assert parent == worker.pid and child != worker.pid


def test_a_child_that_dies_fails_its_job_with_the_reason_and_the_worker_lives_on(site):
    db, env = site
    worker = _worker(env)
    try:
        pk = _start(env, "test_child", seconds=60)
        _wait(db, pk, lambda j: j["status"] == "running", "started")
        children = subprocess.run(["pgrep", "-P", str(worker.pid)], capture_output=True,
                                  text=True).stdout.split()
        assert len(children) == 1
        os.kill(int(children[0]), signal.SIGKILL)  # as the kernel's out-of-memory killer would
        job = _wait(db, pk, lambda j: j["status"] == "failed", "failed")
        assert "SIGKILL" in job["message"]
        assert worker.poll() is None  # the worker itself runs on
        quick = _start(env, "test_quick", n=1, seconds=0.1)
        _wait(db, quick, lambda j: j["status"] == "done", "finished after the crash")
    finally:
        _stop(worker)
