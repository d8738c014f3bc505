"""The portal connection page (officer only): the portal's address, the organisation, the API key
(shown masked: its last four characters), and a check that the portal answers."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from radadata.core.errors import DomainError, ValidationFailed
from radadata.portal_sync import selectors, services
from radadata.portal_sync.forms import ConnectionForm
from radadata.registry.views.common import apply_errors, now, officer_view


@officer_view
def connection(request: HttpRequest) -> HttpResponse:
    current = selectors.connection()
    form = ConnectionForm(request.POST if request.method == "POST" else None,
                          connection=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.connection_save(by=request.user, at=now(), **form.cleaned_data)
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The portal connection is saved. Check it, then look "
                                        "at the datasets' sync states."))
            return redirect("portal_sync:connection")
    return render(request, "portal_sync/connection.html", {
        "form": form, "connection": current,
    })


@require_POST
@officer_view
def connection_check(request: HttpRequest) -> HttpResponse:
    try:
        message = services.connection_check(conn=selectors.usable_connection(), at=now())
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, message)
    return redirect("portal_sync:connection")


urlpatterns = [
    path("office/portal/", connection, name="connection"),
    path("office/portal/check/", connection_check, name="connection-check"),
]
