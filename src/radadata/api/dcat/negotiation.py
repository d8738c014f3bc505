"""The three RDF serialisations and the choice between them and HTML by the Accept header."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from radadata.api.dcat import vocab


@dataclass(frozen=True)
class RdfFormat:
    extension: str
    rdflib_name: str
    media_type: str


FORMATS: dict[str, RdfFormat] = {
    "ttl": RdfFormat("ttl", "turtle", "text/turtle"),
    "rdf": RdfFormat("rdf", "pretty-xml", "application/rdf+xml"),
    "jsonld": RdfFormat("jsonld", "json-ld", "application/ld+json"),
}
_BY_MEDIA_TYPE = {f.media_type: f.extension for f in FORMATS.values()}
# HTML first: a browser's "*/*" and a request without Accept get the page.
_OFFERED = ["text/html", *_BY_MEDIA_TYPE]


def negotiated_format(request: HttpRequest) -> str | None:
    """The extension of the RDF serialisation the client prefers to HTML, or None."""
    preferred = request.get_preferred_type(_OFFERED)
    return _BY_MEDIA_TYPE.get(preferred or "")


def serialise(graph, extension: str) -> bytes:
    fmt = FORMATS[extension]
    if extension == "jsonld":
        return graph.serialize(format=fmt.rdflib_name, context=dict(vocab.PREFIXES),
                               auto_compact=True, encoding="utf-8")
    return graph.serialize(format=fmt.rdflib_name, encoding="utf-8")
