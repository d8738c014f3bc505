"""Importing packages from data.gov.ua or any CKAN (officer only): the source → the dry run,
package by package → "Import", which starts the job and shows its progress page.

Between the steps the session keeps the source (the API key encrypted, as the connection's);
the dry run is worked out again from the source at each look, so it shows the catalogue as it
is now."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from radadata.core.errors import DomainError, ValidationFailed
from radadata.portal_sync import keys, selectors
from radadata.portal_sync.importing import (
    CREATE,
    SKIP,
    UPDATE,
    Source,
    dry_run,
    import_start,
    make_source,
)
from radadata.portal_sync.importing.forms import ImportSourceForm
from radadata.registry.views.common import apply_errors, now, officer_view, paginate

SESSION_KEY = "portal_import"
SHOW = {"all": None, "changes": (CREATE, UPDATE), "skip": (SKIP,)}


def _stored(request: HttpRequest) -> Source | None:
    state = request.session.get(SESSION_KEY)
    if not state:
        return None
    try:
        api_key = keys.decrypt(state["key"]) if state.get("key") else ""
    except keys.KeyUnreadable:
        api_key = ""
    return Source(base_url=state["url"], organization=state["organization"], api_key=api_key)


@officer_view
def import_source(request: HttpRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = ImportSourceForm(request.POST if posted else None,
                            connection=selectors.connection())
    if posted and form.is_valid():
        try:
            source = make_source(**form.cleaned_data)
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            request.session[SESSION_KEY] = {
                "url": source.base_url, "organization": source.organization,
                "key": keys.encrypt(source.api_key) if source.api_key else ""}
            return redirect("portal_sync:import-review")
    return render(request, "portal_sync/import.html", {"form": form})


@require_safe
@officer_view
def import_review(request: HttpRequest) -> HttpResponse:
    source = _stored(request)
    if source is None:
        return redirect("portal_sync:import")
    try:
        # A page waits for it: fewer and shorter tries than the job makes.
        report = dry_run(source, at=now(), retries=1, timeout=30)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("portal_sync:import")
    show = request.GET.get("show") if request.GET.get("show") in SHOW else "all"
    plans = [p for p in report.plans if SHOW[show] is None or p.action in SHOW[show]]
    return render(request, "portal_sync/import_review.html", {
        "report": report, "counts": report.counts, "show": show,
        "page": paginate(request, plans, per_page=100),
    })


@require_POST
@officer_view
def import_apply(request: HttpRequest) -> HttpResponse:
    source = _stored(request)
    if source is None:
        messages.warning(request, _("Enter the catalogue to import from again: the previous "
                                    "step is no longer remembered."))
        return redirect("portal_sync:import")
    job = import_start(source=source, by=request.user, at=now())
    request.session.pop(SESSION_KEY, None)
    back = reverse("portal_sync:list")
    return redirect(f"{reverse('jobs:detail', args=[job.pk])}?{urlencode({'next': back})}")


urlpatterns = [
    path("office/portal/import/", import_source, name="import"),
    path("office/portal/import/review/", import_review, name="import-review"),
    path("office/portal/import/apply/", import_apply, name="import-apply"),
]
