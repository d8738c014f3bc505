"""Benchmark: searching a 10,000-dataset catalogue, RadaData against Datasette.

    .venv/bin/python bench/catalog_search.py [--rows 10000] [--requests 2000] [--clients 10]

Builds a throw-away embedded installation (SQLite and files in a temporary RADADATA_DATA_DIR),
fills it with N published datasets with Ukrainian titles and descriptions (bench/_catalog_data.py),
indexes them with the search service and starts the production server that `make run` uses
(`radadata serve`: gunicorn, RADADATA_WEB_WORKERS processes) on a free loopback port. Then C
concurrent clients (threads, each with its own HTTP/1.1 connection, reopened when gunicorn's
sync workers close it) send a fixed list of Ukrainian queries in various word forms to:

    /api/3/action/package_search?q=...   the CKAN-compatible API
    /api/v1/search?q=...                 our JSON API
    /datasets/?q=...                     the catalogue list page

and the same rows (title, description, keywords, owner), exported to a separate SQLite file
with an FTS5 table, are served by Datasette and asked the same queries through its JSON and
HTML table search (?_search=...). Prints p50/p95/p99 latency and requests per second for each,
the ratio of p95s, and the server's CPU time per request (all its processes, read from /proc:
unlike latency, it hardly moves when other programs share the machine). An endpoint that
answers 404 is reported as missing, not timed.

Every worker has seen every query before the clock starts (the warm-up goes through the list
several times): the figures are those of a server that has been running, whose search caches
hold the popular queries. `--clients 1` shows the cost of one request with no queueing.

The issue's targets: package_search and /api/v1 search p95 <= 50 ms, the list page p95 <= 80 ms.
Note that Datasette matches exact tokens only (unicode61), while RadaData lemmatises Ukrainian:
"шкіл" finds "школи" here and nothing there; the comparison is of speed, not of results.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import io
import itertools
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from _catalog_data import QUERIES, fill  # noqa: E402

BIN = Path(sys.executable).parent
TARGETS_MS = {"package_search": 50.0, "/api/v1/search": 50.0, "list page": 80.0}


@dataclass
class Endpoint:
    label: str
    template: str  # with {q}: the URL-quoted query
    compare_with: str = ""  # label of the Datasette endpoint it is compared with


@dataclass
class Figures:
    label: str
    server: str
    missing: str = ""  # why it was not timed
    latencies: list[float] = field(default_factory=list)  # seconds
    seconds: float = 0.0
    errors: int = 0
    cpu_seconds: float | None = None  # the server's processes, user + system

    @property
    def cpu_ms_per_request(self) -> float | None:
        if self.cpu_seconds is None or not self.latencies:
            return None
        return self.cpu_seconds / len(self.latencies) * 1000

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
        return ordered[index] * 1000

    @property
    def per_second(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0


RADADATA = [
    Endpoint("package_search", "/api/3/action/package_search?q={q}&rows=20", "datasette JSON"),
    Endpoint("/api/v1/search", "/api/v1/search?q={q}&limit=20", "datasette JSON"),
    Endpoint("list page", "/datasets/?q={q}", "datasette HTML"),
]
DATASETTE = [
    Endpoint("datasette JSON", "/catalog/datasets.json?_search={q}&_size=20"),
    Endpoint("datasette HTML", "/catalog/datasets?_search={q}&_size=20"),
]


# ---------------------------------------------------------------------------------------------
# The catalogue

def build_catalogue(folder: Path, rows: int) -> str:
    """Migrate, collect static files and fill the embedded database; returns how it was
    indexed. Runs in this process with the settings `make run` uses."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    call_command("migrate", verbosity=0)
    # DEBUG is off as in `make run`: the pages need the collected, hashed static files.
    call_command("collectstatic", interactive=False, verbosity=0)
    started = time.perf_counter()
    fill(rows)
    filled = time.perf_counter() - started
    try:
        from radadata.catalog.search import reindex_all
    except ImportError:
        indexed = "NOT INDEXED: radadata.catalog.search.reindex_all does not exist yet"
    else:
        started = time.perf_counter()
        count = reindex_all()
        indexed = f"indexed {count} in {time.perf_counter() - started:.1f} s"
    connections.close_all()
    return f"filled {rows} datasets in {filled:.1f} s, {indexed}"


