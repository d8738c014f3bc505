"""DCAT-AP 3 graphs of the catalogue and of one dataset (rdflib).

Every node a DCAT-AP property points at is typed with the class the DCAT-AP 3.0.0 shapes
expect (dct:LicenseDocument, dct:Frequency, foaf:Document…): the shapes check ranges with
sh:class and validators run without inference, so an untyped IRI would not conform.
Reads only what queries.py and registry.selectors prefetched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.conf import settings
from django.urls import reverse
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from radadata.accounts.models import User
from radadata.api.ckan.dicts import portal_tag
from radadata.api.dcat import vocab
from radadata.api.dcat.queries import CataloguePage
from radadata.api.dcat.vocab import HYDRA, SPDX, VCARD
from radadata.registry import selectors, selectors_office
from radadata.registry.models import Council, Dataset, Owner, Resource, ResourceVersion

UK = "uk"  # the language of all our metadata


def new_graph() -> Graph:
    graph = Graph(bind_namespaces="core")
    for prefix, namespace in vocab.PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)
    return graph


def catalogue_uri() -> URIRef:
    return URIRef(f"{settings.SITE_URL}/catalog")


def dataset_page(dataset: Dataset) -> str:
    return f"{settings.SITE_URL}/dataset/{dataset.name}"


def dataset_uri(dataset: Dataset) -> URIRef:
    # A thing described on the dataset's page (which answers this RDF too, by content
    # negotiation), not the page itself: the page is the dcat:landingPage, a foaf:Document.
    return URIRef(f"{dataset_page(dataset)}#dataset")


def _typed(graph: Graph, uri: str, rdf_class: URIRef) -> URIRef:
    node = URIRef(uri)
    graph.add((node, RDF.type, rdf_class))
    return node


def _time(value: dt.datetime | None) -> Literal | None:
    return Literal(value, datatype=XSD.dateTime) if value else None


def _add(graph: Graph, subject, predicate, value) -> None:
    if value is not None:
        graph.add((subject, predicate, value))


def _language(graph: Graph, code: str) -> URIRef | None:
    eu = vocab.LANGUAGE_TO_EU.get(code)
    return _typed(graph, vocab.LANGUAGE[eu], DCTERMS.LinguisticSystem) if eu else None


def _concept(graph: Graph, uri: str, label: str, scheme: URIRef | None = None) -> URIRef:
    node = _typed(graph, uri, SKOS.Concept)
    graph.add((node, SKOS.prefLabel, Literal(label, lang="en")))
    _add(graph, node, SKOS.inScheme, scheme)
    return node


def _agent(graph: Graph, node: URIRef, *, name: str, edrpou: str, kind: str | None) -> URIRef:
    graph.add((node, RDF.type, FOAF.Agent))
    graph.add((node, FOAF.name, Literal(name, lang=UK)))
    if edrpou:
        # The ЄДРПОУ code identifies a Ukrainian legal entity (as data.gov.ua shows it).
        graph.add((node, DCTERMS.identifier, Literal(edrpou)))
    if kind:
        label = vocab.PUBLISHER_TYPE_LABELS[kind]
        graph.add((node, DCTERMS.type,
                   _concept(graph, vocab.ADMS_PUBLISHER_TYPE[kind], label)))
    return node


def council_agent(graph: Graph, council: Council) -> URIRef:
    return _agent(graph, URIRef(f"{catalogue_uri()}#publisher"), name=council.name,
                  edrpou=council.edrpou, kind="LocalAuthority")


def owner_agent(graph: Graph, owner: Owner) -> URIRef:
    return _agent(graph, URIRef(f"{catalogue_uri()}#owner-{owner.slug}"), name=owner.name,
                  edrpou=owner.edrpou, kind=vocab.OWNER_KIND_TO_PUBLISHER_TYPE.get(owner.kind))


def _contact(graph: Graph, dataset: Dataset, person: User | None) -> BNode | None:
    """The contact person, else the owner's own e-mail: someone who answers (§6.15.1)."""
    if person is not None and person.email:
        name, email = person.full_name, person.email
    elif dataset.owner.email:
        name, email = dataset.owner.name, dataset.owner.email
    else:
        return None
    node = BNode()
    graph.add((node, RDF.type, VCARD.Kind))
    graph.add((node, VCARD.fn, Literal(name, lang=UK)))
    graph.add((node, VCARD.hasEmail, URIRef(f"mailto:{email}")))
    return node


