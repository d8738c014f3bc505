"""The public pages of the national structures (no sign-in): the list with a search, one
structure's columns, and its downloads."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from radadata.structures import catalog, downloads
from radadata.structures.search import search

app_name = "structures"

_FORMATS = {**{f: downloads.schema_file for f in downloads.SCHEMA_FORMATS},
            **{f: downloads.template_file for f in downloads.TEMPLATE_FORMATS}}


@require_GET
def structure_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    edition = request.GET.get("edition", "").strip()
    found = search(query, edition=edition)
    groups = [(e, [s for s in found if s.edition.code == e.code]) for e in catalog.editions()]
    return render(request, "structures/list.html", {
        "query": query, "edition": edition, "editions": catalog.editions(),
        "groups": [(e, items) for e, items in groups if items], "count": len(found)})


@require_GET
def structure_detail(request: HttpRequest, edition: str, stem: str) -> HttpResponse:
    structure = catalog.get(f"{edition}/{stem}")
    return render(request, "structures/detail.html", {
        "structure": structure, "columns": structure.columns,
        "schema_formats": downloads.SCHEMA_FORMATS})


@require_GET
def structure_download(request: HttpRequest, edition: str, stem: str, fmt: str
                       ) -> HttpResponse:
    structure = catalog.get(f"{edition}/{stem}")
    if fmt not in _FORMATS:
        raise Http404
    body, content_type, name = _FORMATS[fmt](structure, fmt)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


urlpatterns = [
    path("structures/", structure_list, name="list"),
    path("structures/<str:edition>/<str:stem>/", structure_detail, name="detail"),
    path("structures/<str:edition>/<str:stem>/download/<str:fmt>/", structure_download,
         name="download"),
]
