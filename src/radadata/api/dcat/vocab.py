"""Namespaces and the mappings of our closed lists onto the EU controlled vocabularies that
DCAT-AP 3 expects (data themes, frequencies, file types, languages, licences).

The EU vocabularies are published by the Publications Office under
http://publications.europa.eu/resource/authority/; a value we cannot map is left out rather
than guessed (or, for file formats, described by a label only).
"""

from __future__ import annotations

from rdflib import Namespace

from radadata.registry.vocabularies import OwnerKind, Periodicity

EU = "http://publications.europa.eu/resource/authority/"
DATA_THEME = Namespace(EU + "data-theme/")
FREQUENCY = Namespace(EU + "frequency/")
FILE_TYPE = Namespace(EU + "file-type/")
LANGUAGE = Namespace(EU + "language/")
LICENCE = Namespace(EU + "licence/")
ACCESS_RIGHT = Namespace(EU + "access-right/")
IANA = Namespace("https://www.iana.org/assignments/media-types/")
ADMS_PUBLISHER_TYPE = Namespace("http://purl.org/adms/publishertype/")

DCATAP = Namespace("http://data.europa.eu/r5r/")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")

#: Prefixes bound in every graph (Turtle prefixes and the JSON-LD context).
PREFIXES: dict[str, str] = {
    "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcatap": str(DCATAP), "hydra": str(HYDRA), "spdx": str(SPDX), "vcard": str(VCARD),
}

#: The EU data themes with their English labels (skos:Concept needs a skos:prefLabel).
DATA_THEME_LABELS: dict[str, str] = {
    "AGRI": "Agriculture, fisheries, forestry and food",
    "ECON": "Economy and finance",
    "EDUC": "Education, culture and sport",
    "ENER": "Energy",
    "ENVI": "Environment",
    "GOVE": "Government and public sector",
    "HEAL": "Health",
    "INTR": "International issues",
    "JUST": "Justice, legal system and public safety",
    "REGI": "Regions and cities",
    "SOCI": "Population and society",
    "TECH": "Science and technology",
    "TRAN": "Transport",
}

#: Our themes (Theme.code, registry migration 0002) → EU data themes. A theme of a local
#: council rarely matches one EU theme exactly; this is the nearest, or two when both fit.
THEME_TO_EU: dict[str, tuple[str, ...]] = {
    "vlada-i-upravlinnia": ("GOVE",),
    "biudzhet-i-finansy": ("ECON", "GOVE"),
    "ekonomika-i-biznes": ("ECON",),
    "komunalne-maino": ("GOVE",),
    "osvita": ("EDUC",),
    "okhorona-zdorovia": ("HEAL",),
    "sotsialnyi-zakhyst": ("SOCI",),
    "transport": ("TRAN",),
    "mistobuduvannia-i-zemlia": ("REGI",),
    "zhytlovo-komunalne-hospodarstvo": ("REGI",),
    "ekolohiia": ("ENVI",),
    "kultura-i-turyzm": ("EDUC",),
    "sport-i-molod": ("EDUC",),
    "bezpeka": ("JUST",),
    "administratyvni-posluhy": ("GOVE",),
    "hromadska-uchast": ("GOVE", "SOCI"),
}

#: data.gov.ua update frequencies → the EU frequency vocabulary.
FREQUENCY_TO_EU: dict[str, str] = {
    # "more than once a day": the EU list's "continuously updated".
    Periodicity.MORE_THAN_DAILY: "UPDATE_CONT",
    Periodicity.DAILY: "DAILY",
    Periodicity.WEEKLY: "WEEKLY",
    Periodicity.MONTHLY: "MONTHLY",
    Periodicity.QUARTERLY: "QUARTERLY",
    # Twice a year; the EU list's BIENNIAL means every two years, which would be wrong.
    Periodicity.HALF_YEARLY: "ANNUAL_2",
    Periodicity.YEARLY: "ANNUAL",
    Periodicity.ON_CHANGE: "IRREG",
    Periodicity.NO_LONGER: "NEVER",
}

#: Our format names (ResourceVersion.format, upper case) → EU file types, where one exists.
FORMAT_TO_EU: dict[str, str] = {
    "CSV": "CSV", "JSON": "JSON", "GEOJSON": "GEOJSON", "XML": "XML",
    "RDF": "RDF_XML", "YAML": "YAML", "XLSX": "XLSX", "XLS": "XLS", "ODS": "ODS",
    "PDF": "PDF", "DOCX": "DOCX", "DOC": "DOC", "ODT": "ODT", "RTF": "RTF", "TXT": "TXT",
    "HTML": "HTML", "XHTML": "XHTML", "ZIP": "ZIP", "7Z": "7Z", "GZIP": "GZIP", "GZ": "GZIP",
    "BZIP2": "BZIP2", "BZ2": "BZIP2", "GIF": "GIF", "JPG": "JPEG", "JPEG": "JPEG",
    "PNG": "PNG", "TIFF": "TIFF", "GEOTIFF": "GEOTIFF", "SHP": "SHP", "GPX": "GPX",
    "DXF": "DXF", "GTFS": "GTFS", "MP3": "MP3",
}

#: Dataset.language → EU languages.
LANGUAGE_TO_EU: dict[str, str] = {"uk": "UKR", "en": "ENG"}

#: The open licence of every published dataset (§6.15.6): CC BY 4.0, as the EU licence
#: vocabulary names it; the Creative Commons deed is linked with rdfs:seeAlso.
LICENCE_URI = LICENCE["CC_BY_4_0"]
LICENCE_DEED = "https://creativecommons.org/licenses/by/4.0/"
#: Its title in CKAN's licence register (id cc-by), which ckanext-dcat matches on.
LICENCE_TITLE = "Creative Commons Attribution"

#: ADMS publisher types: a council and its executive bodies are local authorities. A communal
#: enterprise has no close type in the list and gets none.
PUBLISHER_TYPE_LABELS: dict[str, str] = {"LocalAuthority": "Local Authority"}
OWNER_KIND_TO_PUBLISHER_TYPE: dict[str, str] = {
    OwnerKind.DEPARTMENT: "LocalAuthority",
    OwnerKind.DEPARTMENT_LEGAL: "LocalAuthority",
}
