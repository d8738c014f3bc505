"""Requests for data that is not published (§2.18): anyone asks, the officer answers
publicly, and the list shows every request with its state and answer."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from radadata.catalog import selectors, services, throttle
from radadata.catalog.forms import DataRequestForm, RequestAnswerForm
from radadata.catalog.models import RequestState
from radadata.catalog.views.public import too_many
from radadata.core.errors import ValidationFailed
from radadata.registry.views.common import apply_errors, now, officer_view, paginate


@require_safe
def request_list(request: HttpRequest) -> HttpResponse:
    return render(request, "catalog/requests/list.html",
                  {"page": paginate(request, selectors.data_requests(), per_page=30)})


def _sent(request: HttpRequest) -> HttpResponse:
    messages.success(request, _("Thank you. Your request is listed below; the open-data officer "
                                "will answer it on this page."))
    return redirect("catalog:request-list")


def request_new(request: HttpRequest) -> HttpResponse:
    form = DataRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        at = now()
        if form.is_spam():
            messages.success(request, _("Thank you. The open-data officer will answer your "
                                        "request on the list of requests."))
            return redirect("catalog:request-list")
        until = throttle.retry_at(request, at)
        if until is not None:
            return too_many(request, until, at)
        if form.is_valid():
            try:
                services.request_send(
                    by=request.user if request.user.is_authenticated else None, at=at,
                    **form.service_arguments())
            except ValidationFailed as error:
                apply_errors(form, error)
            else:
                throttle.note_sent(request, at)
                return _sent(request)
    return render(request, "catalog/requests/form.html", {"form": form})


@require_safe
@officer_view
def request_office(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("state", "")
    return render(request, "catalog/office/requests.html", {
        "page": paginate(request, selectors.data_requests(state=state)),
        "state": state if state in RequestState.values else "",
        "states": RequestState.choices,
    })


@officer_view
def request_answer(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.data_request(pk)
    form = RequestAnswerForm(request.POST if request.method == "POST" else None,
                             data_request=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_answer(data_request=item, by=request.user, at=now(),
                                    **form.cleaned_data)
        except ValidationFailed as error:
            apply_errors(form, error)
            item = selectors.data_request(pk)
        else:
            messages.success(request, _("The answer is published on the list of requests."))
            return redirect("catalog:request-office")
    return render(request, "catalog/office/request_answer.html", {"item": item, "form": form})


urlpatterns = [
    path("requests/", request_list, name="request-list"),
    path("requests/new/", request_new, name="request-new"),
    path("office/requests/", request_office, name="request-office"),
    path("office/requests/<int:pk>/", request_answer, name="request-answer"),
]