def export_for_datasette(target: Path) -> int:
    """The same public rows in a plain table with an FTS5 index, as Datasette documents it."""
    from radadata.registry.models import Dataset

    datasets = (Dataset.objects.published().select_related("owner")
                .prefetch_related("keywords").order_by("id"))
    rows = [(d.pk, d.name, d.title, d.description, ", ".join(k.name for k in d.keywords.all()),
             d.owner.name) for d in datasets]
    with sqlite3.connect(target) as db:
        db.executescript("""
            CREATE TABLE datasets (id INTEGER PRIMARY KEY, name TEXT, title TEXT,
                                   description TEXT, keywords TEXT, owner TEXT);
            CREATE VIRTUAL TABLE datasets_fts USING fts5(
                title, description, keywords, owner, content="datasets", content_rowid="id");
        """)
        db.executemany("INSERT INTO datasets VALUES (?, ?, ?, ?, ?, ?)", rows)
        db.execute("INSERT INTO datasets_fts (datasets_fts) VALUES ('rebuild')")
    db.close()
    return len(rows)


# ---------------------------------------------------------------------------------------------
# Servers

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def group_cpu_seconds(group: int) -> float | None:
    """User + system CPU time of the processes of a process group (Linux /proc), with that of
    their children which ended and were waited for; None where /proc is not there."""
    proc = Path("/proc")
    if not (proc / "self" / "stat").exists():
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in proc.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        # After the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt
        # cmajflt utime stime cutime cstime ...
        if int(fields[2]) == group:
            total += sum(int(value) for value in fields[11:15])
    return total / ticks


class Server:
    """A subprocess in its own process group, stopped (group and all) by stop()."""

    def __init__(self, name: str, label: str, command: list[str], port: int,
                 env: dict[str, str], log: Path):
        self.name, self.label, self.port, self.log = name, label, port, log
        with log.open("wb") as out:
            self.process = subprocess.Popen(command, env=env, stdout=out,
                                            stderr=subprocess.STDOUT, start_new_session=True)

    def wait_ready(self, path: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                status, _ = request(http.client.HTTPConnection("127.0.0.1", self.port, timeout=5),
                                    path)
                if status < 500:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} did not start; its output:\n"
                           + self.log.read_text(errors="replace")[-3000:])

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)


# ---------------------------------------------------------------------------------------------
# Load

