from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "radadata.jobs"
    label = "jobs"
    verbose_name = "Background jobs"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from radadata.core.audit_labels import register_actions

        register_actions({
            "job.start": _("started a background job"),
            "job.cancel": _("cancelled a background job"),
            "job.resume": _("resumed a background job"),
        })
