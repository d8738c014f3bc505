"""Benchmark: start-up. How long a command waits before it does its work, on the embedded
default (SQLite, files in a throw-away RADADATA_DATA_DIR).

    .venv/bin/python bench/startup.py [--repeat 5] [--runs 3] [--port PORT] [--skip-run]

- `radadata check small.csv` (a 50-row municipal CSV) against `frictionless validate
  small.csv`, wall and CPU seconds, best of --repeat, with the ratio (target: ≤ 0.8 s wall);
- `radadata --help`, best of --repeat;
- `make run`: the first start of a new data folder (migrate, collectstatic, reindex, the demo
  council) and then --runs starts of the same folder when nothing changed (best of them,
  target ≤ 5 s): from starting the command until `/` answers 200, on a free port
  (RADADATA_BIND), never 8000. Its CPU is that of the whole process tree until then (make,
  gunicorn's master and workers, the background worker).

The commands run as on a user's machine, whose Python keeps the modules it compiled
(PYTHONDONTWRITEBYTECODE is removed from their environment): the first of the runs compiles them.
CPU seconds are the children's (getrusage, or /proc for a tree still running): they hardly move
when other programs share the machine, wall time does.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CHECK_TARGET = 0.8  # seconds of wall time, radadata check small.csv
RUN_TARGET = 5.0  # seconds from `make run` to the first page, when nothing changed
TICKS = os.sysconf("SC_CLK_TCK")


def timed(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one run of a command (exit 0 or 1: a file that does not pass)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stderr.decode(errors="replace"))
        raise SystemExit(f"{' '.join(command)} failed with exit code {done.returncode}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def best(command: list[str], env: dict[str, str], cwd: Path, repeat: int) -> tuple[float, float]:
    runs = [timed(command, env, cwd) for _ in range(repeat)]
    return min(w for w, _c in runs), min(c for _w, c in runs)


def tree_cpu(session: int) -> float:
    """CPU seconds of every process of a session so far, with its finished children's."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:  # ended meanwhile
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[3]) == session:  # field 6 of stat: the session id
            total += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
    return total / TICKS


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_run(env: dict[str, str], port: int, timeout: float = 600.0) -> tuple[float, float]:
    """Start `make run` as its own session, wait for `/` to answer 200, stop it; wall and CPU
    seconds until the answer."""
    url = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        proc = subprocess.Popen(["make", "--no-print-directory", "run"], cwd=ROOT, env=env,
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            while not _answers(url, timeout):
                if proc.poll() is not None:
                    log.seek(0)
                    sys.stderr.write(log.read().decode(errors="replace")[-4000:])
                    raise SystemExit(f"make run ended with exit code {proc.returncode}")
                if time.perf_counter() - started > timeout:
                    raise SystemExit(f"make run: no page at {url} after {timeout:.0f} s")
                time.sleep(0.02)
            wall = time.perf_counter() - started
            cpu = tree_cpu(proc.pid)
        finally:
            stop(proc)
    return wall, cpu


def _answers(url: str, timeout: float) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            return answer.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def stop(proc: subprocess.Popen) -> None:
    """Ctrl+C, as a person stops it; the whole session, gunicorn and its workers with it."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def ratio(ours: float, theirs: float) -> str:
    return f"{theirs / ours:.2f}× faster" if ours <= theirs else f"{ours / theirs:.2f}× slower"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command (best)")
    parser.add_argument("--runs", type=int, default=3,
                        help="starts of `make run` when nothing changed (best)")
    parser.add_argument("--port", type=int, default=0, help="for `make run` (default: free)")
    parser.add_argument("--rows", type=int, default=50, help="rows of small.csv")
    parser.add_argument("--skip-run", action="store_true", help="leave out `make run`")
    args = parser.parse_args()
    port = args.port or free_port()
    if port == 8000:
        raise SystemExit("not on port 8000: that is the developer's own `make run`")

    folder = Path(tempfile.mkdtemp(prefix="radadata-startup-"))
    try:
        env = {**os.environ, "RADADATA_DATA_DIR": str(folder / "data"),
               "RADADATA_BIND": f"127.0.0.1:{port}"}
        # PYTHONDONTWRITEBYTECODE: a user's machine keeps the compiled modules, so the runs
        # after the first do not compile the project's modules again.
        for name in ("DJANGO_SETTINGS_MODULE", "RADADATA_DATABASE_URL", "MAKEFLAGS",
                     "MAKELEVEL", "PYTHONDONTWRITEBYTECODE"):
            env.pop(name, None)
        small = folder / "small.csv"
        subprocess.run([sys.executable, str(ROOT / "bench" / "gen_municipal_csv.py"),
                        str(small), "--rows", str(args.rows), "--errors", "0"],
                       check=True, stdout=subprocess.DEVNULL)

        radadata = str(BIN / "radadata")
        check = best([radadata, "check", small.name], env, folder, args.repeat)
        theirs = best([str(BIN / "frictionless"), "validate", small.name], env, folder,
                      args.repeat)
        helped = best([radadata, "--help"], env, folder, args.repeat)

        print(f"start-up, best of {args.repeat}; small.csv: {args.rows} rows, "
              f"{small.stat().st_size / 1024:.0f} KB")
        print(f"\n{'command':<40}{'wall s':>9}{'CPU s':>9}")
        for label, (wall, cpu) in (("radadata check small.csv", check),
                                   ("frictionless validate small.csv", theirs),
                                   ("radadata --help", helped)):
            print(f"{label:<40}{wall:>9.2f}{cpu:>9.2f}")
        print(f"ratio: radadata check is {ratio(check[0], theirs[0])} than frictionless "
              f"validate in wall time, {ratio(check[1], theirs[1])} in CPU")
        met = "met" if check[0] <= CHECK_TARGET else "NOT met"
        print(f"target: radadata check small.csv ≤ {CHECK_TARGET} s wall: {met}")

        if args.skip_run:
            return
        first = make_run(env, port)
        again = [make_run(env, port) for _ in range(args.runs)]
        wall = min(w for w, _c in again)
        cpu = min(c for _w, c in again)
        print(f"\n`make run` on port {port}, until / answers 200")
        print(f"{'start':<40}{'wall s':>9}{'CPU s':>9}")
        print(f"{'first (migrate, demo, …)':<40}{first[0]:>9.2f}{first[1]:>9.2f}")
        print(f"{f'nothing changed (best of {args.runs})':<40}{wall:>9.2f}{cpu:>9.2f}")
        print(f"  every start when nothing changed: "
              f"{', '.join(f'{w:.2f} s ({c:.2f} CPU)' for w, c in again)}")
        print(f"ratio: nothing changed is {first[0] / wall:.1f}× faster than the first start")
        met = "met" if wall <= RUN_TARGET else "NOT met"
        print(f"target: `make run` when nothing changed ≤ {RUN_TARGET} s to a page: {met}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
