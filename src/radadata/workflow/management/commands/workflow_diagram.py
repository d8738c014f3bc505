"""`radadata workflow_diagram`: the state diagram and the transition table of the workflow,
drawn from the code.

    radadata workflow_diagram            # print the Markdown (a Mermaid diagram and a table)
    radadata workflow_diagram --write    # rewrite the generated part of docs/workflow.md
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from radadata.workflow import diagram


class Command(BaseCommand):
    help = ("Print the workflow's state diagram and transition table (Markdown), or rewrite "
            "the generated part of docs/workflow.md with --write.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--write", action="store_true",
                            help="Rewrite the part of the file between the markers "
                                 f"{diagram.BEGIN} and {diagram.END}.")
        parser.add_argument("--file", metavar="FILE", type=Path,
                            help="The Markdown file to rewrite (default: docs/workflow.md of "
                                 "the source tree).")

    def handle(self, *args, **options) -> None:
        generated = diagram.render()
        if not options["write"]:
            self.stdout.write(generated)
            return
        path: Path = options["file"] or diagram.docs_path()
        try:
            text = path.read_text(encoding="utf-8")
            updated = diagram.replace_generated(text, generated)
        except FileNotFoundError as error:
            raise CommandError(f"{path} does not exist.") from error
        except ValueError as error:
            raise CommandError(f"{path}: {error}; add them where the diagram belongs.") from error
        if updated == text:
            self.stdout.write(f"{path.name} is up to date.")
            return
        path.write_text(updated, encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"{path.name}: the workflow diagram is rewritten."))
