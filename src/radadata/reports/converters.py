"""URL converters of the report pages: a quarter ("2026Q3"), a document and a format."""

from __future__ import annotations

from django.urls import register_converter

from radadata.reports.periods import Quarter
from radadata.reports.renderers import FORMATS


class QuarterConverter:
    regex = r"\d{4}Q[1-4]"

    def to_python(self, value: str) -> Quarter:
        return Quarter.parse(value)

    def to_url(self, value: Quarter | str) -> str:
        return str(value)


class FormatConverter:
    regex = "|".join(FORMATS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class QuarterDocumentConverter(FormatConverter):
    regex = "summary|mayor"


register_converter(QuarterConverter, "quarter")
register_converter(FormatConverter, "reportformat")
register_converter(QuarterDocumentConverter, "quarterdocument")
