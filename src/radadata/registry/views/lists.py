"""The approved list (перелік, §2.11–2.19) and the national list (КМУ 835) it draws on.
Officer only: the list is approved by the council and kept by the open-data officer."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from radadata.core.errors import ValidationFailed
from radadata.registry import selectors, selectors_office
from radadata.registry.forms.lists import ApprovedItemForm
from radadata.registry.services import lists as list_services
from radadata.registry.views.common import apply_errors, now, officer_view


@officer_view
def approved_list(request: HttpRequest) -> HttpResponse:
    """The list, its coverage, and the form that adds an entry (POST)."""
    form = ApprovedItemForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            item = list_services.approved_item_add(by=request.user, at=now(),
                                                   **form.cleaned_data)
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Entry %(number)d is added to the approved list.")
                             % {"number": item.position})
            return redirect("registry:approved-list")
    coverage = selectors.approved_list_coverage()
    return render(request, "registry/office/lists/approved.html", {
        "items": selectors_office.approved_items(),
        "coverage": coverage,
        "coverage_percent": round(coverage.share * 100),
        "form": form,
    })


@officer_view
def approved_item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors_office.approved_item(pk)
    form = ApprovedItemForm(request.POST if request.method == "POST" else None, item=item)
    if request.method == "POST" and form.is_valid():
        try:
            list_services.approved_item_update(item=item, by=request.user, at=now(),
                                               **form.cleaned_data)
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The entry is saved."))
            return redirect("registry:approved-list")
    return render(request, "registry/office/lists/item_form.html", {"form": form, "item": item})


@officer_view
def approved_item_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST removes."""
    item = selectors_office.approved_item(pk)
    if request.method == "POST":
        list_services.approved_item_remove(item=item, by=request.user, at=now())
        messages.success(request, _("The entry is removed from the approved list."))
        return redirect("registry:approved-list")
    return render(request, "registry/office/lists/item_remove.html", {"item": item})


@require_safe
@officer_view
def national_list(request: HttpRequest) -> HttpResponse:
    return render(request, "registry/office/lists/national.html",
                  {"sections": selectors_office.national_list_by_section()})


@require_POST
@officer_view
def national_item_add(request: HttpRequest, pk: int) -> HttpResponse:
    national = selectors_office.national_item(pk)
    try:
        item = list_services.approved_item_add(national_item=national, by=request.user,
                                               at=now())
    except ValidationFailed as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("“%(title)s” is entry %(number)d of the approved list.")
                         % {"title": item.title, "number": item.position})
    return redirect(f"{reverse('registry:national-list')}#item-{national.pk}")


urlpatterns = [
    path("office/approved-list/", approved_list, name="approved-list"),
    path("office/approved-list/<int:pk>/edit/", approved_item_edit, name="approved-item-edit"),
    path("office/approved-list/<int:pk>/remove/", approved_item_remove,
         name="approved-item-remove"),
    path("office/national-list/", national_list, name="national-list"),
    path("office/national-list/<int:pk>/add/", national_item_add, name="national-item-add"),
]
