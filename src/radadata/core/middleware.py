from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from radadata.core.errors import DomainError


class DomainErrorMiddleware:
    """Turns a DomainError that escapes a page view into a page that says what to do."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DomainError):
            return None
        return render(
            request, "core/error.html", {"error": exception}, status=exception.status
        )
