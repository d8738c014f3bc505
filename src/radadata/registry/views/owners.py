"""Owner pages (розпорядники, §1.15): the list with the §6.7.1 warnings, create and edit, and an
owner's page with its people and their roles, its enterprises, datasets and history.
Officer only: the open-data officer keeps the registry of owners."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from radadata.core.errors import ValidationFailed
from radadata.registry import selectors_audit, selectors_owners
from radadata.registry.forms.owners import MembershipForm, OwnerForm
from radadata.registry.services import owners as owner_services
from radadata.registry.views.common import apply_errors, now, officer_view


def _post(request: HttpRequest) -> tuple:
    return (request.POST,) if request.method == "POST" else ()


@require_safe
@officer_view
def owner_list(request: HttpRequest) -> HttpResponse:
    owners = selectors_owners.owners_for_office()
    rows = [(owner, selectors_owners.owner_warnings(owner)) for owner in owners]
    return render(request, "registry/office/owners/list.html", {
        "rows": rows,
        "lacking": sum(1 for _owner, warnings in rows if warnings),
    })


@officer_view
def owner_create(request: HttpRequest) -> HttpResponse:
    form = OwnerForm(*_post(request))
    if request.method == "POST" and form.is_valid():
        try:
            owner = owner_services.owner_create(by=request.user, at=now(),
                                                **form.service_arguments())
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The owner is added. Now name its responsible person "
                                        "and a substitute (§6.7.1)."))
            return redirect("registry:owner-detail", owner.slug)
    return render(request, "registry/office/owners/form.html", {"form": form, "owner": None})


@officer_view
def owner_edit(request: HttpRequest, slug: str) -> HttpResponse:
    owner = selectors_owners.owner_for_office(slug)
    form = OwnerForm(*_post(request), owner=owner)
    if request.method == "POST" and form.is_valid():
        try:
            owner = owner_services.owner_update(owner=owner, by=request.user, at=now(),
                                                **form.service_arguments())
        except ValidationFailed as error:
            apply_errors(form, error)
            # The service changed the instance in memory before refusing; show the stored one.
            owner = selectors_owners.owner_for_office(slug)
        else:
            messages.success(request, _("The changes are saved."))
            return redirect("registry:owner-detail", owner.slug)
    return render(request, "registry/office/owners/form.html", {"form": form, "owner": owner})


@officer_view
def owner_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The owner's page; POST gives a person a role at this owner."""
    owner = selectors_owners.owner_for_office(slug)
    form = MembershipForm(*_post(request))
    if request.method == "POST" and form.is_valid():
        try:
            membership = owner_services.membership_add(owner=owner, by=request.user,
                                                       at=now(), **form.cleaned_data)
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("%(person)s now has the role “%(role)s” here.") % {
                "person": membership.user, "role": membership.get_role_display()})
            return redirect("registry:owner-detail", owner.slug)
    return render(request, "registry/office/owners/detail.html", {
        "page": selectors_owners.owner_page(owner),
        "owner": owner,
        "form": form,
        "entries": selectors_audit.history_of(owner),
    })


@require_POST
@officer_view
def membership_remove(request: HttpRequest, slug: str, membership_id: int) -> HttpResponse:
    owner = selectors_owners.owner_for_office(slug)
    membership = selectors_owners.membership_of(owner, membership_id)
    owner_services.membership_remove(membership=membership, by=request.user, at=now())
    messages.success(request, _("%(person)s no longer has the role “%(role)s” here.") % {
        "person": membership.user, "role": membership.get_role_display()})
    return redirect("registry:owner-detail", owner.slug)


urlpatterns = [
    path("office/owners/", owner_list, name="owner-list"),
    path("office/owners/new/", owner_create, name="owner-create"),
    path("office/owners/<slug:slug>/", owner_detail, name="owner-detail"),
    path("office/owners/<slug:slug>/edit/", owner_edit, name="owner-edit"),
    path("office/owners/<slug:slug>/people/<int:membership_id>/remove/", membership_remove,
         name="membership-remove"),
]
