"""The workflow's steps that start from a dataset's office page: open a submission (a new
dataset or an update) and mark the dataset as no longer updated."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from radadata.core.errors import Conflict, ValidationFailed
from radadata.registry import access, selectors_office
from radadata.registry.models import Dataset
from radadata.registry.views.common import apply_errors, now, office_view
from radadata.workflow import selectors, services
from radadata.workflow.forms import ArchiveForm, OpenForm


def _post(request: HttpRequest) -> tuple:
    return (request.POST,) if request.method == "POST" else ()


def _is_new(dataset: Dataset) -> bool:
    return dataset.first_published_at is None


@office_view
def submission_open(request: HttpRequest, name: str) -> HttpResponse:
    """GET shows the choice (the dataset page holds the same form); POST opens the draft."""
    dataset = selectors_office.dataset_for_office(name=name, user=request.user)
    current = selectors.open_submission(dataset)
    if current is not None and request.method != "POST":
        return redirect("workflow:submission-detail", current.pk)
    form = OpenForm(*_post(request), new=_is_new(dataset))
    if request.method == "POST" and form.is_valid():
        try:
            submission = services.submission_open(dataset=dataset, by=request.user, at=now(),
                                                   **form.service_arguments())
        except Conflict as error:
            messages.error(request, error.message)
            current = selectors.open_submission(dataset)
            if current is not None:
                return redirect("workflow:submission-detail", current.pk)
            return redirect("registry:dataset-office", dataset.name)
        messages.success(request, _("The submission is prepared. Check its files and the cover "
                                    "letter, then submit it."))
        return redirect("workflow:submission-detail", submission.pk)
    return render(request, "workflow/open.html", {"form": form, "dataset": dataset,
                                                  "new": _is_new(dataset)})


@office_view
def dataset_archive(request: HttpRequest, name: str) -> HttpResponse:
    """GET asks for the reason; POST marks the dataset as no longer updated."""
    dataset = selectors_office.dataset_for_office(name=name, user=request.user)
    access.require_office(request.user)
    form = ArchiveForm(*_post(request))
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.dataset_archive(dataset=dataset, by=request.user, at=now(),
                                     reason=form.cleaned_data["reason"])
        except ValidationFailed as error:
            apply_errors(form, error)
        except Conflict as error:
            conflict = error
        else:
            messages.success(request, _("The dataset is marked as no longer updated; its "
                                        "published files stay open."))
            return redirect("registry:dataset-office", dataset.name)
    return render(request, "workflow/archive.html", {
        "form": form, "dataset": dataset, "conflict": conflict,
        "open_submission": selectors.open_submission(dataset),
    }, status=409 if conflict else 200)


urlpatterns = [
    path("office/datasets/<slug:name>/submit/", submission_open, name="submission-open"),
    path("office/datasets/<slug:name>/archive/", dataset_archive, name="dataset-archive"),
]
