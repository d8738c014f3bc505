"""The published audits on the public site (§3.6): the report as a page, its DOCX and PDF,
and the inventory as open data."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_safe

from radadata.audit import opendata, selectors
from radadata.audit.documents import audit_report
from radadata.audit.views.office import _download


@require_safe
def public_list(request: HttpRequest) -> HttpResponse:
    return render(request, "audit/public_list.html", {"audits": selectors.published_audits()})


@require_safe
def public_detail(request: HttpRequest, year: int) -> HttpResponse:
    audit = selectors.audit_of(year, published=True)
    return render(request, "audit/public_detail.html",
                  {"audit": audit, "document": audit_report(audit)})


@require_safe
def public_report(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    return _download(audit_report(selectors.audit_of(year, published=True)), fmt)


@require_safe
def public_data(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    audit = selectors.audit_of(year, published=True)
    if fmt == "csv":
        body, kind = opendata.inventory_csv(audit), "text/csv; charset=utf-8"
    elif fmt == "json":
        body, kind = opendata.inventory_json(audit), "application/json"
    else:
        raise Http404
    response = HttpResponse(body, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="audyt-{year}-inventar.{fmt}"'
    return response


urlpatterns = [
    path("data-audit/", public_list, name="public-list"),
    path("data-audit/<int:year>/", public_detail, name="public-detail"),
    path("data-audit/<int:year>/report.<str:fmt>", public_report, name="public-report"),
    path("data-audit/<int:year>/inventory.<str:fmt>", public_data, name="public-data"),
]
