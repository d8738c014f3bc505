"""`radadata use_history FILE`: views and downloads counted before RadaData, month by month.

    radadata use_history statystyka.csv --dry-run     # what each row would store, or why not
    radadata use_history statystyka.csv               # every row or none
    radadata use_history statystyka.csv --good-rows   # the rows that pass
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from radadata.core.errors import ValidationFailed
from radadata.reports.use_history import plan_use_import, use_history_import


class Command(BaseCommand):
    help = ("Import monthly views and downloads from before RadaData (CSV or XLSX with the "
            "columns dataset, month, views, downloads).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FILE")
        parser.add_argument("--dry-run", action="store_true", help="Save nothing.")
        parser.add_argument("--good-rows", action="store_true",
                            help="Store the rows that pass and leave out the rejected ones.")
        parser.add_argument("--lang", choices=["uk", "en"], default="uk")

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        with translation.override(options["lang"]):
            try:
                data = path.read_bytes()
            except OSError as error:
                raise CommandError(f"{path}: {error.strerror}") from error
            try:
                if options["dry_run"]:
                    plan = plan_use_import(data, at=timezone.now(), filename=path.name)
                else:
                    plan = use_history_import(data=data, by=None, at=timezone.now(),
                                              filename=path.name,
                                              good_rows=options["good_rows"])
            except ValidationFailed as error:
                raise CommandError("\n".join(m for ms in error.errors.values() for m in ms)
                                   ) from error
            for row in plan.rows:
                month = row.month.strftime("%m.%Y") if row.month else row.month_text
                status = "✗ " + " ".join(row.problems) if row.problems else "✓"
                self.stdout.write(f"{_('Row')} {row.row:>5}  {month}  {row.dataset_text}: "
                                  f"{row.views} / {row.downloads}  {status}")
            self.stdout.write(_("%(good)d months to store, %(bad)d rejected.")
                              % {"good": len(plan.good_rows), "bad": len(plan.rejected)})
            if plan.rejected and options["dry_run"]:
                raise CommandError(_("Rejected rows: %(count)d.") % {"count": len(plan.rejected)})
