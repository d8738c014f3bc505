"""The scorecard: /office/scorecard/ (every criterion, what falls short, each dataset's quality
score with its parts) and the public summary at /scorecard/."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_safe

from radadata.audit.scorecard import QUALITY_PARTS, scorecard
from radadata.audit.views.common import audit_view


@require_safe
@audit_view
def office(request: HttpRequest) -> HttpResponse:
    card = scorecard(today=timezone.localdate())
    return render(request, "audit/scorecard.html", {"card": card, "parts": QUALITY_PARTS})


@require_safe
@audit_view
def shortfall(request: HttpRequest, code: str) -> HttpResponse:
    card = scorecard(today=timezone.localdate())
    criterion = card.criterion(code)
    if criterion is None:
        raise Http404
    return render(request, "audit/shortfall.html", {"criterion": criterion, "card": card})


@require_safe
def public(request: HttpRequest) -> HttpResponse:
    return render(request, "audit/scorecard_public.html",
                  {"card": scorecard(today=timezone.localdate())})


urlpatterns = [
    path("office/scorecard/", office, name="scorecard"),
    path("office/scorecard/<slug:code>/", shortfall, name="shortfall"),
    path("scorecard/", public, name="scorecard-public"),
]
