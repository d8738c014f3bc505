"""A small CKAN for the tests: the Action API contract the portal sync relies on, in memory.

It answers as CKAN does — the {help, success, result} envelope, {__type: "Validation Error",
field: [messages]} with 409, "Not Found Error" 404, "Authorization Error" 403 — for the actions
we use: status_show, organization_show, package_show/list/search (fq owner_org), package_create/
update/patch, resource_create/update/show with multipart uploads, and the download of an
uploaded file. Validation follows data.gov.ua's dataset schema (ckanext-dgua: title, notes,
tag_string, purpose_of_collecting_information ≤ 512, update_frequency and language required).

Switches inject faults: `fail("package_create", 503, times=2, skip=0)`, 429 with Retry-After,
`slow()` for latency or a timeout, `drop()` to close the connection without an answer, and
`after=True` to do the action first and then lose the answer (a crash between the portal's work
and our saving its id). `moderate()`, `edit()`, `delete()` and `purge()` act as the portal's
moderator or a person editing the package by hand.

Served on 127.0.0.1:<free port> in a thread (`serve()`); one server can run for a whole test.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from werkzeug.serving import WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response

from tests.portal_sync.fake_ckan_actions import (
    WRITE_ACTIONS,
    ActionError,
    CkanActions,
    tags_of,
)


@dataclass
class Fault:
    action: str | None  # None: any action
    times: int = 1
    status: int | None = None
    retry_after: str | None = None
    delay: float = 0.0
    drop: bool = False
    after: bool = False  # do the action, then fail: the answer is lost
    skip: int = 0  # let this many matching calls through first


@dataclass
class Call:
    """One request, logged when it arrives; `status` 0 until it is answered (or if dropped)."""

    action: str
    data: dict[str, Any]
    status: int = 0
    filename: str = ""


class FakeCKAN(CkanActions):
    def __init__(self, *, api_key: str = "test-api-key-1234",
                 organizations: tuple[str, ...] = ("miska-rada", "insha-rada"),
                 moderation: bool = True) -> None:
        self.api_key = api_key
        self.moderation = moderation
        self.base_url = ""
        self.latency = 0.0
        #: The portal's time; a test may set it, e.g. to the time its own scenario happens.
        self.now = lambda: dt.datetime.now(dt.UTC).replace(tzinfo=None)
        self._lock = threading.RLock()
        self._last = dt.datetime(2026, 1, 1)
        self.organizations = {name: {"id": str(uuid.uuid4()), "name": name,
                                     "title": f"Організація {name}", "type": "organization",
                                     "is_organization": True, "state": "active"}
                              for name in organizations}
        self.packages: dict[str, dict[str, Any]] = {}
        self.files: dict[str, bytes] = {}
        self.calls: list[Call] = []
        self.faults: list[Fault] = []
        self._hooks: list[list[Any]] = []

    # Switches ------------------------------------------------------------------------------------
    def fail(self, action: str | None, status: int, *, times: int = 1,
             retry_after: str | None = None, after: bool = False, skip: int = 0) -> None:
        self.faults.append(Fault(action, times=times, status=status, retry_after=retry_after,
                                 after=after, skip=skip))

    def drop(self, action: str | None, *, times: int = 1, after: bool = False) -> None:
        self.faults.append(Fault(action, times=times, drop=True, after=after))

    def slow(self, action: str | None, seconds: float, *, times: int = 1) -> None:
        self.faults.append(Fault(action, times=times, delay=seconds))

    def on(self, action: str, callback: Callable[[], None], *, times: int = 1) -> None:
        """Run `callback` (in the server's thread) when a call of `action` arrives, before it
        is answered: for "something else happens while the portal works on it"."""
        self._hooks.append([action, callback, times])

    def _fault(self, action: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.times > 0 and fault.action in (None, action):
                    if fault.skip > 0:
                        fault.skip -= 1
                        continue
                    fault.times -= 1
                    return fault
        return None

    # What the tests look at ----------------------------------------------------------------------
    def calls_of(self, action: str) -> list[Call]:
        return [c for c in self.calls if c.action == action]

    def org_id(self, name: str) -> str:
        return self.organizations[name]["id"]

    def package(self, ref: str) -> dict[str, Any]:
        return copy.deepcopy(self._package(ref))

    def live_packages(self) -> list[dict[str, Any]]:
        return [copy.deepcopy(p) for p in self.packages.values() if p["state"] != "deleted"]

    # The portal's people -------------------------------------------------------------------------
    def moderate(self, ref: str, status: str, *, at: dt.datetime | None = None,
                 reason: str = "") -> None:
        with self._lock:
            package = self._package(ref)
            stamp = self._tick() if at is None else at.astimezone(dt.UTC).replace(tzinfo=None)
            package.update(moderation_status=status, moderation_comment=reason,
                           moderation_date=stamp.isoformat())
            package["metadata_modified"] = max(stamp, self._tick()).isoformat()

    def edit(self, ref: str, **fields: Any) -> None:
        with self._lock:
            package = self._package(ref)
            package.update(fields)
            if "tag_string" in fields:
                package["tags"] = tags_of(fields["tag_string"])
            package["metadata_modified"] = self._tick().isoformat()

    def add_resource_by_hand(self, ref: str, name: str) -> str:
        with self._lock:
            package = self._package(ref)
            resource = self._new_resource(package, {"name": name, "format": "PDF"}, None)
            return resource["id"]

    def delete(self, ref: str) -> None:
        with self._lock:
            package = self._package(ref)
            package["state"] = "deleted"
            package["metadata_modified"] = self._tick().isoformat()

    def purge(self, ref: str) -> None:
        with self._lock:
            del self.packages[self._package(ref)["id"]]

    # WSGI ----------------------------------------------------------------------------------------
    def __call__(self, environ: dict, start_response: Any) -> Any:
        request = Request(environ)
        response = self._respond(request, environ)
        return response(environ, start_response)

    def _respond(self, request: Request, environ: dict) -> Response:
        match = re.match(r"^/api/(?:3/)?action/([a-z_]+)$", request.path)
        if match is None:
            return self._download(request)
        action = match.group(1)
        if self.latency:
            time.sleep(self.latency)
        data, upload = _request_data(request)
        call = Call(action, data, filename=upload[0] if upload else "")
        self.calls.append(call)
        for hook in self._hooks:
            if hook[0] == action and hook[2] > 0:
                hook[2] -= 1
                hook[1]()
        fault = self._fault(action)
        if fault is not None and fault.delay:
            time.sleep(fault.delay)
        if fault is not None and not fault.after and (fault.drop or fault.status):
            return self._broken(call, fault, environ)
        try:
            result = self._dispatch(action, data, upload, request)
            status, body = 200, {"success": True, "result": result}
        except ActionError as error:
            status, body = error.status, {"success": False, "error": error.error}
        if fault is not None and fault.after and (fault.drop or fault.status):
            return self._broken(call, fault, environ)
        call.status = status
        body = {"help": f"{self.base_url}/api/3/action/help_show?name={action}", **body}
        return Response(json.dumps(body, ensure_ascii=False), status=status,
                        content_type="application/json;charset=utf-8")

    def _broken(self, call: Call, fault: Fault, environ: dict) -> Response:
        call.status = fault.status or 0
        if fault.drop:
            sock = environ["werkzeug.socket"]
            sock.shutdown(socket.SHUT_RDWR)
            sock.close()
            raise ConnectionResetError("dropped by the fake portal")
        headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
        return Response("<html><body>Service unavailable</body></html>", status=fault.status,
                        headers=headers, content_type="text/html")

    def _download(self, request: Request) -> Response:
        match = re.match(r"^/dataset/[^/]+/resource/([^/]+)/download/", request.path)
        if match is None or match.group(1) not in self.files:
            return Response("Not found", status=404)
        return Response(self.files[match.group(1)], content_type="application/octet-stream")

    def _dispatch(self, action: str, data: dict, upload: tuple | None,
                  request: Request) -> Any:
        handler = getattr(self, f"action_{action}", None)
        if handler is None:
            raise ActionError(400, {"__type": "Bad request - Action name not known",
                                    "message": f"Action name not known: {action}"})
        if action in WRITE_ACTIONS:
            key = request.headers.get("Authorization") or request.headers.get("X-CKAN-API-Key")
            if key != self.api_key:
                raise ActionError(403, {"__type": "Authorization Error",
                                        "message": "Access denied"})
        with self._lock:
            if action in {"resource_create", "resource_update"}:
                return handler(data, upload)
            return handler(data)

    # The clock -----------------------------------------------------------------------------------
    def _tick(self) -> dt.datetime:
        """The portal's clock (naive UTC, as CKAN writes it), never the same twice."""
        self._last = max(self.now(), self._last + dt.timedelta(microseconds=1))
        return self._last


def _request_data(request: Request) -> tuple[dict[str, Any], tuple[str, bytes] | None]:
    if request.method == "GET":
        return dict(request.args), None
    if request.mimetype == "multipart/form-data":
        upload = request.files.get("upload")
        data = dict(request.form)
        return data, (upload.filename or "file", upload.read()) if upload else None
    try:
        return json.loads(request.get_data() or b"{}"), None
    except ValueError:
        return {}, None


class _Handler(WSGIRequestHandler):
    def setup(self) -> None:
        super().setup()
        # The headers and the body go out in two writes: without this, Nagle's algorithm holds
        # the body until the client's delayed ACK, 40 ms per call.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log(self, *args: Any, **kwargs: Any) -> None:  # the calls list is the log
        pass


@contextmanager
def serve(fake: FakeCKAN) -> Iterator[FakeCKAN]:
    """Run `fake` on 127.0.0.1 and a free port until the block ends."""
    server = make_server("127.0.0.1", 0, fake, threaded=True, request_handler=_Handler)
    fake.base_url = f"http://127.0.0.1:{server.port}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        thread.join(timeout=5)
