"""Downloading a resource's file: streamed to a temporary file, with a size cap, a timeout on
every read and on the whole download, a few retries when the source is slow or failing, and
its SHA-256 checked against the one the source states.

The API key goes only to the source's own host (a file kept elsewhere never sees it; requests
drops it on a redirect to another host, too).
"""

from __future__ import annotations

import hashlib
import logging
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO, TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from django.utils.translation import gettext as _

from radadata.core.errors import DomainError

if TYPE_CHECKING:  # requests is heavy for every command's start; imported when a file is fetched
    import requests

log = logging.getLogger(__name__)

CHUNK = 256 * 1024
#: (connect, read) seconds: a read that waits longer than this is a timeout.
TIMEOUT = (10.0, 60.0)
#: The whole download, however the bytes trickle in.
DEADLINE = 15 * 60.0
RETRIES = 2
BACKOFF = 1.0
SPOOL_BYTES = 8 * 1024 * 1024


class DownloadFailed(DomainError):
    """The file could not be fetched now; importing the package again may succeed."""

    code = "download_failed"
    status = 502


class Unusable(DomainError):
    """The file can never be imported as it is (too big, empty): it is skipped."""

    code = "file_unusable"
    status = 422


class _Transient(Exception):
    pass


@dataclass
class Downloaded:
    stream: IO[bytes]
    size: int
    sha256: str
    filename: str

    def close(self) -> None:
        self.stream.close()


def _filename(response: requests.Response, url: str, fallback: str) -> str:
    disposition = response.headers.get("Content-Disposition") or ""
    match = re.search(r"filename\*=UTF-8''([^;]+)", disposition, re.IGNORECASE) or re.search(
        r'filename="?([^";]+)"?', disposition, re.IGNORECASE)
    if match:
        return PurePosixPath(unquote(match.group(1)).replace("\\", "/")).name or fallback
    return PurePosixPath(unquote(urlsplit(url).path)).name or fallback


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"


def _too_big(cap: int) -> Unusable:
    return Unusable(_("the file is larger than %(limit)s MB, the largest file the registry "
                      "takes") % {"limit": _mb(cap)}, code="file_too_large")


def _once(url: str, *, session: requests.Session, headers: dict[str, str], cap: int,
          fallback: str, expected_sha256: str, progress: Callable[[int], None] | None,
          clock: Callable[[], float]) -> Downloaded:
    import requests

    started = clock()
    try:
        response = session.get(url, headers=headers, stream=True, timeout=TIMEOUT)
    except (requests.Timeout, requests.ConnectionError) as error:
        raise _Transient(str(type(error).__name__)) from error
    with response:
        if response.status_code == 429 or response.status_code >= 500:
            raise _Transient(f"HTTP {response.status_code}")
        if response.status_code != 200:
            raise DownloadFailed(_("the source answered HTTP %(status)d for the file")
                                 % {"status": response.status_code})
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > cap:
            raise _too_big(cap)
        digest, size = hashlib.sha256(), 0
        stream = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
        try:
            for chunk in response.iter_content(CHUNK):
                size += len(chunk)
                if size > cap:
                    raise _too_big(cap)
                if clock() - started > DEADLINE:
                    raise DownloadFailed(_("the file took longer than %(minutes)d minutes to "
                                           "download") % {"minutes": DEADLINE // 60})
                digest.update(chunk)
                stream.write(chunk)
                if progress is not None:
                    progress(len(chunk))
        except (requests.Timeout, requests.ConnectionError) as error:
            stream.close()
            raise _Transient(str(type(error).__name__)) from error
        except BaseException:
            stream.close()
            raise
    if size == 0:
        stream.close()
        raise Unusable(_("the file on the source is empty"), code="empty_file")
    sha256 = digest.hexdigest()
    if expected_sha256 and sha256 != expected_sha256:
        stream.close()
        raise _Transient("SHA-256 differs from the source's")
    stream.seek(0)
    return Downloaded(stream=stream, size=size, sha256=sha256,
                      filename=_filename(response, url, fallback))


def fetch(url: str, *, session: requests.Session, cap: int, fallback: str = "file",
          api_key: str = "", key_host: str = "", expected_sha256: str = "",
          progress: Callable[[int], None] | None = None, retries: int = RETRIES,
          sleep: Callable[[float], None] = time.sleep,
          clock: Callable[[], float] = time.monotonic) -> Downloaded:
    """The file at `url`, at most `cap` bytes. Raises Unusable (skip the file) or
    DownloadFailed (try the package again later)."""
    headers = {}
    if api_key and urlsplit(url).netloc.lower() == key_host:
        headers["Authorization"] = api_key
    failure = ""
    for attempt in range(retries + 1):
        try:
            return _once(url, session=session, headers=headers, cap=cap, fallback=fallback,
                         expected_sha256=expected_sha256, progress=progress, clock=clock)
        except _Transient as error:
            failure = str(error)
            log.warning("download of %s failed (%s), attempt %d of %d", url, failure,
                        attempt + 1, retries + 1)
            if attempt < retries:
                sleep(BACKOFF * (2 ** attempt))
    raise DownloadFailed(_("the file could not be downloaded (%(failure)s, %(tries)d tries); "
                           "import again later") % {"failure": failure, "tries": retries + 1})
