"""The `radadata` command: Django's management commands under a friendlier name.

    radadata registry export --format csv
    radadata registry import FILE --dry-run
    radadata serve
"""

from __future__ import annotations

import gc
import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radadata.config.settings.dev")
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["serve"]:
        # Straight to gunicorn, which sets Django up in its master: not twice.
        from radadata.core.management.commands.serve import serve_fast

        serve_fast(args[1:])
        return
    from django.apps import apps
    from django.core.management import execute_from_command_line

    if apps.ready:  # called again in a process already set up (a test): as Django does
        execute_from_command_line(["radadata", *args])
        return
    # Setting Django up makes about a million objects that live as long as the process; the
    # garbage collector would walk them again and again while they are made (a tenth of a
    # second, an eighth of `radadata check small.csv`). It stays off until the apps are ready.
    gc.disable()
    try:
        _execute(["radadata", *args])
    finally:
        # The process ends with the command: its garbage is collected once, then everything
        # left is frozen, so that Python's collections while it tears the modules down do not
        # walk those objects again and again (0.1 s, a seventh of `radadata check small.csv`).
        gc.enable()
        gc.collect()
        gc.freeze()


def _execute(argv: list[str]) -> None:
    """execute_from_command_line, with the collector back on once Django is set up."""
    from django.core.management import ManagementUtility

    class Utility(ManagementUtility):
        def autocomplete(self) -> None:
            # Django calls this right after django.setup(), before the command runs: the
            # start-up's objects are frozen (never walked again) and the collector is back.
            gc.freeze()
            gc.enable()
            super().autocomplete()

    Utility(argv).execute()


if __name__ == "__main__":
    main()
