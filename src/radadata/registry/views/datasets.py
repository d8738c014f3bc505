"""Dataset pages: the public page and file downloads, and the office pages that register,
edit and publish datasets and upload their files."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django.views.decorators.vary import vary_on_headers

from radadata.catalog import selectors as catalog_selectors
from radadata.catalog import services as catalog_services
from radadata.catalog.forms import FeedbackForm
from radadata.core.errors import NotAllowed, ValidationFailed
from radadata.registry import access, selectors, selectors_office
from radadata.registry.forms.datasets import (
    DatasetFilterForm,
    DatasetForm,
    ResourceForm,
    VersionForm,
)
from radadata.registry.models import Dataset
from radadata.registry.services import datasets as dataset_services
from radadata.registry.services import resources as resource_services
from radadata.registry.views.common import apply_errors, now, office_view, paginate


def _form_data(request: HttpRequest) -> tuple:
    return (request.POST, request.FILES) if request.method == "POST" else ()


def _page_context(dataset: Dataset, *, public: bool) -> dict:
    return {
        "dataset": dataset,
        "formats": selectors.dataset_formats(dataset),
        "contact": selectors.contact_point(dataset),
        "resources": selectors_office.resources_with_versions(dataset, public=public),
    }


# Public pages ----------------------------------------------------------------------------

def _catalog_context(dataset: Dataset, resources: list) -> dict:
    """What the public page carries beyond the passport and files (§6.15): the structure, the
    first rows of each table file, the feedback and the use totals."""
    return {
        "structure": catalog_selectors.dataset_structure(dataset, resources),
        "previews": catalog_selectors.previews(resources),
        "feedback": catalog_selectors.shown_feedback(dataset),
        "feedback_form": FeedbackForm() if dataset.is_published else None,
        "totals": catalog_selectors.use_totals(dataset),
    }


@require_safe
@vary_on_headers("Accept")
def dataset_page(request: HttpRequest, name: str) -> HttpResponse:
    # Linked-data clients asking for RDF get DCAT-AP (imported late: registry sits below api).
    from radadata.api.dcat.views import dataset_rdf_response
    if (rdf := dataset_rdf_response(request, name)) is not None:
        return rdf
    dataset = selectors_office.dataset_for_page(name=name, user=request.user)
    context = _page_context(dataset, public=dataset.is_published)
    if catalog_services.is_counted(method=request.method,
                                   user_agent=request.headers.get("User-Agent", "")):
        catalog_services.count_view(dataset=dataset, day=timezone.localdate())
    context.update(_catalog_context(dataset, context["resources"]))
    return render(request, "registry/dataset_public.html", context)


@require_safe
def version_download(request: HttpRequest, name: str, resource_id: int, number: int,
                     filename: str) -> HttpResponse:
    version = selectors_office.version_for_download(
        name=name, resource_id=resource_id, number=number, user=request.user)
    if filename != version.original_name:
        # The file name is only decoration; send old or mistyped links to the real one.
        return redirect("registry:version-download", name, resource_id, number,
                        version.original_name)
    if catalog_services.is_counted(method=request.method,
                                   user_agent=request.headers.get("User-Agent", "")):
        catalog_services.count_download(dataset=version.resource.dataset,
                                        day=timezone.localdate())
    return FileResponse(version.file.open("rb"), as_attachment=True,
                        filename=version.original_name,
                        content_type=version.media_type or "application/octet-stream")


# Office pages ----------------------------------------------------------------------------

@require_safe
@office_view
def dataset_list(request: HttpRequest) -> HttpResponse:
    filters = DatasetFilterForm(request.GET, user=request.user)
    datasets = selectors_office.datasets_for_office(user=request.user,
                                                    **filters.selector_arguments())
    return render(request, "registry/office/datasets/list.html", {
        "filters": filters,
        "page": paginate(request, datasets),
        "can_create": access.owners_editable_by(request.user).exists(),
    })


@office_view
def dataset_create(request: HttpRequest) -> HttpResponse:
    if not access.owners_editable_by(request.user).exists():
        raise NotAllowed(_("Only the officer and the people of an owner register datasets."))
    form = DatasetForm(*_form_data(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            dataset = dataset_services.dataset_register(by=request.user, at=now(),
                                                        **form.service_arguments())
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The dataset is entered in the registry."))
            return redirect("registry:dataset-office", dataset.name)
    return render(request, "registry/office/datasets/form.html",
                  {"form": form, "dataset": None})


@office_view
def dataset_edit(request: HttpRequest, name: str) -> HttpResponse:
    dataset = selectors_office.dataset_for_office(name=name, user=request.user)
    access.require_dataset_edit(request.user, dataset)
    form = DatasetForm(*_form_data(request), user=request.user, dataset=dataset)
    if request.method == "POST" and form.is_valid():
        try:
            dataset = dataset_services.dataset_update(dataset=dataset, by=request.user,
                                                      at=now(), **form.service_arguments())
        except ValidationFailed as error:
            apply_errors(form, error)
            # The service changed the instance in memory before refusing; show the stored one.
            dataset = selectors_office.dataset_for_office(name=name, user=request.user)
        else:
            messages.success(request, _("The changes are saved."))
            return redirect("registry:dataset-office", dataset.name)
    return render(request, "registry/office/datasets/form.html",
                  {"form": form, "dataset": dataset})


@require_safe
@office_view
def dataset_office(request: HttpRequest, name: str) -> HttpResponse:
    dataset = selectors_office.dataset_for_office(name=name, user=request.user)
    return render(request, "registry/office/datasets/detail.html", {
        **_page_context(dataset, public=False),
        "entries": selectors_office.dataset_history(dataset),
        "can_edit": selectors_office.can_edit_dataset(request.user, dataset),
        "can_publish": access.is_office(request.user),
    })


@require_POST
@office_view
def dataset_publish(request: HttpRequest, name: str) -> HttpResponse:
    dataset = selectors_office.dataset_for_office(name=name, user=request.user)
    dataset_services.dataset_mark_published(dataset=dataset, by=request.user, at=now())
    messages.success(request, _("The dataset is marked as published."))
    return redirect("registry:dataset-office", dataset.name)


@office_view
def resource_create(request: HttpRequest, name: str) -> HttpResponse:
    dataset = selectors_office.dataset_for_office(name=name, user=request.user)
    access.require_dataset_edit(request.user, dataset)
    form = ResourceForm(*_form_data(request))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            # One unit: a resource without its first file must not remain when the upload fails.
            with transaction.atomic():
                resource = resource_services.resource_create(
                    dataset=dataset, title=form.cleaned_data["title"],
                    description=form.cleaned_data["description"], by=request.user, at=now())
                resource_services.version_add(resource=resource, stream=upload,
                                              filename=upload.name, by=request.user, at=now())
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The file is added."))
            return redirect("registry:dataset-office", dataset.name)
    return render(request, "registry/office/datasets/upload.html",
                  {"form": form, "dataset": dataset, "resource": None})


@office_view
def version_upload(request: HttpRequest, name: str, resource_id: int) -> HttpResponse:
    dataset = selectors_office.dataset_for_office(name=name, user=request.user)
    access.require_dataset_edit(request.user, dataset)
    resource = selectors_office.resource_of(dataset=dataset, resource_id=resource_id)
    form = VersionForm(*_form_data(request))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            version = resource_services.version_add(
                resource=resource, stream=upload, filename=upload.name,
                note=form.cleaned_data["note"], by=request.user, at=now())
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Version %(number)d is stored; the earlier versions stay "
                                        "available.") % {"number": version.number})
            return redirect("registry:dataset-office", dataset.name)
    return render(request, "registry/office/datasets/upload.html",
                  {"form": form, "dataset": dataset, "resource": resource})


urlpatterns = [
    path("dataset/<slug:name>", dataset_page, name="dataset-detail"),
    path("dataset/<slug:name>/resource/<int:resource_id>/v<int:number>/<str:filename>",
         version_download, name="version-download"),
    path("office/datasets/", dataset_list, name="dataset-list"),
    path("office/datasets/new/", dataset_create, name="dataset-create"),
    path("office/datasets/<slug:name>/", dataset_office, name="dataset-office"),
    path("office/datasets/<slug:name>/edit/", dataset_edit, name="dataset-edit"),
    path("office/datasets/<slug:name>/publish/", dataset_publish, name="dataset-publish"),
    path("office/datasets/<slug:name>/resources/new/", resource_create, name="resource-create"),
    path("office/datasets/<slug:name>/resources/<int:resource_id>/upload/", version_upload,
         name="version-upload"),
]
