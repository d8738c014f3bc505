"""The one place where errors become JSON responses of the API (DESIGN rule 4).

Every error answer has the shape {"code": ..., "message": ..., "errors": {field: [messages]}}
("errors" only when there are per-field messages). Domain errors keep their status (422, 403,
404, 409); ninja's own request validation and unreadable JSON bodies answer 422
"invalid_request"; a missing or bad credential answers 401 "unauthorized". Any other exception
is not handled here: it propagates to Django (500 and the usual error reporting).
"""

from __future__ import annotations

import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser

from radadata.api.strings import holds_nul
from radadata.core.errors import DomainError, NotAllowed, ValidationFailed

#: Where ninja found a parameter: the first item of a validation error's "loc".
_SOURCES = {"body", "query", "path", "form", "file", "header", "cookie"}


class Unauthorized(DomainError):
    """The request carries a credential that is not (or no longer) valid."""

    code = "unauthorized"
    status = 401


class CsrfFailed(NotAllowed):
    code = "csrf_failed"


class InvalidBody(ValueError):
    """The request body is not the JSON document the operation expects."""


def _refuse_nul(name: str) -> ValidationFailed:
    # No stored text holds the NUL character, and PostgreSQL refuses it in any query: a clear
    # 422 rather than a database error.
    return ValidationFailed({name: [_("Remove the NUL character (\\u0000): no value here "
                                      "can contain it.")]})


class JsonParser(Parser):
    """ninja's JSON parser, but an unreadable body is told apart from other errors, and a NUL
    character in a parameter or in the body is refused."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        try:
            data = json.loads(request.body)
        except (ValueError, UnicodeDecodeError) as error:
            raise InvalidBody(str(error)) from error
        if not isinstance(data, dict):
            raise InvalidBody("not an object")
        for key, value in data.items():
            if holds_nul(key) or holds_nul(value):
                raise _refuse_nul(key)
        return data

    def parse_querydict(self, data, list_fields: list[str], request: HttpRequest
                        ) -> dict[str, Any]:
        for key, values in data.lists():
            if holds_nul(key) or holds_nul(values):
                raise _refuse_nul(key)
        return super().parse_querydict(data, list_fields, request)


def error_body(code: str, message: str, errors: dict[str, list[str]] | None = None) -> dict:
    body: dict[str, Any] = {"code": code, "message": message}
    if errors:
        body["errors"] = errors
    return body


def _field_key(loc: tuple | list, body_params: frozenset[str]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in _SOURCES:
        source = parts.pop(0)
        # A whole-body schema parameter ("payload") is not a field the client sent.
        if source == "body" and len(parts) > 1 and parts[0] in body_params:
            parts.pop(0)
    return ".".join(parts) or "__all__"


def _validation_errors(exc: ValidationError) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for item in exc.errors:
        key = _field_key(item.get("loc", ()), frozenset({"payload"}))
        errors.setdefault(key, []).append(str(item.get("msg", "")))
    return errors


def install(api: NinjaAPI) -> None:
    """Register the API's exception handlers; nothing else is caught."""

    def respond(request: HttpRequest, status: int, body: dict) -> HttpResponse:
        return api.create_response(request, body, status=status)

    def on_domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
        if isinstance(exc, ValidationFailed):
            errors = exc.errors
        else:
            errors = {exc.field: [exc.message]} if exc.field else None
        return respond(request, exc.status, error_body(exc.code, exc.message, errors))

    def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return respond(request, 422, error_body(
            "invalid_request", _("The request is not valid; see the errors by field."),
            _validation_errors(exc)))

    def on_authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return respond(request, 401, error_body(
            Unauthorized.code,
            _("Sign in or send a valid API token: Authorization: Bearer <token>.")))

    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if isinstance(exc.__cause__, DomainError):  # refused while reading the body
            return on_domain_error(request, exc.__cause__)
        if isinstance(exc.__cause__, InvalidBody):
            message = _("The request body is not a valid JSON object.")
            return respond(request, 422, error_body("invalid_request", message,
                                                    {"body": [message]}))
        return respond(request, exc.status_code, error_body(f"http_{exc.status_code}", str(exc)))

    def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return respond(request, 404, error_body("not_found", _("Not found.")))

    api.add_exception_handler(DomainError, on_domain_error)
    api.add_exception_handler(ValidationError, on_validation_error)
    api.add_exception_handler(AuthenticationError, on_authentication_error)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(Http404, on_not_found)
