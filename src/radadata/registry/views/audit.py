"""The audit log page: every change to owners, datasets, files, people and the approved list —
who, when, what changed. The officer and the administrator read it, and so does the auditor."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_safe

from radadata.registry import access, selectors_audit
from radadata.registry.forms.audit import AuditFilterForm
from radadata.registry.views.common import office_view, paginate


@require_safe
@office_view
def audit_log(request: HttpRequest) -> HttpResponse:
    access.require_audit_read(request.user)
    filters = AuditFilterForm(request.GET)
    entries = selectors_audit.audit_entries(**filters.selector_arguments())
    return render(request, "registry/office/audit/list.html",
                  {"filters": filters, "page": paginate(request, entries)})


urlpatterns = [
    path("office/audit/", audit_log, name="audit-log"),
]
