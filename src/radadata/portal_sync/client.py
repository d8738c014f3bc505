"""The portal's CKAN Action API, through ckanapi, with what a slow or failing portal needs.

Every call has a timeout. Timeouts, dropped connections, 5xx and 429 are retried with
exponential back-off up to a cap (429 waits what Retry-After says, within the cap); a 4xx
answer is not retried and becomes a typed PortalError whose message an officer can act on.
A create that may have reached the portal before the connection broke is not blindly sent
again: the caller's `recover` function looks first for what the lost answer would have said.

The API key goes only into the request headers: never into a message, a log line or a repr.
"""

from __future__ import annotations

import email.utils
import functools
import logging
import time
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from radadata.core.errors import DomainError

if TYPE_CHECKING:  # ckanapi and requests are heavy for every command's start: imported for a call
    import requests

log = logging.getLogger(__name__)

USER_AGENT = "RadaData portal sync (+https://github.com/ckan/ckanapi)"

#: How the portal's field names read to the officer (the passport's words).
FIELD_LABELS = {
    "name": gettext_lazy("address name on the portal"),
    "title": gettext_lazy("title"),
    "notes": gettext_lazy("description"),
    "tag_string": gettext_lazy("keywords"),
    "tags": gettext_lazy("keywords"),
    "maintainer": gettext_lazy("responsible person"),
    "maintainer_email": gettext_lazy("responsible person's e-mail"),
    "owner_org": gettext_lazy("organisation on the portal"),
    "purpose_of_collecting_information": gettext_lazy("legal basis and purpose of collection"),
    "update_frequency": gettext_lazy("update frequency"),
    "language": gettext_lazy("language"),
    "license_id": gettext_lazy("licence"),
    "url": gettext_lazy("link"),
    "upload": gettext_lazy("file"),
    "format": gettext_lazy("format"),
    "author": gettext_lazy("author"),
    "publisher_name": gettext_lazy("publisher"),
    "publisher_identifier": gettext_lazy("publisher's ЄДРПОУ"),
    "identifier": gettext_lazy("identifier"),
    "issued": gettext_lazy("first publication"),
}


class PortalError(DomainError):
    """The portal refused or could not do what was asked; `message` says what to do."""

    code = "portal_error"
    status = 502

    def __init__(self, message: str, *, code: str | None = None,
                 fields: dict[str, list[str]] | None = None):
        super().__init__(message, code=code)
        self.fields = fields or {}


class PortalRejected(PortalError):
    """A validation error (409): the data must be corrected; retrying would not help."""

    code = "portal_rejected"
    status = 409


class PortalNotFound(PortalError):
    code = "portal_not_found"
    status = 404


class PortalNotAuthorized(PortalError):
    code = "portal_not_authorized"
    status = 403


class PortalUnavailable(PortalError):
    """Still failing after every retry: the portal is down, slow or overloaded."""

    code = "portal_unavailable"
    status = 503


class _Transient(Exception):
    def __init__(self, status: int, retry_after: float | None):
        super().__init__(f"HTTP {status}")
        self.status = status
        self.retry_after = retry_after


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number, or an HTTP date."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


@functools.cache
def _remote_class() -> type:
    """The class is made when the first client is: ckanapi is imported then, not at start-up."""
    import ckanapi

    class _Remote(ckanapi.RemoteCKAN):
        """ckanapi's client, told about the HTTP status before it parses the body: ckanapi
        turns a 502 page or a 429 into one generic error, and we must retry those."""

        base_url = "api/3/action/"
        last_status = 0

        def _check(self, response: requests.Response) -> tuple[int, str]:
            self.last_status = response.status_code
            if response.status_code == 429 or response.status_code >= 500:
                raise _Transient(response.status_code,
                                 _retry_after(response.headers.get("Retry-After")))
            return response.status_code, response.text

        def _request_fn(self, url, data, headers, files, requests_kwargs):
            return self._check(self.session.post(url, data=data, headers=headers, files=files,
                                                 allow_redirects=False, **requests_kwargs))

        def _request_fn_get(self, url, data_dict, headers, requests_kwargs):
            return self._check(self.session.get(url, params=data_dict, headers=headers,
                                                **requests_kwargs))

    return _Remote


def _words(error_dict: dict[str, Any]) -> tuple[str, dict[str, list[str]]]:
    """CKAN's {"__type": ..., field: [messages]} as one sentence and a clean dict."""
    fields: dict[str, list[str]] = {}
    for key, value in error_dict.items():
        if key.startswith("__"):
            continue
        if isinstance(value, dict):  # e.g. resources: {0: {"url": [...]}}
            value = [f"{k}: {v}" for k, v in value.items()]
        messages = value if isinstance(value, list) else [value]
        fields[key] = [str(m) for m in messages]
    if not fields and error_dict.get("message"):
        fields["__all__"] = [str(error_dict["message"])]
    parts = [f"{FIELD_LABELS.get(key, key)} — {'; '.join(messages)}" if key != "__all__"
             else "; ".join(messages) for key, messages in fields.items()]
    return "; ".join(parts), fields


