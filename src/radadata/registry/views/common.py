"""What every office view shares: the sign-in gate, the clock, and turning domain errors into
form errors. Views stay thin: parse input, call one service, render or redirect."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from radadata.core.errors import NotAllowed, ValidationFailed
from radadata.registry import access


def now() -> dt.datetime:
    return timezone.now()


def office_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed-in people with a role (council-wide or at an owner) only."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not access.is_staff_member(request.user):
            raise NotAllowed(_("You have no role in the open-data office yet; ask the officer."))
        return view(request, *args, **kwargs)

    return wrapped


def officer_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The open-data officer and the administrator only."""

    @wraps(view)
    @office_view
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        access.require_office(request.user)
        return view(request, *args, **kwargs)

    return wrapped


def apply_errors(form: forms.BaseForm, error: ValidationFailed) -> None:
    """Show a service's ValidationFailed on the form, each message next to its field."""
    for field, messages in error.errors.items():
        target = field if field in form.fields else None
        for message in messages:
            form.add_error(target, message)


def paginate(request: HttpRequest, items, per_page: int = 50) -> Page:
    return Paginator(items, per_page).get_page(request.GET.get("page"))
