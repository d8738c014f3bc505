"""`radadata check FILE`: the checks an upload passes, on the owner's own computer.

    radadata check budget.csv                          # a report in Ukrainian
    radadata check budget.csv --schema structure.json  # validated against the dataset's structure
    radadata check shelters.xlsx --structure 2025/72-shelters  # against a national structure
    radadata check budget.csv --json --lang en         # the report as JSON, messages in English

Exit status: 0 the file passes, 1 it does not (errors or blocking findings), 2 it could not be
read. Without FILE this is Django's own `check` (the system checks), as before.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.core.management.commands.check import Command as SystemCheckCommand
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from radadata.checks import codes_file as codes
from radadata.checks.findings import Finding, Report, Severity

_BIG = 5 * 1024 * 1024  # from this size on, progress goes to standard error
_SECTIONS = (  # translated when printed (gettext_noop marks them for the catalogue)
    (Severity.BLOCKING, gettext_noop("Blocking publication (%(count)s)")),
    (Severity.ERROR, gettext_noop("Errors (%(count)s)")),
    (Severity.WARNING, gettext_noop("Warnings (%(count)s)")),
    (Severity.INFO, gettext_noop("For information (%(count)s)")),
)


class Command(SystemCheckCommand):
    help = ("Check a data file as RadaData checks an upload: radadata check FILE [--schema "
            "STRUCTURE.json] [--json] [--lang en]. Exit status 0: passed, 1: not passed, "
            "2: could not be read. Without FILE, Django's system checks run.")

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        for action in parser._actions:  # Django's positional app labels double as FILE
            if action.dest == "args":
                action.metavar = "FILE"
                action.help = ("The data file to check (or app labels, for Django's system "
                               "checks).")
        parser.add_argument("--schema", metavar="STRUCTURE",
                            help="The dataset's structure to validate the file against: CSVW "
                                 "JSON, Table Schema or Data Package (datapackage.json); "
                                 "without it the structure is inferred.")
        parser.add_argument("--structure", metavar="EDITION/ID",
                            help="A national structure to validate the file against, e.g. "
                                 "2025/72-shelters (see: radadata structures list).")
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")
        parser.add_argument("--lang", choices=["uk", "en"], default="uk",
                            help="Language of the report (default: uk).")

    def handle(self, *args: str, **options: Any) -> None:
        if not _file_mode(args, options):
            super().handle(*args, **options)
            return
        if len(args) != 1:
            raise CommandError("Give exactly one FILE to check.", returncode=2)
        path = Path(args[0])
        with translation.override(options["lang"]):
            if not path.is_file():
                raise CommandError(_("%(path)s: no such file.") % {"path": path}, returncode=2)
            schema = _schema(options["schema"]) or _structure(options.get("structure"))
        from radadata.checks.engine import check_file  # polars and the detectors load here

        with translation.override(options["lang"]):
            report = check_file(path, name=path.name, schema=schema,
                                progress=self._progress(path))
            status = exit_status(report)
            if options["json"]:
                self.stdout.write(json.dumps(as_json(report, path.name, status),
                                             ensure_ascii=False, indent=2))
            else:
                self.stdout.write(render_text(report, path.name, status))
        if status:
            sys.exit(status)

    def _progress(self, path: Path):
        if path.stat().st_size < _BIG:
            return None
        shown = [-1]

        def show(fraction: float) -> None:
            percent = int(fraction * 100) // 10 * 10
            if percent > shown[0]:
                shown[0] = percent
                self.stderr.write(_("Checked %(percent)s%%") % {"percent": percent})

        return show


def _file_mode(args: tuple[str, ...], options: dict[str, Any]) -> bool:
    """A file to check, not app labels: app labels never hold a dot or a slash."""
    if options.get("schema") or options.get("structure") or options.get("json"):
        return True
    return any("." in arg or "/" in arg or "\\" in arg or Path(arg).is_file() for arg in args)


def _schema(name: str | None) -> dict | None:
    """The structure file: CSVW JSON, Table Schema or Data Package, as a Table Schema."""
    if not name:
        return None
    from radadata.structures.errors import SchemaInvalid
    from radadata.structures.schema import read_schema

    try:
        document = json.loads(Path(name).read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise CommandError(_("%(name)s: cannot read the structure (%(error)s).")
                           % {"name": name, "error": error.strerror or error},
                           returncode=2) from error
    except ValueError as error:
        where = (_(" (line %(line)s, column %(column)s)")
                 % {"line": error.lineno, "column": error.colno}
                 if isinstance(error, json.JSONDecodeError) else "")
        raise CommandError(_("%(name)s: the structure is not valid JSON%(where)s.")
                           % {"name": name, "where": where}, returncode=2) from error
    try:
        return read_schema(document)
    except SchemaInvalid as error:
        raise CommandError(f"{name}: {error.message}", returncode=2) from error


def _structure(ident: str | None) -> dict | None:
    """A national structure by its id (2025/72-shelters), as a Table Schema."""
    if not ident:
        return None
    from radadata.structures import catalog
    from radadata.structures.errors import StructureNotFound

    try:
        return catalog.get(ident).table_schema()
    except StructureNotFound as error:
        raise CommandError(error.message, returncode=2) from error


def exit_status(report: Report) -> int:
    if report.columns == [] and any(f.code in codes.UNREADABLE for f in report.findings):
        return 2
    return 0 if report.passed else 1


def as_json(report: Report, name: str, status: int) -> dict[str, Any]:
    data = report.as_dict()
    data["findings"] = [{**f.as_dict(), "severity": f.severity.value, "message": f.message(),
                         "fix": f.fix()} for f in report.findings]
    return {"file": name, "passed": report.passed, "exit_status": status, **data}


def render_text(report: Report, name: str, status: int) -> str:
    lines = [_("File: %(name)s") % {"name": name}, _facts(report), ""]
    for severity, title in _SECTIONS:
        found = report.by_severity(severity)
        if not found:
            continue
        lines.append(_(title) % {"count": len(found)})
        for number, finding in enumerate(found, start=1):
            lines.extend(_finding(number, finding))
        lines.append("")
    if status == 2:
        lines.append(_("Result: the file could not be read. Fix the problems above and check "
                       "it again."))
    elif status == 1:
        lines.append(_("Result: the file did not pass the checks. Fix the errors above and "
                       "check it again."))
    else:
        lines.append(_("Result: the file passed the checks."))
    return "\n".join(lines)


def _facts(report: Report) -> str:
    facts = [_("format: %(format)s") % {"format": (report.format or "?").upper()}]
    if report.encoding:
        facts.append(_("encoding: %(encoding)s") % {"encoding": report.encoding})
    if report.delimiter:
        shown = {"\t": _("tab")}.get(report.delimiter, f"“{report.delimiter}”")
        facts.append(_("delimiter: %(delimiter)s") % {"delimiter": shown})
    if report.columns:
        facts.append(_("%(rows)s data rows, %(columns)s columns")
                     % {"rows": report.rows, "columns": len(report.columns)})
    return "; ".join(facts)


def _finding(number: int, finding: Finding) -> list[str]:
    where = []
    if finding.part:
        where.append(finding.part)
    if finding.row is not None:
        where.append(_("row %(row)s") % {"row": finding.row})
    if finding.column:
        where.append(_("column “%(column)s”") % {"column": finding.column})
    place = f"{', '.join(where)}: " if where else ""
    lines = [f"  {number}. {place}{finding.message()}"]
    if finding.excerpt:
        lines.append("     " + _("Value: %(excerpt)s") % {"excerpt": finding.excerpt})
    lines.append("     " + _("What to do: %(fix)s") % {"fix": finding.fix()})
    return lines
