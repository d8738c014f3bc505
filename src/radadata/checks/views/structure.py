"""The dataset's structure: proposed from the first checked file, corrected and saved by the
owner; shown to everyone who may read the dataset, with the decisions on its columns."""

from __future__ import annotations

from django.contrib import messages
from django.forms import BaseFormSet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from radadata.checks import selectors, services
from radadata.checks.forms import StructureFormSet, structure_initial
from radadata.core.errors import ValidationFailed
from radadata.registry import access, selectors_office
from radadata.registry.views.common import now, office_view


@office_view
def structure(request: HttpRequest, name: str) -> HttpResponse:
    dataset = selectors_office.dataset_for_office(name=name, user=request.user)
    view = selectors.structure_view(dataset)
    can_edit = selectors_office.can_edit_dataset(request.user, dataset)
    if request.method == "POST":
        access.require_dataset_edit(request.user, dataset)
    initial = structure_initial(view.columns)
    formset = StructureFormSet(request.POST if request.method == "POST" else None,
                               initial=initial, prefix="columns")
    if request.method == "POST" and formset.is_valid():
        try:
            services.structure_save(dataset=dataset, by=request.user, at=now(),
                                    columns=[f.column() for f in formset.forms],
                                    base=view.base)
        except ValidationFailed as error:
            _apply_errors(formset, error)
        else:
            messages.success(request, _("The structure is saved: the next versions of the "
                                        "files are checked against it."))
            return redirect("registry:dataset-office", dataset.name)
    return render(request, "checks/structure.html", {
        "dataset": dataset, "view": view, "formset": formset, "can_edit": can_edit,
        "rulings": list(selectors.rulings_of(dataset).values()),
    })


def _apply_errors(formset: BaseFormSet, error: ValidationFailed) -> None:
    """The service names a column's field "<index>-<field>"; the rest go above the table."""
    for key, texts in error.errors.items():
        index, _sep, field = key.partition("-")
        if index.isdigit() and int(index) < len(formset.forms) and field:
            for text in texts:
                formset.forms[int(index)].add_error(field, text)
        else:
            formset._non_form_errors = formset.error_class(
                [*formset.non_form_errors(), *texts])


urlpatterns = [
    path("office/datasets/<slug:name>/structure/", structure, name="structure"),
]