def request(connection: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    connection.request("GET", path, headers={"Accept-Language": "uk"})
    response = connection.getresponse()
    return response.status, response.read()


def drive(port: int, endpoint: Endpoint, server: Server, total: int, clients: int,
          warm_passes: int) -> Figures:
    figures = Figures(endpoint.label, server.label)
    paths = [endpoint.template.format(q=quote(q)) for q in QUERIES]
    probe = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    status, _ = request(probe, paths[0])
    if status != 200:
        probe.close()
        figures.missing = "missing (404)" if status == 404 else f"answers {status}"
        return figures
    # Warm up every worker's caches for every query: which worker takes a connection is the
    # kernel's choice, so go through the list several times.
    for path in paths * warm_passes:
        request(probe, path)
    probe.close()

    counter = itertools.count()
    lock = threading.Lock()

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        errors = 0
        while (n := next(counter)) < total:
            started = time.perf_counter()
            status, _ = request(connection, paths[n % len(paths)])
            mine.append(time.perf_counter() - started)
            errors += status != 200
        connection.close()
        with lock:
            figures.latencies.extend(mine)
            figures.errors += errors

    threads = [threading.Thread(target=client) for _ in range(clients)]
    cpu_before = group_cpu_seconds(server.process.pid)
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    figures.seconds = time.perf_counter() - started
    cpu_after = group_cpu_seconds(server.process.pid)
    if cpu_before is not None and cpu_after is not None:
        figures.cpu_seconds = cpu_after - cpu_before
    return figures


# ---------------------------------------------------------------------------------------------

def report(results: list[Figures]) -> None:
    by_label = {f.label: f for f in results}
    print(f"{'endpoint':16} {'server':10} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
          f"{'req/s':>7} {'CPU ms':>7} {'errors':>6} {'target':>7}  p95 vs Datasette")
    for figures in results:
        if figures.missing:
            print(f"{figures.label:16} {figures.server:10} {figures.missing}")
            continue
        target = TARGETS_MS.get(figures.label)
        verdict = ""
        if target:
            verdict = f"{'ok' if figures.percentile(95) <= target else 'OVER'} {target:.0f}"
        endpoint = next((e for e in RADADATA if e.label == figures.label), None)
        other = by_label.get(endpoint.compare_with) if endpoint else None
        ratio = ""
        if other and not other.missing:
            ratio = (f"{figures.percentile(95) / other.percentile(95):.2f}x "
                     f"({other.label})")
        cpu = figures.cpu_ms_per_request
        cpu_text = f"{cpu:7.1f}" if cpu is not None else f"{'?':>7}"
        print(f"{figures.label:16} {figures.server:10} {figures.percentile(50):8.1f} "
              f"{figures.percentile(95):8.1f} {figures.percentile(99):8.1f} "
              f"{figures.per_second:7.0f} {cpu_text} {figures.errors:6d} {verdict:>7}  {ratio}")
    print("CPU ms: the server's CPU time (all its processes, user + system) per request.")


def run_datasette(folder: Path, env: dict[str, str], options: argparse.Namespace
                  ) -> list[Figures]:
    port = free_port()
    command = [str(BIN / "datasette"), "serve", str(folder / "catalog.db"),
               "--host", "127.0.0.1", "--port", str(port),
               # Datasette's own advice for speed: no facet suggestions on every page.
               "--setting", "suggest_facets", "off"]
    datasette = Server("datasette", "datasette", command, port, env, folder / "datasette.log")
    try:
        datasette.wait_ready("/catalog/datasets.json?_size=1")
        return [drive(port, endpoint, datasette, options.requests, options.clients,
                      warm_passes=2) for endpoint in DATASETTE]
    finally:
        datasette.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=2_000, help="Per endpoint.")
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--workers", type=int, default=None,
                        help="gunicorn processes (default: RADADATA_WEB_WORKERS, as make run).")
    parser.add_argument("--no-datasette", action="store_true",
                        help="Time RadaData only (quicker while working on it).")
    options = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="radadata-bench-search-"))
    env = {**os.environ, "RADADATA_DATA_DIR": str(folder), "RADADATA_DEBUG": "false",
           "DJANGO_SETTINGS_MODULE": "radadata.config.settings.dev"}
    env.pop("RADADATA_DATABASE_URL", None)  # the embedded default, whatever the shell says
    os.environ.update(env)
    os.environ.pop("RADADATA_DATABASE_URL", None)
    servers: list[Server] = []
    results: list[Figures] = []
    try:
        print(build_catalogue(folder, options.rows))
        if not options.no_datasette:
            rows = export_for_datasette(folder / "catalog.db")
            print(f"exported {rows} rows to SQLite FTS5 for Datasette")

        from django.conf import settings

        workers = options.workers or settings.WEB_WORKERS
        port = free_port()
        command = [str(BIN / "radadata"), "serve", "--bind", f"127.0.0.1:{port}",
                   "--workers", str(workers)]
        radadata = Server("radadata serve", "radadata", command, port, env,
                          folder / "radadata.log")
        servers.append(radadata)
        radadata.wait_ready("/")
        print(f"radadata serve (gunicorn, {workers} workers) on 127.0.0.1:{port}; "
              f"{options.clients} clients, {options.requests} requests per endpoint, "
              f"{len(QUERIES)} queries\n")
        for endpoint in RADADATA:
            results.append(drive(port, endpoint, radadata, options.requests, options.clients,
                                 warm_passes=2 * workers))
        radadata.stop()  # the two servers never compete for the same cores
        if not options.no_datasette:
            results += run_datasette(folder, env, options)
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    report(results)


if __name__ == "__main__":
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", line_buffering=True)
    main()
