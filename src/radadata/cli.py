"""The `radadata` command: Django's management commands under a friendlier name.

    radadata registry export --format csv
    radadata registry import FILE --dry-run
    radadata serve
"""

from __future__ import annotations

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
    from django.core.management import execute_from_command_line

    execute_from_command_line(["radadata", *args])


if __name__ == "__main__":
    main()
