"""`radadata load_demo`: the demo council (make run calls it every time; it loads only once)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from radadata.config import declared
from radadata.registry.demo import load_demo
from radadata.registry.models import Council, Owner


class Command(BaseCommand):
    help = ("Load the demo council «Світлогірська міська рада», unless the council has owners, "
            "is set up as a real council, or RADADATA_DEMO is false.")

    def handle(self, *args, **options) -> None:
        if not declared.get("RADADATA_DEMO"):
            self.stdout.write(_("RADADATA_DEMO is off: no demo council is loaded."))
            return
        council = Council.current()
        if council.is_set_up and not Owner.objects.exists():
            self.stdout.write(_("%(council)s is set up as a real council: no demo is loaded "
                                "into it.") % {"council": council.name})
            return
        started = time.monotonic()
        summary = load_demo()
        if summary is None:
            self.stdout.write("The demo is already loaded (the council has owners); "
                              "nothing changed.")
            return
        share = summary.approved_published / summary.approved if summary.approved else 0
        self.stdout.write(self.style.SUCCESS(
            f"Demo council loaded in {time.monotonic() - started:.1f} s: "
            f"{summary.owners} owners, {summary.people} people, {summary.datasets} datasets "
            f"({summary.published} published, {summary.files} files), approved list "
            f"{summary.approved} items, {share:.0%} published."))
        self.stdout.write("Sign in at /login/ as opendata@svitlohirsk-rada.example.ua with "
                          "the password demo-rada-2026 (docs/demo.md lists every account).")
