"""DCAT-AP 3 documents: the catalogue (paged) and each published dataset, at the addresses
ckanext-dcat uses, in Turtle, RDF/XML and JSON-LD."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from radadata.api.dcat import graph, queries
from radadata.api.dcat.negotiation import FORMATS, negotiated_format, serialise
from radadata.registry.models import Council

#: /catalog without an RDF Accept header: there is no HTML page behind it.
DEFAULT_FORMAT = "ttl"


def _rdf_response(rdf_graph, extension: str, *, negotiated: bool) -> HttpResponse:
    response = HttpResponse(serialise(rdf_graph, extension),
                            content_type=f"{FORMATS[extension].media_type}; charset=utf-8")
    if negotiated:
        # Caches must keep the HTML and the RDF answers of one address apart.
        patch_vary_headers(response, ["Accept"])
    return response


@require_safe
def catalogue(request: HttpRequest, extension: str | None = None) -> HttpResponse:
    negotiated = extension is None
    if negotiated:
        extension = negotiated_format(request) or DEFAULT_FORMAT
    page = queries.catalogue_page(queries.page_number(request.GET.get("page")))
    base = settings.SITE_URL + request.path
    rdf_graph = graph.catalogue_graph(page, council=Council.current(),
                                      page_url=lambda number: f"{base}?page={number}")
    return _rdf_response(rdf_graph, extension, negotiated=negotiated)


@require_safe
def dataset(request: HttpRequest, name: str, extension: str) -> HttpResponse:
    rdf_graph = graph.dataset_graph(queries.published_dataset(name))
    return _rdf_response(rdf_graph, extension, negotiated=False)


def dataset_rdf_response(request: HttpRequest, name: str) -> HttpResponse | None:
    """For the HTML page /dataset/<name>: the RDF when the Accept header asks for it, else
    None (the page goes on). An unpublished dataset raises NotFound even for its owner."""
    extension = negotiated_format(request)
    if extension is None:
        return None
    rdf_graph = graph.dataset_graph(queries.published_dataset(name))
    return _rdf_response(rdf_graph, extension, negotiated=True)
