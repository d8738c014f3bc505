"""The dataset's structure as files (§6.16): W3C CSVW JSON (what data.gov.ua recommends), a
Frictionless Table Schema and an XML Schema (XSD)."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from radadata.catalog import selectors, structure
from radadata.core.errors import NotFound
from radadata.registry import selectors_office


def _structure(request: HttpRequest, name: str) -> structure.DatasetStructure:
    dataset = selectors_office.dataset_for_page(name=name, user=request.user)
    resources = selectors_office.resources_with_versions(dataset, public=dataset.is_published)
    found = selectors.dataset_structure(dataset, resources)
    if found is None:
        raise NotFound(_("This dataset has no structure yet: it has no table file."))
    return found


def _json(document: dict, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(json.dumps(document, ensure_ascii=False, indent=2),
                            content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response


@require_safe
def structure_csvw(request: HttpRequest, name: str) -> HttpResponse:
    document = structure.as_csvw(_structure(request, name))
    return _json(document, f"{name}.csvw.json", "application/csvm+json")


@require_safe
def structure_schema(request: HttpRequest, name: str) -> HttpResponse:
    document = structure.as_table_schema(_structure(request, name))
    return _json(document, f"{name}.schema.json", "application/json")


@require_safe
def structure_xsd(request: HttpRequest, name: str) -> HttpResponse:
    response = HttpResponse(structure.as_xsd(_structure(request, name)),
                            content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}.xsd"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


urlpatterns = [
    path("dataset/<slug:name>/structure.csvw.json", structure_csvw, name="structure-csvw"),
    path("dataset/<slug:name>/structure.schema.json", structure_schema,
         name="structure-schema"),
    path("dataset/<slug:name>/structure.xsd", structure_xsd, name="structure-xsd"),
]
