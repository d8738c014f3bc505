from django.apps import AppConfig


class ChecksConfig(AppConfig):
    name = "radadata.checks"
    label = "checks"
    verbose_name = "Checks"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from radadata.checks import jobs  # noqa: F401  (registers the check job)
        from radadata.checks.services import runs
        from radadata.core.audit_labels import EXTRA_LABELS, register_actions
        from radadata.registry import hooks

        runs.load_codes()  # the pages read stored findings through the catalogue of codes
        # Every new version is checked; a version is public only once its check allows it.
        if runs.on_version_added not in hooks.on_version_added:
            hooks.on_version_added.append(runs.on_version_added)
        if runs.hold_unpassed not in hooks.publishable:
            hooks.publishable.append(runs.hold_unpassed)

        register_actions({
            "checks.version_checked": _("file checked"),
            "checks.version_check_failed": _("check of a file could not finish"),
            "checks.version_rechecked": _("file checked again"),
            "checks.version_published": _("file published after its check passed"),
            "checks.converted_to_utf8": _("file converted to UTF-8"),
            "checks.column_anonymised": _("column anonymised (§2.9)"),
            "checks.column_ruled": _("decision on a personal-data column recorded"),
            "checks.column_ruling_removed": _("decision on a personal-data column withdrawn"),
            "checks.structure_saved": _("structure of the data saved"),
        })
        # The keys of the checks' audit changes that are not model fields.
        EXTRA_LABELS.update({
            "errors": _("errors"),
            "warnings": _("warnings"),
            "blocking": _("blocking findings"),
            "ruling": _("decision on the column"),
            "structure": _("columns of the structure"),
            "encoding": _("encoding"),
            "cells": _("cells changed"),
        })
