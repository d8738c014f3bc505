from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render
from django.utils import translation

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


class UkrainianFirstLocaleMiddleware(LocaleMiddleware):
    """Ukrainian unless the person chose English with the language switch (its cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language, and an office PC in
    a council often runs an English or Russian browser: every page must still open in
    Ukrainian (the council's working language). Programs calling the API choose with
    Accept-Language deliberately, so under /api/ it is honoured.
    """

    def process_request(self, request: HttpRequest) -> None:
        supported = dict(settings.LANGUAGES)
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in supported and request.path.startswith("/api/"):
            language = translation.get_language_from_request(request)
        if language not in supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
