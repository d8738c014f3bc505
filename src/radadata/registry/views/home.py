"""The public landing page and the signed-in overview of the office."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_safe

from radadata.registry import access, selectors, selectors_office
from radadata.registry.services.council import installation_is_new
from radadata.registry.views.common import office_view


def _percent(coverage: selectors.Coverage) -> int:
    return round(coverage.share * 100)


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    if installation_is_new() and not selectors_office.has_owners():
        return redirect("registry:setup")  # a new installation starts with its set-up
    coverage = selectors.approved_list_coverage()
    return render(request, "registry/home.html", {
        "published_count": selectors_office.published_count(),
        "coverage": coverage,
        "coverage_percent": _percent(coverage),
        "latest": selectors_office.latest_published(),
    })


@require_safe
@office_view
def office(request: HttpRequest) -> HttpResponse:
    user = request.user
    context: dict = {
        "status_counts": selectors_office.status_counts(access.datasets_readable_by(user)),
        "reads_all": access.reads_all(user),
        "can_create": access.owners_editable_by(user).exists(),
    }
    if context["reads_all"]:
        coverage = selectors.approved_list_coverage()
        context.update(coverage=coverage, coverage_percent=_percent(coverage))
    else:
        context["summaries"] = selectors_office.owner_summaries(access.owners_editable_by(user))
    return render(request, "registry/office/overview.html", context)


urlpatterns = [
    path("", home, name="home"),
    path("office/", office, name="office"),
]
