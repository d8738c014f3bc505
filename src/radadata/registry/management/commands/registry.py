"""`radadata registry export|import`: the published registry on the command line, and the
import of a council's Excel or CSV list.

    radadata registry export --format csv                     # §4.10 registry to standard output
    radadata registry export --format xlsx --structure 2019 --output registry-2019.xlsx
    radadata registry import list.xlsx --dry-run              # what it would do, row by row
    radadata registry import list.csv --map "Примітка=ignore" --map "Код=publisherIdentifier"
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from radadata.core.errors import ValidationFailed
from radadata.registry import exports, imports
from radadata.registry.exports import PUBLISHED, REGISTRY_INTERNAL
from radadata.registry.imports.columns import FIELD_KEYS, normalise
from radadata.registry.imports.report import text_report, unmapped_columns


class Command(BaseCommand):
    help = "Export the registry (CSV, JSON, XLSX) or import it from an Excel or CSV list."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="{export,import}")
        export = actions.add_parser(
            "export", help="Print or write the registry of published datasets.")
        export.add_argument("--format", choices=exports.FORMATS, default="csv")
        export.add_argument(
            "--structure", choices=[*PUBLISHED, REGISTRY_INTERNAL.key], default="4.10",
            help="4.10 (the regulation's, default), 2019 or 2025 (national), or internal "
                 "(the full §4.3 registry, every dataset).")
        export.add_argument("--output", "-o", metavar="FILE",
                            help="Write to FILE instead of standard output (needed for xlsx).")
        load = actions.add_parser(
            "import", help="Import datasets from an .xlsx or .csv list: all rows or none.")
        load.add_argument("file", metavar="FILE")
        load.add_argument("--dry-run", action="store_true",
                          help="Only report what each row would do; save nothing.")
        load.add_argument(
            "--map", action="append", default=[], metavar="COLUMN=FIELD",
            help="Say which field a column holds (by its header or letter); FIELD is one of "
                 f"{', '.join(FIELD_KEYS)}, or ignore. May be repeated.")
        load.add_argument("--only-rejected", action="store_true",
                          help="List only the rejected rows (and the summary).")
        load.add_argument("--good-rows", action="store_true",
                          help="Import the rows that pass and leave out the rejected ones "
                               "(one transaction for the rows imported).")
        load.add_argument("--rejected-out", metavar="FILE.xlsx",
                          help="Write the rejected rows, with what to fix in each, to an "
                               ".xlsx to correct and import again.")

    def handle(self, *args, **options) -> None:
        if options["action"] == "export":
            self.export(options["format"], options["structure"], options["output"])
        else:
            self.load(Path(options["file"]), dry_run=options["dry_run"],
                      maps=options["map"], only_rejected=options["only_rejected"],
                      good_rows=options["good_rows"], rejected_out=options["rejected_out"])

    # export -----------------------------------------------------------------------------------
    def export(self, fmt: str, key: str, output: str | None) -> None:
        if key == REGISTRY_INTERNAL.key:
            structure, rows = REGISTRY_INTERNAL, exports.internal_rows(None)
        else:
            structure = PUBLISHED[key]
            rows = exports.published_rows(structure)
        if output:
            with open(output, "wb") as stream:
                for chunk in exports.rendered(fmt, structure.header, rows):
                    stream.write(chunk)
            self.stderr.write(f"{output}: {structure.key} registry, {fmt.upper()}")
            return
        if fmt == "xlsx":
            raise CommandError("XLSX is a binary file: give --output FILE.")
        chunks = exports.csv_chunks if fmt == "csv" else exports.json_chunks
        for chunk in chunks(structure.header, rows):
            self.stdout.write(chunk, ending="")

    # import -----------------------------------------------------------------------------------
    def _mapping(self, table: imports.Table, maps: list[str]) -> list[str | None]:
        mapping = imports.recognise(table.header)
        for item in maps:
            column, sep, name = item.rpartition("=")
            if not sep or not column.strip():
                raise CommandError(f'--map takes "COLUMN=FIELD", got "{item}".')
            index = self._column_index(table, column.strip())
            field = imports.resolve_field(name)
            if field is None:
                raise CommandError(f'Unknown field "{name}"; use one of '
                                   f"{', '.join(FIELD_KEYS)}, or ignore.")
            mapping[index] = field
        for column in unmapped_columns(table, mapping):
            self.stderr.write(f"Column {column} is not recognised and is ignored; "
                              f'map it with --map "COLUMN=FIELD".')
        return [key or imports.IGNORE for key in mapping]

    @staticmethod
    def _column_index(table: imports.Table, column: str) -> int:
        for index, header in enumerate(table.header):
            if normalise(header) == normalise(column) and header.strip():
                return index
        for index in range(len(table.header)):
            if imports.letter(index) == column.upper():
                return index
        raise CommandError(f'The file has no column "{column}"; its columns are: '
                           + ", ".join(f"{imports.letter(i)} {h}"
                                       for i, h in enumerate(table.header)))

    def load(self, path: Path, *, dry_run: bool, maps: list[str], only_rejected: bool,
             good_rows: bool = False, rejected_out: str | None = None) -> None:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
        try:
            table = imports.read_table(data, path.name)
            mapping = self._mapping(table, maps)
            if dry_run:
                plan = imports.plan_import(table, mapping, at=timezone.now())
            else:
                plan = imports.registry_import(table=table, mapping=mapping, by=None,
                                               at=timezone.now(), good_rows=good_rows)
        except imports.ImportRejected as rejected:
            self._print(rejected.plan, only_rejected)
            self._rejected_out(rejected.plan, rejected_out)
            raise CommandError(_("Rejected rows: %(count)d; nothing was saved. Correct them and "
                                 "run the import again.")
                               % {"count": len(rejected.plan.rejected)}) from rejected
        except ValidationFailed as error:
            raise CommandError(" ".join(m for ms in error.errors.values() for m in ms)) from error
        self._print(plan, only_rejected)
        self._rejected_out(plan, rejected_out)
        if plan.rejected and not dry_run:
            self.stdout.write(_("Imported the %(good)d good rows; %(count)d rejected rows are "
                                "left out.") % {"good": len(plan.good_rows),
                                                "count": len(plan.rejected)})
            return
        if plan.rejected:
            raise CommandError(_("Rejected rows: %(count)d; correct them before importing, "
                                 "or import the good rows alone with --good-rows.")
                               % {"count": len(plan.rejected)})
        if not dry_run:
            self.stdout.write(_("Imported; every change is in the audit log."))

    def _rejected_out(self, plan: imports.ImportPlan, path: str | None) -> None:
        if path and plan.rejected:
            Path(path).write_bytes(imports.rejected_workbook(plan))
            self.stderr.write(_("The rejected rows, with what to fix, are in %(file)s.")
                              % {"file": path})

    def _print(self, plan: imports.ImportPlan, only_rejected: bool) -> None:
        for line in text_report(plan, only_rejected=only_rejected):
            self.stdout.write(line)
