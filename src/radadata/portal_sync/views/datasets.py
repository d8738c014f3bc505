"""The datasets' sync with the portal (officer only): the list with its filters and "push"
buttons, one dataset's sync page (remote ids and links, the error in words, changes made on
the portal), its dry run, and the push, which starts the job and shows its progress page."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from radadata.core.errors import ValidationFailed
from radadata.portal_sync import diff, selectors, selectors_office, services
from radadata.portal_sync.forms import PushForm, SyncFilterForm
from radadata.registry.models import Dataset
from radadata.registry.views.common import now, officer_view, paginate


@require_safe
@officer_view
def sync_list(request: HttpRequest) -> HttpResponse:
    filters = SyncFilterForm(request.GET)
    values = filters.cleaned_data if filters.is_valid() else {}
    listing = selectors_office.sync_list(state=values.get("state") or "",
                                         owner=values.get("owner"),
                                         text=values.get("text") or "")
    return render(request, "portal_sync/list.html", {
        "filters": filters,
        "page": paginate(request, listing.rows),
        "counts": listing.counts,
        "to_push": len(selectors_office.to_push(listing.rows)),
        "connection": selectors.connection(),
    })


@require_safe
@officer_view
def sync_detail(request: HttpRequest, name: str) -> HttpResponse:
    dataset = selectors_office.dataset_for_sync(name)
    return render(request, "portal_sync/detail.html", {
        "page": selectors_office.sync_page(dataset),
        "dataset": dataset,
        "connection": selectors.connection(),
        "push_form": PushForm(initial={"datasets": dataset.name}),
    })


@require_safe
@officer_view
def dry_run(request: HttpRequest, name: str) -> HttpResponse:
    dataset = selectors_office.dataset_for_sync(name)
    conn = selectors.usable_connection()
    # A page waits for it: fewer and shorter tries than a job makes.
    with selectors.client_for(conn, retries=1, timeout=15) as client:
        result = diff.dry_run(dataset, conn=conn, client=client)
    return render(request, "portal_sync/dry_run.html", {
        "dataset": dataset, "result": result,
        "push_form": PushForm(initial={"datasets": dataset.name}),
    })


def _chosen(form: PushForm) -> list[Dataset] | None:
    scope = form.cleaned_data["scope"]
    if scope == "all":
        return None
    if scope == "changed":
        return selectors_office.to_push(selectors_office.sync_list(only_pushable=True).rows)
    names = form.names()
    datasets = list(Dataset.objects.filter(name__in=names))
    if len(datasets) != len(set(names)):
        raise ValidationFailed(_("Some of the chosen datasets no longer exist. Reload the page "
                                 "and choose again."))
    return datasets


@require_POST
@officer_view
def push(request: HttpRequest) -> HttpResponse:
    form = PushForm(request.POST)
    if not form.is_valid():
        raise ValidationFailed({k: list(v) for k, v in form.errors.items()})
    job = services.push_start(datasets=_chosen(form), force=form.cleaned_data["force"],
                              by=request.user, at=now())
    back = request.POST.get("next") or reverse("portal_sync:list")
    if not back.startswith("/") or back.startswith("//"):
        back = reverse("portal_sync:list")
    return redirect(f"{reverse('jobs:detail', args=[job.pk])}?{urlencode({'next': back})}")


urlpatterns = [
    path("office/portal/datasets/", sync_list, name="list"),
    path("office/portal/datasets/<slug:name>/", sync_detail, name="detail"),
    path("office/portal/datasets/<slug:name>/dry-run/", dry_run, name="dry-run"),
    path("office/portal/push/", push, name="push"),
]
