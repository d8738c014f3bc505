"""People pages: the list, create, edit with council-wide roles, and dismissal (§6.4), which ends
the person's sessions and API tokens at once. Officer only.

They live in registry, not accounts: a person's roles at owners (OwnerMembership) are registry's,
and accounts must not depend on registry."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from radadata.accounts import selectors as account_selectors
from radadata.accounts import services as account_services
from radadata.core.errors import NotAllowed, ValidationFailed
from radadata.registry import selectors_audit, selectors_people
from radadata.registry.forms.people import (
    DeactivateForm,
    PersonCreateForm,
    PersonFilterForm,
    PersonForm,
)
from radadata.registry.services import owners as owner_services
from radadata.registry.views.common import apply_errors, now, officer_view, paginate


def _post(request: HttpRequest) -> tuple:
    return (request.POST,) if request.method == "POST" else ()


@require_safe
@officer_view
def people(request: HttpRequest) -> HttpResponse:
    filters = PersonFilterForm(request.GET)
    found = selectors_people.people_for_office(**filters.selector_arguments())
    return render(request, "registry/office/people/list.html",
                  {"filters": filters, "page": paginate(request, found)})


@officer_view
def person_create(request: HttpRequest) -> HttpResponse:
    # ?owner=<id> comes from an owner's page: the new person is meant to work there.
    form = PersonCreateForm(*_post(request), initial={"owner": request.GET.get("owner")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            # One unit: a person must not remain without the owner role the officer asked for.
            with transaction.atomic():
                person = account_services.user_create(
                    **form.person_arguments(), roles=data["roles"], password=data["password"],
                    by=request.user, at=now())
                if data["owner"]:
                    owner_services.membership_add(owner=data["owner"], user=person,
                                                  role=data["owner_role"], by=request.user,
                                                  at=now())
        except ValidationFailed as error:
            apply_errors(form, error)
        except NotAllowed as error:
            form.add_error("roles", error.message)
        else:
            messages.success(request, _("%(person)s is registered.") % {"person": person})
            return redirect("registry:person-detail", person.pk)
    return render(request, "registry/office/people/form.html", {"form": form, "person": None})


@officer_view
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors_people.person_for_office(pk)
    form = PersonForm(*_post(request), person=person)
    if request.method == "POST" and form.is_valid():
        try:
            # One unit: the name and the roles are saved together or not at all.
            with transaction.atomic():
                account_services.user_update(user=person, by=request.user, at=now(),
                                             **form.person_arguments())
                account_services.user_set_roles(user=person, roles=form.cleaned_data["roles"],
                                                by=request.user, at=now())
        except ValidationFailed as error:
            apply_errors(form, error)
        except NotAllowed as error:
            # The administrator role is granted and taken only by an administrator.
            form.add_error("roles", error.message)
        else:
            messages.success(request, _("The changes are saved."))
            return redirect("registry:person-detail", person.pk)
        # The services changed the instance in memory before refusing; show the stored one.
        person = selectors_people.person_for_office(pk)
    return render(request, "registry/office/people/form.html", {"form": form, "person": person})


@require_safe
@officer_view
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors_people.person_for_office(pk)
    return render(request, "registry/office/people/detail.html", {
        "page": selectors_people.person_page(person),
        "person": person,
        "may_change": account_selectors.may_change_account(person, request.user),
        "entries": selectors_audit.history_of(person),
    })


@officer_view
def person_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation and the reason; POST ends the person's access (§6.4)."""
    person = selectors_people.person_for_office(pk)
    form = DeactivateForm(*_post(request))
    if request.method == "POST" and form.is_valid():
        account_services.user_deactivate(user=person, reason=form.cleaned_data["reason"],
                                         by=request.user, at=now())
        messages.success(request, _("%(person)s is deactivated: their sessions are ended and "
                                    "their API tokens revoked.") % {"person": person})
        return redirect("registry:person-detail", person.pk)
    return render(request, "registry/office/people/deactivate.html", {
        "form": form,
        "person": person,
        "page": selectors_people.person_page(person),
        "is_self": person.pk == request.user.pk,
    })


@require_POST
@officer_view
def person_reactivate(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors_people.person_for_office(pk)
    account_services.user_reactivate(user=person, by=request.user, at=now())
    messages.success(request, _("%(person)s is active again. Their old API tokens stay revoked: "
                                "they create new ones.") % {"person": person})
    return redirect("registry:person-detail", person.pk)


urlpatterns = [
    path("office/people/", people, name="people"),
    path("office/people/new/", person_create, name="person-create"),
    path("office/people/<int:pk>/", person_detail, name="person-detail"),
    path("office/people/<int:pk>/edit/", person_edit, name="person-edit"),
    path("office/people/<int:pk>/deactivate/", person_deactivate, name="person-deactivate"),
    path("office/people/<int:pk>/reactivate/", person_reactivate, name="person-reactivate"),
]
