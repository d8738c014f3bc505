"""`radadata council init|show|set`: the council's own details on the command line.

    radadata council init                 # a new installation: asks for the administrator and
                                          # the council's details (or give them as options)
    radadata council show
    radadata council set --name "Світлогірська міська рада" --head-name "Коваленко Ірина
        Петрівна" --head-title "Міський голова" --signer-name "…" --signer-title "…" --edrpou …
"""

from __future__ import annotations

import getpass

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from radadata.core.errors import DomainError, ValidationFailed
from radadata.registry.models import Council
from radadata.registry.models.council import CouncilKind
from radadata.registry.services import council as council_services

#: Option name → Council field, in the order `show` prints them.
OPTIONS = (
    ("name", "name"), ("short-name", "short_name"), ("kind", "kind"), ("edrpou", "edrpou"),
    ("city", "city"), ("address", "address"), ("website", "website"), ("email", "email"),
    ("head-name", "head_name"), ("head-title", "head_title"), ("signer-name", "signer_name"),
    ("signer-title", "signer_title"), ("officer-name", "officer_name"),
    ("officer-title", "officer_title"),
)
ADMIN_OPTIONS = (("admin-email", "admin_email"), ("admin-last-name", "admin_last_name"),
                 ("admin-first-name", "admin_first_name"),
                 ("admin-patronymic", "admin_patronymic"))


def _details(parser: CommandParser) -> None:
    for option, field in OPTIONS:
        model_field = Council._meta.get_field(field)
        kwargs = {"choices": CouncilKind.values} if field == "kind" else {}
        parser.add_argument(f"--{option}", dest=field, default=None,
                            help=str(model_field.verbose_name), **kwargs)
    parser.add_argument("--count-moderation", dest="reports_count_moderation",
                        choices=["yes", "no"], default=None,
                        help="Reports count datasets on moderation (yes) or published only.")


class Command(BaseCommand):
    help = "Set up a new installation, show or change the council's details."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--lang", choices=["uk", "en"], default="uk",
                            help="Language of the messages (Ukrainian by default).")
        actions = parser.add_subparsers(dest="action", required=True,
                                        metavar="{init,show,set}")
        init = actions.add_parser("init", help="A new installation: the first administrator "
                                               "and the council's details.")
        _details(init)
        for option, field in ADMIN_OPTIONS:
            init.add_argument(f"--{option}", dest=field, default=None)
        init.add_argument("--no-input", action="store_true",
                          help="Ask nothing; the password comes from RADADATA_ADMIN_PASSWORD.")
        actions.add_parser("show", help="Print the council's details.")
        change = actions.add_parser("set", help="Change the council's details.")
        _details(change)

    def handle(self, *args, **options) -> None:
        with translation.override(options["lang"]):
            try:
                getattr(self, options["action"])(options)
            except ValidationFailed as error:
                lines = [f"{field}: {message}" for field, messages in error.errors.items()
                         for message in messages]
                raise CommandError("\n".join(lines)) from error
            except DomainError as error:
                raise CommandError(error.message) from error

    def _fields(self, options: dict) -> dict:
        fields = {field: options[field] for _option, field in OPTIONS
                  if options.get(field) is not None}
        if options.get("reports_count_moderation") is not None:
            fields["reports_count_moderation"] = options["reports_count_moderation"] == "yes"
        return fields

    def show(self, options: dict) -> None:
        council = Council.current()
        if not council.is_set_up:
            self.stdout.write(_("The council is not set up yet: run “radadata council init”."))
            return
        for _option, field in OPTIONS:
            model_field = Council._meta.get_field(field)
            value = (council.get_kind_display() if field == "kind"
                     else getattr(council, field)) or "—"
            self.stdout.write(f"{str(model_field.verbose_name).capitalize()}: {value}")
        counts = (_("published and on moderation") if council.reports_count_moderation
                  else _("published only"))
        self.stdout.write(_("Reports count: %(what)s") % {"what": counts})

    def set(self, options: dict) -> None:
        fields = self._fields(options)
        if not fields:
            raise CommandError(_("Nothing to change: give at least one option, e.g. --name."))
        council_services.council_update(by=None, at=timezone.now(), **fields)
        self.stdout.write(self.style.SUCCESS(_("The council's details are saved.")))
        self.show(options)

    def init(self, options: dict) -> None:
        if not council_services.installation_is_new():
            raise CommandError(_("This installation is already set up; change the council "
                                 "with “radadata council set”."))
        fields = self._fields(options)
        admin = {field: options.get(field) or "" for _option, field in ADMIN_OPTIONS}
        interactive = not options["no_input"]
        if interactive:
            questions = [("admin_email", _("Administrator's e-mail")),
                         ("admin_last_name", _("Administrator's surname")),
                         ("admin_first_name", _("Administrator's given name")),
                         ("admin_patronymic", _("Administrator's patronymic"))]
            for field, question in questions:
                if not admin[field]:
                    admin[field] = input(f"{question}: ").strip()
            for _option, field in OPTIONS:
                if field not in fields and field != "kind":
                    label = str(Council._meta.get_field(field).verbose_name).capitalize()
                    answer = input(f"{label}: ").strip()
                    if answer:
                        fields[field] = answer
            password = getpass.getpass(_("Administrator's password (10 characters or more): "))
        else:
            import os

            password = os.environ.get("RADADATA_ADMIN_PASSWORD", "")
        council, user = council_services.council_set_up(
            admin_password=password, at=timezone.now(), **admin, **fields)
        self.stdout.write(self.style.SUCCESS(
            _("%(council)s is set up. Sign in at /login/ as %(email)s.")
            % {"council": council.name, "email": user.email}))
