"""Every example in README.md and docs/ works against the demo council: each address the text
names answers, each `curl` reading the catalogue answers 200, and each `radadata` command runs.

Examples that need what a test cannot give are skipped here with the reason in SKIPPED (a
running server, the portal, a person typing, a token). Everything else is run, so an example
that names a dataset the demo does not have, or a page that moved, fails this test.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve

from tests.ux.conftest import OFFICER

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
HOST = "http://127.0.0.1:8000"

#: Commands not run here, and why (matched by their start).
SKIPPED = {
    "radadata serve": "starts the web server and a worker: a service, not an example to run",
    "radadata worker": "a background worker that runs until stopped",
    "radadata portal": "needs data.gov.ua or another CKAN portal (tests/portal_sync run these "
                       "against a fake CKAN)",
    "radadata council init": "asks the administrator's details interactively",
    "radadata council set": "changes the council; docs/registry.md shows it with «…» to fill in",
    "radadata migrate": "deployment step, run by make run",
    "radadata collectstatic": "deployment step, run by make run",
    "radadata use_history": "needs the council's own usage statistics file",
    "radadata registry import list.xlsx --good-rows": "needs a list with rejected rows",
    "radadata registry import list.csv --dry-run --map": "needs a council's own list with a "
                                                         "column «Установа»",
    "radadata report yearly 2020": "needs the usage statistics of 2020 imported first "
                                   "(radadata use_history)",
    "radadata check shelters.csv": "needs the council's own list of shelters",
}
#: Base addresses the text names (each API's root), not pages; and a page only an empty
#: installation has.
BASES = {"/api/v1/": "the JSON API's base address", "/api/3": "the CKAN API's base address",
         "/setup/": "only on a new installation with no council yet"}
#: Paths in the text that are not addresses of the site.
NOT_ADDRESSES = ("/var/", "/etc/", "/tmp/", "/usr/")


def _examples() -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[tuple[str, str]]]:
    addresses, curls, commands = [], [], []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        name = doc.relative_to(ROOT).as_posix()
        # A shell example continues on the next line after a backslash.
        joined = re.sub(r"\\\n\s*", " ", text)
        for line in joined.splitlines():
            command = line.split(" #")[0].strip().removeprefix("$ ").strip()
            command = command.removeprefix(".venv/bin/")
            if command.startswith("curl "):
                curls.append((name, command))
                continue
            # A synopsis ([options], a|b) is no example to run.
            if command.startswith("radadata ") and not re.search(r"&&|\[|\|", command):
                commands.append((name, command))
            addresses += [(name, url.removeprefix(HOST).rstrip(".…,;:")) for url in
                          re.findall(re.escape(HOST) + r"(/[^\s'\"`)>]*)", line)
                          if not re.search(r"[<$]", url)]
        for path in re.findall(r"`(/[^`\s]*)`", text):
            if "…" in path:  # a family of addresses («/api/3/action/…»)
                continue
            path = path.rstrip(".,;:")
            if "<" in path or "YEAR" in path or path.startswith(NOT_ADDRESSES) \
                    or path in BASES:
                continue
            braces = re.search(r"\{([^}]+)\}", path)
            variants = ([path.replace(braces.group(0), choice)
                         for choice in braces.group(1).split(",")] if braces else [path])
            addresses += [(name, variant) for variant in variants]
    addresses = [(doc, path) for doc, path in addresses if path not in BASES]
    # Closing a quarter comes before its documents, as the docs say.
    commands.sort(key=lambda item: "--close" not in item[1])
    return sorted(set(addresses)), curls, commands


ADDRESSES, CURLS, COMMANDS = _examples()


@pytest.fixture(scope="module")
def officer_client(demo) -> Client:
    client = Client()
    assert client.login(username=OFFICER, password="demo-rada-2026")
    return client


def test_the_docs_have_examples():
    assert len(ADDRESSES) > 40 and len(CURLS) > 8 and len(COMMANDS) > 20


@pytest.mark.django_db
def test_every_address_in_the_docs_answers(demo, officer_client):
    # The quarterly documents the docs show are those of a closed quarter.
    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(Exception):
        call_command("report", "quarterly", "2026Q3", "--close", "--out", "-")
    failed = []
    for doc, path in ADDRESSES:
        try:
            resolve(urlsplit(path).path)
        except Resolver404:
            failed.append(f"{doc}: {path} is no address of the site")
            continue
        client = officer_client if path.startswith("/office/") else Client()
        response = client.get(path)
        if response.status_code in (301, 302):  # /setup/ once the council is set up, …
            response = client.get(response["Location"])
        if response.status_code != 200:
            failed.append(f"{doc}: {path} answers {response.status_code}")
    assert not failed, "\n".join(failed)


def _curl(command: str) -> tuple[str, str, dict, dict]:
    """The method, address, query and headers of a curl example."""
    words = shlex.split(command)[1:]
    method, url, headers, data, get = "GET", "", {}, [], False
    index = 0
    while index < len(words):
        word = words[index]
        if word in ("-X", "--request"):
            method = words[index + 1]
            index += 1
        elif word in ("-H", "--header"):
            key, _, value = words[index + 1].partition(":")
            headers[key.strip()] = value.strip()
            index += 1
        elif word in ("-d", "--data", "--data-urlencode", "-F", "--form"):
            data.append(words[index + 1])
            index += 1
        elif word in ("-G", "--get"):
            get = True
        elif word.startswith("http"):
            url = word
        index += 1
    if data and not get and method == "GET":
        method = "POST"
    query = dict(parse_qsl(urlsplit(url).query))
    if get:
        query.update(dict(item.split("=", 1) for item in data))
    return method, url.removeprefix(HOST).split("?")[0], query, {"data": data, **headers}


@pytest.mark.django_db
def test_every_curl_example_that_reads_answers(demo):
    failed, ran = [], 0
    for doc, command in CURLS:
        if "Authorization" in command:
            continue  # writes with a personal token: tests/api cover them
        method, path, query, extra = _curl(command)
        if method != "GET":
            body = extra["data"][0] if extra["data"] else ""
            response = Client().post(path, data=body, content_type=extra.get(
                "Content-Type", "application/json"))
        else:
            accept = {"HTTP_ACCEPT": extra["Accept"]} if "Accept" in extra else {}
            response = Client().get(path, query, **accept)
        ran += 1
        if response.status_code != 200:
            failed.append(f"{doc}: {command} answers {response.status_code}")
    assert ran >= 8
    assert not failed, "\n".join(failed)


def _prepare(tmp: Path) -> None:
    """The files the command examples name: made from the demo itself."""
    (tmp / "data.csv").write_text("код,назва,адреса\n1,Ліцей №1,вул. Соборна 3\n",
                                  encoding="utf-8")
    (tmp / "structure.json").write_text(
        '{"fields": [{"name": "код", "type": "integer"}, {"name": "назва", "type": "string"},'
        ' {"name": "адреса", "type": "string"}]}', encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()):
        call_command("registry", "export", "--format", "xlsx", "--output", str(tmp / "list.xlsx"))
        call_command("registry", "export", "--format", "csv", "--output", str(tmp / "list.csv"))
        with contextlib.suppress(Exception):
            call_command("structures", "template", "2025/72-shelters", "--format", "xlsx",
                         "--out", str(tmp / "shelters.xlsx"))


@pytest.mark.django_db
def test_every_command_example_runs(demo, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _prepare(tmp_path)
    failed, ran = [], 0
    for doc, command in COMMANDS:
        if any(command.startswith(start) for start in SKIPPED):
            continue
        args = shlex.split(command)[1:]
        out, err = io.StringIO(), io.StringIO()
        code = 0
        try:
            call_command(*args, stdout=out, stderr=err)
        except SystemExit as stop:  # `check` answers 1 for a file with problems, by design
            code = stop.code if isinstance(stop.code, int) else 1
        except Exception as error:  # reported with the example that failed
            failed.append(f"{doc}: {command} → {type(error).__name__}: {error}")
            continue
        ran += 1
        if code not in (0, 1) and not command.startswith("radadata check"):
            failed.append(f"{doc}: {command} exits {code}: {err.getvalue()[-300:]}")
    assert ran >= 15, ran
    assert not failed, "\n".join(failed)
