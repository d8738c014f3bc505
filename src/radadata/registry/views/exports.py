"""The registry of published datasets (§4.8–4.12): its public page and its downloads in the §4.10
structure and the national structures of 2019 and 2025 — no sign-in (§2.20); and the full
internal registry (§4.3) for signed-in staff, limited to what each person may read."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from radadata.core.errors import NotFound
from radadata.registry import exports, selectors
from radadata.registry.exports import PUBLISHED, REGISTRY_4_10, REGISTRY_INTERNAL, Structure
from radadata.registry.exports.rows import Row
from radadata.registry.views.common import office_view, paginate

INTERNAL_FORMATS = ("xlsx", "csv")


def _file_response(fmt: str, structure: Structure, rows: Iterable[Row]) -> HttpResponseBase:
    content_type = exports.CONTENT_TYPES[fmt]
    if fmt == "xlsx":
        response: HttpResponseBase = HttpResponse(
            exports.xlsx_bytes(structure.header, rows), content_type=content_type)
    else:
        # Streamed: a registry of thousands of datasets is never held in memory whole.
        response = StreamingHttpResponse(exports.rendered(fmt, structure.header, rows),
                                         content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{structure.filename}.{fmt}"'
    return response


def _download_links() -> list[dict]:
    links = []
    for key, structure in PUBLISHED.items():
        query = "" if structure is REGISTRY_4_10 else f"?structure={key}"
        links.append({
            "structure": structure,
            "files": [(fmt.upper(), reverse("registry:published-download", args=[fmt]) + query)
                      for fmt in exports.FORMATS],
        })
    return links


@require_safe
def published_registry(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.published_datasets(), per_page=100)
    header = REGISTRY_4_10.header
    rows = [dict(zip(header, row, strict=True))
            for row in exports.published_rows(REGISTRY_4_10, list(page.object_list))]
    return render(request, "registry/published/registry.html", {
        "page": page,
        "rows": rows,
        "columns": REGISTRY_4_10.columns,
        "downloads": _download_links(),
    })


@require_safe
def published_download(request: HttpRequest, fmt: str) -> HttpResponseBase:
    if fmt not in exports.FORMATS:
        raise NotFound(_("The registry is published as CSV, JSON and XLSX only."))
    key = request.GET.get("structure") or REGISTRY_4_10.key
    structure = PUBLISHED.get(key)
    if structure is None:
        raise NotFound(_("Unknown structure “%(key)s”: use 4.10, 2019 or 2025.") % {"key": key})
    response = _file_response(fmt, structure, exports.published_rows(structure))
    # Open data: any site or script may read it (§2.20).
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
@office_view
def internal_export(request: HttpRequest, fmt: str) -> HttpResponseBase:
    if fmt not in INTERNAL_FORMATS:
        raise NotFound(_("The full registry is exported as XLSX or CSV only."))
    response = _file_response(fmt, REGISTRY_INTERNAL, exports.internal_rows(request.user))
    response["Cache-Control"] = "private, no-store"
    return response


urlpatterns = [
    path("registry/", published_registry, name="published-registry"),
    path("registry.<str:fmt>", published_download, name="published-download"),
    path("office/registry.<str:fmt>", internal_export, name="internal-export"),
]
