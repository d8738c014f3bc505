"""`radadata priorities`: the ranked candidates for publication with the parts of their score.

    radadata priorities                     # CSV to standard output
    radadata priorities --format json --out priorities.json
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from radadata.audit import exports


class Command(BaseCommand):
    help = "The candidates for publication ranked by their priority score, as CSV or JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=("csv", "json"), default="csv")
        parser.add_argument("--out", "-o", metavar="FILE",
                            help="Where to write (default: standard output).")

    def handle(self, *args, **options) -> None:
        data = exports.rows(today=timezone.localdate())
        content = exports.as_csv(data) if options["format"] == "csv" else exports.as_json(data)
        if not options["out"] or options["out"] == "-":
            self.stdout.write(content.decode("utf-8"), ending="")
            return
        path = Path(options["out"])
        try:
            path.write_bytes(content)
        except OSError as error:
            raise CommandError(_("Cannot write %(path)s: %(reason)s.")
                               % {"path": path, "reason": error.strerror}) from error
        count = len(data)
        self.stderr.write(ngettext("%(path)s: %(count)d candidate",
                                   "%(path)s: %(count)d candidates", count)
                          % {"path": path, "count": count})
