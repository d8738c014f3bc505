"""The officer's and the auditors' audit pages: /office/audit/… One page per audit shows the
plan, the inventory, the findings and the report; each form posts to its own address and, on
an error, the page comes back with the messages next to the fields."""

from __future__ import annotations

from django import forms as django_forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from radadata.audit import access, forms, selectors
from radadata.audit.documents import audit_order, audit_report
from radadata.audit.models import AuditState
from radadata.audit.services import audits as services
from radadata.audit.views.common import audit_view
from radadata.core.errors import ValidationFailed
from radadata.registry.views.common import apply_errors, now
from radadata.reports.renderers import RENDERERS
from radadata.reports.renderers import render as render_document


def _download(document, fmt: str) -> HttpResponse:
    if fmt not in ("docx", "pdf", "html"):
        raise Http404
    response = HttpResponse(render_document(document, fmt),
                            content_type=RENDERERS[fmt].content_type)
    if fmt != "html":
        response["Content-Disposition"] = f'attachment; filename="{document.filename}.{fmt}"'
    return response


@audit_view
def audit_list(request: HttpRequest) -> HttpResponse:
    form = forms.AuditOpenForm(request.POST or None,
                               initial={"year": timezone.localdate().year})
    if request.method == "POST":
        access.require_office(request.user)
        if form.is_valid():
            try:
                audit = services.audit_open(by=request.user, at=now(), **form.cleaned_data)
            except ValidationFailed as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("The audit is open: add its stages, bodies and "
                                            "auditors, then draft the order."))
                return redirect("audit:detail", year=audit.year)
    return render(request, "audit/list.html", {
        "audits": selectors.audits(), "form": form,
        "mine": access.active_audits_of(request.user, timezone.localdate()),
        "is_office": access.is_office(request.user)})


def _context(request: HttpRequest, audit, bound: dict | None = None) -> dict:
    bound = bound or {}
    today = timezone.localdate()
    bodies = selectors.bodies_of(audit)
    office = access.is_office(request.user)
    works = office or access.is_active_auditor(request.user, audit, today)
    item_forms = {body.pk: (bound.get(f"item-{body.pk}")
                            or forms.InventoryForm(body=body, prefix=f"item-{body.pk}"))
                  for body in bodies}
    return {
        "audit": audit, "bodies": [(b, item_forms[b.pk]) for b in bodies],
        "findings": selectors.findings_of(audit), "auditors": audit.auditors.select_related("user"),
        "is_office": office, "works": works, "today": today,
        "planning": audit.state in (AuditState.PLANNED, AuditState.RUNNING),
        "running": audit.state == AuditState.RUNNING,
        "stage_form": bound.get("stage") or forms.StageForm(prefix="stage"),
        "body_form": bound.get("body") or forms.BodyForm(prefix="body"),
        "auditor_form": bound.get("auditor") or forms.AuditorForm(prefix="auditor"),
        "start_form": bound.get("start") or forms.StartForm(prefix="start"),
        "finding_form": bound.get("finding") or forms.FindingForm(prefix="finding",
                                                                  audit=audit),
        "report_form": bound.get("report") or forms.ReportForm(
            prefix="report", initial={"summary": audit.summary}),
        "errors": bound.get("__all__", []),
    }


@require_safe
@audit_view
def audit_detail(request: HttpRequest, year: int) -> HttpResponse:
    audit = selectors.audit_of(year)
    return render(request, "audit/detail.html", _context(request, audit))


def _post(request: HttpRequest, year: int, key: str, form: django_forms.BaseForm, call,
          done: str) -> HttpResponse:
    audit = selectors.audit_of(year)
    if form.is_valid():
        try:
            call(audit, form.cleaned_data)
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("audit:detail", year=audit.year)
    context = _context(request, audit, {key: form})
    return render(request, "audit/detail.html", context, status=422)


@require_POST
@audit_view
def stage_add(request: HttpRequest, year: int) -> HttpResponse:
    return _post(request, year, "stage", forms.StageForm(request.POST, prefix="stage"),
                 lambda audit, data: services.stage_add(audit=audit, by=request.user,
                                                        at=now(), **data),
                 _("Stage added."))


