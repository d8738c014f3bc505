"""The reports page: closed quarters and those that can be closed, the yearly reports, and the
indicators. An owner's people see only their indicators."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from radadata.core.errors import DomainError
from radadata.registry import access
from radadata.registry.views.common import now, office_view, officer_view
from radadata.reports import selectors, services
from radadata.reports.periods import Quarter


@require_safe
@office_view
def index(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    council_wide = access.reads_all(request.user)
    return render(request, "reports/index.html", {
        "council_wide": council_wide,
        "closed": selectors.closed_quarters() if council_wide else [],
        "closable": selectors.closable_quarters(today) if council_wide else [],
        "years": selectors.report_years(today) if council_wide else [],
        "today": today,
    })


@require_POST
@officer_view
def quarter_close(request: HttpRequest) -> HttpResponse:
    try:
        quarter = Quarter.parse(request.POST.get("quarter", ""))
        services.quarter_close(quarter=quarter, by=request.user, at=now())
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("reports:index")
    messages.success(request, _("Quarter %(quarter)s is closed: its figures are frozen. Read "
                                "the drafted conclusions and correct them where needed.")
                     % {"quarter": quarter})
    return redirect("reports:quarter", str(quarter))


urlpatterns = [
    path("office/reports/", index, name="index"),
    path("office/reports/quarters/close/", quarter_close, name="quarter-close"),
]