def _licence(graph: Graph) -> URIRef:
    node = _typed(graph, vocab.LICENCE_URI, DCTERMS.LicenseDocument)
    graph.add((node, RDFS.seeAlso, URIRef(vocab.LICENCE_DEED)))
    # CKAN does not know the EU licence URI: ckanext-dcat matches a licence by its URI or its
    # title, and "Creative Commons Attribution" is the title of CKAN's cc-by.
    graph.add((node, DCTERMS.title, Literal(vocab.LICENCE_TITLE)))
    return node


def _format(graph: Graph, name: str) -> URIRef | BNode:
    eu = vocab.FORMAT_TO_EU.get(name.upper())
    if eu:
        return _typed(graph, vocab.FILE_TYPE[eu], DCTERMS.MediaTypeOrExtent)
    # Not in the EU list: described by its name rather than mapped to a wrong type.
    node = BNode()
    graph.add((node, RDF.type, DCTERMS.MediaTypeOrExtent))
    graph.add((node, RDFS.label, Literal(name)))
    return node


def download_url(dataset: Dataset, resource: Resource, version: ResourceVersion) -> str:
    path = reverse("registry:version-download",
                   args=[dataset.name, resource.pk, version.number, version.original_name])
    return settings.SITE_URL + path


def add_distribution(graph: Graph, dataset: Dataset, files: selectors_office.ResourceFiles
                     ) -> URIRef:
    """One resource as a distribution: its newest published version is what it serves."""
    resource, version = files.resource, files.current
    node = _typed(graph, f"{dataset_page(dataset)}/resource/{resource.pk}", DCAT.Distribution)
    graph.add((node, DCTERMS.title, Literal(resource.title, lang=UK)))
    if resource.description:
        graph.add((node, DCTERMS.description, Literal(resource.description, lang=UK)))
    url = download_url(dataset, resource, version)
    graph.add((node, DCAT.accessURL, _typed(graph, url, RDFS.Resource)))
    graph.add((node, DCAT.downloadURL, _typed(graph, url, RDFS.Resource)))
    graph.add((node, DCTERMS["format"], _format(graph, version.format)))
    media_type = version.media_type.split(";")[0].strip()
    if media_type:
        graph.add((node, DCAT.mediaType,
                   _typed(graph, vocab.IANA[media_type], DCTERMS.MediaType)))
    graph.add((node, DCAT.byteSize, Literal(version.size, datatype=XSD.nonNegativeInteger)))
    checksum = BNode()
    graph.add((node, SPDX.checksum, checksum))
    graph.add((checksum, RDF.type, SPDX.Checksum))
    graph.add((checksum, SPDX.algorithm,
               _typed(graph, SPDX.checksumAlgorithm_sha256, SPDX.ChecksumAlgorithm)))
    graph.add((checksum, SPDX.checksumValue, Literal(version.sha256, datatype=XSD.hexBinary)))
    graph.add((node, DCTERMS.license, _licence(graph)))
    first = files.earlier[-1] if files.earlier else version
    _add(graph, node, DCTERMS.issued, _time(first.published_at))
    _add(graph, node, DCTERMS.modified, _time(version.published_at))
    return node


