"""The documents by name, as the pages, the downloads and the command build them."""

from __future__ import annotations

import datetime as dt

from radadata.reports.builders.quarterly import quarterly_report
from radadata.reports.builders.yearly import yearly_report
from radadata.reports.documents import quarterly, yearly
from radadata.reports.documents.blocks import Document
from radadata.reports.models import QuarterClose
from radadata.reports.selectors import yearly_texts

#: The documents of a closed quarter, by the name in their URL and on the command line.
QUARTER_DOCUMENTS = {"summary": quarterly.summary_document, "mayor": quarterly.mayor_document}


def quarter_document(close: QuarterClose, name: str) -> Document:
    return QUARTER_DOCUMENTS[name](quarterly_report(close))


def year_document(year: int, *, today: dt.date) -> Document:
    """The yearly report as of `today` (31 December for a year that has ended)."""
    report = yearly_report(year, today=today, texts=yearly_texts(year).values)
    return yearly.yearly_document(report)
