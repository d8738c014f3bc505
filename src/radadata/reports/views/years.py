"""The yearly report to the council (§8.5): the page, its texts, its files."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from radadata.core.errors import ValidationFailed
from radadata.registry import access
from radadata.registry.views.common import apply_errors, now, office_view, officer_view
from radadata.reports import (
    converters,  # noqa: F401  (the path converters it uses)
    selectors,
    services,
)
from radadata.reports.documents.build import year_document
from radadata.reports.forms import YearlyTextsForm
from radadata.reports.renderers import FORMATS
from radadata.reports.views.common import document_response


@require_safe
@office_view
def year_detail(request: HttpRequest, year: int) -> HttpResponse:
    selectors.require_council_reports(request.user)
    texts = selectors.yearly_texts(year)
    return render(request, "reports/year.html", {
        "year": year,
        "document": year_document(year, today=timezone.localdate()),
        "texts": texts,
        "downloads": [(fmt, reverse("reports:year-download", args=[year, fmt]))
                      for fmt in FORMATS],
        "can_edit": access.is_office(request.user),
    })


@officer_view
def year_texts(request: HttpRequest, year: int) -> HttpResponse:
    texts = selectors.yearly_texts(year)
    form = YearlyTextsForm(request.POST if request.method == "POST" else None,
                           initial=texts.values)
    if request.method == "POST" and form.is_valid():
        try:
            services.yearly_texts_save(year=year, by=request.user, at=now(),
                                       **form.cleaned_data)
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The texts of the %(year)d report are saved.")
                             % {"year": year})
            return redirect("reports:year", year)
    return render(request, "reports/year_texts.html", {"year": year, "form": form,
                                                       "texts": texts})


@require_safe
@office_view
def year_download(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    selectors.require_council_reports(request.user)
    return document_response(year_document(year, today=timezone.localdate()), fmt)


urlpatterns = [
    path("office/reports/years/<int:year>/", year_detail, name="year"),
    path("office/reports/years/<int:year>/texts/", year_texts, name="year-texts"),
    path("office/reports/years/<int:year>/report.<reportformat:fmt>", year_download,
         name="year-download"),
]
