"""A closed quarter (§8.2–8.5): its frozen figures, the conclusions and recommendations the
officer edits, and its two documents in every format."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
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
from radadata.reports.builders.quarterly import quarterly_report
from radadata.reports.documents.build import quarter_document
from radadata.reports.documents.quarterly import publication_table, update_table
from radadata.reports.forms import NoteForm, SummaryForm
from radadata.reports.periods import Quarter
from radadata.reports.renderers import FORMATS
from radadata.reports.views.common import document_response


def _post(request: HttpRequest) -> tuple:
    return (request.POST,) if request.method == "POST" else ()


@require_safe
@office_view
def quarter_detail(request: HttpRequest, quarter: Quarter) -> HttpResponse:
    selectors.require_council_reports(request.user)
    close = selectors.quarter_close_for(quarter)
    report = quarterly_report(close)
    return render(request, "reports/quarter.html", {
        "close": close,
        "quarter": quarter,
        "report": report,
        "tables": (publication_table(report), update_table(report)),
        "notes": selectors.quarter_notes(close),
        "downloads": [
            (name, label, [(fmt, reverse("reports:quarter-download", args=[quarter, name, fmt]))
                           for fmt in FORMATS])
            for name, label in (("summary", _("Summary for the working group")),
                                ("mayor", _("Information for the mayor")))],
        "can_edit": access.is_office(request.user),
    })


@officer_view
def quarter_summary(request: HttpRequest, quarter: Quarter) -> HttpResponse:
    close = selectors.quarter_close_for(quarter)
    form = SummaryForm(*_post(request), initial={"summary": close.summary})
    if request.method == "POST" and form.is_valid():
        services.quarter_summary_update(close=close, by=request.user, at=now(),
                                        **form.cleaned_data)
        messages.success(request, _("The general conclusions are saved."))
        return redirect("reports:quarter", str(quarter))
    return render(request, "reports/quarter_text.html", {
        "quarter": quarter, "form": form, "heading": _("General conclusions"),
        "figures": None})


@officer_view
def quarter_note(request: HttpRequest, quarter: Quarter, pk: int) -> HttpResponse:
    close = selectors.quarter_close_for(quarter)
    note = selectors.quarter_note(close, pk)
    form = NoteForm(*_post(request), initial={"conclusions": note.conclusions,
                                              "recommendations": note.recommendations})
    if request.method == "POST" and form.is_valid():
        try:
            services.quarter_note_update(note=note, by=request.user, at=now(),
                                         **form.cleaned_data)
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The conclusions for %(owner)s are saved.")
                             % {"owner": note.owner_name})
            return redirect(f"{_quarter_url(quarter)}#note-{note.pk}")
    figures = next((o for o in close.figures.get("owners", [])
                    if note.owner_id and o["owner_id"] == note.owner_id), None)
    return render(request, "reports/quarter_text.html", {
        "quarter": quarter, "form": form, "heading": note.owner_name, "figures": figures})


@require_safe
@office_view
def quarter_download(request: HttpRequest, quarter: Quarter, document: str,
                     fmt: str) -> HttpResponse:
    selectors.require_council_reports(request.user)
    close = selectors.quarter_close_for(quarter)
    return document_response(quarter_document(close, document), fmt)


def _quarter_url(quarter: Quarter) -> str:
    return reverse("reports:quarter", args=[str(quarter)])


urlpatterns = [
    path("office/reports/quarters/<quarter:quarter>/", quarter_detail, name="quarter"),
    path("office/reports/quarters/<quarter:quarter>/summary/", quarter_summary,
         name="quarter-summary"),
    path("office/reports/quarters/<quarter:quarter>/owners/<int:pk>/", quarter_note,
         name="quarter-note"),
    path("office/reports/quarters/<quarter:quarter>/<quarterdocument:document>"
         ".<reportformat:fmt>", quarter_download, name="quarter-download"),
]
