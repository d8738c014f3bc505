"""`radadata reindex`: rebuild the search index of the catalogue from the registry.

The registry's services keep the index in step; this is for a database filled before the
search existed, or restored from a copy."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from radadata.catalog.search import reindex_all


class Command(BaseCommand):
    help = "Rebuild the catalogue's search index from the published datasets."

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        count = reindex_all()
        self.stdout.write(self.style.SUCCESS(
            f"Search index rebuilt in {time.monotonic() - started:.1f} s: {count} datasets."))
