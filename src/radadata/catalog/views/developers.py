"""«Для розробників»: one short page that says where the machine-readable doors of the catalogue
are (our JSON API, the CKAN-compatible API, DCAT-AP) with ready examples for this council."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_safe

from radadata.registry.models import Dataset


@require_safe
def developers(request: HttpRequest) -> HttpResponse:
    example = (Dataset.objects.published().order_by("-last_modified_at", "name")
               .values_list("name", flat=True).first()) or "nazva-naboru"
    base = request.build_absolute_uri("/").rstrip("/")
    return render(request, "catalog/developers.html", {
        "base": base,
        "example": example,
    })


urlpatterns = [path("developers/", developers, name="developers")]
