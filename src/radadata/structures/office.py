"""The office page where the owner picks the national structure a dataset follows."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from radadata.registry import selectors_office
from radadata.registry.views.common import now, office_view
from radadata.structures import selectors, services
from radadata.structures.search import search


@office_view
def dataset_national_structure(request: HttpRequest, name: str) -> HttpResponse:
    dataset = selectors_office.dataset_for_office(name=name, user=request.user)
    can_edit = selectors_office.can_edit_dataset(request.user, dataset)
    if request.method == "POST" and can_edit:
        if request.POST.get("action") == "stop":
            services.dataset_unfollow_structure(dataset=dataset, by=request.user, at=now())
            messages.success(request, _("The dataset no longer follows a national structure; "
                                        "its columns stay as its own structure."))
        else:
            choice = services.dataset_follow_structure(
                dataset=dataset, structure_id=request.POST.get("structure", ""),
                by=request.user, at=now())
            messages.success(request, _("The dataset follows the national structure “%(title)s” "
                                        "(%(id)s); every new file is checked against it.")
                             % {"title": choice.title, "id": choice.structure_id})
        return redirect("structures:dataset", dataset.name)
    query = request.GET.get("q", "").strip()[:200]
    return render(request, "structures/office.html", {
        "dataset": dataset, "can_edit": can_edit, "query": query,
        "following": selectors.following(dataset),
        "proposals": selectors.proposals(dataset),
        "results": search(query) if query else [],
    })


urlpatterns = [
    path("office/datasets/<slug:name>/national-structure/", dataset_national_structure,
         name="dataset"),
]
