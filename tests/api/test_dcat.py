"""DCAT-AP 3: the catalogue and each published dataset in Turtle, RDF/XML and JSON-LD, checked
with rdflib and, once per module, against the DCAT-AP 3.0.0 SHACL shapes with pyshacl."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from radadata.api.dcat import queries
from radadata.api.dcat.vocab import HYDRA, PREFIXES, SPDX, VCARD
from radadata.registry.models import Council, Dataset, ResourceVersion
from radadata.registry.services import resources as resource_services
from radadata.registry.vocabularies import OwnerKind, Periodicity
from tests.factories import AT, DatasetFactory, OwnerFactory, UserFactory, add_file, valid_edrpou

pytestmark = [
    pytest.mark.django_db,
    # rdflib's own JSON-LD parser still uses its deprecated ConjunctiveGraph.
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]

# Plain namespaces: pytest's collection probes module attributes, and rdflib's closed
# namespace classes warn about every probe.
DCAT, DCTERMS, FOAF, RDF, XSD = (Namespace(PREFIXES[p])
                                 for p in ("dcat", "dct", "foaf", "rdf", "xsd"))

SHAPES = Path(__file__).resolve().parents[1] / "data" / "dcat-ap"
SITE = "https://data.rada.example.ua"
EU = "http://publications.europa.eu/resource/authority/"
CSV_V1 = b"id,name\n1,School\n"
CSV_V2 = b"id,name\n1,School\n2,Lyceum\n"
RDF_FORMATS = {"ttl": ("turtle", "text/turtle"), "rdf": ("xml", "application/rdf+xml"),
               "jsonld": ("json-ld", "application/ld+json")}


@dataclass
class Catalogue:
    council_edrpou: str
    schools: Dataset
    budget: Dataset
    draft: Dataset
    published_v1: ResourceVersion
    waiting_v2: ResourceVersion


@pytest.fixture
def catalogue(settings) -> Catalogue:
    """Like the demo: a council, a department with ЄДРПОУ and one without, two published
    datasets with files (one with a newer file waiting for publication) and a draft."""
    settings.SITE_URL = SITE
    council_edrpou = valid_edrpou()
    Council.objects.update_or_create(pk=1, defaults={
        "name": "Світлогірська міська рада", "edrpou": council_edrpou,
        "website": "https://rada.example.ua/"})
    education = OwnerFactory(name="Управління освіти", slug="osvita")
    finance = OwnerFactory(name="Фінансовий відділ", slug="finansy",
                           kind=OwnerKind.DEPARTMENT, edrpou="")
    clerk = UserFactory(owner=education, email="osvita@rada.example.ua",
                        last_name="Коваль", first_name="Ірина", patronymic="Петрівна")
    schools = DatasetFactory(owner=education, name="shkoly", title="Заклади освіти громади",
                             published=True, keywords=["освіта", "школи"], themes=["osvita"])
    published_v1 = add_file(schools, CSV_V1)  # by the system: public at once
    waiting_v2 = resource_services.version_add(  # by the clerk: waits for publication
        resource=published_v1.resource, stream=io.BytesIO(CSV_V2), filename="data.csv",
        by=clerk, at=AT)
    budget = DatasetFactory(owner=finance, name="biudzhet", title="Бюджет громади",
                            periodicity=Periodicity.YEARLY, published=True,
                            themes=["biudzhet-i-finansy"])
    add_file(budget, b'[{"year": 2026, "total": 1000}]', filename="budget.json")
    draft = DatasetFactory(owner=education, name="chernetka", title="Чернетка набору")
    add_file(draft, CSV_V1)
    return Catalogue(council_edrpou=council_edrpou, schools=schools, budget=budget,
                     draft=draft, published_v1=published_v1, waiting_v2=waiting_v2)


def _parse(response, rdflib_format: str) -> Graph:
    assert response.status_code == 200, response.content[:500]
    return Graph().parse(data=response.content, format=rdflib_format)


def _uri(path: str) -> URIRef:
    return URIRef(SITE + path)


def test_the_catalogue_conforms_to_the_dcat_ap_3_shapes(client, catalogue):
    data = _parse(client.get("/catalog.ttl"), "turtle")
    shapes = Graph()
    shapes.parse(SHAPES / "dcat-ap-3.0.0-SHACL.ttl")
    shapes.parse(SHAPES / "dcat-ap-3.0.0-range.ttl")  # the class ranges: strict on purpose

    conforms, _report, text = validate(data, shacl_graph=shapes, inference="none")

    assert conforms, text
    # Not an empty graph conforming vacuously: both published datasets and their files.
    datasets = set(data.objects(_uri("/catalog"), DCAT.dataset))
    assert datasets == {_uri("/dataset/shkoly#dataset"), _uri("/dataset/biudzhet#dataset")}
    assert len(set(data.subjects(RDF.type, DCAT.Distribution))) == 2


@pytest.mark.parametrize("extension", RDF_FORMATS)
def test_every_serialisation_parses_to_the_same_graph(client, catalogue, extension):
    rdflib_format, media_type = RDF_FORMATS[extension]
    explicit = client.get(f"/catalog.{extension}")
    assert explicit["Content-Type"] == f"{media_type}; charset=utf-8"
    assert (_uri("/catalog"), RDF.type, DCAT.Catalog) in _parse(explicit, rdflib_format)
    # The same triples in every format (the negotiated /catalog names the same page
    # addresses whatever the format).
    for ttl_path, path in (("/dataset/shkoly.ttl", f"/dataset/shkoly.{extension}"),
                           ("/catalog", "/catalog")):
        expected = _parse(client.get(ttl_path, HTTP_ACCEPT="text/turtle"), "turtle")
        response = client.get(path, HTTP_ACCEPT=media_type)
        assert response["Content-Type"] == f"{media_type}; charset=utf-8"
        assert isomorphic(_parse(response, rdflib_format), expected), path


def test_the_catalogue_names_its_publisher_and_language(client, catalogue):
    graph = _parse(client.get("/catalog.ttl"), "turtle")
    catalogue_node = _uri("/catalog")

    assert (catalogue_node, RDF.type, DCAT.Catalog) in graph
    assert "Світлогірська міська рада" in str(graph.value(catalogue_node, DCTERMS.title))
    publisher = graph.value(catalogue_node, DCTERMS.publisher)
    assert (publisher, RDF.type, FOAF.Agent) in graph
    assert graph.value(publisher, DCTERMS.identifier) == Literal(catalogue.council_edrpou)
    assert graph.value(catalogue_node, FOAF.homepage) == URIRef("https://rada.example.ua/")
    assert graph.value(catalogue_node, DCTERMS.language) == URIRef(EU + "language/UKR")
    assert graph.value(catalogue_node, DCTERMS.modified).datatype == XSD.dateTime


def test_a_dataset_describes_its_passport_and_its_published_file(client, catalogue):
    graph = _parse(client.get("/dataset/shkoly.ttl"), "turtle")
    node = _uri("/dataset/shkoly#dataset")

    assert graph.value(node, DCTERMS.identifier) == Literal(catalogue.schools.identifier)
    assert graph.value(node, DCTERMS.title) == Literal("Заклади освіти громади", lang="uk")
    assert graph.value(node, DCTERMS.description).language == "uk"
    assert set(graph.objects(node, DCAT.keyword)) == {Literal("освіта", lang="uk"),
                                                      Literal("школи", lang="uk")}
    assert set(graph.objects(node, DCAT.theme)) == {URIRef(EU + "data-theme/EDUC")}
    assert graph.value(node, DCTERMS.accrualPeriodicity) == URIRef(EU + "frequency/QUARTERLY")
    assert graph.value(node, DCTERMS.language) == URIRef(EU + "language/UKR")
    assert graph.value(node, DCTERMS.issued).datatype == XSD.dateTime
    assert graph.value(node, DCAT.landingPage) == _uri("/dataset/shkoly")
    publisher = graph.value(node, DCTERMS.publisher)
    assert graph.value(publisher, FOAF.name) == Literal("Управління освіти", lang="uk")
    assert graph.value(publisher, DCTERMS.identifier) == Literal(
        catalogue.schools.owner.edrpou)
    contact = graph.value(node, DCAT.contactPoint)
    assert graph.value(contact, VCARD.fn) == Literal("Коваль Ірина Петрівна", lang="uk")
    assert graph.value(contact, VCARD.hasEmail) == URIRef("mailto:osvita@rada.example.ua")

    # The waiting version 2 is not public: the distribution serves version 1.
    assert catalogue.waiting_v2.published_at is None
    (distribution,) = graph.objects(node, DCAT.distribution)
    v1 = catalogue.published_v1
    download = _uri(f"/dataset/shkoly/resource/{v1.resource_id}/v1/data.csv")
    assert graph.value(distribution, DCAT.downloadURL) == download
    assert graph.value(distribution, DCAT.accessURL) == download
    assert b"/v2/" not in client.get("/dataset/shkoly.ttl").content
    assert graph.value(distribution, DCTERMS["format"]) == URIRef(EU + "file-type/CSV")
    assert graph.value(distribution, DCAT.mediaType) == URIRef(
        "https://www.iana.org/assignments/media-types/text/csv")
    assert graph.value(distribution, DCAT.byteSize) == Literal(
        len(CSV_V1), datatype=XSD.nonNegativeInteger)
    checksum = graph.value(distribution, SPDX.checksum)
    assert str(graph.value(checksum, SPDX.checksumValue)).lower() == v1.sha256
    assert graph.value(distribution, DCTERMS.license) == URIRef(EU + "licence/CC_BY_4_0")
    # And the download link really serves the published file.
    assert b"".join(client.get(str(download)[len(SITE):]).streaming_content) == CSV_V1


def test_an_owner_without_edrpou_and_a_yearly_budget(client, catalogue):
    graph = _parse(client.get("/dataset/biudzhet.ttl"), "turtle")
    node = _uri("/dataset/biudzhet#dataset")

    publisher = graph.value(node, DCTERMS.publisher)
    assert graph.value(publisher, DCTERMS.identifier) is None
    # No person at this owner: the owner's own e-mail is the contact point.
    contact = graph.value(node, DCAT.contactPoint)
    assert graph.value(contact, VCARD.hasEmail) == URIRef(
        f"mailto:{catalogue.budget.owner.email}")
    assert graph.value(node, DCTERMS.accrualPeriodicity) == URIRef(EU + "frequency/ANNUAL")
    assert set(graph.objects(node, DCAT.theme)) == {URIRef(EU + "data-theme/ECON"),
                                                    URIRef(EU + "data-theme/GOVE")}
    (distribution,) = graph.objects(node, DCAT.distribution)
    assert graph.value(distribution, DCTERMS["format"]) == URIRef(EU + "file-type/JSON")


def test_an_unpublished_dataset_is_nowhere_and_answers_404(client, catalogue, officer):
    graph = _parse(client.get("/catalog.ttl"), "turtle")
    assert _uri("/dataset/chernetka#dataset") not in set(graph.subjects())
    for extension in RDF_FORMATS:
        assert client.get(f"/dataset/chernetka.{extension}").status_code == 404
        assert client.get(f"/dataset/no-such-set.{extension}").status_code == 404
    # Even the officer, who sees the draft's page, gets no RDF of it.
    client.force_login(officer)
    assert client.get("/dataset/chernetka").status_code == 200
    assert client.get("/dataset/chernetka", HTTP_ACCEPT="text/turtle").status_code == 404
    assert client.get("/dataset/chernetka.ttl").status_code == 404


def test_the_catalogue_is_paged_with_hydra_links(client, catalogue, monkeypatch):
    monkeypatch.setattr(queries, "PAGE_SIZE", 1)

    first = _parse(client.get("/catalog.ttl"), "turtle")
    view = _uri("/catalog.ttl?page=1")
    assert (_uri("/catalog"), HYDRA.view, view) in first
    assert (view, RDF.type, HYDRA.PartialCollectionView) in first
    assert first.value(view, HYDRA.first) == view
    assert first.value(view, HYDRA.next) == _uri("/catalog.ttl?page=2")
    assert first.value(view, HYDRA.last) == _uri("/catalog.ttl?page=2")
    assert first.value(view, HYDRA.previous) is None
    assert first.value(view, HYDRA.totalItems).toPython() == 2
    assert first.value(view, HYDRA.itemsPerPage).toPython() == 1
    assert len(set(first.objects(_uri("/catalog"), DCAT.dataset))) == 1

    second = _parse(client.get("/catalog.ttl?page=2"), "turtle")
    view = _uri("/catalog.ttl?page=2")
    assert second.value(view, HYDRA.previous) == _uri("/catalog.ttl?page=1")
    assert second.value(view, HYDRA.next) is None
    pages = (set(first.objects(_uri("/catalog"), DCAT.dataset))
             | set(second.objects(_uri("/catalog"), DCAT.dataset)))
    assert pages == {_uri("/dataset/shkoly#dataset"), _uri("/dataset/biudzhet#dataset")}

    assert client.get("/catalog.ttl?page=3").status_code == 404
    assert client.get("/catalog.ttl?page=zero").status_code == 422


def test_content_negotiation_on_the_catalogue_and_the_dataset_page(client, catalogue):
    for extension, (rdflib_format, media_type) in RDF_FORMATS.items():
        for path in ("/catalog", "/dataset/shkoly"):
            response = client.get(path, HTTP_ACCEPT=media_type)
            assert response["Content-Type"].startswith(media_type), (path, extension)
            assert "Accept" in response["Vary"]
            assert (_uri("/dataset/shkoly#dataset"), RDF.type, DCAT.Dataset) in _parse(
                response, rdflib_format)

    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    page = client.get("/dataset/shkoly", HTTP_ACCEPT=browser)
    assert page["Content-Type"].startswith("text/html")
    assert "Заклади освіти громади" in page.content.decode()
    assert "Accept" in page["Vary"]
    assert client.get("/dataset/shkoly")["Content-Type"].startswith("text/html")
    # The catalogue has no HTML page behind it: Turtle unless another RDF type is asked for.
    assert client.get("/catalog")["Content-Type"].startswith("text/turtle")
    paged = _parse(client.get("/catalog", HTTP_ACCEPT="text/turtle"), "turtle")
    assert (_uri("/catalog"), HYDRA.view, _uri("/catalog?page=1")) in paged
