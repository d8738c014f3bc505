"""Feedback on a dataset (§6.15.4): the public sends it from the dataset page; the officer
shows it (with an optional public answer) or hides it."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from radadata.catalog import selectors, services, throttle
from radadata.catalog.forms import FeedbackForm, ModerationForm
from radadata.catalog.models import Moderation
from radadata.catalog.views.public import too_many
from radadata.core.errors import ValidationFailed
from radadata.registry import selectors_office
from radadata.registry.views.common import apply_errors, now, officer_view


def _thanks(request: HttpRequest) -> None:
    messages.success(request, _("Thank you. Your message will appear on this page after the "
                                "open-data officer reviews it."))


@require_POST
def feedback_send(request: HttpRequest, name: str) -> HttpResponse:
    dataset = selectors_office.dataset_for_page(name=name, user=request.user)
    at = now()
    form = FeedbackForm(request.POST)
    if form.is_spam():
        _thanks(request)  # the same answer as a real message, so a bot learns nothing
        return redirect(dataset)
    until = throttle.retry_at(request, at)
    if until is not None:
        return too_many(request, until, at)
    if form.is_valid():
        try:
            services.feedback_send(
                dataset=dataset, text=form.cleaned_data["text"],
                author_name=form.cleaned_data["author_name"],
                author_email=form.cleaned_data["author_email"],
                by=request.user if request.user.is_authenticated else None, at=at)
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            throttle.note_sent(request, at)
            _thanks(request)
            return redirect(dataset)
    return render(request, "catalog/feedback_form.html", {"dataset": dataset, "form": form})


@require_safe
@officer_view
def feedback_office(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("state", Moderation.PENDING)
    if state not in Moderation.values:
        state = ""
    return render(request, "catalog/office/feedback.html", {
        "items": selectors.feedback_for_office(state=state),
        "state": state,
        "states": Moderation.choices,
        "form": ModerationForm(),
    })


@require_POST
@officer_view
def feedback_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.feedback_item(pk)
    form = ModerationForm(request.POST)
    approve = request.POST.get("decision") == "approve"
    if form.is_valid():
        services.feedback_moderate(feedback=item, approve=approve,
                                   answer=form.cleaned_data["answer"], by=request.user,
                                   at=now())
        messages.success(request, _("The message is shown on the dataset page.") if approve
                         else _("The message is hidden."))
    else:
        messages.error(request, _("The answer is too long; shorten it and try again."))
    return redirect("catalog:feedback-office")


urlpatterns = [
    path("dataset/<slug:name>/feedback", feedback_send, name="feedback-send"),
    path("office/feedback/", feedback_office, name="feedback-office"),
    path("office/feedback/<int:pk>/", feedback_moderate, name="feedback-moderate"),
]
