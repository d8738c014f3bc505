"""A person whose password someone else chose (the officer, at registration) sets their own
before anything else: every page leads to the password form until then."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _


class ForcedPasswordChangeMiddleware:
    ALLOWED = ("accounts:password-change", "accounts:logout", "set_language")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated
                and getattr(user, "must_change_password", False)
                and not request.path.startswith(("/api/", "/static/"))
                and request.path not in {reverse(name) for name in self.ALLOWED}):
            messages.warning(request, _("Before you start, choose your own password: the one "
                                        "you were given is known to the person who set it."))
            return redirect("accounts:password-change")
        return self.get_response(request)
