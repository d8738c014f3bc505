"""Importing the registry from a council's Excel or CSV list (officer only):
upload → column mapping (only if some columns are not recognised) → dry run → apply, all rows
or none.

Between the steps the uploaded file waits in the default storage as imports/<token>.<ext>; the
session holds its token and the column mapping. No model is involved: an abandoned upload is
replaced by the officer's next one, and a finished import deletes its file.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlencode

from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from radadata.core.errors import ValidationFailed
from radadata.jobs.services import job_start
from radadata.registry import imports
from radadata.registry.imports import job as import_job
from radadata.registry.imports.forms import MappingForm, UploadForm
from radadata.registry.imports.report import describe_file, unmapped_columns
from radadata.registry.imports.template import template_workbook
from radadata.registry.views.common import apply_errors, now, officer_view, paginate

SESSION_KEY = "registry_import"
REJECTED_KEY = "registry_import_rejected"  # the rows left out by an import of the good rows
SHOW = {"all": None, "rejected": [imports.REJECT],
        "changes": [imports.CREATE, imports.UPDATE]}


class _NoUpload(Exception):
    """The session has no readable uploaded file: start again."""


def _path(state: dict) -> str:
    return f"imports/{state['token']}.{state['ext']}"


def _discard(request: HttpRequest) -> None:
    state = request.session.pop(SESSION_KEY, None)
    if state and default_storage.exists(_path(state)):
        default_storage.delete(_path(state))


def _discard_rejected(request: HttpRequest) -> None:
    token = request.session.pop(REJECTED_KEY, None)
    if token and default_storage.exists(f"imports/{token}-rejected.xlsx"):
        default_storage.delete(f"imports/{token}-rejected.xlsx")


def _load(request: HttpRequest) -> tuple[dict, imports.Table]:
    state = request.session.get(SESSION_KEY)
    if not state or not default_storage.exists(_path(state)):
        raise _NoUpload
    with default_storage.open(_path(state), "rb") as stream:
        return state, imports.read_table(stream.read(), state["filename"])


def _restart(request: HttpRequest) -> HttpResponse:
    messages.warning(request, _("Upload the list again: the file of the previous step is no "
                                "longer here."))
    return redirect("registry:import")


@officer_view
def import_upload(request: HttpRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = UploadForm(request.POST, request.FILES) if posted else UploadForm()
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            table = imports.read_table(data, upload.name)
        except imports.UnreadableFile as error:
            apply_errors(form, error)
        else:
            _discard(request)
            _discard_rejected(request)
            state = {"token": secrets.token_urlsafe(16),
                     "ext": "xlsx" if table.kind == "xlsx" else "csv",
                     "filename": upload.name, "mapping": imports.recognise(table.header)}
            default_storage.save(_path(state), ContentFile(data))
            request.session[SESSION_KEY] = state
            if None in state["mapping"]:
                return redirect("registry:import-mapping")
            return redirect("registry:import-review")
    return render(request, "registry/office/import/upload.html",
                  {"form": form, "fields": imports.FIELDS,
                   "rejected_waiting": bool(request.session.get(REJECTED_KEY))})


@officer_view
def import_mapping(request: HttpRequest) -> HttpResponse:
    try:
        state, table = _load(request)
    except _NoUpload:
        return _restart(request)
    form = MappingForm(request.POST if request.method == "POST" else None, table=table,
                       mapping=state["mapping"])
    if request.method == "POST" and form.is_valid():
        state["mapping"] = form.mapping()
        request.session[SESSION_KEY] = state
        return redirect("registry:import-review")
    return render(request, "registry/office/import/mapping.html", {
        "form": form, "file": describe_file(table),
        "unmapped": unmapped_columns(table, state["mapping"]),
    })


@officer_view
def import_review(request: HttpRequest) -> HttpResponse:
    try:
        state, table = _load(request)
    except _NoUpload:
        return _restart(request)
    if None in state["mapping"]:
        return redirect("registry:import-mapping")
    try:
        plan = imports.plan_import(table, state["mapping"], at=now())
    except ValidationFailed as error:
        messages.error(request, error.message)
        return redirect("registry:import-mapping")
    show = request.GET.get("show") if request.GET.get("show") in SHOW else "all"
    actions = SHOW[show]
    rows = [r for r in plan.rows if actions is None or r.action in actions]
    return render(request, "registry/office/import/review.html", {
        "plan": plan, "file": describe_file(table), "counts": plan.counts,
        "page": paginate(request, rows, per_page=200), "show": show,
        "in_background": len(table.rows) >= import_job.BACKGROUND_FROM,
        "columns": [(imports.letter(i), table.header[i], imports.LABELS[key])
                    for i, key in enumerate(state["mapping"]) if key in imports.LABELS],
    })


@require_POST
@officer_view
def import_apply(request: HttpRequest) -> HttpResponse:
    try:
        state, table = _load(request)
    except _NoUpload:
        return _restart(request)
    if len(table.rows) >= import_job.BACKGROUND_FROM:
        return _apply_in_background(request, state)
    try:
        plan = imports.registry_import(table=table, mapping=state["mapping"],
                                       by=request.user, at=now(),
                                       good_rows=bool(request.POST.get("good_rows")))
    except imports.ImportRejected:
        messages.error(request, _("Some rows are rejected, so nothing was imported. Correct "
                                  "them in the file and upload it again."))
        return redirect("registry:import-review")
    except ValidationFailed as error:
        for message in (m for ms in error.errors.values() for m in ms):
            messages.error(request, message)
        messages.error(request, _("Nothing was imported. Correct the file and upload it "
                                  "again."))
        return redirect("registry:import-review")
    _discard(request)
    if plan.rejected:
        # The upload is done with (applying it again would create its rows twice); the
        # rejected rows, with what to fix, wait for the officer until the next upload.
        token = secrets.token_urlsafe(16)
        default_storage.save(f"imports/{token}-rejected.xlsx",
                             ContentFile(imports.rejected_workbook(plan)))
        request.session[REJECTED_KEY] = token
        messages.success(request, _("The good rows are imported: %(create)d datasets created, "
                                    "%(update)d updated, %(unchanged)d unchanged; %(reject)d "
                                    "rejected rows are left out.") % plan.counts)
        return redirect("registry:import")
    messages.success(request, _("The import is done: %(create)d datasets created, %(update)d "
                                "updated, %(unchanged)d unchanged.") % plan.counts)
    return redirect("registry:dataset-list")


def _apply_in_background(request: HttpRequest, state: dict) -> HttpResponse:
    """A big file is imported by a background job; its page shows how far it has got."""
    good_rows = bool(request.POST.get("good_rows"))
    params = {"path": _path(state), "filename": state["filename"],
              "mapping": state["mapping"], "good_rows": good_rows}
    if good_rows:
        _discard_rejected(request)
        token = secrets.token_urlsafe(16)
        params["rejected"] = f"imports/{token}-rejected.xlsx"
        request.session[REJECTED_KEY] = token
    job = job_start(kind=import_job.KIND, params=params, by=request.user, at=now(),
                    subject=state["filename"][:100])
    request.session.pop(SESSION_KEY, None)  # the job deletes the file when it is done
    back = reverse("registry:dataset-list")
    return redirect(f"{reverse('jobs:detail', args=[job.pk])}?{urlencode({'next': back})}")


@require_safe
@officer_view
def import_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        template_workbook(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = 'attachment; filename="reiestr-shablon.xlsx"'
    return response


@require_safe
@officer_view
def import_rejected(request: HttpRequest) -> HttpResponse:
    """The rejected rows as .xlsx, with a column saying what to fix: those of the dry run, or
    those left out by the last import of the good rows."""
    token = request.session.get(REJECTED_KEY)
    if token and default_storage.exists(f"imports/{token}-rejected.xlsx"):
        with default_storage.open(f"imports/{token}-rejected.xlsx", "rb") as stream:
            workbook = stream.read()
    else:
        try:
            state, table = _load(request)
        except _NoUpload:
            return _restart(request)
        plan = imports.plan_import(table, [key or imports.IGNORE for key in state["mapping"]],
                                   at=now())
        workbook = imports.rejected_workbook(plan)
    response = HttpResponse(
        workbook,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = 'attachment; filename="rejected-rows.xlsx"'
    return response


@require_POST
@officer_view
def import_cancel(request: HttpRequest) -> HttpResponse:
    _discard(request)
    return redirect("registry:import")


urlpatterns = [
    path("office/import/", import_upload, name="import"),
    path("office/import/mapping/", import_mapping, name="import-mapping"),
    path("office/import/review/", import_review, name="import-review"),
    path("office/import/apply/", import_apply, name="import-apply"),
    path("office/import/cancel/", import_cancel, name="import-cancel"),
    path("office/import/rejected.xlsx", import_rejected, name="import-rejected"),
    path("office/import/template.xlsx", import_template, name="import-template"),
]
