"""Benchmark: searching a 10,000-dataset catalogue, RadaData against Datasette, cold and warm.

    .venv/bin/python bench/catalog_search.py [--rows 10000] [--requests 2000] [--clients 10]
                                             [--workload cold|warm|both]

Builds a throw-away embedded installation (SQLite and files in a temporary RADADATA_DATA_DIR),
fills it with N published datasets with Ukrainian titles and descriptions (bench/_catalog_data.py),
indexes them with the search service and starts the production server that `make run` uses
(`radadata serve`: gunicorn, RADADATA_WEB_WORKERS processes) on a free loopback port. Then C
concurrent clients (threads, each with its own HTTP/1.1 connection, reopened when gunicorn's
sync workers close it) send queries to:

    /api/3/action/package_search?q=...   the CKAN-compatible API
    /api/v1/search?q=...                 our JSON API
    /datasets/?q=...                     the catalogue list page

and the same rows (title, description, keywords, owner, theme, formats, update frequency),
exported to a separate SQLite file with an FTS5 table, are served by Datasette and asked the
same queries through its JSON and HTML table search (?_search=...; the HTML page with the
facets that our list page shows as filters).

Two workloads, each reported on its own:

    cold  queries nobody asked before (bench/_search_queries.py): every request a distinct text
          (real Ukrainian word forms, one in ten a word no dataset holds), a page from 1 to 5
          (changing offsets; Datasette gets the same page through its ?_next= key) and, two
          times in three, a filter (theme, format, update frequency or owner). Before each
          endpoint the catalogue's version is replaced, so no answer, count or order any
          worker remembers can be used. What stays is the index, as Datasette's FTS5 table
          stays: the copy each worker holds in memory (catalog/search/memory.py) follows the
          index's own version, and the APIs' texts written when a dataset is indexed
          (api/rendered.py). What rebuilding that copy costs after a change of the index is
          printed on its own ("index in memory"), as the indexing of the catalogue is.
    warm  the 36 queries of bench/_catalog_data.py, which every worker has seen before the clock
          starts: a server that has been running, whose caches hold the popular queries.

Prints p50/p95/p99 latency, requests per second and the server's CPU time per request (all its
processes, read from /proc: unlike latency, it hardly moves when other programs share the
machine), and RadaData against Datasette: throughput ratio, CPU ratio (Datasette's CPU ms per
request over ours: above 1 is RadaData cheaper), p95 ratio. An endpoint that answers 404 is
reported as missing, not timed. `--clients 1` shows the cost of one request with no queueing.

The issue's targets (cold): the APIs' throughput >= 2x Datasette's JSON, the list page >= 1.5x
Datasette's HTML. Datasette matches exact tokens only (unicode61) and orders by row id, while
RadaData lemmatises Ukrainian ("шкіл" finds "школи" here and nothing there) and ranks by bm25:
the comparison is of speed, not of results.
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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from _catalog_data import QUERIES, fill  # noqa: E402
from _search_queries import Request, cold_requests  # noqa: E402

BIN = Path(sys.executable).parent
#: Throughput over Datasette's (cold workload), from the issue.
TARGET_RATIO = {"package_search": 2.0, "/api/v1/search": 2.0, "list page": 1.5}
PER_PAGE = 20


@dataclass
class Endpoint:
    label: str
    url: Callable[[Request], str]
    compare_with: str = ""  # label of the Datasette endpoint it is compared with


@dataclass
class Figures:
    label: str
    server: str
    workload: str
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


def _ckan(r: Request) -> str:
    fq = " ".join(f'{name}:"{value}"' for name, value in (
        ("groups", r.theme), ("res_format", r.format), ("organization", r.owner)) if value)
    params = {"q": r.text, "rows": PER_PAGE, "start": (r.page - 1) * PER_PAGE}
    if fq:
        params["fq"] = fq
    if r.periodicity:
        params["fq"] = (params.get("fq", "") + f' update_frequency:"{r.periodicity}"').strip()
    return "/api/3/action/package_search?" + urlencode(params)


def _v1(r: Request) -> str:
    return "/api/v1/search?" + urlencode({"q": r.text, "limit": PER_PAGE,
                                          "offset": (r.page - 1) * PER_PAGE, **r.filters})


def _page(r: Request) -> str:
    params = {"q": r.text, **r.filters}
    if r.page > 1:
        params["page"] = r.page
    return "/datasets/?" + urlencode(params)


RADADATA = [
    Endpoint("package_search", _ckan, "datasette JSON"),
    Endpoint("/api/v1/search", _v1, "datasette JSON"),
    Endpoint("list page", _page, "datasette HTML"),
]

# Datasette's columns for our filters (exported by export_for_datasette).
_DATASETTE_FILTERS = {"theme": "theme", "format": "formats__contains",
                      "periodicity": "periodicity", "owner": "owner_slug"}
#: The filters with counts our list page shows, as Datasette's facets.
_DATASETTE_FACETS = ("theme", "formats", "periodicity", "owner_slug")


class DatasettePages:
    """Datasette pages by key (?_next=<row id>), not by offset: the row id that ends each
    earlier page is looked up once, before the clock starts, as a reader clicking "next"
    would have been given it."""

    def __init__(self, database: Path):
        self.database = database
        self.next_keys: dict[Request, str | None] = {}

    def prepare(self, requests: list[Request]) -> None:
        with sqlite3.connect(self.database) as db:
            for r in requests:
                if r.page == 1:
                    self.next_keys[r] = None
                    continue
                where, params = ["id IN (SELECT rowid FROM datasets_fts "
                                 "WHERE datasets_fts MATCH ?)"], [_fts_escape(r.text)]
                for name, value in r.filters.items():
                    column = _DATASETTE_FILTERS[name]
                    if column.endswith("__contains"):
                        where.append(f"{column.removesuffix('__contains')} LIKE ?")
                        params.append(f"%{value}%")
                    else:
                        where.append(f"{column} = ?")
                        params.append(value)
                row = db.execute(f"SELECT id FROM datasets WHERE {' AND '.join(where)} "
                                 f"ORDER BY id LIMIT 1 OFFSET ?",
                                 [*params, (r.page - 1) * PER_PAGE - 1]).fetchone()
                # Beyond the last page: a key past every row (an empty page, as ours).
                self.next_keys[r] = str(row[0]) if row else "999999999"
        db.close()

    def url(self, r: Request, *, html: bool) -> str:
        params = [("_search", r.text), ("_size", str(PER_PAGE))]
        params += [(_DATASETTE_FILTERS[name], value) for name, value in r.filters.items()]
        if self.next_keys.get(r):
            params.append(("_next", self.next_keys[r]))
        if html:
            params += [("_facet", name) for name in _DATASETTE_FACETS]
        return ("/catalog/datasets" + ("" if html else ".json") + "?"
                + urlencode(params))


def _fts_escape(text: str) -> str:
    # What Datasette does to ?_search= (its escape_fts): every token a quoted string.
    return " ".join('"' + token.replace('"', "") + '"' for token in text.split() if token)


def warm_requests() -> list[Request]:
    return [Request(text=q, page=1) for q in QUERIES]


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
    from radadata.catalog.search import reindex_all

    started = time.perf_counter()
    count = reindex_all()
    indexed = f"indexed {count} in {time.perf_counter() - started:.1f} s"
    from radadata.catalog.search import memory

    started = time.process_time()
    memory.current()
    indexed += (f"; index in memory: {time.process_time() - started:.2f} s CPU to build, "
                "once per web process after each change of the index")
    connections.close_all()
    return f"filled {rows} datasets in {filled:.1f} s, {indexed}"


def forget_everything() -> None:
    """Replace the catalogue's version token, as any change of the catalogue does: every
    answer, count and order any worker remembers is keyed by the old one."""
    from django.db import connections

    from radadata.catalog.search.cache import bump_version

    bump_version()
    connections.close_all()


def export_for_datasette(target: Path) -> int:
    """The same public rows in a plain table with an FTS5 index, as Datasette documents it."""
    from radadata.api.related import current_formats, with_related
    from radadata.registry.models import Dataset

    datasets = with_related(Dataset.objects.published()).prefetch_related("themes").order_by("id")
    rows = [(d.pk, d.name, d.title, d.description, ", ".join(k.name for k in d.keyword_list),
             d.owner.name, d.owner.slug, ", ".join(t.code for t in d.theme_list),
             ", ".join(current_formats(d)), d.periodicity) for d in datasets]
    with sqlite3.connect(target) as db:
        db.executescript("""
            CREATE TABLE datasets (id INTEGER PRIMARY KEY, name TEXT, title TEXT,
                                   description TEXT, keywords TEXT, owner TEXT,
                                   owner_slug TEXT, theme TEXT, formats TEXT, periodicity TEXT);
            CREATE VIRTUAL TABLE datasets_fts USING fts5(
                title, description, keywords, owner, content="datasets", content_rowid="id");
        """)
        db.executemany("INSERT INTO datasets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
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


def drive(port: int, label: str, paths: list[str], server: Server, *, workload: str,
          total: int, clients: int, warm_up: list[str],
          before_clock: Callable[[], None] | None = None) -> Figures:
    """`total` requests of `paths` (in turn) from `clients` threads, after `warm_up` and
    `before_clock()`."""
    figures = Figures(label, server.label, workload)
    probe = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    status, _ = request(probe, paths[0])
    if status != 200:
        probe.close()
        figures.missing = "missing (404)" if status == 404 else f"answers {status}"
        return figures
    for path in warm_up:
        request(probe, path)
    probe.close()
    if before_clock is not None:
        before_clock()

    counter = itertools.count()
    lock = threading.Lock()

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
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
    by_key = {(f.workload, f.label): f for f in results}
    for workload in dict.fromkeys(f.workload for f in results):
        print(f"\n{workload.upper()} workload")
        print(f"{'endpoint':16} {'server':10} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
              f"{'req/s':>7} {'CPU ms':>7} {'errors':>6}")
        for figures in (f for f in results if f.workload == workload):
            if figures.missing:
                print(f"{figures.label:16} {figures.server:10} {figures.missing}")
                continue
            cpu = figures.cpu_ms_per_request
            cpu_text = f"{cpu:7.1f}" if cpu is not None else f"{'?':>7}"
            print(f"{figures.label:16} {figures.server:10} {figures.percentile(50):8.1f} "
                  f"{figures.percentile(95):8.1f} {figures.percentile(99):8.1f} "
                  f"{figures.per_second:7.0f} {cpu_text} {figures.errors:6d}")
        print(f"{'RadaData vs':16} {'Datasette':16} {'req/s ratio':>11} {'CPU ratio':>9} "
              f"{'p95 ratio':>9} {'target':>7}")
        for endpoint in RADADATA:
            ours, theirs = (by_key.get((workload, endpoint.label)),
                            by_key.get((workload, endpoint.compare_with)))
            if not ours or not theirs or ours.missing or theirs.missing:
                continue
            cpu_ratio = ("?" if ours.cpu_ms_per_request is None
                         or theirs.cpu_ms_per_request is None
                         else f"{theirs.cpu_ms_per_request / ours.cpu_ms_per_request:.2f}x")
            ratio = ours.per_second / theirs.per_second
            target = TARGET_RATIO[endpoint.label] if workload == "cold" else None
            verdict = (f"{'ok' if ratio >= target else 'UNDER'} {target:.1f}x" if target
                       else "")
            print(f"{endpoint.label:16} {theirs.label:16} {ratio:10.2f}x {cpu_ratio:>9} "
                  f"{theirs.percentile(95) / ours.percentile(95):8.2f}x {verdict:>7}")
    print("\nCPU ms: the server's CPU time (all its processes, user + system) per request. "
          "Ratios: Datasette's figure over ours for CPU and p95, ours over Datasette's for "
          "req/s; above 1 RadaData is ahead.")


def workloads(options: argparse.Namespace) -> dict[str, list[Request]]:
    chosen = ["cold", "warm"] if options.workload == "both" else [options.workload]
    return {name: (cold_requests(options.requests) if name == "cold" else warm_requests())
            for name in chosen}


def run_radadata(folder: Path, env: dict[str, str], options: argparse.Namespace,
                 loads: dict[str, list[Request]]) -> list[Figures]:
    from django.conf import settings

    workers = options.workers or settings.WEB_WORKERS
    port = free_port()
    command = [str(BIN / "radadata"), "serve", "--bind", f"127.0.0.1:{port}",
               "--workers", str(workers)]
    radadata = Server("radadata serve", "radadata", command, port, env, folder / "radadata.log")
    results = []
    try:
        radadata.wait_ready("/")
        print(f"radadata serve (gunicorn, {workers} workers) on 127.0.0.1:{port}; "
              f"{options.clients} clients, {options.requests} requests per endpoint")
        for workload, requests in loads.items():
            for endpoint in RADADATA:
                paths = [endpoint.url(r) for r in requests]
                cold = workload == "cold"
                # Cold: every worker has served this endpoint (code and templates loaded),
                # then forgets every answer, so what follows is new to all of them.
                warm_up = ([endpoint.url(r) for r in warm_requests()] * workers if cold
                           else paths * 2 * workers)
                results.append(drive(port, endpoint.label, paths, radadata, workload=workload,
                                     total=len(paths) if cold else options.requests,
                                     clients=options.clients, warm_up=warm_up,
                                     before_clock=forget_everything if cold else None))
    finally:
        radadata.stop()
    return results


def run_datasette(folder: Path, env: dict[str, str], options: argparse.Namespace,
                  loads: dict[str, list[Request]]) -> list[Figures]:
    pages = DatasettePages(folder / "catalog.db")
    for requests in loads.values():
        pages.prepare(requests)
    port = free_port()
    command = [str(BIN / "datasette"), "serve", str(folder / "catalog.db"),
               "--host", "127.0.0.1", "--port", str(port),
               # Datasette's own advice for speed: no facet suggestions on every page.
               "--setting", "suggest_facets", "off"]
    datasette = Server("datasette", "datasette", command, port, env, folder / "datasette.log")
    results = []
    try:
        datasette.wait_ready("/catalog/datasets.json?_size=1")
        for workload, requests in loads.items():
            for label, html in (("datasette JSON", False), ("datasette HTML", True)):
                paths = [pages.url(r, html=html) for r in requests]
                warm_up = ([pages.url(r, html=html) for r in warm_requests()]
                           if workload == "cold" else paths * 2)
                results.append(drive(port, label, paths, datasette, workload=workload,
                                     total=len(paths) if workload == "cold"
                                     else options.requests,
                                     clients=options.clients, warm_up=warm_up))
    finally:
        datasette.stop()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=2_000, help="Per endpoint.")
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--workload", choices=["cold", "warm", "both"], default="both")
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
    results: list[Figures] = []
    try:
        print(build_catalogue(folder, options.rows))
        loads = workloads(options)
        if "cold" in loads:
            print(f"cold workload: {len(loads['cold'])} distinct queries")
        if not options.no_datasette:
            rows = export_for_datasette(folder / "catalog.db")
            print(f"exported {rows} rows to SQLite FTS5 for Datasette")
        # One server at a time: the two never compete for the same cores.
        results += run_radadata(folder, env, options, loads)
        if not options.no_datasette:
            results += run_datasette(folder, env, options, loads)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report(results)


if __name__ == "__main__":
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", line_buffering=True)
    main()
