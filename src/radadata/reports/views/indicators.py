"""КМУ 409 indicators (§8.8): each owner's, with how to improve them, before the state's
assessment. An owner's people see their own owners; council-wide roles see all."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from radadata.core.errors import ValidationFailed
from radadata.registry.views.common import office_view
from radadata.reports import selectors
from radadata.reports.indicators import INDICATORS, evaluate
from radadata.reports.periods import year_as_of


def _year(request: HttpRequest, today: dt.date) -> int:
    raw = request.GET.get("year", "")
    if not raw:
        return today.year
    years = selectors.report_years(today) or [today.year]
    if not raw.isdigit() or int(raw) not in years:
        raise ValidationFailed({"year": [_("Choose a year from %(first)d to %(last)d.")
                                         % {"first": min(years), "last": max(years)}]})
    return int(raw)


@require_safe
@office_view
def indicators(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    year = _year(request, today)
    owners = list(selectors.owners_for_indicators(request.user))
    values = evaluate(owners, year, today=today)
    return render(request, "reports/indicators.html", {
        "year": year, "as_of": year_as_of(year, today), "indicators": INDICATORS,
        "rows": [(owner, values[owner.pk]) for owner in owners],
        "years": selectors.report_years(today),
    })


@require_safe
@office_view
def owner_indicators(request: HttpRequest, slug: str) -> HttpResponse:
    today = timezone.localdate()
    year = _year(request, today)
    owner = selectors.owner_for_indicators(request.user, slug)
    return render(request, "reports/owner_indicators.html", {
        "owner": owner, "year": year, "as_of": year_as_of(year, today),
        "values": evaluate([owner], year, today=today)[owner.pk],
        "years": selectors.report_years(today),
    })


urlpatterns = [
    path("office/reports/indicators/", indicators, name="indicators"),
    path("office/reports/indicators/<slug:slug>/", owner_indicators, name="owner-indicators"),
]