def add_dataset(graph: Graph, dataset: Dataset, *,
                contacts: dict[int, User | None] | None = None) -> URIRef:
    """`contacts` is selectors.responsible_by_owner() when many datasets are added."""
    node = _typed(graph, dataset_uri(dataset), DCAT.Dataset)
    graph.add((node, DCTERMS.identifier, Literal(dataset.identifier)))
    graph.add((node, DCTERMS.title, Literal(dataset.title, lang=UK)))
    graph.add((node, DCTERMS.description, Literal(dataset.description, lang=UK)))
    for keyword in dataset.keywords.all():
        # As a CKAN harvesting this catalogue accepts a tag (an apostrophe as ʼ).
        graph.add((node, DCAT.keyword, Literal(portal_tag(keyword.name) or keyword.name,
                                               lang=UK)))
    scheme = _theme_scheme(graph)
    codes = {code for theme in dataset.themes.all()
             for code in vocab.THEME_TO_EU.get(theme.code, ())}
    for code in sorted(codes):
        graph.add((node, DCAT.theme, _concept(graph, vocab.DATA_THEME[code],
                                              vocab.DATA_THEME_LABELS[code], scheme)))
    graph.add((node, DCTERMS.publisher, owner_agent(graph, dataset.owner)))
    _add(graph, node, DCAT.contactPoint,
         _contact(graph, dataset, selectors.contact_point(dataset, contacts)))
    frequency = vocab.FREQUENCY_TO_EU.get(dataset.periodicity)
    if frequency:
        graph.add((node, DCTERMS.accrualPeriodicity,
                   _typed(graph, vocab.FREQUENCY[frequency], DCTERMS.Frequency)))
    _add(graph, node, DCTERMS.issued, _time(dataset.first_published_at))
    _add(graph, node, DCTERMS.modified,
         _time(dataset.last_modified_at or dataset.first_published_at))
    graph.add((node, DCAT.landingPage, _typed(graph, dataset.landing_page, FOAF.Document)))
    _add(graph, node, DCTERMS.language, _language(graph, dataset.language))
    graph.add((node, DCTERMS.accessRights,
               _typed(graph, vocab.ACCESS_RIGHT["PUBLIC"], DCTERMS.RightsStatement)))
    for files in selectors_office.resources_with_versions(dataset, public=True):
        graph.add((node, DCAT.distribution, add_distribution(graph, dataset, files)))
    return node


def _theme_scheme(graph: Graph) -> URIRef:
    scheme = _typed(graph, str(vocab.DATA_THEME).rstrip("/"), SKOS.ConceptScheme)
    graph.add((scheme, DCTERMS.title, Literal("Data theme", lang="en")))
    return scheme


def dataset_graph(dataset: Dataset) -> Graph:
    graph = new_graph()
    add_dataset(graph, dataset)
    return graph


def catalogue_graph(page: CataloguePage, *, council: Council,
                    page_url: Callable[[int], str]) -> Graph:
    """One page of the catalogue. `page_url(n)` is the address of page n, for the Hydra
    links that let a harvester walk the pages (as ckanext-dcat publishes them)."""
    graph = new_graph()
    node = _typed(graph, catalogue_uri(), DCAT.Catalog)
    graph.add((node, DCTERMS.title, Literal(f"Відкриті дані — {council.name}", lang=UK)))
    graph.add((node, DCTERMS.description, Literal(
        f"Каталог наборів відкритих даних, які оприлюднює {council.name}.", lang=UK)))
    graph.add((node, DCTERMS.publisher, council_agent(graph, council)))
    graph.add((node, DCTERMS.language, _language(graph, UK)))
    homepage = council.website or f"{settings.SITE_URL}/"
    graph.add((node, FOAF.homepage, _typed(graph, homepage, FOAF.Document)))
    _add(graph, node, DCTERMS.modified, _time(page.modified))
    graph.add((node, DCAT.themeTaxonomy, _theme_scheme(graph)))
    contacts = selectors.responsible_by_owner()
    for dataset in page.datasets:
        graph.add((node, DCAT.dataset, add_dataset(graph, dataset, contacts=contacts)))
    _add_paging(graph, node, page, page_url)
    return graph


def _add_paging(graph: Graph, catalogue: URIRef, page: CataloguePage,
                page_url: Callable[[int], str]) -> None:
    view = URIRef(page_url(page.number))
    graph.add((catalogue, RDF.type, HYDRA.Collection))
    graph.add((catalogue, HYDRA.totalItems, Literal(page.total, datatype=XSD.integer)))
    graph.add((catalogue, HYDRA.view, view))
    graph.add((view, RDF.type, HYDRA.PartialCollectionView))
    graph.add((view, HYDRA.first, URIRef(page_url(1))))
    graph.add((view, HYDRA.last, URIRef(page_url(page.last))))
    if page.number < page.last:
        graph.add((view, HYDRA.next, URIRef(page_url(page.number + 1))))
    if page.number > 1:
        graph.add((view, HYDRA.previous, URIRef(page_url(page.number - 1))))
    # ckanext-dcat puts the counts on the view; Hydra puts totalItems on the collection.
    graph.add((view, HYDRA.totalItems, Literal(page.total, datatype=XSD.integer)))
    graph.add((view, HYDRA.itemsPerPage, Literal(page.size, datatype=XSD.integer)))
