from django.apps import AppConfig
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "radadata.workflow"
    label = "workflow"
    verbose_name = "Workflow"

    def ready(self) -> None:
        from radadata.core.audit_labels import register_actions
        from radadata.workflow.states import Action

        # The audit log names each step of a submission as the timeline does.
        # format_lazy: translated when shown, in the language of that request.
        register_actions({f"submission.{action.value}": format_lazy("{}: {}", _("submission"),
                                                                      action.label)
                          for action in Action})
        register_actions({"submission.opened": _("submission opened"),
                          "submission.letter_attached": _("signed cover letter attached")})

        # A finished check of a file moves the submissions that wait for it (checks.hooks).
        from radadata.checks import hooks
        from radadata.workflow.services import submissions_checks_finished

        if submissions_checks_finished not in hooks.on_check_finished:
            hooks.on_check_finished.append(submissions_checks_finished)

        # «One file, every format»: a new version of a table makes its other formats.
        from radadata.registry import hooks as registry_hooks
        from radadata.workflow import format_copies

        if format_copies.on_version_added not in registry_hooks.on_version_added:
            registry_hooks.on_version_added.append(format_copies.on_version_added)
        register_actions({"resource.every_format": _("table published in every format")})
