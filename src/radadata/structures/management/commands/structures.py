"""`radadata structures list|show|template`: the national dataset structures.

    radadata structures list [--edition 2025] [--search "захисні споруди"]
    radadata structures show 2025/72-shelters [--format csvw|tableschema|datapackage|xsd]
    radadata structures template 2025/72-shelters --format xlsx --out shelters.xlsx

Exit status 2 for an unknown structure id (the message lists near ones).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from radadata.structures import catalog, downloads
from radadata.structures.errors import StructureNotFound


class Command(BaseCommand):
    help = ("The national dataset structures: list them, show one's columns or its "
            "CSVW/Table Schema/Data Package/XSD, write its empty template (XLSX or CSV).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--lang", choices=["uk", "en"], default="uk",
                            help="Language of the output (default: uk).")
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list", help="List the structures by edition and appendix.")
        listing.add_argument("--edition", help="Only this edition (2019, 2025).")
        listing.add_argument("--search", help="Only structures whose title holds these words.")
        show = sub.add_parser("show", help="Show a structure's columns.")
        show.add_argument("id", help="EDITION/ID, e.g. 2025/72-shelters")
        show.add_argument("--format", choices=["text", *downloads.SCHEMA_FORMATS],
                          default="text")
        template = sub.add_parser("template", help="Write the empty template to fill in.")
        template.add_argument("id", help="EDITION/ID, e.g. 2025/72-shelters")
        template.add_argument("--format", choices=["xlsx", "csv"], default="xlsx")
        template.add_argument("--out", help="The file to write (default: ID.FORMAT).")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(options["lang"]):
            try:
                getattr(self, f"_{options['action']}")(options)
            except StructureNotFound as error:
                self.stderr.write(error.message)
                sys.exit(2)

    def _list(self, options: dict[str, Any]) -> None:
        from radadata.structures.search import search

        found = search(options.get("search") or "", edition=options.get("edition") or "")
        current = None
        for structure in found:
            if structure.edition.code != current:
                current = structure.edition.code
                edition = structure.edition
                self.stdout.write(f"{edition.code}: {edition.label()}")
                if not edition.confirmed:
                    self.stdout.write("  " + _("Status: adoption not confirmed. %(note)s")
                                      % {"note": edition.note()})
            appendix = (_("appendix %(number)s") % {"number": structure.appendix}
                        if structure.appendix else "")
            columns = _("%(count)s columns") % {"count": len(structure.columns)}
            self.stdout.write(f"  {structure.id:<44} {structure.full_title}"
                              f" ({', '.join(p for p in (appendix, columns) if p)})")
        if not found:
            self.stdout.write(_("No structure matches."))

    def _show(self, options: dict[str, Any]) -> None:
        structure = catalog.get(options["id"])
        fmt = options["format"]
        if fmt != "text":
            body, _type, _name = downloads.schema_file(structure, fmt)
            self.stdout.write(body.decode("utf-8"))
            return
        edition = structure.edition
        self.stdout.write(f"{structure.id}: {structure.full_title}")
        self.stdout.write(_("Edition: %(edition)s") % {"edition": edition.label()})
        if structure.appendix:
            self.stdout.write(_("Appendix: %(number)s") % {"number": structure.appendix})
        self.stdout.write(_("Source: %(source)s") % {"source": edition.source})
        if not edition.confirmed:
            self.stdout.write(_("Status: adoption not confirmed. %(note)s")
                              % {"note": edition.note()})
        self.stdout.write("")
        for number, column in enumerate(structure.columns, start=1):
            required = _("required") if column["required"] else _("optional")
            self.stdout.write(f"{number:>3}. {column['name']} — {column['title']} "
                              f"[{column['datatype']}, {required}]")
            if column["description"]:
                self.stdout.write(f"     {column['description']}")

    def _template(self, options: dict[str, Any]) -> None:
        structure = catalog.get(options["id"])
        fmt = options["format"]
        body, _type, name = downloads.template_file(structure, fmt)
        out = Path(options.get("out") or name)
        try:
            out.write_bytes(body)
        except OSError as error:
            raise CommandError(_("Cannot write %(path)s: %(error)s")
                               % {"path": out, "error": error}, returncode=2) from error
        self.stdout.write(_("Template written: %(path)s") % {"path": out})
