"""One column of personal data that blocks a file: mark it lawful (§2.5, §2.8), anonymise it
(§2.9) or record the three-part test (§2.10); and withdrawing a decision."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from radadata.checks import selectors, services
from radadata.checks.forms import AnonymiseForm, LawfulForm, ThreePartTestForm
from radadata.checks.models import RulingKind
from radadata.checks.three_part_test import QUESTIONS
from radadata.checks.views.common import dataset_and_version
from radadata.core.errors import Conflict, ValidationFailed
from radadata.registry import access, selectors_office
from radadata.registry.views.common import apply_errors, now, office_view

FORMS = {"lawful": LawfulForm, "anonymise": AnonymiseForm, "test": ThreePartTestForm}
#: A warning's clause chooses the decision that confirms it.
_CLAUSE_KINDS = {"§2.5": RulingKind.OFFICIAL, "§2.8": RulingKind.LEGAL_ENTITY}


@office_view
def column(request: HttpRequest, name: str, version_id: int) -> HttpResponse:
    dataset, version = dataset_and_version(request, name, version_id)
    view = selectors.check_view(version, user=request.user)
    case = selectors.blocking_column(view, request.GET.get("column", ""))
    chosen = request.POST.get("form") if request.method == "POST" else None
    if chosen is not None:
        access.require_dataset_edit(request.user, dataset)
    options = {"anonymise": {"dates": case.dates, "citizens": case.citizens},
               "lawful": {"initial": {"kind": _CLAUSE_KINDS.get(case.clause)}}}
    forms = {key: cls(request.POST if key == chosen else None, prefix=key,
                      **options.get(key, {}))
             for key, cls in FORMS.items()}
    form = forms.get(chosen)
    if form is not None and form.is_valid():
        try:
            done = _act(chosen, form, dataset=dataset, version=version, column=case.column,
                        request=request)
        except ValidationFailed as error:
            apply_errors(form, error)
        except Conflict as error:
            form.add_error(None, error.message)
        else:
            return done
    return render(request, "checks/column.html", {
        "dataset": dataset, "version": version, "view": view, "case": case,
        "forms": forms, "questions": QUESTIONS,
    })


def _act(chosen: str, form, *, dataset, version, column: str,
         request: HttpRequest) -> HttpResponse:
    """One service per form; then back to the report (or on to the new version's)."""
    if chosen == "anonymise":
        anonymised = services.column_anonymise(version=version, column=column,
                                               method=form.cleaned_data["method"],
                                               by=request.user, at=now())
        messages.success(request, _("Version %(number)d has the column “%(column)s” "
                                    "anonymised; it is being checked again.")
                         % {"number": anonymised.number, "column": column})
        return redirect("checks:report", dataset.name, anonymised.pk)
    if chosen == "lawful":
        services.column_rule(dataset=dataset, column=column, kind=form.cleaned_data["kind"],
                             note=form.cleaned_data["note"], by=request.user, at=now())
    else:
        services.column_rule(dataset=dataset, column=column,
                             kind=RulingKind.THREE_PART_TEST, answers=form.answers(),
                             note=form.cleaned_data["note"], by=request.user, at=now())
    messages.success(request, _("The decision on the column “%(column)s” is recorded; later "
                                "versions of the dataset respect it.") % {"column": column})
    return redirect("checks:report", dataset.name, version.pk)


@require_POST
@office_view
def ruling_remove(request: HttpRequest, name: str, pk: int) -> HttpResponse:
    dataset = selectors_office.dataset_for_office(name=name, user=request.user)
    ruling = selectors.ruling_of(dataset=dataset, pk=pk)
    services.column_ruling_remove(ruling=ruling, by=request.user, at=now())
    messages.success(request, _("The decision on the column “%(column)s” is withdrawn; the "
                                "column stops publication again until it is decided anew.")
                     % {"column": ruling.column})
    return redirect("checks:structure", dataset.name)


urlpatterns = [
    path("office/datasets/<slug:name>/files/<int:version_id>/check/column/", column,
         name="column"),
    path("office/datasets/<slug:name>/rulings/<int:pk>/remove/", ruling_remove,
         name="ruling-remove"),
]