@require_POST
@audit_view
def body_add(request: HttpRequest, year: int) -> HttpResponse:
    return _post(request, year, "body", forms.BodyForm(request.POST, prefix="body"),
                 lambda audit, data: services.body_add(audit=audit, by=request.user,
                                                       at=now(), **data),
                 _("Body added to the audit."))


@require_POST
@audit_view
def auditor_add(request: HttpRequest, year: int) -> HttpResponse:
    return _post(request, year, "auditor", forms.AuditorForm(request.POST, prefix="auditor"),
                 lambda audit, data: services.auditor_appoint(audit=audit, by=request.user,
                                                              at=now(), **data),
                 _("Auditor appointed for the term given."))


@require_POST
@audit_view
def audit_start(request: HttpRequest, year: int) -> HttpResponse:
    return _post(request, year, "start", forms.StartForm(request.POST, prefix="start"),
                 lambda audit, data: services.audit_start(audit=audit, by=request.user,
                                                          at=now(), **data),
                 _("The order is recorded: the audit runs and the auditors may fill the "
                   "inventory."))


@require_POST
@audit_view
def item_add(request: HttpRequest, year: int, body: int) -> HttpResponse:
    audit = selectors.audit_of(year)
    target = selectors.body_of(audit, body)
    form = forms.InventoryForm(request.POST, prefix=f"item-{target.pk}", body=target)
    return _post(request, year, f"item-{target.pk}", form,
                 lambda audit, data: services.inventory_record(body=target, by=request.user,
                                                               at=now(), **data),
                 _("Inventory item recorded."))


@require_POST
@audit_view
def finding_add(request: HttpRequest, year: int) -> HttpResponse:
    audit = selectors.audit_of(year)
    form = forms.FindingForm(request.POST, prefix="finding", audit=audit)
    return _post(request, year, "finding", form,
                 lambda audit, data: services.finding_record(audit=audit, by=request.user,
                                                             at=now(), **data),
                 _("Finding recorded."))


@require_POST
@audit_view
def report_submit(request: HttpRequest, year: int) -> HttpResponse:
    return _post(request, year, "report", forms.ReportForm(request.POST, prefix="report"),
                 lambda audit, data: services.audit_report(audit=audit, by=request.user,
                                                           at=now(), **data),
                 _("The report is submitted to the officer for approval."))


@require_POST
@audit_view
def report_approve(request: HttpRequest, year: int) -> HttpResponse:
    audit = selectors.audit_of(year)
    services.audit_approve(audit=audit, by=request.user, at=now())
    messages.success(request, _("The report is approved and published on the site and as "
                                "open data."))
    return redirect("audit:detail", year=audit.year)


@require_POST
@audit_view
def report_return(request: HttpRequest, year: int) -> HttpResponse:
    audit = selectors.audit_of(year)
    note = request.POST.get("note", "").strip()[:500]
    services.audit_return(audit=audit, by=request.user, at=now(), note=note)
    messages.success(request, _("The report is returned to the auditors."))
    return redirect("audit:detail", year=audit.year)


@require_safe
@audit_view
def order_download(request: HttpRequest, year: int) -> HttpResponse:
    return _download(audit_order(selectors.audit_of(year)), "docx")


@require_safe
@audit_view
def report_download(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    return _download(audit_report(selectors.audit_of(year)), fmt)


urlpatterns = [
    path("office/data-audit/", audit_list, name="list"),
    path("office/data-audit/<int:year>/", audit_detail, name="detail"),
    path("office/data-audit/<int:year>/stage/", stage_add, name="stage-add"),
    path("office/data-audit/<int:year>/body/", body_add, name="body-add"),
    path("office/data-audit/<int:year>/auditor/", auditor_add, name="auditor-add"),
    path("office/data-audit/<int:year>/start/", audit_start, name="start"),
    path("office/data-audit/<int:year>/body/<int:body>/item/", item_add, name="item-add"),
    path("office/data-audit/<int:year>/finding/", finding_add, name="finding-add"),
    path("office/data-audit/<int:year>/report/", report_submit, name="report-submit"),
    path("office/data-audit/<int:year>/approve/", report_approve, name="approve"),
    path("office/data-audit/<int:year>/return/", report_return, name="return"),
    path("office/data-audit/<int:year>/order.docx", order_download, name="order"),
    path("office/data-audit/<int:year>/report.<str:fmt>", report_download, name="report"),
]
