"""The council's page (/office/council/) and the first page of a new installation (/setup/)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from radadata.accounts import services as account_services
from radadata.core.errors import ValidationFailed
from radadata.registry.forms.council import CouncilForm, SetUpForm
from radadata.registry.models import Council
from radadata.registry.services import council as council_services
from radadata.registry.views.common import apply_errors, now, officer_view


def _post(request: HttpRequest) -> tuple:
    return (request.POST,) if request.method == "POST" else ()


@officer_view
def council_edit(request: HttpRequest) -> HttpResponse:
    council = Council.current()
    form = CouncilForm(*_post(request), council=council)
    if request.method == "POST" and form.is_valid():
        try:
            council_services.council_update(by=request.user, at=now(),
                                            **form.service_arguments())
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The council's details are saved."))
            return redirect("registry:council")
    return render(request, "registry/office/council.html", {"form": form})


def set_up(request: HttpRequest) -> HttpResponse:
    """Only while nobody can sign in: afterwards the page does not exist."""
    if not council_services.installation_is_new():
        raise Http404
    form = SetUpForm(*_post(request), initial={"kind": "city",
                                               "reports_count_moderation": True})
    if request.method == "POST" and form.is_valid():
        try:
            _council, admin = council_services.council_set_up(at=now(),
                                                              **form.service_arguments())
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            login(request, admin)
            account_services.session_started(user=admin, at=now(),
                                             session_key=request.session.session_key)
            messages.success(request, _("The council is set up. Add its owners next, or "
                                        "import the list the council already keeps."))
            return redirect("registry:council")
    return render(request, "registry/setup.html", {"form": form})


urlpatterns = [
    path("setup/", set_up, name="setup"),
    path("office/council/", council_edit, name="council"),
]
