"""The workflow's steps that start from a dataset's office page: open a submission (a new
dataset or an update), mark the dataset as no longer updated, and restore it."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from radadata.core.errors import Conflict, ValidationFailed
from radadata.registry import access, selectors_office
from radadata.registry.models import Dataset
from radadata.registry.services.datasets import periodicity_before_archiving
from radadata.registry.views.common import apply_errors, now, office_view
from radadata.workflow import format_copies, selectors, services
from radadata.workflow.forms import ArchiveForm, OpenForm, RestoreForm


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


def _status_step(request: HttpRequest, dataset: Dataset, form: forms.Form, template: str,
                 step: Callable[[dict], object], done: str, **context: object) -> HttpResponse:
    """A change of the dataset's standing asked with a form: the step, its errors next to the
    fields, a conflict (409) above the form, or back to the dataset page with `done`."""
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            step(form.cleaned_data)
        except ValidationFailed as error:
            apply_errors(form, error)
        except Conflict as error:
            conflict = error
        else:
            messages.success(request, done)
            return redirect("registry:dataset-office", dataset.name)
    return render(request, template, {"form": form, "dataset": dataset, "conflict": conflict,
                                      **context}, status=409 if conflict else 200)


@office_view
def dataset_archive(request: HttpRequest, name: str) -> HttpResponse:
    """GET asks for the reason; POST marks the dataset as no longer updated."""
    dataset = selectors_office.dataset_for_office(name=name, user=request.user)
    access.require_office(request.user)
    return _status_step(
        request, dataset, ArchiveForm(*_post(request)), "workflow/archive.html",
        lambda data: services.dataset_archive(dataset=dataset, by=request.user, at=now(),
                                              reason=data["reason"]),
        _("The dataset is marked as no longer updated; its published files stay open."),
        open_submission=selectors.open_submission(dataset))


@office_view
def dataset_restore(request: HttpRequest, name: str) -> HttpResponse:
    """GET asks how often it will be updated and why; POST makes it updated again."""
    dataset = selectors_office.dataset_for_office(name=name, user=request.user)
    access.require_office(request.user)
    form = RestoreForm(*_post(request),
                       initial={"periodicity": periodicity_before_archiving(dataset)})
    return _status_step(
        request, dataset, form, "workflow/restore.html",
        lambda data: services.dataset_restore(dataset=dataset, by=request.user, at=now(),
                                              periodicity=data["periodicity"],
                                              reason=data["reason"]),
        _("The dataset is updated again: its people can submit new versions on the schedule "
          "chosen."))


@require_POST
@office_view
def every_format(request: HttpRequest, name: str, resource: int) -> HttpResponse:
    """«One file, every format»: the other formats of this table are generated from it."""
    dataset = selectors_office.dataset_for_office(name=name, user=request.user)
    source = get_object_or_404(dataset.resources, pk=resource)
    try:
        made = format_copies.format_copies_enable(resource=source, by=request.user, at=now())
    except (Conflict, ValidationFailed) as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Made from “%(title)s”: %(files)s. Every new version of it "
                                    "makes these formats again.")
                         % {"title": source.title,
                            "files": ", ".join(v.original_name for v in made)})
    return redirect(reverse("registry:dataset-office", args=[dataset.name]) + "#files")


urlpatterns = [
    path("office/datasets/<slug:name>/files/<int:resource>/every-format/", every_format,
         name="every-format"),
    path("office/datasets/<slug:name>/submit/", submission_open, name="submission-open"),
    path("office/datasets/<slug:name>/archive/", dataset_archive, name="dataset-archive"),
    path("office/datasets/<slug:name>/restore/", dataset_restore, name="dataset-restore"),
]
