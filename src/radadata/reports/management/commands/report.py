"""`radadata report quarterly|yearly`: the documents of the report pages, from the command line.

    radadata report quarterly 2026Q3                       # the working group's summary, DOCX
    radadata report quarterly 2026Q3 --document mayor --format pdf --out mayor.pdf
    radadata report quarterly 2026Q3 --close               # close the quarter first (as the system)
    radadata report yearly 2025 --format docx              # the decision with the report
    radadata report audit 2026 --format docx --out audit.docx  # the data audit's report
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from radadata.core.errors import DomainError
from radadata.reports import selectors, services
from radadata.reports.documents.blocks import Document
from radadata.reports.documents.build import QUARTER_DOCUMENTS, quarter_document, year_document
from radadata.reports.periods import Quarter
from radadata.reports.renderers import FORMATS, render


class Command(BaseCommand):
    help = "Write a quarterly monitoring document or the yearly report as DOCX, PDF, HTML or XLSX."

    def add_arguments(self, parser: CommandParser) -> None:
        kinds = parser.add_subparsers(dest="kind", required=True,
                                      metavar="{quarterly,yearly,audit}")
        quarterly = kinds.add_parser("quarterly", help="A closed quarter's document (§8.5).")
        quarterly.add_argument("quarter", help="The quarter, e.g. 2026Q3.")
        quarterly.add_argument("--document", choices=list(QUARTER_DOCUMENTS), default="summary",
                               help="summary (for the working group, default) or mayor.")
        quarterly.add_argument("--close", action="store_true",
                               help="Close the quarter first if it is not closed (freezes its "
                                    "figures and drafts the conclusions).")
        yearly = kinds.add_parser("yearly", help="The yearly report to the council (§8.5).")
        yearly.add_argument("year", type=int, help="The year, e.g. 2025.")
        audit = kinds.add_parser("audit", help="The data audit's report (§3.5) or its order.")
        audit.add_argument("year", type=int, help="The audit's year, e.g. 2026.")
        audit.add_argument("--document", choices=("report", "order"), default="report")
        for sub in (quarterly, yearly, audit):
            sub.add_argument("--format", choices=FORMATS, default="docx")
            sub.add_argument("--out", "-o", metavar="FILE",
                             help="Where to write (default: the document's own name here; "
                                  "'-' writes HTML to standard output).")

    def handle(self, *args, **options) -> None:
        try:
            if options["kind"] == "audit":
                from radadata.audit.documents import audit_document

                document = audit_document(options["year"], options["document"])
            else:
                document = (self._quarterly(options) if options["kind"] == "quarterly"
                            else year_document(options["year"], today=timezone.localdate()))
        except DomainError as error:
            raise CommandError(error.message) from error
        self._write(document, options["format"], options["out"])

    def _quarterly(self, options: dict) -> Document:
        quarter = Quarter.parse(options["quarter"])
        if options["close"] and not selectors.closed_quarters().filter(
                year=quarter.year, quarter=quarter.number).exists():
            services.quarter_close(quarter=quarter, by=None, at=timezone.now())
            self.stderr.write(f"Quarter {quarter} is closed: its figures are frozen.")
        close = selectors.quarter_close_for(quarter)
        return quarter_document(close, options["document"])

    def _write(self, document: Document, fmt: str, out: str | None) -> None:
        content = render(document, fmt)
        if out == "-":
            if fmt != "html":
                raise CommandError(f"{fmt.upper()} is a binary file: give --out FILE.")
            self.stdout.write(content.decode("utf-8"), ending="")
            return
        path = Path(out or f"{document.filename}.{fmt}")
        try:
            path.write_bytes(content)
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error.strerror}.") from error
        self.stderr.write(f"{path}: {document.title} ({fmt.upper()}, {len(content)} bytes)")
