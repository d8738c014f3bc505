"""The monitoring dashboard (per owner and overall) and the list each of its numbers opens."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_safe

from radadata.monitoring import charts, selectors
from radadata.monitoring.forms import StatusFilterForm
from radadata.registry.models import Council
from radadata.registry.views.common import office_view, paginate


@require_safe
@office_view
def dashboard(request: HttpRequest) -> HttpResponse:
    scope = selectors.owners_seen_by(request.user)
    figures = selectors.figures(council=Council.current(), today=timezone.localdate(),
                                owners=scope)
    return render(request, "monitoring/dashboard.html", {
        "figures": figures,
        "council_wide": scope is None,
        "charts": [c for c in (charts.coverage_chart(figures.by_owner),
                               charts.schedule_chart(figures.by_owner)) if c],
        "reminders": selectors.reminders_of(request.user),
        "first_step": selectors.first_step(request.user),
    })


@require_safe
@office_view
def dataset_list(request: HttpRequest) -> HttpResponse:
    form = StatusFilterForm(request.GET or None, user=request.user)
    chosen = form.selector_arguments()
    rows = selectors.dataset_status_rows(
        council=Council.current(), owner=chosen["owner"], today=timezone.localdate(),
        owners=None if chosen["owner"] else selectors.owners_seen_by(request.user))
    rows = selectors.rows_filtered(rows, chosen["status"])
    return render(request, "monitoring/datasets.html", {
        "filters": form,
        "owner": chosen["owner"],
        "status_label": selectors.FILTERS[chosen["status"]][0] if chosen["status"] else "",
        "page": paginate(request, rows),
    })


urlpatterns = [
    path("office/dashboard/", dashboard, name="dashboard"),
    path("office/dashboard/datasets/", dataset_list, name="datasets"),
]
