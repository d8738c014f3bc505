"""The report of a file's check, and the one-click actions on it: check again, convert to
UTF-8."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from radadata.checks import selectors, services
from radadata.checks.findings import Severity
from radadata.checks.views.common import dataset_and_version
from radadata.core.errors import Conflict, ValidationFailed
from radadata.registry.views.common import now, office_view

PER_PAGE = 50


@require_safe
@office_view
def report(request: HttpRequest, name: str, version_id: int) -> HttpResponse:
    dataset, version = dataset_and_version(request, name, version_id)
    view = selectors.check_view(version, user=request.user)
    # Each severity its own pages: a file with 10,000 errors must not bury its one tax number.
    sections = [
        (Severity.BLOCKING, _("Personal data that stops publication"), view.blocking),
        (Severity.ERROR, _("Errors"), view.errors),
        (Severity.WARNING, _("Warnings"), view.warnings + view.allowed),
        (Severity.INFO, _("Facts found"), view.facts),
    ]
    pages = [(severity, title, len(rows), Paginator(rows, PER_PAGE).get_page(
        request.GET.get(f"{severity}_page"))) for severity, title, rows in sections]
    return render(request, "checks/report.html", {
        "dataset": dataset, "version": version, "view": view, "sections": pages,
    })


@require_POST
@office_view
def convert(request: HttpRequest, name: str, version_id: int) -> HttpResponse:
    dataset, version = dataset_and_version(request, name, version_id)
    try:
        converted = services.version_convert_utf8(version=version, by=request.user, at=now())
    except (ValidationFailed, Conflict) as error:
        # Nothing was stored: say why on the report, where the other ways out are.
        messages.error(request, error.message)
        return redirect("checks:report", dataset.name, version.pk)
    messages.success(request, _("Version %(number)d is the file in UTF-8; it is being checked "
                                "again.") % {"number": converted.number})
    return redirect("checks:report", dataset.name, converted.pk)


@require_POST
@office_view
def recheck(request: HttpRequest, name: str, version_id: int) -> HttpResponse:
    dataset, version = dataset_and_version(request, name, version_id)
    try:
        services.version_recheck(version=version, by=request.user, at=now())
    except Conflict as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The file is being checked again."))
    return redirect("checks:report", dataset.name, version.pk)


urlpatterns = [
    path("office/datasets/<slug:name>/files/<int:version_id>/check/", report, name="report"),
    path("office/datasets/<slug:name>/files/<int:version_id>/check/convert/", convert,
         name="convert"),
    path("office/datasets/<slug:name>/files/<int:version_id>/check/again/", recheck,
         name="recheck"),
]