def _open_files(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    from ckanapi.common import is_file_like

    files = {key: value for key, value in data.items() if is_file_like(value)}
    rest = {key: value for key, value in data.items() if key not in files}
    return rest, files


def _rewind(files: dict[str, Any]) -> None:
    # A retried upload must send the whole file again, not what is left after the first try.
    for value in files.values():
        stream = value[1] if isinstance(value, tuple) else value
        if hasattr(stream, "seek"):
            stream.seek(0)


class PortalClient:
    """One portal, one API key, one HTTP session (kept alive between calls)."""

    def __init__(self, base_url: str, api_key: str = "", *, timeout: float = 30.0,
                 retries: int = 4, backoff: float = 0.5, backoff_cap: float = 30.0,
                 sleep: Callable[[float], None] = time.sleep,
                 session: requests.Session | None = None) -> None:
        import requests

        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.backoff_cap = backoff_cap
        self._sleep = sleep
        self._ckan = _remote_class()(self.base_url, apikey=api_key or None,
                                     user_agent=USER_AGENT,
                                     session=session or requests.Session())

    def __repr__(self) -> str:  # never the key
        return f"PortalClient({self.base_url!r})"

    def __enter__(self) -> PortalClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._ckan.close()

    def _wait(self, attempt: int, retry_after: float | None) -> None:
        delay = self.backoff * (2 ** attempt)
        if retry_after is not None:
            delay = max(delay, retry_after)
        self._sleep(min(delay, self.backoff_cap))

    def call(self, action: str, *, recover: Callable[[], Any] | None = None,
             **data: Any) -> Any:
        """Call one action and return its `result`. File-like values (or (filename, stream)
        tuples) are sent as a multipart upload. `recover`, for a create, is asked before each
        retry whether the earlier attempt reached the portal after all; what it returns (not
        None) is taken as the result."""
        import ckanapi
        import requests
        from ckanapi.errors import ServerIncompatibleError

        fields, files = _open_files(data)
        failure = ""
        for attempt in range(self.retries + 1):
            if attempt and recover is not None:
                found = recover()
                if found is not None:
                    return found
            _rewind(files)
            try:
                return self._ckan.call_action(action, data_dict=fields, files=files or None,
                                              requests_kwargs={"timeout": self.timeout})
            except _Transient as error:
                reason, retry_after = f"HTTP {error.status}", error.retry_after
                failure = _("the portal answered HTTP %(status)d") % {"status": error.status}
            except requests.Timeout:
                reason, retry_after = f"no answer within {self.timeout:g} s", None
                failure = _("the portal did not answer within %(seconds)g seconds") % {
                    "seconds": self.timeout}
            except requests.ConnectionError:
                reason, retry_after = "connection failed", None
                failure = _("the connection to the portal failed")
            except ckanapi.ValidationError as error:
                text, problems = _words(getattr(error, "error_dict", {}) or {})
                raise PortalRejected(
                    _("The portal refused the data: %(problems)s. Correct it and try again.")
                    % {"problems": text}, fields=problems) from error
            except ckanapi.NotAuthorized as error:
                raise PortalNotAuthorized(
                    _("The portal refused the API key or its rights (%(action)s). Check the "
                      "key and the organisation on the portal connection page.")
                    % {"action": action}) from error
            except ckanapi.NotFound as error:
                raise PortalNotFound(_("The portal has no such object (%(action)s).")
                                     % {"action": action}) from error
            except (ckanapi.CKANAPIError, ServerIncompatibleError) as error:
                raise PortalError(
                    _("The portal gave an answer we do not understand (HTTP %(status)d, "
                      "%(action)s). Check the portal address on the connection page.")
                    % {"status": self._ckan.last_status, "action": action}) from error
            log.warning("portal %s: %s failed (%s), attempt %d of %d", self.base_url, action,
                        reason, attempt + 1, self.retries + 1)
            if attempt < self.retries:
                self._wait(attempt, retry_after)
        raise PortalUnavailable(
            _("The portal is not available now: %(failure)s (%(action)s, %(tries)d tries). "
              "Nothing is lost: push again later.")
            % {"failure": failure, "action": action, "tries": self.retries + 1})

    def upload(self, action: str, *, stream: IO[bytes], filename: str,
               recover: Callable[[], Any] | None = None, **data: Any) -> Any:
        """resource_create / resource_update with the file as `upload`."""
        return self.call(action, recover=recover, upload=(filename, stream), **data)

    def show_or_none(self, action: str, **data: Any) -> Any:
        """A *_show call that answers None instead of PortalNotFound."""
        try:
            return self.call(action, **data)
        except PortalNotFound:
            return None
